import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './errors.js';

/**
 * Serves the built React app (dist/web) and answers any other GET outside /api with index.html,
 * so deep links such as /reportes/2611000427 load the app. API paths keep their JSON 404.
 */
export default fp(async function web(app: FastifyInstance, options: { webDir: string }) {
  const indexFile = path.join(options.webDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`web app not built (${indexFile} missing): run "npm run build"`);
    return;
  }
  const assetsDir = path.join(options.webDir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: options.webDir,
    wildcard: false,
    index: false,
    setHeaders(reply, filePath) {
      // Vite names every built asset after its content, so a new build brings new names:
      // browsers may keep these for good, and a technician on a weak signal loads them once.
      if (filePath.startsWith(assetsDir))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      // The page names the current assets: always asked again (a 304 when unchanged), so a
      // new version reaches every counter at its next load.
      else if (path.basename(filePath) === 'index.html') reply.header('cache-control', 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || path.extname(url) !== '') {
      return sendError(reply, 404, 'not_found', `No existe la ruta ${request.method} ${url}.`);
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
});
