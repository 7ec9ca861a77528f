import type { Kysely } from 'kysely';

/**
 * Someone's own work ("mías", the technician's faults) and the unassigned reports, open ones in
 * promise order, as one index range each (like migration 009 did for departments): with the
 * assignee's four open statuses as four ranges, every open report of theirs was read and sorted
 * for a page (p99 51–66 ms at 16 connections on 1,000,000 reports). It replaces the
 * status-by-status assignee index: a single status of one person's reports is a short read of
 * this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_queue_assignee').execute();
  await db.schema
    .createIndex('reports_open_assignee')
    .on('reports')
    .columns(['assignee_id', 'is_open', 'due_at', 'number'])
    .execute();
}
