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
 * inside one query. Reading up to `max` keys from the index first costs a few milliseconds at most,
 * and a term found common is remembered for a while (`CommonTerms`), so its next search skips it.
 */
export async function keysContaining(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<string[] | null> {
  if ([...term].length < SHORTEST_INDEXED_TERM) return null;
  const verdict = `${column}\u0000${max}\u0000${term}`;
  if (commonTerms.isCommon(verdict, Date.now())) return null;
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
  if (rows.length <= max) return rows.map((row) => row.key);
  commonTerms.remember(verdict, Date.now());
  return null;
}

/**
 * Terms found in more than `max` rows a little while ago, so that the next search for one skips
 * the index and goes straight to testing each row, which is what the caller does with null. A
 * queue page searched for a surname refreshes itself every minute, and many people search the
 * same surnames and words; learning again that "zuniga" is in more than 1,000 customers read
 * 1,001 keys (0.7 ms on 250,000 customers), "medidor" 3,001 report keys (2.4 ms on 1,000,000).
 *
 * Only that verdict is kept, never keys: keys are a search's answer and go stale with every
 * filing, while "common" only chooses how the rows are read — each row read is tested exactly
 * either way, so a verdict gone stale (a word that became rare) costs speed, never a wrong
 * answer. Kept per process for `COMMON_FOR_MS`, at most `MOST_COMMON_TERMS` of them.
 */
export class CommonTerms {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly forMs: number,
    private readonly most: number,
  ) {}

  isCommon(term: string, now: number): boolean {
    const until = this.until.get(term);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(term);
    return false;
  }

  remember(term: string, now: number): void {
    this.until.delete(term);
    // A Map iterates in insertion order: the first entry is the oldest verdict.
    if (this.until.size >= this.most) this.until.delete(this.until.keys().next().value as string);
    this.until.set(term, now + this.forMs);
  }
}

const COMMON_FOR_MS = 10 * 60_000;
const MOST_COMMON_TERMS = 1_000;
const commonTerms = new CommonTerms(COMMON_FOR_MS, MOST_COMMON_TERMS);

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
