import type { Kysely } from 'kysely';

/**
 * Two more queue views measured on 1,000,000 reports (bench/README.md, "Queue on 1,000,000
 * reports"): a department's open reports newest first (`sort=-created`: 21 ms of reading and
 * sorting → 0.3 ms) and the open reports the promise watch flagged (`promise=at_risk|breached`,
 * for a department or all: 9 ms → 0.3 ms). Both give the rows already in the page's order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_open_department_created')
    .on('reports')
    .columns(['department_code', 'is_open', 'created_at', 'number'])
    .execute();
  await db.schema
    .createIndex('reports_open_promise')
    .on('reports')
    .columns(['is_open', 'promise_state', 'due_at', 'number'])
    .execute();
}
