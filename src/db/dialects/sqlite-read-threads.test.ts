import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../database.js';
import type { Database } from '../schema.js';
import { openSqlite } from './sqlite.js';
import { ReadThreadsDriver } from './sqlite-read-threads.js';

describe('SQLite read threads', () => {
  let dir: string;
  let db: Kysely<Database>;
  let reads: Kysely<Database>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-read-threads-'));
    const dialect = openSqlite(path.join(dir, 'folio.sqlite'), { readThreads: 2 });
    await migrateToLatest(dialect.db);
    db = dialect.db;
    reads = dialect.reads as Kysely<Database>;
  });

  afterAll(async () => {
    await reads?.destroy();
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const departmentName = async (code: string) =>
    (await reads.selectFrom('departments').select('name').where('code', '=', code).executeTakeFirst())?.name;

  it('are opened for a database in a file (one in memory has no other reader)', async () => {
    expect(reads).toBeDefined();
    for (const [file, readThreads] of [
      [':memory:', 2],
      [path.join(dir, 'off.sqlite'), 0],
    ] as const) {
      const dialect = openSqlite(file, { readThreads });
      expect(dialect.reads).toBeUndefined();
      await dialect.db.destroy();
    }
  });

  it('read what was committed on the main connection, as soon as it was', async () => {
    for (let i = 0; i < 20; i++) {
      await db
        .insertInto('departments')
        .values({ code: `d${i}`, name: `Departamento ${i}`, created_at: new Date().toISOString() })
        .execute();
      expect(await departmentName(`d${i}`)).toBe(`Departamento ${i}`);
    }
  });

  it('all start with the first query, so the first pages asked at once wait for none to start', async () => {
    const driver = new ReadThreadsDriver(path.join(dir, 'folio.sqlite'), {
      threads: 3,
      cacheMb: 2,
      mmapMb: 0,
      statementCacheSize: 10,
    });
    try {
      expect(driver.threadsStarted).toBe(0);
      const connection = await driver.acquireConnection();
      const { rows } = await connection.executeQuery(CompiledQuery.raw('select 1 as one'));
      expect(rows).toEqual([{ one: 1 }]);
      expect(driver.threadsStarted).toBe(3);
    } finally {
      await driver.destroy();
    }
    expect(driver.threadsStarted).toBe(0);
  });

  it('answer many queries at once, each with its own rows', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => departmentName(`d${i % 20}`)));
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => `Departamento ${i % 20}`));
  });

  it('refuse to write, and the database is unchanged', async () => {
    await expect(
      reads
        .insertInto('departments')
        .values({ code: 'x', name: 'Escrito por un lector', created_at: new Date().toISOString() })
        .execute(),
    ).rejects.toThrow(/read/i);
    await expect(sql`delete from departments`.execute(reads)).rejects.toThrow();
    await expect(reads.transaction().execute(async () => undefined)).rejects.toThrow(/transactions/);
    expect(await db.selectFrom('departments').select('code').where('code', '=', 'x').execute()).toEqual([]);
    expect(await departmentName('d3')).toBe('Departamento 3');
  });

  it("fail a bad query with SQLite's message and go on answering", async () => {
    await expect(sql`select no_such_column from departments`.execute(reads)).rejects.toThrow(
      /no such column: no_such_column/,
    );
    expect(await departmentName('d1')).toBe('Departamento 1');
  });

  it('fail the queries still running when they are stopped, rather than leave them waiting', async () => {
    const dialect = openSqlite(path.join(dir, 'folio.sqlite'), { readThreads: 1 });
    const stopped = dialect.reads as Kysely<Database>;
    // Long enough to be running when the threads stop (a count to three million).
    const long = sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000)
      select count(*) as count from n`
      .execute(stopped)
      .then(
        () => 'answered',
        (error: Error) => error.message,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stopped.destroy();
    expect(await long).toMatch(/stopped/);
    await dialect.db.destroy();
  });
  it('keep a process that waits for their answer alive until it comes (a script, a job)', () => {
    // Idle threads do not keep a process alive; one with a query running must, or a process with
    // nothing else to do would end before the answer, silently.
    const sqliteModule = new URL('./sqlite.ts', import.meta.url).href;
    const script = `
      const { openSqlite } = await import(${JSON.stringify(sqliteModule)});
      const dialect = openSqlite(${JSON.stringify(path.join(dir, 'folio.sqlite'))}, { readThreads: 1 });
      const row = await dialect.reads.selectFrom('departments').select('name').where('code', '=', 'd4').executeTakeFirst();
      console.log('answer:', row.name);`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(output).toContain('answer: Departamento 4');
  });
});
