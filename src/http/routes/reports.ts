import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.js';
import { fileReportRequest } from '../../core/requests/file-report.js';
import type { ServiceContext } from '../../services/context.js';
import { fileReport } from '../../services/file-report.js';
import { getReport } from '../../services/get-report.js';
import { requestLanguage } from '../language.js';
import { staffFor } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';
import { presentReport, reportResponse } from '../presenters/report.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new InvalidInput('Idempotency-Key debe tener de 1 a 200 caracteres imprimibles.', [
      { path: 'Idempotency-Key', message: 'Valor no válido.' },
    ]);
  }
  return key;
}

export default async function reportRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'File a report; answers with its report number. Send Idempotency-Key to make retries safe.',
        body: fileReportRequest,
        response: { 200: reportResponse, 201: reportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffFor(request, 'reports:file');
      const { report, replayed } = await fileReport(
        ctx,
        staff,
        request.body,
        idempotencyKeyOf(request.headers['idempotency-key']),
      );
      // A replay answers as the first attempt did, so a client that retried sees one outcome.
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).send(presentReport(report, ctx.now(), requestLanguage(request)));
    },
  );

  app.get(
    '/api/v1/reports/:number',
    {
      schema: {
        tags: ['reports'],
        summary: 'A report and its timeline, by number (with or without separators)',
        params: z.object({ number: z.string().max(40) }),
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      staffFor(request, 'reports:read');
      return presentReport(await getReport(ctx, request.params.number), ctx.now(), requestLanguage(request));
    },
  );
}
