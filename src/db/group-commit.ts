import { type Kysely, sql, type Transaction } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Writer {
  queue: Pending[];
  busy: boolean;
}

/** Enough to share one disk flush among every agent of a busy office, small enough to keep one transaction short. */
const MAX_BATCH = 64;

const writers = new WeakMap<Kysely<Database>, Writer>();

/**
 * Runs `work` in a transaction of its own, as far as anyone can tell: it commits whole or not
 * at all, and its promise settles only once its writes are on disk.
 *
 * On SQLite the one connection writes one transaction at a time, and with synchronous=FULL
 * each commit waits for the disk (about 0.5 ms here) while the server's only thread can do
 * nothing else. So works that arrive while a transaction is committing wait and then share
 * the next one (group commit): each runs inside its own savepoint, a work that fails is rolled
 * back to its savepoint and rejected alone, and the rest commit together with one flush.
 * Durability is unchanged: nobody is answered before the commit that holds their writes.
 *
 * PostgreSQL runs transactions side by side on its pool and groups commits itself, so there
 * each work simply gets its own transaction.
 */
export function inWriteTransaction<T>(db: Kysely<Database>, work: Work<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(work);
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], busy: false };
    writers.set(db, writer);
  }
  const queued = writer;
  return new Promise<T>((resolve, reject) => {
    queued.queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
    if (!queued.busy) {
      queued.busy = true;
      // Let the requests already read from the sockets in this turn join the first batch.
      setImmediate(() => void drain(db, queued));
    }
  });
}

async function drain(db: Kysely<Database>, writer: Writer): Promise<void> {
  while (writer.queue.length > 0) {
    await commitBatch(db, writer.queue.splice(0, MAX_BATCH));
  }
  writer.busy = false;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function commitBatch(db: Kysely<Database>, batch: Pending[]): Promise<void> {
  const outcomes: Outcome[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      if (batch.length === 1) {
        // Alone, the transaction itself is the savepoint: a failure rolls it all back.
        outcomes.push({ ok: true, value: await (batch[0] as Pending).work(trx) });
        return;
      }
      for (const pending of batch) {
        await sql`savepoint folio_work`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await pending.work(trx) });
        } catch (error) {
          outcomes.push({ ok: false, error });
          await sql`rollback to folio_work`.execute(trx);
        }
        await sql`release folio_work`.execute(trx);
      }
    });
  } catch (error) {
    // The commit itself failed (or the lone work threw): nothing of this batch was written.
    for (const pending of batch) pending.reject(error);
    return;
  }
  batch.forEach((pending, i) => {
    const outcome = outcomes[i] as Outcome;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
}
