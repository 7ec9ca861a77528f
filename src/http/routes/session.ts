import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { msg } from '../../core/requests/fields.js';
import { signInRequest } from '../../core/requests/session.js';
import type { ServiceContext } from '../../services/context.js';
import { changeOwnPassword, signIn, signOut, signOutEverywhere } from '../../services/sessions.js';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie, signedIn } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';

const userResponse = z.object({
  user: z.object({
    username: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    departments: z.array(z.string()),
    mustChangePassword: z.boolean(),
  }),
});

function presentUser(user: z.infer<typeof userResponse>['user']) {
  return {
    user: {
      username: user.username,
      name: user.name,
      roles: user.roles,
      departments: user.departments,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse };

export default async function sessionRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary:
          'Sign in; sets the HttpOnly session cookie. 10 failures in 15 minutes (per user or address) → 429',
        body: signInRequest,
        response: { 200: userResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { sessionId, user } = await signIn(ctx, request.body, request.ip);
      setSessionCookie(request, reply, sessionId, ctx.sessionIdleMs);
      return presentUser(user);
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { action: 'session:own', allowWithExpiredPassword: true },
      schema: {
        tags: ['session'],
        summary: 'The signed-in user',
        response: { 200: userResponse, ...errors },
      },
    },
    async (request) => presentUser(signedIn(request)),
  );

  app.delete(
    '/api/v1/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await signOut(ctx, sessionId);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/sessions',
    {
      config: { action: 'session:own', allowWithExpiredPassword: true },
      schema: {
        tags: ['session'],
        summary: 'Sign out everywhere: end every session of the signed-in user',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signOutEverywhere(ctx, actorOf(request));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/password',
    {
      config: { action: 'session:own', allowWithExpiredPassword: true },
      schema: {
        tags: ['session'],
        summary: 'Change one’s own password (at least 12 characters, not a common one); other sessions end',
        body: z.strictObject({
          currentPassword: z.string(msg('password')).min(1, msg('password')).max(1024, msg('password')),
          newPassword: z.string(msg('password')).min(1, msg('password')).max(1024, msg('password')),
        }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, actorOf(request), request.cookies[SESSION_COOKIE] ?? '', request.body);
      return reply.code(204).send(null);
    },
  );
}
