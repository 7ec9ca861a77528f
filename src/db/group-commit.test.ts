import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { migrateToLatest } from './database.js';
import type { FolioDialect } from './dialects/dialect.js';
import { openSqlite } from './dialects/sqlite.js';
import { inWriteTransaction } from './group-commit.js';

const setting = (key: string, value: string) =>
  sql`insert into settings (key, value, updated_at) values (${key}, ${value}, ${new Date().toISOString()})`;

describe.each(databaseKinds)('writes in a transaction of their own on $name', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database.close());

  it('commits each work whole, and rolls back only the work that failed', async () => {
    const db = database.dialect.db;
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((name) =>
        inWriteTransaction(db, async (trx) => {
          await setting(`group-commit-${name}`, name).execute(trx);
          if (name === 'b') throw new Error('b failed after writing');
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      'a',
      'b failed after writing',
      'c',
      'd',
    ]);
    const rows = await sql<{
      key: string;
    }>`select key from settings where key like 'group-commit-%' order by key`.execute(db);
    expect(rows.rows.map((r) => r.key)).toEqual(['group-commit-a', 'group-commit-c', 'group-commit-d']);
  });

  it('runs each batch step once per transaction, after the works and before the commit', async () => {
    const db = database.dialect.db;
    const ran: string[] = [];
    // The step counts what its transaction holds: it must see every work of its batch.
    const count = async (trx: Parameters<Parameters<typeof inWriteTransaction>[1]>[0]) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from settings
        where key like 'batch-step-%'`.execute(trx);
      ran.push(`step saw ${Number(rows[0]?.n)}`);
    };
    const other = async () => {
      ran.push('other step');
    };
    const values = await Promise.all(
      [count, count, other, count].map((step, i) =>
        inWriteTransaction(
          db,
          async (trx) => {
            await setting(`batch-step-${i}`, String(i)).execute(trx);
            return i;
          },
          step,
        ),
      ),
    );
    expect(values).toEqual([0, 1, 2, 3]);
    if (kind.name === 'sqlite') {
      // One shared transaction: each distinct step once, after all four works.
      expect(ran).toEqual(['step saw 4', 'other step']);
    } else {
      // A transaction each: every work's own step, in its own transaction.
      expect(ran).toHaveLength(4);
      expect(ran.filter((r) => r === 'other step')).toHaveLength(1);
    }
  });

  it('rolls back a work whose batch step fails, and commits the others', async () => {
    const db = database.dialect.db;
    const failing = async () => {
      throw new Error('step failed');
    };
    const outcomes = await Promise.allSettled(
      ['ok', 'bad'].map((name) =>
        inWriteTransaction(
          db,
          async (trx) => {
            await setting(`failing-step-${name}`, name).execute(trx);
            return name;
          },
          name === 'bad' ? failing : undefined,
        ),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const rows = await sql<{ key: string }>`select key from settings where key like 'failing-step-%'`.execute(
      db,
    );
    expect(rows.rows.map((r) => r.key)).toEqual(['failing-step-ok']);
  });

  it('rolls back a lone work whole', async () => {
    const db = database.dialect.db;
    await expect(
      inWriteTransaction(db, async (trx) => {
        await setting('group-commit-lone', 'x').execute(trx);
        throw new Error('lone failed');
      }),
    ).rejects.toThrow('lone failed');
    const rows = await sql`select key from settings where key = 'group-commit-lone'`.execute(db);
    expect(rows.rows).toHaveLength(0);
  });
});

describe('group commit on SQLite', () => {
  let dir: string;
  let dialect: FolioDialect;
  let observer: Sqlite.Database;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-group-commit-'));
    dialect = openSqlite(path.join(dir, 'folio.sqlite'));
    await migrateToLatest(dialect.db);
    // A second connection sees only what has been committed, as another process would.
    observer = new Sqlite(path.join(dir, 'folio.sqlite'), { readonly: true });
  });
  afterAll(async () => {
    observer.close();
    await dialect.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shares one commit among works that arrive together, answering none before it', async () => {
    const committedWhenLastRan: number[] = [];
    const works = Array.from({ length: 8 }, (_, i) =>
      inWriteTransaction(dialect.db, async (trx) => {
        await setting(`together-${i}`, String(i)).execute(trx);
        committedWhenLastRan[i] = observer
          .prepare(`select count(*) as n from settings where key like 'together-%'`)
          .pluck()
          .get() as number;
        return i;
      }),
    );
    const settledEarly: number[] = [];
    for (const work of works) void work.then((i) => settledEarly.push(i));
    expect(await Promise.all(works)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // While the eighth work ran, none of the first seven was visible outside: one transaction.
    expect(committedWhenLastRan[7]).toBe(0);
    expect(observer.prepare(`select count(*) from settings where key like 'together-%'`).pluck().get()).toBe(
      8,
    );
    expect(settledEarly).toHaveLength(8);
  });

  it('lets works that keep arriving turn after turn join the batch, and commits once they stop', async () => {
    let batches = 0;
    const countBatch = async () => {
      batches += 1;
    };
    const file = (i: number) =>
      inWriteTransaction(
        dialect.db,
        async (trx) => {
          await setting(`arriving-${i}`, String(i)).execute(trx);
          return i;
        },
        countBatch,
      );
    // Requests read from the network in three successive turns of the event loop.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const works = [file(0), file(1)];
    await turn();
    works.push(file(2));
    await turn();
    works.push(file(3), file(4));
    expect(await Promise.all(works)).toEqual([0, 1, 2, 3, 4]);
    expect(batches).toBe(1);

    // A lone work is not held back waiting for company.
    batches = 0;
    expect(await file(5)).toBe(5);
    expect(batches).toBe(1);
  });
});
