import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { migrateToLatest } from '../database.js';
import type { FolioDialect } from './dialect.js';
import { openSqlite } from './sqlite.js';
import { startBackgroundCheckpoints } from './sqlite-checkpoints.js';

/**
 * The WAL is copied into the database file by the worker thread, not by the server's commits:
 * what a copy of the database file alone (no WAL) holds is what has been checkpointed.
 */
describe('background WAL checkpoints on SQLite', () => {
  let dir: string;
  let file: string;
  let dialect: FolioDialect;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-checkpoints-'));
    file = path.join(dir, 'folio.sqlite');
    dialect = openSqlite(file);
    await migrateToLatest(dialect.db);
  });
  afterAll(async () => {
    await dialect.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const autocheckpoint = async () =>
    (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(dialect.db)).rows[0]
      ?.wal_autocheckpoint;
  /** The settings rows the database file holds without its WAL. */
  const checkpointedKeys = () => {
    const copy = path.join(dir, `copy-${Date.now()}.sqlite`);
    fs.copyFileSync(file, copy);
    const db = new Sqlite(copy, { readonly: true });
    try {
      return (
        db
          .prepare("select key from settings where key like 'checkpoint-%' order by key")
          .pluck()
          .all() as string[]
      ).sort();
    } finally {
      db.close();
    }
  };
  const write = (key: string) =>
    sql`insert into settings (key, value, updated_at) values (${key}, 'x', ${new Date().toISOString()})`.execute(
      dialect.db,
    );

  it('copies committed pages into the database file while the server only commits', async () => {
    const failures: string[] = [];
    const checkpoints = await startBackgroundCheckpoints(dialect.db, {
      failed: (message) => failures.push(message),
      recovered: () => {},
    });
    expect(checkpoints).not.toBeNull();
    try {
      // The server's own automatic checkpoint is only a safety net now.
      expect(await autocheckpoint()).toBe(8000);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(dialect.db);
      await write('checkpoint-a');
      await write('checkpoint-b');
      // A few pages, far below the safety net: only the worker can have copied them.
      const deadline = Date.now() + 5000;
      while (checkpointedKeys().length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(checkpointedKeys()).toEqual(['checkpoint-a', 'checkpoint-b']);
      expect(failures).toEqual([]);
    } finally {
      await checkpoints?.stop();
    }
    expect(await autocheckpoint()).toBe(1000);
  });

  it('tells a failure at once, then at most once per interval while it lasts, then the recovery', async () => {
    // A statement that fails while a malformed row is there stands in for a failing checkpoint
    // (a full disk, an I/O error): the worker runs it every 10 ms.
    await write('checkpoint-poison');
    const failed: { message: string; inARow: number }[] = [];
    const recovered: number[] = [];
    const checkpoints = await startBackgroundCheckpoints(
      dialect.db,
      {
        failed: (message, inARow) => failed.push({ message, inARow }),
        recovered: (afterFailures) => recovered.push(afterFailures),
      },
      {
        everyMs: 10,
        reportEveryMs: 200,
        statement: "select json(value) from settings where key = 'checkpoint-poison'",
      },
    );
    try {
      const waitFor = async (done: () => boolean) => {
        const deadline = Date.now() + 5000;
        while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      };
      await waitFor(() => failed.length >= 2);
      // The first failure at once; the next report only after the interval, counting the
      // failures in between (about 20 of them) that were not told one by one.
      expect(failed[0]).toEqual({ message: 'malformed JSON', inARow: 1 });
      expect(failed[1]?.inARow).toBeGreaterThan(5);
      expect(recovered).toEqual([]);
      await sql`delete from settings where key = 'checkpoint-poison'`.execute(dialect.db);
      await waitFor(() => recovered.length > 0);
      expect(recovered).toHaveLength(1);
      expect(recovered[0]).toBeGreaterThanOrEqual(failed.at(-1)?.inARow ?? 0);
      const told = failed.length;
      await new Promise((r) => setTimeout(r, 100));
      expect(failed).toHaveLength(told);
      expect(recovered).toHaveLength(1);
    } finally {
      await checkpoints?.stop();
    }
  });

  it('stops: nothing more reaches the database file until the server checkpoints', async () => {
    await sql`pragma wal_autocheckpoint = 0`.execute(dialect.db);
    try {
      await write('checkpoint-c');
      await new Promise((r) => setTimeout(r, 400));
      expect(checkpointedKeys()).not.toContain('checkpoint-c');
    } finally {
      await sql`pragma wal_autocheckpoint = 1000`.execute(dialect.db);
    }
  });
});

describe.each(databaseKinds)('background WAL checkpoints on $name without a WAL file', (kind) => {
  it('are not started', async () => {
    const database = await kind.open();
    try {
      // :memory: for SQLite (no WAL file), a server for PostgreSQL (no WAL of ours).
      const ignore = { failed: () => {}, recovered: () => {} };
      expect(await startBackgroundCheckpoints(database.dialect.db, ignore)).toBeNull();
    } finally {
      await database.close();
    }
  });
});
