import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseKind, databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { customerRow, reportRow } from '../../test/support/rows.js';
import { migrateToLatest } from './database.js';
import { openSqlite } from './dialects/sqlite.js';
import { inWriteTransaction } from './group-commit.js';
import { migrations } from './migrations/index.js';
import { ZONE_SHIFT } from './promise-zones.js';
import type { Database } from './schema.js';
import { catchUpReportText, indexNewReportText } from './text-index.js';

/**
 * SQLite's promise zones (migration 019): after any write, every report with a promise has its
 * zone's entry for its department, at or below its promise — computed with the shift the queue
 * reads them by (`ZONE_SHIFT`), so a change to either side alone fails here. The queue's pages
 * read through them are checked against a plain reading in src/services/list-reports.test.ts.
 */

const AT = '2026-11-26T18:00:00.000Z';

/** The user who files the reports of these tests and their customer, 100001. */
async function addFiler(db: Kysely<Database>): Promise<void> {
  await sql`insert into users (id, username, name, password_hash, roles, created_at, updated_at)
    values ('u1', 'admin', 'Admin', 'x', '["admin"]', ${AT}, ${AT})`.execute(db);
  await db
    .insertInto('customers')
    .values(customerRow('100001', 'Ana Ruiz', AT))
    .execute();
}

describe('the promise zones on SQLite', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;

  /** Zones whose bound is missing or above a promise of theirs: none, if the triggers hold. */
  const brokenBounds = async () => {
    const { rows } = await sql<{ rowid: number }>`select reports.rowid from reports
      left join report_promise_zones zones
        on zones.zone = reports.rowid >> ${ZONE_SHIFT}
        and zones.department_code = coalesce(reports.department_code, '')
      where reports.due_at is not null
        and (zones.soonest_due_at is null or zones.soonest_due_at > reports.due_at)`.execute(db);
    return rows.map((row) => row.rowid);
  };
  const zones = async () =>
    (
      await sql<{
        zone: number;
        department_code: string;
        soonest_due_at: string;
      }>`select * from report_promise_zones order by zone, department_code`.execute(db)
    ).rows;

  const insert = (rowid: number, department: string | null, due: string | null) =>
    db
      .insertInto('reports')
      .values({
        ...(reportRow(`2611${String(rowid).padStart(5, '0')}0`, '100001', 'Poste caído', AT) as object),
        rowid,
        department_code: department,
        due_at: due,
      } as never)
      .execute();

  const change = (rowid: number, set: { due_at?: string; department_code?: string }) =>
    db.updateTable('reports').set(set).where(sql<number>`rowid`, '=', rowid).execute();

  beforeAll(async () => {
    database = await (databaseKinds.find((kind) => kind.name === 'sqlite') as DatabaseKind).open();
    db = database.dialect.db;
    await addFiler(db);
  });
  afterAll(() => database.close());

  it('keeps each zone at the soonest promise of each department as reports are filed', async () => {
    // Written straight into the table, as an import would: the zones follow at the next search
    // (or batch of filings, or start), with the text index.
    const zone = 1 << ZONE_SHIFT;
    await insert(1, 'facturacion', '2026-12-03T18:00:00.000Z');
    await insert(2, 'facturacion', '2026-12-01T18:00:00.000Z');
    await insert(3, null, '2026-12-05T18:00:00.000Z');
    await insert(4, 'facturacion', null); // no promise: in no queue by promise
    await insert(zone, 'facturacion', '2026-11-30T18:00:00.000Z'); // the first of the next zone
    await insert(zone - 1, 'soporte_tecnico', '2026-12-02T18:00:00.000Z'); // the last of the first
    expect(await zones()).toEqual([]);
    await catchUpReportText(db);
    expect(await zones()).toEqual([
      { zone: 0, department_code: '', soonest_due_at: '2026-12-05T18:00:00.000Z' },
      { zone: 0, department_code: 'facturacion', soonest_due_at: '2026-12-01T18:00:00.000Z' },
      { zone: 0, department_code: 'soporte_tecnico', soonest_due_at: '2026-12-02T18:00:00.000Z' },
      { zone: 1, department_code: 'facturacion', soonest_due_at: '2026-11-30T18:00:00.000Z' },
    ]);
    expect(await brokenBounds()).toEqual([]);
  });

  it('lowers a bound when a promise moves earlier or a report changes department, and never raises one', async () => {
    await change(1, { due_at: '2026-11-29T18:00:00.000Z' });
    await change(2, { department_code: 'administracion' });
    await change(4, { due_at: '2026-11-28T18:00:00.000Z' });
    // Later: the zone keeps its bound (a paused promise), lower than it need be.
    await change(3, { due_at: '2027-01-10T18:00:00.000Z' });
    expect(await brokenBounds()).toEqual([]);
    expect(await zones()).toEqual([
      { zone: 0, department_code: '', soonest_due_at: '2026-12-05T18:00:00.000Z' },
      { zone: 0, department_code: 'administracion', soonest_due_at: '2026-12-01T18:00:00.000Z' },
      { zone: 0, department_code: 'facturacion', soonest_due_at: '2026-11-28T18:00:00.000Z' },
      { zone: 0, department_code: 'soporte_tecnico', soonest_due_at: '2026-12-02T18:00:00.000Z' },
      { zone: 1, department_code: 'facturacion', soonest_due_at: '2026-11-30T18:00:00.000Z' },
    ]);
  });

  it('puts the reports of a batch of filings in their zones at its end', async () => {
    const zone = 5 << ZONE_SHIFT;
    await inWriteTransaction(
      db,
      async (trx) => {
        await trx
          .insertInto('reports')
          .values({
            ...(reportRow('2611999990', '100001', 'Medidor', AT) as object),
            rowid: zone,
            department_code: 'facturacion',
            due_at: '2026-12-07T18:00:00.000Z',
          } as never)
          .execute();
      },
      indexNewReportText,
    );
    expect((await zones()).filter((z) => z.zone === 5)).toEqual([
      { zone: 5, department_code: 'facturacion', soonest_due_at: '2026-12-07T18:00:00.000Z' },
    ]);
    expect(await brokenBounds()).toEqual([]);
  });
});

describe('migration 019 on a database with reports', () => {
  it('puts every report already there in its zone', async () => {
    const dialect = openSqlite(':memory:');
    const db = dialect.db;
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo('018_queue_type_track_created');
      if (before.error) throw before.error;
      await addFiler(db);
      const departments = ['facturacion', 'soporte_tecnico', null];
      for (let i = 0; i < 30; i++)
        await db
          .insertInto('reports')
          .values({
            ...(reportRow(`2611${String(i).padStart(5, '0')}0`, '100001', 'Poste caído', AT) as object),
            rowid: 1 + i * 700,
            department_code: departments[i % 3],
            due_at:
              i % 7 === 0 ? null : new Date(Date.parse(AT) + ((i * 37) % 11) * 86_400_000).toISOString(),
          } as never)
          .execute();
      expect(await migrateToLatest(db)).toEqual(['019_promise_zones']);
      const { rows: tight } = await sql`select rowid >> ${ZONE_SHIFT} as zone,
          coalesce(department_code, '') as department_code, min(due_at) as soonest_due_at
        from reports where due_at is not null group by 1, 2 order by 1, 2`.execute(db);
      const { rows: stored } = await sql`select zone, department_code, soonest_due_at
        from report_promise_zones order by zone, department_code`.execute(db);
      expect(tight.length).toBeGreaterThan(6);
      expect(stored).toEqual(tight);
    } finally {
      await db.destroy();
    }
  });
});
