import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  PayloadTooLarge,
  RuleBroken,
  TooManyRequests,
  Unauthenticated,
  Unavailable,
  UnsupportedMediaType,
} from '../../core/errors.js';
import { validationMessage } from '../../core/validation-messages.js';
import { requestLanguage } from '../language.js';

/**
 * The one place where errors become HTTP answers, always in the shape
 * `{"error":{"code","message","fields"?}}`. Anything not foreseen is logged and answered as a
 * plain 500 without internals; bad input must never get that far.
 */

function statusOf(error: DomainError): number {
  if (error instanceof InvalidInput) return 400;
  if (error instanceof Unauthenticated) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  if (error instanceof PayloadTooLarge) return 413;
  if (error instanceof UnsupportedMediaType) return 415;
  if (error instanceof RuleBroken) return 422;
  if (error instanceof TooManyRequests) return 429;
  if (error instanceof Unavailable) return 503;
  return 500;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_input',
};

const FIELD_LESS_MESSAGES: Record<string, string> = {
  invalid_json: 'El cuerpo de la solicitud no es JSON válido.',
  payload_too_large: 'La solicitud es demasiado grande.',
  unsupported_media_type: 'Tipo de contenido no admitido; envíe application/json.',
  rate_limited: 'Demasiadas solicitudes; espere un momento.',
};

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: { path: string; message: string }[],
) {
  return reply.code(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const language = requestLanguage(request);
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const key = issue.keyword === 'unrecognized_keys' ? 'unknown_field' : issue.message;
        const keys = (issue.params as { keys?: string[] } | undefined)?.keys;
        return {
          path: keys?.length
            ? [path, ...keys].filter(Boolean).join('.')
            : path || (error.validationContext ?? ''),
          message: validationMessage(key ?? 'invalid', language),
        };
      });
      return sendError(
        reply,
        400,
        'invalid_input',
        language === 'en' ? 'Some fields are not valid.' : 'Algunos datos no son válidos.',
        fields,
      );
    }
    const thrown: unknown = error;
    if (thrown instanceof DomainError) {
      const status = statusOf(thrown);
      if (status >= 500) request.log.warn({ code: thrown.code }, thrown.message);
      if (thrown instanceof TooManyRequests) reply.header('Retry-After', String(thrown.retryAfterSeconds));
      return sendError(reply, status, thrown.code, thrown.message, thrown.fields);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        FASTIFY_CODES[error.code] ??
        (status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'invalid_input');
      return sendError(reply, status, code, FIELD_LESS_MESSAGES[code] ?? error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'internal_error', 'Ocurrió un error interno; intente de nuevo.');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `No existe la ruta ${request.method} ${request.url.split('?')[0]}.`),
  );
});
