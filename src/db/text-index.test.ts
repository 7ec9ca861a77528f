import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRow } from '../../test/support/rows.js';
import { keysContaining } from '../../test/support/text-search.js';
import { searchKey } from '../core/normalize.js';
import { migrateToLatest } from './database.js';
import type { FolioDialect } from './dialects/dialect.js';
import { openSqlite } from './dialects/sqlite.js';
import { inWriteTransaction } from './group-commit.js';
import type { Database } from './schema.js';
import { indexNewReportText } from './text-index.js';

/**
 * SQLite's report text index written per batch (migration 012, src/db/text-index.ts): whatever
 * wrote a report, the next search finds it, exactly once, and FTS5's own integrity check agrees
 * with the table after every kind of write.
 */

const AT = '2026-11-26T18:00:00.000Z';

describe('the report text index on SQLite, a batch at a time', () => {
  let dir: string;
  let dialect: FolioDialect;
  let db: Kysely<Database>;
  let next = 100;

  const insertReport = (trx: Kysely<Database>, description: string) => {
    next += 1;
    const number = `2611${String(next).padStart(5, '0')}0`;
    return trx
      .insertInto('reports')
      .values(reportRow(number, '100001', description, AT, 'Ana Ruiz'))
      .execute()
      .then(() => number);
  };
  const reportsWith = async (term: string) =>
    ((await keysContaining(db, 'reports.search_text', searchKey(term), 100)) ?? []).sort();
  const watermark = async () => {
    const { rows } = await sql<{ through: number; newest: number }>`select
        (select indexed_through from text_index_progress where index_name = 'reports_search') as through,
        (select coalesce(max(rowid), 0) from reports) as newest`.execute(db);
    return rows[0] as { through: number; newest: number };
  };
  /** FTS5 compares the index with the table; a missing, stale or doubled entry is an error. */
  const integrityCheck = () =>
    sql`insert into reports_search (reports_search, rank) values ('integrity-check', 1)`.execute(db);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-text-index-'));
    dialect = openSqlite(path.join(dir, 'folio.sqlite'));
    db = dialect.db;
    await migrateToLatest(db);
    await sql`insert into users (id, username, name, password_hash, roles, created_at, updated_at)
      values ('u1', 'admin', 'Admin', 'x', '["admin"]', ${AT}, ${AT})`.execute(db);
    await sql`insert into customers (customer_number, name, search_name, street, colonia, city, postal_code,
        billing_cycle_day, created_at, updated_at)
      values ('100001', 'Ana Ruiz', 'ana ruiz', 'Centenario', 'Centro', 'Rioverde', '79610', 12, ${AT}, ${AT})`.execute(
      db,
    );
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has no trigger writing the index per inserted report', async () => {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master
      where type = 'trigger' and tbl_name = 'reports' order by name`.execute(db);
    // (Migration 019's trigger lowers a report's promise zone when its promise or department
    // changes; new reports enter their zones with the index, per batch.)
    expect(rows.map((row) => row.name)).toEqual([
      'report_promise_zones_update',
      'reports_search_delete',
      'reports_search_update',
    ]);
  });

  it('indexes a batch of filings with one statement, in their own transaction', async () => {
    const statements: CompiledQuery[] = [];
    const counted = db.withPlugin({
      transformQuery: (args) => {
        statements.push(db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const numbers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inWriteTransaction(
          counted,
          (trx) => insertReport(trx, `Lote de quejas número ${i} sobre alumbrado.`),
          indexNewReportText,
        ),
      ),
    );
    expect(statements.filter((s) => /^insert into reports_search\b/.test(s.sql))).toHaveLength(1);
    expect(await watermark()).toEqual({ through: next - 100, newest: next - 100 });
    expect(await reportsWith('alumbrado')).toEqual([...numbers].sort());
    expect(await reportsWith('numero 7')).toEqual([numbers[7]]);
    await integrityCheck();
  });

  it('finds reports written by other means (an import) at the next search', async () => {
    const imported = await insertReport(db, 'Importado del sistema anterior: poste inclinado.');
    expect((await watermark()).through).toBeLessThan((await watermark()).newest);
    expect(await reportsWith('poste inclinado')).toEqual([imported]);
    const after = await watermark();
    expect(after.through).toBe(after.newest);
    await integrityCheck();
  });

  it('indexes a report changed before its turn with the text it has then', async () => {
    const number = await insertReport(db, 'Texto provisional del reporte.');
    await db
      .updateTable('reports')
      .set({ search_text: searchKey('Texto definitivo: bache profundo.') })
      .where('number', '=', number)
      .execute();
    expect(await reportsWith('provisional')).toEqual([]);
    expect(await reportsWith('bache profundo')).toEqual([number]);
    // Changed again once indexed: the update trigger swaps its entries.
    await db
      .updateTable('reports')
      .set({ search_text: searchKey('Texto corregido: banqueta rota.') })
      .where('number', '=', number)
      .execute();
    expect(await reportsWith('bache')).toEqual([]);
    expect(await reportsWith('banqueta rota')).toEqual([number]);
    await integrityCheck();
  });

  it('does not count a new report as indexed when it reuses the rowid of a deleted newest one', async () => {
    const removed = await insertReport(db, 'Reporte que se borrará: cable colgando.');
    expect(await reportsWith('cable colgando')).toEqual([removed]);
    await db.deleteFrom('reports').where('number', '=', removed).execute();
    const reused = await insertReport(db, 'Reporte nuevo en su lugar: medidor sin sello.');
    expect(await reportsWith('cable colgando')).toEqual([]);
    expect(await reportsWith('medidor sin sello')).toEqual([reused]);
    await integrityCheck();

    // A report deleted before it was ever indexed leaves nothing behind either.
    const never = await insertReport(db, 'Borrado antes de indexarse: fuga menor.');
    await db.deleteFrom('reports').where('number', '=', never).execute();
    expect(await reportsWith('fuga menor')).toEqual([]);
    await integrityCheck();
  });

  it('rolls the index back with a batch that fails', async () => {
    const before = await watermark();
    await expect(
      inWriteTransaction(
        db,
        async (trx) => {
          await insertReport(trx, 'Nunca llegó a guardarse: árbol caído.');
          throw new Error('filing failed');
        },
        indexNewReportText,
      ),
    ).rejects.toThrow('filing failed');
    expect(await watermark()).toEqual(before);
    expect(await reportsWith('arbol caido')).toEqual([]);
    await integrityCheck();
  });
});
