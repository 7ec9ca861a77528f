import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { watchCandidates } from './promise-watch.js';

const sqlite = databaseKinds.find((kind) => kind.name === 'sqlite');

// The watch runs every minute inside the server; a plan that walks closed reports stalls every
// request for the length of the walk (about 100 ms on 200,000 reports before migration 008).
describe('promise watch query plans (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!sqlite) throw new Error('SQLite is always tested');
    database = await sqlite.open();
  });
  afterAll(() => database.close());

  it.each([
    ['due_at', 'reports_breach_watch'],
    ['at_risk_at', 'reports_at_risk_watch'],
  ] as const)('finds candidates by %s through the status-first index %s', async (column, index) => {
    const query = watchCandidates(
      database.dialect.db,
      ['on_track', 'at_risk'],
      column,
      new Date().toISOString(),
    ).compile();
    const { rows } = await database.dialect.db.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql}`,
    });
    const details = rows.map((row) => row.detail).join(' | ');
    expect(details).toContain(`USING INDEX ${index} (status=? AND promise_state=?`);
  });
});
