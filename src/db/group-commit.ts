import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

/** Work a write needs done before it commits, but only once however many writes share the commit. */
export type BatchStep = (trx: Transaction<Database>) => Promise<void>;

interface Pending {
  work: Work<unknown>;
  oncePerBatch: BatchStep | undefined;
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
 * the next one (group commit), and commit together with one flush; a work that fails is
 * rejected alone and the others are still committed (see `commitBatch`).
 * Durability is unchanged: nobody is answered before the commit that holds their writes.
 *
 * `oncePerBatch` runs after the works of a shared transaction, before its commit, once for each
 * distinct step among them: work that costs the same for one write or sixty-four (filing indexes
 * the batch's report texts with it, src/db/text-index.ts).
 *
 * PostgreSQL runs transactions side by side on its pool and groups commits itself, so there
 * each work simply gets its own transaction.
 */
export function inWriteTransaction<T>(
  db: Kysely<Database>,
  work: Work<T>,
  oncePerBatch?: BatchStep,
): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(alone(work, oncePerBatch));
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], busy: false };
    writers.set(db, writer);
  }
  const queued = writer;
  return new Promise<T>((resolve, reject) => {
    queued.queue.push({
      work: work as Work<unknown>,
      oncePerBatch,
      resolve: resolve as (value: unknown) => void,
      reject,
    });
    if (!queued.busy) {
      queued.busy = true;
      setImmediate(() => gather(db, queued, 0));
    }
  });
}

/**
 * Waits for the batch to fill while it still grows: one more turn of the event loop as long as
 * the last one brought new works. A turn does not wait for the network (Node polls without
 * blocking while there is more to do), so a lone write waits microseconds; under load, the
 * requests that arrived while the previous batch was committing join this one instead of
 * forming a small batch of their own. The commit is the costly part (its pages go to the WAL
 * and to the disk whatever the number of filings in it), so fewer, fuller batches file more per
 * second: with 16 agents filing at once (the benchmark), batches went from about 8 filings to
 * 15 and the commit's share of a filing from ~310 to ~250 µs (bench/README.md).
 */
function gather(db: Kysely<Database>, writer: Writer, seen: number): void {
  const waiting = writer.queue.length;
  if (waiting > seen && waiting < MAX_BATCH) setImmediate(() => gather(db, writer, waiting));
  else void drain(db, writer);
}

async function drain(db: Kysely<Database>, writer: Writer): Promise<void> {
  while (writer.queue.length > 0) {
    await commitBatch(db, writer.queue.splice(0, MAX_BATCH));
  }
  writer.busy = false;
}

/**
 * The batch's works one after another in one transaction, without a savepoint around each
 * (two more statements per filing on the hot path; before the text index was written per batch,
 * releasing one also made FTS5 write out the work's index entries as a segment of their own,
 * which cost more than the filing). So when a work fails, the whole transaction is rolled back
 * and every work of the batch runs again in a transaction of its own (works only touch the
 * database, so running one again after a rollback is running it for the first time). Failures
 * are rare: most requests that would fail are refused before they reach a write.
 */
async function commitBatch(db: Kysely<Database>, batch: Pending[]): Promise<void> {
  const values: unknown[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const pending of batch) values.push(await pending.work(trx));
      for (const step of new Set(batch.map((pending) => pending.oncePerBatch))) await step?.(trx);
    });
  } catch (error) {
    if (batch.length === 1) {
      (batch[0] as Pending).reject(error);
      return;
    }
    for (const pending of batch) await commitAlone(db, pending);
    return;
  }
  batch.forEach((pending, i) => {
    pending.resolve(values[i]);
  });
}

async function commitAlone(db: Kysely<Database>, pending: Pending): Promise<void> {
  try {
    pending.resolve(await db.transaction().execute(alone(pending.work, pending.oncePerBatch)));
  } catch (error) {
    pending.reject(error);
  }
}

/** A work and its batch step as the one work of a transaction. */
function alone<T>(work: Work<T>, oncePerBatch: BatchStep | undefined): Work<T> {
  if (!oncePerBatch) return work;
  return async (trx) => {
    const value = await work(trx);
    await oncePerBatch(trx);
    return value;
  };
}
