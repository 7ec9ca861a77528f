import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signInRequest } from '../../core/requests/session.js';
import type { ServiceContext } from '../../services/context.js';
import { signIn, signOut } from '../../services/sessions.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, staffFor } from '../plugins/auth.js';
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

export default async function sessionRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Sign in; sets the HttpOnly session cookie',
        body: signInRequest,
        response: { 200: userResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request, reply) => {
      const { sessionId, user } = await signIn(ctx, request.body);
      setSessionCookie(request, reply, sessionId, ctx.sessionIdleMs);
      return presentUser(user);
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in user',
        response: { 200: userResponse, 401: errorResponse },
      },
    },
    async (request) => presentUser(staffFor(request, 'reports:read')),
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
}
