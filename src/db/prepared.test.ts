import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { prepare } from './prepared.js';

describe.each(databaseKinds)('prepared queries on $name', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await kind.open();
    const at = new Date().toISOString();
    await database.dialect.db
      .insertInto('departments')
      .values({ code: 'zz', name: 'Zeta', created_at: at })
      .execute();
  });
  afterAll(() => database.close());

  const byCode = prepare((db, p) =>
    db.selectFrom('departments').select(['code', 'name']).where('code', '=', p('code')),
  );
  const rename = prepare((db, p) =>
    db
      .updateTable('departments')
      .set({ name: p('name') })
      .where('code', '=', p('code')),
  );

  it('binds new values on every run, against the same compiled SQL', async () => {
    const db = database.dialect.db;
    expect(await byCode.execute(db, { code: 'zz' })).toEqual([{ code: 'zz', name: 'Zeta' }]);
    expect(await byCode.execute(db, { code: 'facturacion' })).toEqual([
      { code: 'facturacion', name: 'Facturación' },
    ]);
    expect(await byCode.execute(db, { code: "x' or '1'='1" })).toEqual([]);
    expect(await rename.run(db, { code: 'zz', name: 'Zeta 2' })).toBe(1);
    expect(await byCode.execute(db, { code: 'zz' })).toEqual([{ code: 'zz', name: 'Zeta 2' }]);
  });

  it('works inside a transaction', async () => {
    await database.dialect.db.transaction().execute(async (trx) => {
      expect(await byCode.execute(trx, { code: 'zz' })).toHaveLength(1);
    });
  });

  it('never sees the writes of a transaction still open, nor of one rolled back', async () => {
    const db = database.dialect.db;
    let readDuring: Promise<unknown> | undefined;
    let settledDuring = false;
    await db
      .transaction()
      .execute(async (trx) => {
        await rename.run(trx, { code: 'zz', name: 'Sin confirmar' });
        // A request arriving now, on the shared handle: on SQLite it must wait for the
        // transaction rather than read its uncommitted row off the one connection.
        readDuring = byCode.execute(db, { code: 'zz' });
        void readDuring.then(() => {
          settledDuring = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (kind.name === 'sqlite') expect(settledDuring).toBe(false);
        throw new Error('rolled back on purpose');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'rolled back on purpose') throw error;
      });
    expect(await readDuring).toEqual([{ code: 'zz', name: 'Zeta 2' }]);
    expect(await rename.run(db, { code: 'zz', name: 'Zeta 2' })).toBe(1);
  });

  it('refuses to run with a value missing', async () => {
    await expect(byCode.execute(database.dialect.db, {})).rejects.toThrow(/no value for "code"/);
  });
});
