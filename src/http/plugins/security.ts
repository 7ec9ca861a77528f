import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { Forbidden } from '../../core/errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Whether a state-changing request comes from Folio's own pages. Browsers send `Origin` on
 * every cross-site POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on every request they make, so
 * a request with a foreign Origin, or that the browser itself labels cross-site, is a forged
 * write riding the user's cookie. Callers with an API token carry no cookie and are exempt;
 * tools without a browser (curl, the billing system) send neither header.
 */
export function isCrossSiteWrite(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return false;
  const origin = request.headers.origin;
  if (origin !== undefined) return origin !== ownOrigin(request) && origin !== publicOrigin;
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/** The headers helmet sets with Folio's policy, read off one run of its middleware. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The headers of the JSON API's answers (`/api/v1/…`, `/health`), after OWASP's REST Security
 * Cheat Sheet: they carry customers' names, phones and addresses, so no browser or proxy may
 * store them (`no-store`), and as data, never a document, they may load nothing and be framed
 * by nothing. Routes that answer a file (the receipt, an attachment) set their own on top.
 */
const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

function isApiAnswer(url: string): boolean {
  return url.startsWith('/api/v1/') || url === '/health' || url.startsWith('/health?');
}

/**
 * Security headers on every answer and CSRF protection for cookie-authenticated writes.
 * Pages: the Content-Security-Policy allows scripts only from Folio itself (no inline script,
 * no eval); styles also allow inline `style` attributes and elements because the component
 * library sets CSS variables that way. The API answers with `API_HEADERS`. HSTS is sent only
 * over HTTPS, where it means something.
 */
export default fp(async function security(
  app: FastifyInstance,
  options: { publicOrigin?: string | undefined },
) {
  // Same headers on every answer, so helmet runs once here and each request only copies them
  // (run per request, as its Fastify plugin does, it was 4 % of a report lookup's CPU). One
  // hook, callback style: every hook a request passes through costs it promises and a turn.
  const hsts = { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' };
  const page = securityHeaders();
  const headers = {
    page: { http: page, https: { ...page, ...hsts } },
    api: { http: API_HEADERS, https: { ...API_HEADERS, ...hsts } },
  };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers[isApiAnswer(request.url) ? 'api' : 'page'][request.protocol]);
    if (isCrossSiteWrite(request, options.publicOrigin)) {
      done(new Forbidden('Solicitud rechazada: no proviene de Folio.', 'cross_origin_request'));
      return;
    }
    done();
  });
});
