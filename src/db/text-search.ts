import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import { contains } from './like.js';
import type { Database } from './schema.js';
import { catchUpReportText } from './text-index.js';

/**
 * Free-text search through the indexes of migration 007. The searchable columns hold text
 * normalised by `searchKey` (lowercase, no accents), and the term must be normalised the same
 * way; a row matches when the term occurs in the column anywhere, character for character
 * (`%` and `_` included) — exactly what `contains` (`LIKE '%term%'`) tests on a row.
 *
 * - SQLite: the column's FTS5 trigram table, matched with the term as one quoted phrase (a
 *   trigram phrase is a substring; quoting makes every character literal, FTS5 syntax too).
 * - PostgreSQL: `LIKE`, which pg_trgm's GIN index on the column serves.
 *
 * A trigram index cannot look up a term shorter than 3 characters (FTS5 matches nothing,
 * pg_trgm reads its whole index), so such a term is left to `contains` on each row read.
 */
export const SHORTEST_INDEXED_TERM = 3;

const SEARCHABLE = {
  'reports.search_text': { table: 'reports', key: 'number', fts: 'reports_search' },
  'customers.search_name': { table: 'customers', key: 'customer_number', fts: 'customers_search' },
} as const;

export type SearchableColumn = keyof typeof SEARCHABLE;

/**
 * The primary keys of the rows whose `column` contains `term`, found through the index, when
 * there are at most `max`; null when there are more, or the term is too short for the index.
 *
 * Why keys and not a condition to put in the caller's query: a list of keys is a condition every
 * planner gets right (a few primary-key lookups), while for a term found in thousands of rows
 * the better plan is the opposite one — read the rows in the order wanted and test each with
 * `contains`, stopping after a page, since matches are everywhere. Neither SQLite (no
 * statistics) nor PostgreSQL (no estimate for a subquery in an OR) can tell the two apart
 * inside one query. Reading up to `max` keys from the index first costs a few milliseconds at most.
 */
export async function keysContaining(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<string[] | null> {
  if ([...term].length < SHORTEST_INDEXED_TERM) return null;
  if (column === 'reports.search_text') await catchUpReportText(db);
  const { table, key, fts } = SEARCHABLE[column];
  const query =
    dialectOf(db) === 'sqlite'
      ? sql<{ key: string }>`select ${sql.ref(`${table}.${key}`)} as key from ${sql.table(fts)}
          join ${sql.table(table)} on ${sql.ref(`${table}.rowid`)} = ${sql.ref(`${fts}.rowid`)}
          where ${sql.table(fts)} match ${phrase(term)} limit ${max + 1}`
      : sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(table)}
          where ${contains(sql.ref(column), term)} limit ${max + 1}`;
  const { rows } = await query.execute(db);
  return rows.length > max ? null : rows.map((row) => row.key);
}

/**
 * `column IN (keys)` with the keys as one bound value (a JSON array on SQLite, an array on
 * PostgreSQL), so the statement is the same text for any number of keys: SQLite's statement
 * cache keeps one entry for it, and neither database parses thousands of placeholders.
 */
export function isOneOf(db: Kysely<Database>, column: string, keys: readonly string[]): Expression<SqlBool> {
  return dialectOf(db) === 'sqlite'
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(keys)}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${keys}::text[])`;
}

/** An FTS5 string: the term's characters as they are, with `"` doubled. */
function phrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
