import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { DEMO_PASSWORD, DEMO_USERS } from './db/demo-data.js';
import { buildApp, LOG_REDACTIONS } from './http/app.js';
import { startNoticeWorker } from './jobs/notice-worker.js';
import { startPromiseWatch } from './jobs/promise-watch.js';
import { createSenders } from './jobs/senders.js';
import { ensureAdmin, loadDemoData } from './services/bootstrap.js';
import type { ServiceContext } from './services/context.js';
import { noticeChannelsOf } from './services/notices.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// From src/ (tsx) and from dist/server/ (built) alike, the web app is built into dist/web.
const webDir = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../web' : '../dist/web');

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Folio cannot start.\n${error.message}`);
      process.exit(78);
    }
    throw error;
  }

  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const ctx: ServiceContext = {
    db: database.db,
    now: () => new Date(),
    sessionIdleMs: config.sessionIdleHours * 3600_000,
    noticeChannels: noticeChannelsOf(config.notices),
  };

  const admin = await ensureAdmin(ctx, config.adminPassword);
  const demoLoaded = config.production ? false : await loadDemoData(ctx);

  const app = await buildApp({
    ctx,
    db: database.db,
    webDir,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    logger: { level: process.env.FOLIO_LOG_LEVEL ?? 'info', redact: LOG_REDACTIONS },
  });
  await app.listen({ port: config.port, host: config.host });
  const promiseWatch = startPromiseWatch(ctx, app.log);
  const noticeWorker = startNoticeWorker(ctx, createSenders(config.notices), app.log);

  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `Folio is running at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
  ];
  if (admin.generatedPassword) {
    lines.push(
      `Admin login created: admin / ${admin.generatedPassword}   (shown only this once; set FOLIO_ADMIN_PASSWORD to choose it)`,
    );
  } else if (admin.created) {
    lines.push('Admin login created: admin / (the password in FOLIO_ADMIN_PASSWORD)');
  }
  if (!config.production) {
    lines.push(
      `Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(', ')})`).join(', ')}`,
    );
    if (demoLoaded)
      lines.push('Demo data loaded: 50 customers in Rioverde (customer numbers 100001–100050).');
  }
  console.log(lines.join('\n'));

  const shutdown = async () => {
    await promiseWatch.stop();
    await noticeWorker.stop();
    await app.close();
    await database.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error('Folio failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
