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
    // No validator badge: Swagger UI would send the document's address to validator.swagger.io.
    uiConfig: { deepLinking: false, validatorUrl: null },
    // The docs answer with Folio's own page policy (plugins/security.ts), not the plugin's: that
    // one blocked Swagger UI's own inline style, allowed any https stylesheet and font, images
    // from validator.swagger.io, and framing by this origin.
    staticCSP: false,
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
});
