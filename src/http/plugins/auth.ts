import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden, Unauthenticated } from '../../core/errors.js';
import { type Action, can, type StaffUser } from '../../core/permissions.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticate } from '../../services/sessions.js';

export const SESSION_COOKIE = 'folio_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | undefined;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session: sign-in, health, the public pages. */
    public?: boolean;
  }
}

/**
 * Every /api/v1 route needs a signed-in staff user unless it is marked `config.public`;
 * the check runs before the route's handler, so a route cannot forget it.
 */
export default fp(async function auth(app: FastifyInstance, options: { ctx: ServiceContext }) {
  app.decorateRequest('staff', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    const sessionId = request.cookies[SESSION_COOKIE];
    const staff = sessionId ? await authenticate(options.ctx, sessionId) : undefined;
    if (!staff) throw new Unauthenticated('Inicie sesión para continuar.');
    request.staff = staff;
  });
});

/** The signed-in user, checked against the permission table for the route's action. */
export function staffFor(request: FastifyRequest, action: Action): StaffUser {
  const staff = request.staff;
  if (!staff) throw new Unauthenticated('Inicie sesión para continuar.');
  if (!can(staff, action)) throw new Forbidden('Su cuenta no tiene permiso para esta acción.');
  return staff;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  maxAgeMs: number,
) {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
