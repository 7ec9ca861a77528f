import type { FastifyRequest } from 'fastify';
import type { Language } from '../core/validation-messages.js';

/** Spanish unless the client prefers English first (the interface speaks es-MX by default). */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'es';
}
