import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import type { FolioDialect } from './dialect.js';
import { openSqliteReadThreads } from './sqlite-read-threads.js';

const STATEMENT_CACHE_SIZE = 256;

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares each query it runs.
 * Keeping the compiled statements of the few queries Folio repeats roughly halves the cost of
 * a report lookup. Statements are safe to reuse: the connection is used by one query at a time.
 */
function withStatementCache(database: Sqlite.Database): Sqlite.Database {
  const cache = new Map<string, Sqlite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        // Take the write lock when a transaction begins, not at its first write: with several
        // server processes on one file, a reader that later writes could otherwise fail with
        // SQLITE_BUSY instead of waiting its turn (busy_timeout).
        if (source === 'begin') source = 'begin immediate';
        let statement = cache.get(source);
        if (!statement) {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/** The connection behind each Kysely instance openSqlite made (see `idleSqliteConnection`). */
const connections = new WeakMap<Kysely<Database>, Sqlite.Database>();

/**
 * The better-sqlite3 connection behind `db`, when a statement may run on it directly right now:
 * `db` is one openSqlite made (not a transaction's) and no transaction is open on the
 * connection. A statement run directly is synchronous, so nothing can begin between this check
 * and its end; while a transaction is open, statements must wait for it through Kysely, or they
 * would see its uncommitted writes. prepared.ts uses this on the hot paths.
 */
export function idleSqliteConnection(db: Kysely<Database>): Sqlite.Database | undefined {
  const connection = connections.get(db);
  return connection && !connection.inTransaction ? connection : undefined;
}

/**
 * SQLite's page cache per connection, in MB (FOLIO_SQLITE_CACHE_MB): 16, better-sqlite3's own
 * default; the server's connection and each read thread's have one. With the file read through
 * a memory map (below) a cached page is the mapped page itself, not a copy, and a larger cache
 * keeps a large file's b-tree interior pages (~12 MB for 1,000,000 reports) between the thousands
 * of lookups of a search: on 1,000,000 reports, A B A B against 2 MB (bench/README.md, "A larger
 * page cache"), 16 MB answered 20–70 % more pages a second of the searches over every status and
 * of a common name, and the burst's worst p99 went from 46–55 to 42–43 ms; filing and lookup were
 * the same within the machine's noise, at 17 MB more of the server's own memory (201 MB at its
 * peak in the filing run, of 250). (Without the map, in the second session of 2026-11-27, 32 MB
 * had slowed a common name ~20 %, and the default was SQLite's 2 MB.)
 */
export const DEFAULT_SQLITE_CACHE_MB = 16;

/**
 * How much of the database file SQLite reads through a memory map, in MB (FOLIO_SQLITE_MMAP_MB;
 * 0 turns it off, SQLite's own default). A page read through the map is the operating system's
 * cached page itself, where a read into SQLite's page cache is a system call and a 4 KB copy:
 * the back office's searches over every status read a few thousand rows scattered over the
 * file, and on 1,000,000 reports (3 GB) they answered 1.5–2× the pages a second with it
 * (bench/README.md, "Memory-mapped reads"). Writes still go through the journal as before.
 *
 * What it costs: the pages read show in the server's RSS (a 200,000-report office file: ~500
 * MB), but they are the page cache's pages, which the machine holds with or without the map
 * and takes back when it needs memory; the server's own memory is unchanged. And a disk that
 * fails a read kills the process (SIGBUS) instead of failing the request, as SQLite's
 * documentation warns; Folio's data is on a local disk, where such a read is fatal anyway. Not
 * for a database on a network file system (a site that has one sets 0). SQLite caps the map at
 * 2 GB in this build (`MAX_MMAP_SIZE`); a larger file is read past that as before.
 */
export const DEFAULT_SQLITE_MMAP_MB = 2048;

/**
 * Threads the queue's reads run on (FOLIO_READ_THREADS; 0: on the server's own thread): one per
 * core, at most four. Measured on 1,000,000 reports with two cores (bench/README.md, "Read
 * threads").
 */
export const DEFAULT_READ_THREADS = Math.min(4, os.availableParallelism());

export interface SqliteOptions {
  cacheMb?: number | undefined;
  mmapMb?: number | undefined;
  readThreads?: number | undefined;
}

export function openSqlite(file: string, options: SqliteOptions = {}): FolioDialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Sqlite(file);
  // WAL lets lookups read while a filing writes. synchronous=FULL makes every commit reach the
  // disk before the agent is shown the report number: with NORMAL a power cut could roll back
  // the last commits, and a number read to a customer would be lost and later given again.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const cacheMb = options.cacheMb ?? DEFAULT_SQLITE_CACHE_MB;
  const mmapMb = options.mmapMb ?? DEFAULT_SQLITE_MMAP_MB;
  database.pragma(`cache_size = -${cacheMb * 1024}`);
  database.pragma(`mmap_size = ${mmapMb * 1024 * 1024}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  connections.set(db, database);
  const readThreads = options.readThreads ?? DEFAULT_READ_THREADS;
  // An in-memory database is the connection's own: no other connection can read it.
  const reads =
    file !== ':memory:' && readThreads > 0
      ? openSqliteReadThreads(path.resolve(file), {
          threads: readThreads,
          cacheMb,
          mmapMb,
          statementCacheSize: STATEMENT_CACHE_SIZE,
        })
      : undefined;
  return {
    name: 'sqlite',
    db,
    ...(reads ? { reads } : {}),
  };
}
