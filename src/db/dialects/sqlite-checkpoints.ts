import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { type Kysely, sql } from 'kysely';
import { dialectOf } from './detect.js';

/**
 * Moves SQLite's WAL checkpoints off the server's thread.
 *
 * In WAL mode every commit appends pages to the WAL, and by default the commit that takes the
 * WAL past 1,000 pages also copies them back into the database file and syncs it (a
 * checkpoint). better-sqlite3 runs on the JavaScript thread, so that commit's requests, and
 * every other request, wait for it: under the filing benchmark a checkpoint came every ten or
 * so batches and took 10–15 % of the server's time (bench/README.md).
 *
 * Here a worker thread with its own connection to the same file runs a PASSIVE checkpoint
 * every `EVERY_MS`. PASSIVE never takes the write lock nor waits for readers: it copies what it
 * can while the server goes on reading and committing. The server's own connection keeps an
 * automatic checkpoint, at `SAFETY_NET_PAGES` instead of 1,000, for two reasons: it is the
 * safety net if the worker falls behind or stops, and under a load that never pauses the WAL
 * only starts over from its beginning after a checkpoint that reaches its very end, which only
 * a checkpoint inside a commit can be sure of — by then the worker has copied nearly all of it,
 * so that one is short. Durability is SQLite's own either way: a checkpoint syncs the WAL before
 * copying and the database file after.
 */
const EVERY_MS = 100;
const SAFETY_NET_PAGES = 8_000;
/**
 * A checkpoint that fails (a full disk, an I/O error) fails again 100 ms later: the first
 * failure is told at once, then at most one report per minute while it lasts, with the count,
 * and the recovery once — not ten warnings a second in the server's log.
 */
const REPORT_EVERY_MS = 60_000;

/**
 * The worker's code. Evaluated rather than loaded from a file, so that it is the same whether
 * the server runs compiled or from source (tests); it only uses better-sqlite3, whose resolved
 * path it is given.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare(workerData.statement);
let failedInARow = 0;
let reportedAt = 0;
const timer = setInterval(() => {
  try {
    checkpoint.run();
    if (failedInARow > 0) parentPort.postMessage({ recoveredAfter: failedInARow });
    failedInARow = 0;
  } catch (error) {
    failedInARow += 1;
    const now = Date.now();
    if (failedInARow === 1 || now - reportedAt >= workerData.reportEveryMs) {
      reportedAt = now;
      parentPort.postMessage({
        failed: String(error && error.message ? error.message : error),
        inARow: failedInARow,
      });
    }
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/** What the server hears of the checkpoints: failures, throttled (`REPORT_EVERY_MS`), and the recovery. */
export interface CheckpointReports {
  /** `inARow`: the checkpoints failed in a row so far, this one included. */
  failed(message: string, inARow: number): void;
  recovered(afterFailures: number): void;
}

/** Tests shorten the intervals and swap the checkpoint for a statement that fails; the server uses the defaults. */
export interface CheckpointOptions {
  everyMs?: number;
  reportEveryMs?: number;
  statement?: string;
}

/**
 * Starts the checkpoints of the SQLite file behind `db` on a worker thread; null for PostgreSQL
 * and for databases without a WAL file (`:memory:`). `reports` hears of checkpoints that fail
 * (the server's own automatic checkpoint still runs at `SAFETY_NET_PAGES`) and of the recovery.
 */
export async function startBackgroundCheckpoints<DB>(
  db: Kysely<DB>,
  reports: CheckpointReports,
  options: CheckpointOptions = {},
): Promise<BackgroundCheckpoints | null> {
  if (dialectOf(db) !== 'sqlite') return null;
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  const files = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = files.rows.find((row) => row.name === 'main')?.file;
  if (mode.rows[0]?.journal_mode !== 'wal' || !file) return null;
  await sql.raw(`pragma wal_autocheckpoint = ${SAFETY_NET_PAGES}`).execute(db);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // It runs one statement now and then: a small heap is plenty, and keeps the server's memory
    // where it was without the thread.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      everyMs: options.everyMs ?? EVERY_MS,
      reportEveryMs: options.reportEveryMs ?? REPORT_EVERY_MS,
      statement: options.statement ?? 'pragma wal_checkpoint(PASSIVE)',
    },
  });
  // The server may exit without stopping it (a crash, a test): the thread must not keep it alive.
  worker.unref();
  worker.on('message', (message: { failed?: string; inARow?: number; recoveredAfter?: number }) => {
    if (message.failed !== undefined) reports.failed(message.failed, message.inARow ?? 1);
    else if (message.recoveredAfter !== undefined) reports.recovered(message.recoveredAfter);
  });
  worker.on('error', (error) => reports.failed(error.message, 1));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
      await sql`pragma wal_autocheckpoint = 1000`.execute(db);
    },
  };
}
