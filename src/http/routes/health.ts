import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { databaseAnswers } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

export default async function healthRoutes(app: FastifyInstance, options: { db: Kysely<Database> }) {
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(options.db)) return { status: 'ok' };
    return reply.code(503).send({
      status: 'unavailable',
      error: { code: 'unavailable', message: 'La base de datos no responde.' },
    });
  });
}
