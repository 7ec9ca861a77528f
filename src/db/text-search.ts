import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import { contains } from './like.js';
import { fixedLimit } from './plan-hints.js';
import type { Database } from './schema.js';

/**
 * Free-text search through the indexes of migration 007. The searchable columns hold text
 * normalised by `searchKey` (lowercase, no accents), and the term must be normalised the same
 * way; a row matches when the term occurs in the column anywhere, character for character
 * (`%` and `_` included) — exactly what `contains` (`LIKE '%term%'`) tests on a row.
 *
 * - SQLite: the column's FTS5 trigram table, asked for rows holding two of the term's trigrams
 *   (each a quoted phrase: every character literal, FTS5 syntax too), or the whole term as one
 *   phrase; every row it gives is then tested with `contains`, so the index only narrows.
 * - PostgreSQL: `LIKE`, which pg_trgm's GIN index on the column serves.
 *
 * A trigram index cannot look up a term shorter than 3 characters (FTS5 matches nothing,
 * pg_trgm reads its whole index), so such a term is left to `contains` on each row read.
 */
export const SHORTEST_INDEXED_TERM = 3;

/** Each searchable column's table, the table's key, the column's name and its FTS5 table. */
export const SEARCHABLE = {
  'reports.search_text': { table: 'reports', key: 'number', name: 'search_text', fts: 'reports_search' },
  'customers.search_name': {
    table: 'customers',
    key: 'customer_number',
    name: 'search_name',
    fts: 'customers_search',
  },
} as const;

export type SearchableColumn = keyof typeof SEARCHABLE;

/**
 * The rows whose `column` contains `term`, found through the index, when there are at most
 * `max` candidates; null when there are more, or the term is too short for the index.
 *
 * Why a short list of rows and not a condition to put in the caller's query: a list is a
 * condition every planner gets right (a few lookups by key), while for a term found in thousands
 * of rows the better plan is the opposite one — read the rows in the order wanted and test each
 * with `contains`, stopping after a page, since matches are everywhere. Neither SQLite (no
 * statistics) nor PostgreSQL (no estimate for a subquery in an OR) can tell the two apart
 * inside one query. Asking the index first costs a millisecond or two, and a term found common
 * is remembered for a while (`CommonTerms`), so its next search skips it.
 *
 * On SQLite the candidates are the rows holding two of the term's trigrams, the pair a sample
 * says is rarest (`TrigramSample`), and `where` tests the whole term on each of them with
 * `contains`; a phrase query reads every trigram's list, the common ones too: "transformador"
 * is 11 lists, 7–11 ms on 1,000,000 reports, and a rare pair of them 0.9–2 ms, the same 2,011
 * reports; "ibarra zuniga" 5–6 ms on 250,000 customers, and "a z" with "iba" 1 ms. The
 * candidates are rowids: the queue then reads those rows by the table's own key (2,011 of them
 * in 1.7–2.9 ms) instead of through the report number's index (18.6 ms).
 *
 * `db` may only read (the queue's read threads): the caller first brings SQLite's index of
 * report texts up with the table on its own connection (`catchUpReportText`).
 */
export async function rowsContaining(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<RowsFound | null> {
  if ([...term].length < SHORTEST_INDEXED_TERM) return null;
  const verdict = `${column}\u0000${max}\u0000${term}`;
  if (commonTerms.isCommon(verdict, Date.now())) return null;
  const found =
    dialectOf(db) === 'sqlite'
      ? await sqliteRows(db, column, term, max)
      : await postgresRows(db, column, term, max);
  if (!found) commonTerms.remember(verdict, Date.now());
  return found;
}

/** Rows found by `rowsContaining`. */
export interface RowsFound {
  /** How many rows the index gave (at most `max`); 0 when no row contains the term. */
  candidates: number;
  /**
   * The condition true exactly for the rows that contain the term, on the searched table (the
   * column's) under the name `table` has in the caller's query; and `first` when given, tested on
   * each candidate before the term (a cheap test that rules most of them out spares the term's).
   */
  where: (table: string, first?: Expression<SqlBool>) => Expression<SqlBool>;
  /**
   * SQLite only: the candidates as a table of rowids (its one column `id`), for a query to start
   * from, joining the searched table by rowid; `holds`, whether a row is a candidate; and `test`,
   * what `where` tests on a row besides that (`first`, then the term). A join from the list spares
   * SQLite the temporary index it builds of the list for `rowid in (…)`, and the query then needs
   * no `holds` (2,011 candidates: the queue's list query 1.56–1.66 → 1.39–1.47 ms on 1,000,000
   * reports).
   */
  start?: {
    rowids: RawBuilder<{ id: number }>;
    /** The same rowids as the JSON array SQLite made of them (ascending, as FTS5 gives them). */
    listed: string;
    holds: (table: string) => Expression<SqlBool>;
    test: (table: string, first?: Expression<SqlBool>) => Expression<SqlBool>;
  };
}

async function sqliteRows(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<RowsFound | null> {
  const { fts, name } = SEARCHABLE[column];
  // The rowids as one JSON text, made by SQLite: thousands of them never become JavaScript
  // objects (nor cross to another thread, with read threads) only to be written back as JSON.
  const ask = async (query: string) => {
    const { rows } = await sql<{ found: number; ids: string }>`select count(*) as found,
        json_group_array(id) as ids
      from (select rowid as id from ${sql.table(fts)} where ${sql.table(fts)} match ${query} limit ${fixedLimit(max + 1)})`.execute(
      db,
    );
    return rows[0] ?? { found: 0, ids: '[]' };
  };
  const pair = (await sampleOf(db, column)).pairFor(term);
  let found = await ask(pair.map(phrase).join(' AND '));
  // Two rare trigrams can still meet in many rows without the term (say, words that often go
  // together): then the whole term, before calling it common.
  if (found.found > max && pair.length < trigramsOf(term).length) found = await ask(phrase(term));
  if (found.found > max) return null;
  const { ids } = found;
  const holds = (table: string) =>
    sql<SqlBool>`${sql.ref(`${table}.rowid`)} in (select value from json_each(${ids}))`;
  const test = (table: string, first?: Expression<SqlBool>) =>
    sql<SqlBool>`(${first ?? sql`1`} and ${contains(sql.ref(`${table}.${name}`), term)})`;
  return {
    candidates: found.found,
    where: (table, first) => sql<SqlBool>`(${holds(table)} and ${test(table, first)})`,
    start: {
      rowids: sql<{ id: number }>`(select value as id from json_each(${ids}))`,
      listed: ids,
      holds,
      test,
    },
  };
}

async function postgresRows(
  db: Kysely<Database>,
  column: SearchableColumn,
  term: string,
  max: number,
): Promise<RowsFound | null> {
  const { table, key } = SEARCHABLE[column];
  const { rows } = await sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(table)}
    where ${contains(sql.ref(column), term)} limit ${fixedLimit(max + 1)}`.execute(db);
  if (rows.length > max) return null;
  const keys = rows.map((row) => row.key);
  return {
    candidates: keys.length,
    where: (alias, first) =>
      sql<SqlBool>`(${sql.ref(`${alias}.${key}`)} = any(${keys}::text[]) and ${first ?? sql`true`})`,
  };
}

/** The trigrams of a term, in order: what FTS5's trigram tokenizer makes of it. */
export function trigramsOf(term: string): string[] {
  const characters = [...term];
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= characters.length; i++) trigrams.push(characters.slice(i, i + 3).join(''));
  return trigrams;
}

/**
 * The newest rows of a column, to tell which of a term's trigrams to ask the index for. FTS5
 * keeps no count of the rows per trigram that can be read without reading the trigram's whole
 * list (fts5vocab counts by reading it), and keeping counts by hand would cost every filing a
 * write per trigram. A sample is enough to choose which two lists to read: a wrong guess costs
 * speed, never a result, since `contains` tests every candidate.
 */
export class TrigramSample {
  private readonly holding = new Map<string, number>();
  private readonly chosen = new Map<string, string[]>();

  constructor(
    private readonly rows: readonly string[],
    readonly takenAt: number,
  ) {}

  /** How many rows of the sample hold the trigram (counted once, then remembered). */
  rowsWith(trigram: string): number {
    let count = this.holding.get(trigram);
    if (count === undefined) {
      count = 0;
      for (const row of this.rows) if (row.includes(trigram)) count += 1;
      forgettingAll(this.holding).set(trigram, count);
    }
    return count;
  }

  /**
   * The two trigrams of `term` found together in the fewest rows: the rarest one, and the one
   * least seen beside it. Not simply the two rarest: neighbouring trigrams go together ("a z"
   * and " zu" of "ibarra zuniga" are in the same 3,000 of 250,000 names, "a z" and "iba" in
   * 202). Among equals, the one seen least overall, then the one farthest away in the term.
   */
  pairFor(term: string): string[] {
    let pair = this.chosen.get(term);
    if (pair === undefined) {
      const trigrams = trigramsOf(term);
      const distinct = spreadOver([...new Set(trigrams)], MOST_TRIGRAMS_WEIGHED);
      if (distinct.length <= 2) pair = distinct;
      else {
        const [rarest] = [...distinct].sort((a, b) => this.rowsWith(a) - this.rowsWith(b)) as [string];
        const beside = this.rows.filter((row) => row.includes(rarest));
        const at = trigrams.indexOf(rarest);
        const second = distinct
          .filter((trigram) => trigram !== rarest)
          .map((trigram) => ({
            trigram,
            together: beside.filter((row) => row.includes(trigram)).length,
            alone: this.rowsWith(trigram),
            distance: Math.abs(trigrams.indexOf(trigram) - at),
          }))
          .sort((a, b) => a.together - b.together || a.alone - b.alone || b.distance - a.distance)[0];
        pair = [rarest, (second as { trigram: string }).trigram];
      }
      forgettingAll(this.chosen).set(term, pair);
    }
    return pair;
  }
}

/**
 * At most `most` of `items`, evenly spread from the first to the last. Weighing every trigram
 * of a 100-character term against the sample took 40–50 ms of the one JavaScript thread; a
 * dozen spread over the term find a rare pair as well.
 */
export function spreadOver<T>(items: readonly T[], most: number): T[] {
  if (items.length <= most) return [...items];
  const step = (items.length - 1) / (most - 1);
  return Array.from({ length: most }, (_, i) => items[Math.round(i * step)] as T);
}

/** Empties a memo grown past `MOST_REMEMBERED` (a sample lives an hour; this bounds its memory). */
function forgettingAll<T>(memo: Map<string, T>): Map<string, T> {
  if (memo.size > MOST_REMEMBERED) memo.clear();
  return memo;
}

/**
 * Rows in a sample: 2,000 reports are ~250 KB of text, read once an hour; enough to tell a
 * trigram in 1 % of them from one in 10 %, which is all the choice needs.
 */
const SAMPLE_ROWS = 2_000;
/** The most trigrams of a term weighed against the sample (`spreadOver`). */
const MOST_TRIGRAMS_WEIGHED = 12;
/** A sample is taken again after this long, so that it follows what people write. */
const SAMPLE_FOR_MS = 60 * 60_000;
const MOST_REMEMBERED = 20_000;

const samples = new WeakMap<Kysely<Database>, Map<SearchableColumn, TrigramSample>>();

async function sampleOf(db: Kysely<Database>, column: SearchableColumn): Promise<TrigramSample> {
  const now = Date.now();
  const ofDatabase = samples.get(db) ?? new Map<SearchableColumn, TrigramSample>();
  samples.set(db, ofDatabase);
  const kept = ofDatabase.get(column);
  if (kept && now - kept.takenAt < SAMPLE_FOR_MS) return kept;
  const { table } = SEARCHABLE[column];
  // The newest rows: the end of the table's own b-tree, read in a few milliseconds.
  const { rows } = await sql<{
    text: string | null;
  }>`select ${sql.ref(column)} as text from ${sql.table(table)}
    order by ${sql.ref(`${table}.rowid`)} desc limit ${SAMPLE_ROWS}`.execute(db);
  const sample = new TrigramSample(
    rows.map((row) => row.text ?? ''),
    now,
  );
  ofDatabase.set(column, sample);
  return sample;
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

/** An FTS5 string: the term's characters as they are, with `"` doubled. */
function phrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
