import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import { inWriteTransaction } from './group-commit.js';
import { ZONE_SHIFT } from './promise-zones.js';
import type { Database } from './schema.js';

/**
 * Keeps SQLite's FTS5 index of report texts (`reports_search`) up with the reports table, a
 * batch at a time (migration 012 says why and defines the watermark), and completes the reports
 * written around Folio with their customer's name as the search compares it (migration 016). The
 * promise zones of new reports (migration 019, promise-zones.ts) are kept in the same step: every
 * report at or below the watermark is in the index and in its zone. On PostgreSQL the pg_trgm
 * index is part of the table, a trigger copies the name, there are no zones, and these do
 * nothing.
 *
 * Three places call it, so that a search never misses a report:
 * - every write transaction that files reports, at its end (`oncePerBatch` in group-commit.ts);
 * - the queue, before it searches for a word or name (src/services/list-reports.ts), for reports
 *   written by other means — on its own connection, since the search may read on read threads;
 * - the start of the server (src/main.ts), so the first search does not pay for an import.
 */

const WATERMARK = "(select indexed_through from text_index_progress where index_name = 'reports_search')";

/**
 * The customer's name copied onto the reports above the watermark written without it (an import;
 * migration 016 says why here and not by a trigger). A filing's reports have it: the statement
 * then only reads the batch's own rows, a range of the table's b-tree.
 */
const COPY_NAMES_ABOVE_WATERMARK = `update reports set customer_search_name =
    (select customers.search_name from customers where customers.customer_number = reports.customer_number)
  where rowid > ${WATERMARK} and customer_search_name is null`;

/**
 * The two statements of the index's catch-up, as SQL text: also run by bench/seed.ts, which
 * writes the database file without the server (and the names itself). `rowid > watermark` is a
 * range of the table's own b-tree: only the new rows are read.
 */
export const INDEX_REPORTS_ABOVE_WATERMARK = `insert into reports_search (rowid, search_text)
  select rowid, search_text from reports where rowid > ${WATERMARK}`;
export const WATERMARK_TO_NEWEST_REPORT = `update text_index_progress
  set indexed_through = (select coalesce(max(rowid), 0) from reports) where index_name = 'reports_search'`;

/**
 * The soonest promise of each department in each zone of the reports above the watermark, folded
 * into migration 019's promise zones (a bound is only ever lowered). Once per batch here, like the
 * index, and not by a trigger per report: any AFTER INSERT trigger on `reports`, even one that
 * does nothing, made an insert ~2.4× slower (47 → 112 µs, better-sqlite3 alone on the
 * 200,000-report seed). Here it costs 25–31 µs a batch of 14 filings (bench/README.md).
 */
export const ZONES_OF_REPORTS_ABOVE_WATERMARK = `insert into report_promise_zones (zone, department_code, soonest_due_at)
  select rowid >> ${ZONE_SHIFT}, coalesce(department_code, ''), min(due_at) from reports
  where rowid > ${WATERMARK} and due_at is not null group by 1, 2
  on conflict (department_code, zone) do update set soonest_due_at = excluded.soonest_due_at
    where excluded.soonest_due_at < soonest_due_at`;

/**
 * Adds the reports above the watermark to the index (with their customer's name copied where it is
 * missing) and moves the watermark to the newest report.
 */
export async function indexNewReportText(trx: Kysely<Database>): Promise<void> {
  if (dialectOf(trx) !== 'sqlite') return;
  await sql.raw(COPY_NAMES_ABOVE_WATERMARK).execute(trx);
  // The zones before the index: a write after FTS5's makes it write out the batch's entries then
  // (1 ms a batch that looked like the zones'), instead of at the commit, as it does anyway.
  await sql.raw(ZONES_OF_REPORTS_ABOVE_WATERMARK).execute(trx);
  const added = await sql.raw(INDEX_REPORTS_ABOVE_WATERMARK).execute(trx);
  if (!added.numAffectedRows) return;
  await sql.raw(WATERMARK_TO_NEWEST_REPORT).execute(trx);
}

/**
 * Indexes the reports nobody has indexed yet, if there are any: one cheap read when there are
 * none (the usual case: the filings' own transactions index theirs). The write, when needed,
 * goes through the group commit like any other, so it never interleaves with a batch of filings.
 */
export async function catchUpReportText(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  const { rows } = await sql<{ behind: number }>`select
      (select coalesce(max(rowid), 0) from reports) > ${sql.raw(WATERMARK)} as behind`.execute(db);
  if (rows[0]?.behind) await inWriteTransaction(db, indexNewReportText);
}
