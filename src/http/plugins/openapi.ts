import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export default fp(async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Folio API',
        version: '1',
        description:
          'Reportes de servicio al cliente. Errors are always {"error":{"code","message","fields"?}}. ' +
          'Staff routes need the session cookie from POST /api/v1/session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'folio_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: false },
    staticCSP: true,
    // The plugin's policy lets the docs be framed by this origin ('self'), and browsers honour
    // frame-ancestors over Folio's X-Frame-Options: DENY. No page of Folio frames them.
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
});
