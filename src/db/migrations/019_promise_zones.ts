import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialects/detect.js';

/**
 * SQLite: the soonest promise of each department in each zone of 4,096 consecutive report
 * rowids, so that a word's candidates over every status can be sorted by promise without reading
 * each candidate's report (src/db/promise-zones.ts says how the queue reads them). A word in
 * 2,000 reports meant 2,000 lookups in the reports table for a page of 50: the last view of the
 * queue's benchmark over its line (bench/README.md).
 *
 * `soonest_due_at` is a lower bound, never more than the promise of any report of that
 * department in that zone, and it is only ever lowered:
 * - here, from every report there is;
 * - for new reports, with the text index, once per write transaction that files them and before
 *   a search (src/db/text-index.ts: every report at or below its watermark is in its zone). Not
 *   by an insert trigger: any AFTER INSERT trigger on `reports`, even one doing nothing, made
 *   each insert of a report ~65 µs slower (text-index.ts);
 * - when a report's promise or department changes, by the trigger below.
 * A promise moved later (a pause, a reopen) or a report moved to another department leaves the
 * old bound, which is only less tight: the queue then reads a zone it could have skipped, never
 * skips one it needed. The department of a report routed nowhere is ''.
 *
 * A zone is `rowid >> 12`: reports are filed in time order, so a zone is about three days of an
 * office of 1,300 reports a day, and its promises lie close together. Smaller zones cut closer
 * but cost the queue more to choose from: it reads a department's every zone per search, and on
 * 1,000,000 reports that took 0.32 ms of the server's one JavaScript thread a page with zones of
 * 1,024 (977 per department), 0.13 ms with 4,096; a rare word's page spans weeks of zones either
 * way. The shift is also written in promise-zones.ts (`ZONE_SHIFT`), which text-index.ts uses,
 * and src/db/promise-zones.test.ts checks the two agree.
 *
 * One transaction: the table, its backfill, and the trigger. PostgreSQL searches by its own
 * statistics and pg_trgm (migration 007): nothing to do there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  const lower = `insert into report_promise_zones (zone, department_code, soonest_due_at)
      values (new.rowid >> 12, coalesce(new.department_code, ''), new.due_at)
      on conflict (department_code, zone) do update
        set soonest_due_at = excluded.soonest_due_at
        where excluded.soonest_due_at < soonest_due_at`;
  await db.transaction().execute(async (trx) => {
    for (const statement of [
      `create table report_promise_zones (
         zone integer not null,
         department_code text not null,
         soonest_due_at text not null,
         primary key (department_code, zone)
       ) without rowid`,
      `insert into report_promise_zones (zone, department_code, soonest_due_at)
         select rowid >> 12, coalesce(department_code, ''), min(due_at) from reports
         where due_at is not null group by 1, 2`,
      `create trigger report_promise_zones_update after update of due_at, department_code on reports
       when new.due_at is not null begin ${lower}; end`,
    ])
      await sql.raw(statement).execute(trx);
  });
}
