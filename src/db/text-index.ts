import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialects/detect.js';
import { inWriteTransaction } from './group-commit.js';
import type { Database } from './schema.js';

/**
 * Keeps SQLite's FTS5 index of report texts (`reports_search`) up with the reports table, a
 * batch at a time (migration 012 says why and defines the watermark). On PostgreSQL the
 * pg_trgm index is part of the table and these do nothing.
 *
 * Three places call it, so that a search never misses a report:
 * - every write transaction that files reports, at its end (`oncePerBatch` in group-commit.ts);
 * - the queue, before it asks the index for a word (src/services/list-reports.ts), for reports
 *   written by other means — on its own connection, since the search may read on read threads;
 * - the start of the server (src/main.ts), so the first search does not pay for an import.
 */

const WATERMARK = "(select indexed_through from text_index_progress where index_name = 'reports_search')";

/**
 * The two statements of a catch-up, as SQL text: also run by bench/seed.ts, which writes the
 * database file without the server. `rowid > watermark` is a range of the table's own b-tree:
 * only the new rows are read.
 */
export const INDEX_REPORTS_ABOVE_WATERMARK = `insert into reports_search (rowid, search_text)
  select rowid, search_text from reports where rowid > ${WATERMARK}`;
export const WATERMARK_TO_NEWEST_REPORT = `update text_index_progress
  set indexed_through = (select coalesce(max(rowid), 0) from reports) where index_name = 'reports_search'`;

/** Adds the reports above the watermark to the index and moves the watermark to the newest report. */
export async function indexNewReportText(trx: Kysely<Database>): Promise<void> {
  if (dialectOf(trx) !== 'sqlite') return;
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
