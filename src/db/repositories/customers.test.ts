import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/support/databases.js';
import { reportRow, userRow } from '../../../test/support/rows.js';
import type { Customer } from '../../core/customer.js';
import { searchKey } from '../../core/normalize.js';
import { openPostgres } from '../dialects/postgres.js';
import { CustomersRepository } from './customers.js';

const NOW = new Date('2026-11-27T16:00:00.000Z');
const ANA: Customer = {
  customerNumber: '100001',
  name: 'Ana Ruiz',
  phone: null,
  email: null,
  address: {
    street: 'Madero',
    number: '12',
    colonia: 'Centro',
    city: 'Rioverde',
    postalCode: '79610',
    lat: null,
    lng: null,
  },
  billingCycleDay: 12,
  nextBillingDate: null,
  billingPeriodMonths: 1,
};

describe.each(databaseKinds)('the customer a report is filed for, on $name', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await kind.open();
    await new CustomersRepository(database.dialect.db).upsert(ANA, NOW);
  });
  afterAll(() => database.close());

  it('is read inside the filing’s transaction', async () => {
    const found = await database.dialect.db
      .transaction()
      .execute((trx) => new CustomersRepository(trx).findToFileFor('100001'));
    expect(found).toEqual(ANA);
    expect(await new CustomersRepository(database.dialect.db).findToFileFor('999999')).toBeUndefined();
  });

  it('writes a new name onto the customer’s reports, also those imported without it', async () => {
    const db = database.dialect.db;
    const at = NOW.toISOString();
    await db.insertInto('users').values(userRow(at)).execute();
    await db
      .insertInto('reports')
      .values(reportRow('2611000011', '100001', 'Cobro doble.', at, 'Ana Ruiz'))
      .execute();
    await db
      .insertInto('reports')
      .values(reportRow('2611000022', '100001', 'Sin luz.', at))
      .execute();
    await new CustomersRepository(db).upsert({ ...ANA, name: 'Ana Ruiz Pérez' }, NOW);
    const rows = await db
      .selectFrom('reports')
      .select(['number', 'customer_search_name'])
      .where('customer_number', '=', '100001')
      .orderBy('number')
      .execute();
    expect(rows.map((row) => row.customer_search_name)).toEqual([
      searchKey('Ana Ruiz Pérez'),
      searchKey('Ana Ruiz Pérez'),
    ]);
    await db.deleteFrom('reports').where('customer_number', '=', '100001').execute();
    await new CustomersRepository(db).upsert(ANA, NOW);
  });

  // A rename rewrites the name each report carries (migration 014); one committed while a
  // filing is in flight would miss the filing's report.
  it.runIf(kind.name === 'postgres')('holds off a rename until the filing commits', async () => {
    const elsewhere = openPostgres(database.url as string).db;
    try {
      await database.dialect.db.transaction().execute(async (filing) => {
        expect((await new CustomersRepository(filing).findToFileFor('100001'))?.name).toBe('Ana Ruiz');
        const rename = elsewhere.transaction().execute(async (trx) => {
          await sql`set local lock_timeout = '300ms'`.execute(trx);
          await new CustomersRepository(trx).upsert({ ...ANA, name: 'Ana Ruiz Pérez' }, NOW);
        });
        await expect(rename).rejects.toThrow(/lock timeout/);
      });
    } finally {
      await elsewhere.destroy();
    }
  });
});
