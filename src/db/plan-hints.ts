import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from './dialects/detect.js';

/**
 * A text column as an expression no index serves (`column || ''`, the same value), so that a
 * condition on it is tested on each row read instead of choosing which rows are read. For
 * SQLite, which has no statistics and would otherwise start from that column's index even
 * where another way is far cheaper; PostgreSQL plans the same SQL by its statistics.
 */
export function testedPerRow(column: string): RawBuilder<string> {
  return sql<string>`(${sql.ref(column)} || '')`;
}

/**
 * The cheapest key to find a chosen row of `table` again by: SQLite's rowid (the table's own
 * b-tree, one search), where its declared key is an index searched and then the table; on
 * PostgreSQL the declared key. The queue picks a page's keys among thousands of rows, then reads
 * the page's 51 rows by them (a word's page: 1.45 → 1.29 ms of the list query on 1,000,000
 * reports).
 */
export function rowKeyOf<DB>(db: Kysely<DB>, table: string, declaredKey: string): RawBuilder<unknown> {
  return sql.ref(dialectOf(db) === 'sqlite' ? `${table}.rowid` : `${table}.${declaredKey}`);
}

/**
 * A row limit written into the statement, not bound as a parameter. SQLite ran a query read in
 * an index's order, `… order by due_at, number limit 51`, in ~7 µs over an empty range where
 * `limit ?` took ~19 µs (the same plan; on the 1,000,000-report seed), and the queue read in
 * 60 parts paid that 60 times: 1.14 ms → 0.07 ms for the statement. Only for integers the code
 * computes (one statement per value, each prepared once).
 */
export function fixedLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`Not a row limit: ${rows}`);
  return sql.lit(rows);
}
