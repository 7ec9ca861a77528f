import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { unionAllOf } from './union-of-parts.js';

describe.each(databaseKinds)('unionAllOf on $name', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database.close());

  it('runs the query once per part with its own values, a null as a shape of its own', async () => {
    const db = database.dialect.db;
    const parts = [
      { code: 'facturacion', tag: 'a' },
      { code: null, tag: 'b' },
      { code: 'soporte_tecnico', tag: 'c' },
    ];
    const union = unionAllOf(
      parts,
      (part) => [part.tag, ...(part.code === null ? [] : [part.code])],
      (part) => (part.code === null ? 'null' : 'code'),
      (values, part) => {
        const query = db.selectFrom('departments').select(['code', sql<string>`${values[0]}`.as('tag')]);
        return part.code === null
          ? query.where('code', 'is', null)
          : query.where('code', '=', values[1] as string);
      },
    );
    const { rows } = await sql<{
      code: string;
      tag: string;
    }>`select * from (${union}) as "all" order by "tag"`.execute(db);
    expect(rows).toEqual([
      { code: 'facturacion', tag: 'a' },
      { code: 'soporte_tecnico', tag: 'c' },
    ]);
  });

  it('refuses a part whose SQL holds a placeholder character outside its placeholders', () => {
    const db = database.dialect.db;
    expect(() =>
      unionAllOf(
        [1],
        () => [],
        () => '',
        () => db.selectFrom('departments').select(sql<string>`'¿qué?'`.as('question')),
      ),
    ).toThrow(/placeholders/);
  });
});
