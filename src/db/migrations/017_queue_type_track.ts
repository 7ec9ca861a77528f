import type { Kysely } from 'kysely';

/**
 * A queue narrowed to a type or a track that is rare in it read its whole scope, row by row
 * (bench/README.md, "Queue on 1,000,000 reports"): facturación's every-status queue filtered
 * to faults, of which it has none, took 319 ms a page; every department's faults outside the
 * company's control (`track=external`), 681 ms. This gives a department's reports of each type
 * and track, open and closed, in promise order; list-reports.ts reads it part by part (one per
 * department, type, track and half asked for), each part stopping after a page.
 *
 * One index for both filters (not one each): every filing writes one more entry, not two. The
 * department first: led by the type, a type common elsewhere but absent from the department
 * (facturación's faults) was still read entry by entry (61 ms a page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_kind_promise')
    .on('reports')
    .columns(['department_code', 'type', 'track', 'is_open', 'due_at', 'number'])
    .execute();
}
