import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, DEFAULT_MAX_UPLOAD_MB } from '../../core/attachments.js';
import { DomainError, InvalidInput, Unavailable, UnsupportedMediaType } from '../../core/errors.js';
import { addAttachment, openAttachment, tooLarge, type Upload } from '../../services/attachments.js';
import type { ServiceContext } from '../../services/context.js';
import type { AttachmentStorage } from '../../storage/attachment-storage.js';
import { expectedVersionOf } from '../if-match.js';
import { signedIn } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';
import { reportResponse } from '../presenters/report.js';
import { answerWithReport } from '../report-answer.js';

export interface AttachmentRouteOptions {
  ctx: ServiceContext;
  /** Absent: the server was started without a data folder, and uploads answer 503. */
  storage: AttachmentStorage | undefined;
  /** Per file (FOLIO_MAX_UPLOAD_MB); 10 unless configured. */
  maxUploadMb?: number | undefined;
}

const numberParams = z.object({ number: z.string().max(40) });
const attachmentParams = z.object({ number: z.string().max(40), id: z.string().max(64) });

/**
 * The one file of a multipart request, read whole up to the limit (413 beyond it). A second file
 * answers 400: taking the first alone would tell the sender both were attached.
 */
async function uploadOf(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new UnsupportedMediaType('Envíe el archivo como multipart/form-data.');
  try {
    let upload: Upload | undefined;
    // Two files allowed to the parser, so that the second reaches this loop and is refused here
    // (at its own limit the parser answers 413, which would read as "too large").
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: 2, fields: 10, parts: 20 },
    })) {
      if (part.type !== 'file') continue;
      if (upload)
        throw new InvalidInput('Envíe un archivo por solicitud.', [
          { path: 'file', message: 'Un archivo por solicitud.' },
        ]);
      upload = { fileName: part.filename, content: await part.toBuffer() };
    }
    if (!upload) throw new UnsupportedMediaType('La solicitud no trae ningún archivo.');
    return upload;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // The multipart plugin's own limit errors (file, parts, fields) all answer 413.
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge(maxBytes);
    // Anything else here is the body itself: no boundary, cut short, malformed (the parser's
    // errors carry no status, and were answered 500).
    throw new InvalidInput('El archivo no llegó completo o el envío no es válido; intente de nuevo.', [
      { path: 'file', message: 'Envíe un archivo como multipart/form-data.' },
    ]);
  }
}

/**
 * Files on a report. Uploads are multipart (one file per request); the type is read from the
 * content (PDF, JPEG, PNG, WebP, HEIC), never from the name. Downloads are always offered as
 * a download (`Content-Disposition: attachment`, `nosniff`), so a file can never run as a page
 * of Folio's own origin.
 */
export default async function attachmentRoutes(fastify: FastifyInstance, options: AttachmentRouteOptions) {
  const maxBytes = Math.round((options.maxUploadMb ?? DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024);
  // Registered here, so only these routes accept multipart bodies.
  await fastify.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;
  const storage = () => {
    if (!options.storage)
      throw new Unavailable('Los archivos adjuntos no están disponibles en este servidor.');
    return options.storage;
  };

  app.post(
    '/api/v1/reports/:number/attachments',
    {
      config: { action: 'reports:attach' },
      schema: {
        tags: ['reports'],
        summary: `Attach a file (multipart/form-data, one file, up to ${options.maxUploadMb ?? DEFAULT_MAX_UPLOAD_MB} MB): PDF, JPEG, PNG, WebP or HEIC, judged by the content`,
        params: numberParams,
        response: {
          200: reportResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          413: errorResponse,
          415: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const target = storage();
      const upload = await uploadOf(request, maxBytes);
      const number = await addAttachment(
        ctx,
        target,
        staff,
        request.params.number,
        upload,
        maxBytes,
        expectedVersionOf(request.headers['if-match']),
      );
      return answerWithReport(ctx, request, number);
    },
  );

  app.get(
    '/api/v1/reports/:number/attachments/:id',
    {
      config: { action: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Download an attachment (always as a file to save, never shown inline)',
        params: attachmentParams,
        response: {
          200: z.any().describe('the file, with the content type detected when it was uploaded'),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await openAttachment(
        ctx,
        storage(),
        signedIn(request),
        request.params.number,
        request.params.id,
      );
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Length', String(file.size))
        .header('Content-Disposition', contentDisposition(file.name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(file.content);
    },
  );
}
