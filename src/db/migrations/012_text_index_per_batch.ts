import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialects/detect.js';

/**
 * SQLite: new reports enter the FTS5 text index (`reports_search`, migration 007) once per
 * write transaction instead of by a trigger per row. With the trigger, each filing left its
 * trigram entries pending in FTS5, and the next filing's first statement made FTS5 write them
 * out as a segment of their own: 240 µs of every filing's 1.1 ms, half the filing rate
 * (bench/README.md). Now the group commit adds the whole batch's new reports with one
 * INSERT … SELECT at the end of its transaction (src/db/text-index.ts), so a batch costs one
 * segment.
 *
 * `text_index_progress.indexed_through` is the watermark: every report with a rowid at or below
 * it is in the index, none above it is. Reports never get a rowid below the largest one (rowids
 * are max + 1), so "the reports above the watermark" are exactly those still to index — also
 * when they were written by something other than the server (an import, bench/seed.ts), which
 * the next search or start indexes.
 *
 * The update and delete triggers stay, for the rows already indexed only (a row above the
 * watermark is indexed with whatever text it has when its turn comes). Deleting the newest
 * indexed report lowers the watermark to the newest remaining one: the next report gets the
 * freed rowid again, and must not count as indexed. Folio itself never deletes reports; this
 * keeps the invariant for anything that does.
 *
 * One transaction, so an interrupted migration leaves the insert trigger and no watermark (the
 * state before) rather than both. PostgreSQL's pg_trgm indexes are kept by the database itself:
 * nothing to do there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  const watermark = "(select indexed_through from text_index_progress where index_name = 'reports_search')";
  await db.transaction().execute(async (trx) => {
    for (const statement of [
      `create table text_index_progress (
         index_name text primary key,
         indexed_through integer not null
       )`,
      // Everything is indexed at this point: the insert trigger did it until now.
      `insert into text_index_progress (index_name, indexed_through)
         values ('reports_search', (select coalesce(max(rowid), 0) from reports))`,
      'drop trigger reports_search_insert',
      'drop trigger reports_search_update',
      'drop trigger reports_search_delete',
      `create trigger reports_search_update after update of search_text on reports
       when old.search_text is not new.search_text and old.rowid <= ${watermark} begin
         insert into reports_search (reports_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
         insert into reports_search (rowid, search_text) values (new.rowid, new.search_text);
       end`,
      `create trigger reports_search_delete after delete on reports
       when old.rowid <= ${watermark} begin
         insert into reports_search (reports_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
         update text_index_progress set indexed_through = min(indexed_through, (select coalesce(max(rowid), 0) from reports))
           where index_name = 'reports_search';
       end`,
    ])
      await sql.raw(statement).execute(trx);
  });
}
