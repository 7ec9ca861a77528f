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
 * A row limit written into the statement, not bound as a parameter. On SQLite, with the same
 * plan, measured on the 1,000,000-report seed (better-sqlite3 alone): a report by its number
 * ~17 µs with `limit 1` and ~33 µs with `limit ?`; the queue's default page of keys ~28 against
 * ~35 µs; an empty range read in promise order ~7 against ~19 µs, so the queue read in 60 parts
 * took 1.14 ms for the statement bound and 0.07 ms written in. For the queries that run on every
 * request (the queue, the text searches, a filing's last invoice); only for integers the code
 * computes (one statement per value, each prepared once).
 */
export function fixedLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`Not a row limit: ${rows}`);
  return sql.lit(rows);
}
