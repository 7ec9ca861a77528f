import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { type Config, ConfigError, loadConfig } from './config.js';
import { formatReportNumber } from './core/report-number.js';
import {
  closeDatabase,
  type FolioDialect,
  migrateToLatest,
  openDatabase,
  startBackgroundCheckpoints,
} from './db/database.js';
import { DEMO_PASSWORD, DEMO_USERS } from './db/demo-data.js';
import { catchUpReportText } from './db/text-index.js';
import { buildApp, LOG_REDACTIONS } from './http/app.js';
import { startNoticeWorker } from './jobs/notice-worker.js';
import { startPromiseWatch } from './jobs/promise-watch.js';
import { createSenders } from './jobs/senders.js';
import { ensureAdmin, loadDemoData } from './services/bootstrap.js';
import { databaseOf, type ServiceContext } from './services/context.js';
import { noticeChannelsOf } from './services/notices.js';

/**
 * V8 grows the heap's limit after each full collection by a factor it picks from how fast it
 * collects, up to 4× what survived. Under a steady load of requests (each one garbage a moment
 * later) that let the heap reach 150 MB used now and then before a collection, against ~60 MB
 * after one: the server's memory went from ~190 MB to ~278 MB in about one benchmark round in
 * five (bench/README.md, "Memory"). A fixed 2× keeps every round at 173–205 MB, with no loss of
 * requests per second (1.5× also held the memory, but cost lookups a little in some rounds). V8
 * reads it at each collection, so setting it here, before the server starts, works however Folio
 * is launched.
 */
v8.setFlagsFromString('--heap-growing-percent=100');

const here = path.dirname(fileURLToPath(import.meta.url));
// From src/ (tsx) and from dist/server/ (built) alike, the web app is built into dist/web.
const webDir = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../web' : '../dist/web');

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Folio cannot start.\n${error.message}`);
      process.exit(78);
    }
    throw error;
  }
}

function contextFor(config: Config, database: FolioDialect): ServiceContext {
  return {
    ...databaseOf(database),
    now: () => new Date(),
    sessionIdleMs: config.sessionIdleHours * 3600_000,
    noticeChannels: noticeChannelsOf(config.notices),
  };
}

/** One server process: the HTTP app and, in one process only, the background jobs. */
async function serve(config: Config, database: FolioDialect, runJobs: boolean) {
  const ctx = contextFor(config, database);
  const app = await buildApp({
    ctx,
    db: database.db,
    webDir,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    dataDir: config.dataDir,
    maxUploadMb: config.maxUploadMb,
    logger: { level: process.env.FOLIO_LOG_LEVEL ?? 'info', redact: LOG_REDACTIONS },
  });
  await app.listen({ port: config.port, host: config.host });
  const checkpoints = await startBackgroundCheckpoints(database.db, {
    failed: (message, inARow) =>
      app.log.warn(
        { message, inARow },
        'background WAL checkpoint failed; the server checkpoints by itself (told again at most once a minute while it lasts)',
      ),
    recovered: (afterFailures) => app.log.info({ afterFailures }, 'background WAL checkpoints work again'),
  });
  const jobs = runJobs
    ? [startPromiseWatch(ctx, app.log), startNoticeWorker(ctx, createSenders(config.notices), app.log)]
    : [];
  const shutdown = async () => {
    for (const job of jobs) await job.stop();
    await app.close();
    await checkpoints?.stop();
    await closeDatabase(database);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function banner(
  config: Config,
  admin: { created: boolean; generatedPassword?: string },
  demo: { reports: string[] } | null,
): string {
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `Folio is running at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}${config.workers > 1 ? `; ${config.workers} server processes` : ''}`,
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
    const [example] = demo?.reports ?? [];
    if (demo)
      lines.push(
        `Demo data loaded: 50 customers in Rioverde (customer numbers 100001–100050) and ${demo.reports.length} reports${example ? `, e.g. ${formatReportNumber(example)}` : ''} (a day's queue: sign in as facturacion, tecnico or supervisor).`,
      );
  }
  return lines.join('\n');
}

/**
 * The first process migrates and prepares the database. With FOLIO_WORKERS > 1 it then
 * starts that many server processes sharing the port (node:cluster) — every piece of shared
 * state (sessions, rate limits, report numbers, job claims) lives in the database, so they
 * need nothing else — and the first of them runs the background jobs.
 */
async function main() {
  const config = configOrExit();
  if (cluster.isWorker) {
    await serve(config, openDatabase(config.database), cluster.worker?.id === 1);
    return;
  }
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const ctx = contextFor(config, database);
  const admin = await ensureAdmin(ctx, config.adminPassword);
  const demo = config.production ? null : await loadDemoData(ctx);
  // Reports written while the server was down (an import) are searchable from the first search.
  await catchUpReportText(database.db);
  if (config.workers === 1) {
    await serve(config, database, true);
    console.log(banner(config, admin, demo));
    return;
  }
  await closeDatabase(database);
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) console.log(banner(config, admin, demo));
  });
  cluster.on('exit', (worker, code, signal) => {
    if (signal === 'SIGTERM' || signal === 'SIGINT' || code === 0) return;
    console.error(`Folio server process ${worker.id} stopped (${signal ?? code}); Folio stops too.`);
    process.exit(1);
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error('Folio failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
