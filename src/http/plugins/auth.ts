import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden, Unauthenticated } from '../../core/errors.js';
import { type Action, can, type StaffUser } from '../../core/permissions.js';
import type { Actor } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticate } from '../../services/sessions.js';
import { authenticateToken } from '../../services/tokens.js';

export const SESSION_COOKIE = 'folio_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | undefined;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session: sign-in, health, the public pages. */
    public?: boolean;
    /** What the route does, checked against the permission table before anything else runs. */
    action?: Action;
    /** Reachable while the user must still change an admin-set password. */
    allowWithExpiredPassword?: boolean;
  }
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Every /api/v1 route is either `config.public` or names its `config.action`; a route that
 * does neither stops the server at start. Before validation and before the handler, the
 * caller is identified (session cookie, or an API token as `Authorization: Bearer`) and the
 * action checked against the permission table, so a route cannot forget either.
 */
export default fp(async function auth(app: FastifyInstance, options: { ctx: ServiceContext }) {
  app.decorateRequest('staff', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const config = (route.config ?? {}) as { public?: boolean; action?: Action };
    if (!config.public && !config.action)
      throw new Error(`${String(route.method)} ${route.url} names no action`);
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const config = request.routeOptions.config ?? {};
    if (config.public) return;
    const bearer = bearerOf(request);
    const sessionId = request.cookies[SESSION_COOKIE];
    const staff = bearer
      ? await authenticateToken(options.ctx, bearer, {
          ip: request.ip,
          method: request.method,
          route: request.routeOptions.url ?? request.url,
        })
      : sessionId
        ? await authenticate(options.ctx, sessionId)
        : undefined;
    if (!staff)
      throw new Unauthenticated(
        bearer ? 'El token no es válido o fue revocado.' : 'Inicie sesión para continuar.',
      );
    request.staff = staff;
    if (staff.mustChangePassword && !config.allowWithExpiredPassword) {
      throw new Forbidden('Debe cambiar su contraseña antes de continuar.', 'password_change_required');
    }
    // A signed-in request to a path with no route goes on to the JSON 404.
    if (config.action && !can(staff, config.action))
      throw new Forbidden('Su cuenta no tiene permiso para esta acción.');
  });
});

/** The caller of a staff route (the auth hook has already checked who and what). */
export function signedIn(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new Unauthenticated('Inicie sesión para continuar.');
  return request.staff;
}

/** Who is acting and from where, for use cases that write the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.staff ?? null, ip: request.ip };
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
