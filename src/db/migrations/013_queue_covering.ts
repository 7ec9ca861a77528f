import type { Kysely } from 'kysely';

/**
 * Queue views on 1,000,000 reports that still read a table row per candidate (bench/README.md,
 * "Queue on 1,000,000 reports"). Two of the open-queue indexes are rebuilt with one more column
 * each, so the filter is decided from the index entry, and the customers get one index for the
 * queue's per-row tests. No index is added to `reports`: a filing writes as many entries as
 * before, each a few bytes longer.
 *
 * - `reports_open_department` + `customer_number`: a number typed in the search (`q=2611-0`)
 *   also matches a customer number, and `colonia` joins the customer; both needed the report's
 *   row for every open report read in promise order (q-number 0.76 → 0.32 ms alone).
 * - `reports_open_department_created` + `due_at`: a filing-date range (`createdFrom/To`) is
 *   this index's range, and the promise order then sorts only index entries — with the page of
 *   keys chosen first (src/services/list-reports.ts) no other row is read until the page is
 *   known (created-week 2.9 → 0.4 ms alone; every status 61 → 0.7 ms).
 * - `customers_number_colonia (customer_number, colonia)`: the customer of each candidate report
 *   is tested for its colonia in one index lookup instead of an index and a table lookup
 *   (colonia 3.7 → 0.9 ms alone). Customers are written by staff and imports, never by a
 *   filing. (Not `search_name` too: PostgreSQL then read this index instead of the trigram one
 *   for a name on a small table, and SQLite never took it for a name.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_open_department').execute();
  await db.schema
    .createIndex('reports_open_department')
    .on('reports')
    .columns(['department_code', 'is_open', 'due_at', 'number', 'customer_number'])
    .execute();
  await db.schema.dropIndex('reports_open_department_created').execute();
  await db.schema
    .createIndex('reports_open_department_created')
    .on('reports')
    .columns(['department_code', 'is_open', 'created_at', 'number', 'due_at'])
    .execute();
  await db.schema
    .createIndex('customers_number_colonia')
    .on('customers')
    .columns(['customer_number', 'colonia'])
    .execute();
}
