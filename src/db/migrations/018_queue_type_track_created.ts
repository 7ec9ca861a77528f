import type { Kysely } from 'kysely';

/**
 * Migration 017's parts in filing-time order: a queue sorted newest (or oldest) first and
 * narrowed to a type or a track rare in it read everything in that order to find its page (an
 * agent's every-status `track=external`, newest first: 692 ms on 1,000,000 reports). The same
 * columns as `reports_kind_promise`, with the filing time in place of the promise date
 * (list-reports.ts, `kindParts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_kind_created')
    .on('reports')
    .columns(['department_code', 'type', 'track', 'is_open', 'created_at', 'number'])
    .execute();
}
