import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import type { FolioDialect } from './dialect.js';

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
 * SQLite's page cache per connection (its default is 2 MB). The queue reads index and table
 * pages all over a large file: on 1,000,000 reports (3 GB) a mix of queue pages asked at once
 * thrashed 2 MB, each page read again from the operating system, and 16 connections at once got
 * 270–390 pages/s with 2 MB, 400–590 with 32 MB, 370–710 with 64 MB (bench/README.md, "The
 * burst"). The cache fills only as pages are read, up to this; 32 MB keeps the server within its
 * memory budget (250 MB peak) while filing and looking up. FOLIO_SQLITE_CACHE_MB sets it.
 */
export const DEFAULT_SQLITE_CACHE_MB = 32;

export function openSqlite(file: string, options: { cacheMb?: number | undefined } = {}): FolioDialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Sqlite(file);
  // WAL lets lookups read while a filing writes. synchronous=FULL makes every commit reach the
  // disk before the agent is shown the report number: with NORMAL a power cut could roll back
  // the last commits, and a number read to a customer would be lost and later given again.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${(options.cacheMb ?? DEFAULT_SQLITE_CACHE_MB) * 1024}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  connections.set(db, database);
  return {
    name: 'sqlite',
    db,
  };
}
