import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from '../schema.js';

/**
 * Reads of the SQLite file on other threads (FOLIO_READ_THREADS), each with its own read-only
 * connection: a Kysely instance whose queries run there, so the thread that answers HTTP and
 * writes the reports is free meanwhile.
 *
 * Why: better-sqlite3 runs a query on the calling thread and blocks it, and one JavaScript
 * thread answers every request of a server process. A back-office search over every status on
 * 1,000,000 reports reads a few thousand rows (2–3 ms); sixteen at once queued behind each other
 * and behind the filings at the counter (bench/README.md, "Read threads"). WAL lets any number of
 * connections read while one writes, each from the last commit when its query starts, so a
 * page read on a read thread sees every report whose number was already given.
 *
 * Only the queue uses it (src/services/list-reports.ts): its searches are the reads that take
 * milliseconds; a lookup or a report page costs less than the trip to another thread.
 *
 * The threads start with the first query (all of them: `ReadThreadsDriver`), so a process that
 * never serves the queue (a counter-only site, the filing benchmark) never starts one. A thread
 * that dies fails the queries it was running and is started again with the next query.
 */

export interface ReadThreadOptions {
  /** Threads to spread reads over (at least 1). */
  threads: number;
  cacheMb: number;
  mmapMb: number;
  /** Compiled statements kept per thread, as the server's own connection keeps them. */
  statementCacheSize: number;
}

interface Job {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/** One thread: its worker, started when first needed, and the queries it is running. */
class ReadThread {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly options: ReadThreadOptions,
  ) {}

  get busy(): number {
    return this.jobs.size;
  }

  get isStarted(): boolean {
    return this.worker !== undefined;
  }

  /** Starts the thread now, if it is not running, rather than with the next query sent to it. */
  start(): void {
    this.started();
  }

  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    const worker = this.started();
    const id = this.nextId++;
    // While it has queries running the thread keeps the process alive, as a query on this thread
    // would; idle, it does not (see `started`).
    if (this.jobs.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, sql, parameters });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The read threads were stopped.'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(READ_THREAD_SOURCE, {
      eval: true,
      workerData: {
        file: this.file,
        cacheMb: this.options.cacheMb,
        mmapMb: this.options.mmapMb,
        statementCacheSize: this.options.statementCacheSize,
        // better-sqlite3 as this module finds it: the thread's code is a string, with no place of
        // its own to resolve packages from.
        sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    worker.on(
      'message',
      (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const job = this.jobs.get(message.id);
        if (!job) return;
        this.jobs.delete(message.id);
        if (this.jobs.size === 0) worker.unref();
        if (message.error)
          job.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else job.resolve(message.rows ?? []);
      },
    );
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A read thread stopped (exit code ${code}).`)));
    // A thread waiting for queries must not keep the process alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(error);
  }
}

/**
 * The thread's code, as a string (`eval`): a module file would be `.ts` under tsx and Vitest and
 * `.js` once built, and could not be loaded the same way in both. Only dynamic `import()`, which
 * works whether node evaluates the string as a script or as a module (`--input-type`). It only runs what it is sent,
 * read-only: the connection is opened `readonly`, so a write fails there with SQLITE_READONLY.
 */
const READ_THREAD_SOURCE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { pathToFileURL } = await import('node:url');
  const { default: Sqlite } = await import(pathToFileURL(workerData.sqlitePath).href);
  const database = new Sqlite(workerData.file, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -' + workerData.cacheMb * 1024);
  database.pragma('mmap_size = ' + workerData.mmapMb * 1024 * 1024);
  const statements = new Map();
  parentPort.on('message', ({ id, sql, parameters }) => {
    try {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= workerData.statementCacheSize) statements.delete(statements.keys().next().value);
        statements.set(sql, statement);
      }
      if (!statement.reader) throw new Error('A read thread only reads.');
      parentPort.postMessage({ id, rows: statement.all(parameters) });
    } catch (error) {
      parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
    }
  });
})();
`;

/**
 * The most queries a thread is handed at once. The rest wait in one line, first come first
 * served, for whichever thread frees up first: handed straight to the least busy thread, a page's
 * search (0.2 ms) and its list (2 ms) counted the same, and a page could wait behind another
 * thread's long queries while the other thread sat idle. Two, not one, so that a thread finding
 * its next query already there does not wait for this thread to send it.
 */
const MOST_AT_ONCE_PER_THREAD = 2;

interface Waiting {
  sql: string;
  parameters: readonly unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/**
 * The Kysely driver: queries wait in one line for the threads.
 *
 * The first query starts every thread, not only the one it goes to: a thread takes 35–45 ms to
 * start (its own V8, better-sqlite3 loaded, the file opened), and started only when the others
 * were busy, it made the pages of the first moment two people searched at once wait for it
 * (bench/README.md, "ninth session").
 */
export class ReadThreadsDriver implements Driver {
  private readonly threads: ReadThread[];
  private readonly waiting: Waiting[] = [];

  constructor(file: string, options: ReadThreadOptions) {
    this.threads = Array.from({ length: Math.max(1, options.threads) }, () => new ReadThread(file, options));
  }

  private run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ sql, parameters, resolve, reject });
      this.handOut();
    });
  }

  /** Threads running now (for the tests). */
  get threadsStarted(): number {
    return this.threads.filter((thread) => thread.isStarted).length;
  }

  /** Hands waiting queries, oldest first, to the threads with room for one. */
  private handOut(): void {
    for (const thread of this.threads) if (!thread.isStarted) thread.start();
    while (this.waiting.length > 0) {
      const thread = this.threads.reduce((least, thread) => (thread.busy < least.busy ? thread : least));
      if (thread.busy >= MOST_AT_ONCE_PER_THREAD) return;
      const next = this.waiting.shift() as Waiting;
      thread.run(next.sql, next.parameters).then(
        (rows) => {
          next.resolve(rows);
          this.handOut();
        },
        (error: Error) => {
          next.reject(error);
          this.handOut();
        },
      );
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    throw new Error('The read threads run single queries, not transactions.');
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const stopped = new Error('The read threads were stopped.');
    for (const waiting of this.waiting.splice(0)) waiting.reject(stopped);
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }

  private readonly connection: DatabaseConnection = {
    executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => ({
      rows: (await this.run(query.sql, query.parameters)) as R[],
    }),
    // biome-ignore lint/correctness/useYield: the queue never streams; an empty stream would hide a mistake.
    streamQuery: async function* () {
      throw new Error('The read threads do not stream.');
    },
  };
}

/** A Kysely instance whose queries run on read threads over `file` (SQLite, WAL). */
export function openSqliteReadThreads(file: string, options: ReadThreadOptions): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ReadThreadsDriver(file, options),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
