import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { catchUpReportText } from '../../src/db/text-index.js';
import { rowsContaining, SEARCHABLE, type SearchableColumn } from '../../src/db/text-search.js';

/**
 * The keys of the rows `rowsContaining` finds (report numbers, customer numbers), sorted, read
 * through the condition it gives, as the queue reads them (after bringing the text index up
 * with the table, as the queue does); null when it finds too many.
 */
export async function keysContaining(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<string[] | null> {
  await catchUpReportText(db);
  const found = await rowsContaining(db, column, term, max);
  if (!found) return null;
  const { table, key } = SEARCHABLE[column];
  const { rows } = await sql<{ key: string }>`select ${sql.ref(`found.${key}`)} as key
    from ${sql.table(table)} as found where ${found.where('found')} order by key`.execute(db);
  expect(found.candidates).toBeGreaterThanOrEqual(rows.length);
  return rows.map((row) => row.key);
}
