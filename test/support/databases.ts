import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDatabase, migrateToLatest } from '../../src/db/database.js';
import type { FolioDialect } from '../../src/db/dialects/dialect.js';
import { openPostgres } from '../../src/db/dialects/postgres.js';
import { openSqlite } from '../../src/db/dialects/sqlite.js';

/**
 * The databases every data-layer and API test runs against: SQLite always, and PostgreSQL
 * when FOLIO_TEST_POSTGRES_URL points at a server (CI sets it). Each opened database is new
 * and empty: a temporary SQLite file or a freshly created PostgreSQL database, dropped after.
 */
export interface TestDatabase {
  dialect: FolioDialect;
  /** PostgreSQL only: where the database is, for a test that opens a second pool on it. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDatabase>;
}

const sqlite: DatabaseKind = {
  name: 'sqlite',
  async open() {
    const dialect = openSqlite(':memory:');
    await migrateToLatest(dialect.db);
    return { dialect, close: () => dialect.db.destroy() };
  },
};

function postgres(adminUrl: string): DatabaseKind {
  return {
    name: 'postgres',
    async open() {
      const name = `folio_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const dialect = openPostgres(url.toString());
      await migrateToLatest(dialect.db);
      return {
        dialect,
        url: url.toString(),
        async close() {
          await dialect.db.destroy();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

/**
 * SQLite in a file, as the server runs it, with the queue's reads on two read threads
 * (src/db/dialects/sqlite-read-threads.ts): for the tests of what those threads serve. Not
 * among `databaseKinds`, which every suite runs on.
 */
export const sqliteWithReadThreads: Omit<DatabaseKind, 'name'> & { name: 'sqlite-read-threads' } = {
  name: 'sqlite-read-threads',
  async open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-read-threads-'));
    const dialect = openSqlite(path.join(dir, 'folio.sqlite'), { readThreads: 2 });
    await migrateToLatest(dialect.db);
    return {
      dialect,
      async close() {
        await closeDatabase(dialect);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;

export const databaseKinds: DatabaseKind[] = postgresUrl ? [sqlite, postgres(postgresUrl)] : [sqlite];
