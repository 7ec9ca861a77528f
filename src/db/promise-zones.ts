import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * The first rows by promise among a list of candidate reports, reading only the zones of the
 * list that can hold them (SQLite; migration 019 keeps the zones).
 *
 * A searched word's candidates over every status are thousands of reports over years. To sort
 * them by promise, the queue read every candidate's report (2,011 lookups in the reports table
 * for "transformador" on 1,000,000 reports), most of them to be dropped. Each zone (4,096
 * consecutive rowids, a few days of filings) knows the soonest promise of each department in
 * it, a bound no report of the zone is below. So the zones are taken soonest first, and their
 * candidates read, until the page's last row is before the soonest promise of every zone left:
 * no report there can come before it. The rows are then exactly those of reading every
 * candidate, whatever else the query filters (it only removes rows) and after any cursor.
 *
 * A zone's bound only ever falls (migration 019), so a stale one makes a zone read needlessly,
 * never skipped wrongly. Zones without a promise of the viewer's departments hold none of their
 * reports with a promise, which a queue by promise lists only: they are never read. The zones are
 * read after the candidates, so every candidate is in its zone; but the zones and the page are
 * two statements, each on the database as it is then: a promise moved earlier in the moment
 * between them can be missing from that page, and is there at the next refresh.
 */

/**
 * Rowids per zone, as a shift: the statement that puts new reports in their zones uses it
 * (text-index.ts); migration 019's backfill and trigger have it written in (a test checks).
 */
export const ZONE_SHIFT = 12;

/**
 * Candidates read in the first round: four pages' worth, since a department holds a share of a
 * word's candidates (facturación ~40 %). Each further round reads four times as many.
 */
const FIRST_ROUND_PAGES = 4;
const GROWTH = 4;

/** The reports a searched text's matches are among (SQLite: src/db/queue/queue-text.ts), each once. */
export interface Candidates {
  /** All of them, as a table of rowids (its one column `id`). */
  table: RawBuilder<{ id: number }>;
  /** Those the text index gave, as its JSON array of rowids. */
  listed: string;
  /**
   * The others (the reports of a customer numbered or named as the text), none of `listed`;
   * absent when the text can be neither.
   */
  others?: RawBuilder<{ id: number }>;
}

/** A row the queue reads, with its promise as stored (the column's text, the query's order). */
interface ByPromise {
  due_at: string | Date | null;
}

/**
 * `want` rows (or all there are) of what `read` gives for `among`, in `read`'s order (promise,
 * then number), reading only the zones needed. `read` runs the queue's query on the candidates it
 * is given; `departments` are those the viewer may see ('every': every one, and none).
 */
export async function firstByPromise<Row extends ByPromise>(
  db: Kysely<Database>,
  among: Candidates,
  departments: readonly string[] | 'every',
  want: number,
  read: (among: RawBuilder<{ id: number }>) => Promise<Row[]>,
): Promise<Row[]> {
  if (departments !== 'every' && departments.length === 0) return [];
  const zones = await zonesOf(db, among, departments);
  let taken = 0;
  let candidates = 0;
  let target = FIRST_ROUND_PAGES * want;
  for (;;) {
    for (; taken < zones.length && candidates < target; taken++)
      candidates += (zones[taken] as Zone).rowids.length;
    const chosen = zones.slice(0, taken).flatMap((zone) => zone.rowids);
    const rows = await read(
      sql<{ id: number }>`(select value as id from json_each(${JSON.stringify(chosen)}))`,
    );
    const next = zones[taken];
    if (!next) return rows;
    const last = rows[want - 1];
    if (last?.due_at && promiseText(last.due_at) < next.soonest) return rows;
    target = candidates * GROWTH;
  }
}

/** A zone of the candidates: the soonest promise of the viewer's departments in it, its rowids. */
interface Zone {
  soonest: string;
  rowids: number[];
}

/**
 * The candidates by zone, soonest promise first; one statement, its two lists as JSON texts
 * (a thousand zones as rows cost three times as much to hand over).
 */
async function zonesOf(
  db: Kysely<Database>,
  among: Candidates,
  departments: readonly string[] | 'every',
): Promise<Zone[]> {
  const ofDepartments = departments === 'every' ? sql`1` : sql`department_code in (${sql.join(departments)})`;
  // The text index's candidates are here already, as its JSON: only the others (a customer's
  // reports, usually none) are read again. Reading 2,011 rowids back out of their JSON took SQLite
  // longer than the zones themselves.
  const others = among.others ? sql`(select json_group_array(id) from ${among.others} as other)` : sql`'[]'`;
  const { rows } = await sql<{ others: string; zones: string }>`select ${others} as others,
      (select json_group_array(json_array(zone, soonest_due_at)) from report_promise_zones
        where ${ofDepartments}) as zones`.execute(db);
  const found = rows[0];
  if (!found) return [];
  const soonest = new Map<number, string>();
  for (const [zone, due] of JSON.parse(found.zones) as [number, string][]) {
    const known = soonest.get(zone);
    if (known === undefined || due < known) soonest.set(zone, due);
  }
  const zones = new Map<number, Zone>();
  const candidates = [...(JSON.parse(among.listed) as number[]), ...(JSON.parse(found.others) as number[])];
  for (const rowid of candidates) {
    const zone = rowid >> ZONE_SHIFT;
    let entry = zones.get(zone);
    if (!entry) {
      const due = soonest.get(zone);
      if (due === undefined) continue;
      entry = { soonest: due, rowids: [] };
      zones.set(zone, entry);
    }
    entry.rowids.push(rowid);
  }
  return [...zones.values()].sort((a, b) => (a.soonest < b.soonest ? -1 : a.soonest > b.soonest ? 1 : 0));
}

/** The promise as the column stores it (ISO 8601 text on SQLite), to compare with a zone's. */
function promiseText(due: string | Date): string {
  return typeof due === 'string' ? due : due.toISOString();
}
