import path from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { withoutControlCharacters } from '../core/normalize.js';
import type { Action } from '../core/permissions.js';
import type { Database } from '../db/schema.js';
import type { ServiceContext } from '../services/context.js';
import { type AttachmentStorage, DiskAttachmentStorage } from '../storage/attachment-storage.js';
import auth from './plugins/auth.js';
import errors from './plugins/errors.js';
import openapi from './plugins/openapi.js';
import security from './plugins/security.js';
import web from './plugins/web.js';
import administrationRoutes from './routes/administration.js';
import attachmentRoutes from './routes/attachments.js';
import backOfficeRoutes from './routes/back-office.js';
import configurationRoutes from './routes/configuration.js';
import customerRoutes from './routes/customers.js';
import healthRoutes from './routes/health.js';
import publicRoutes from './routes/public.js';
import receiptRoutes from './routes/receipt.js';
import reportRoutes from './routes/reports.js';
import sessionRoutes from './routes/session.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  action: Action | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    folioRoutes: RegisteredRoute[];
  }
}

export interface AppOptions {
  ctx: ServiceContext;
  db: Kysely<Database>;
  /** The built web app; omitted in API tests. */
  webDir?: string;
  /** Where customers reach Folio (FOLIO_PUBLIC_URL), accepted as an origin besides the request's own. */
  publicUrl?: string | undefined;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (protocol, client address). */
  trustProxy?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** FOLIO_DATA_DIR: attachments are stored under `<dataDir>/attachments`. */
  dataDir?: string | undefined;
  /** Where attachments go instead (tests, object storage); without it nor dataDir uploads answer 503. */
  attachments?: AttachmentStorage | undefined;
  /** FOLIO_MAX_UPLOAD_MB: the size limit of one attachment (10 unless set). */
  maxUploadMb?: number | undefined;
}

/** Logs never carry credentials or session ids (DESIGN.md; issue 5 widens this list). */
export const LOG_REDACTIONS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'invoiceNumber',
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Clients must not steer Fastify into a 500 by odd headers or URLs.
    routerOptions: { maxParamLength: 200 },
  });
  // Every route, as registered: the permission matrix test walks this list.
  const routes: RegisteredRoute[] = [];
  app.decorate('folioRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          action: (route.config as { action?: Action } | undefined)?.action,
        });
    }
  });
  // Every request's body, query and path lose their control characters before they are
  // validated (core/normalize.ts says why): one place for every route's every field.
  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    return (data) => validate(withoutControlCharacters(data));
  });
  // Response schemas document the API (OpenAPI) and type the presenters, which build every
  // answer field by field; re-validating each answer at run time cost a sixth of a lookup's
  // CPU in the benchmark, so answers are serialised as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(errors);
  await app.register(security, {
    publicOrigin: options.publicUrl ? new URL(options.publicUrl).origin : undefined,
  });
  await app.register(cookie);
  await app.register(openapi);
  await app.register(auth, { ctx: options.ctx });
  await app.register(healthRoutes, { db: options.db });
  await app.register(sessionRoutes, { ctx: options.ctx });
  await app.register(customerRoutes, { ctx: options.ctx });
  await app.register(reportRoutes, { ctx: options.ctx });
  await app.register(backOfficeRoutes, { ctx: options.ctx });
  await app.register(attachmentRoutes, {
    ctx: options.ctx,
    storage:
      options.attachments ??
      (options.dataDir ? new DiskAttachmentStorage(path.join(options.dataDir, 'attachments')) : undefined),
    maxUploadMb: options.maxUploadMb,
  });
  await app.register(configurationRoutes, { ctx: options.ctx });
  await app.register(administrationRoutes, { ctx: options.ctx });
  await app.register(publicRoutes, { ctx: options.ctx });
  await app.register(receiptRoutes, { ctx: options.ctx, publicUrl: options.publicUrl });
  if (options.webDir) await app.register(web, { webDir: options.webDir });
  return app;
}
