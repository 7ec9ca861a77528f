import type { Kysely } from 'kysely';

/**
 * The searches by a customer's name over every status (bench/README.md, "Queue on 1,000,000
 * reports") read a table row for each report they weigh, only to test the name or to sort by
 * promise. Two indexes are rebuilt with the columns those reads were for, so each is decided
 * from index entries, read in order, and only the page's rows are then read. No index is added:
 * a filing writes as many entries as before, each a few bytes longer.
 *
 * - `reports_open_department` + `customer_search_name`: a common name over a department's
 *   every status (`q=zuniga`) is tested on each report as the department is read in promise
 *   order, thousands of them before a page is found (the name is on the report: migration 014).
 * - `reports_customer` + `due_at`, `number`: a rare name (`q=ibarra zuniga`) finds its
 *   customers, then their reports are sorted by promise: ~600 reports, each row read for its
 *   promise date. The index still serves a customer's history (number, then filing time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_open_department').execute();
  await db.schema
    .createIndex('reports_open_department')
    .on('reports')
    .columns(['department_code', 'is_open', 'due_at', 'number', 'customer_number', 'customer_search_name'])
    .execute();
  await db.schema.dropIndex('reports_customer').execute();
  await db.schema
    .createIndex('reports_customer')
    .on('reports')
    .columns(['customer_number', 'created_at', 'due_at', 'number'])
    .execute();
}
