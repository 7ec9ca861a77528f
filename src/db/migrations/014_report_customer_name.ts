import { type Kysely, sql } from 'kysely';

/**
 * `reports.customer_search_name`: the customer's name as the text search compares it (their
 * `customers.search_name`), on each report.
 *
 * Why a copy: a queue searched by a customer's name (`q=zuniga`) tested the name of each report's
 * customer as it read the queue, one customer row per report (~8 per match for a common
 * surname), and that lookup was most of the page's time (bench/README.md, "Queue"). On the report
 * itself the test costs what a word of the description does. The copy is kept by its two
 * writers: filing writes the name it read (src/db/repositories/reports.ts), and a customer
 * whose name changes has it rewritten on their reports in the same transaction
 * (src/db/repositories/customers.ts). Nothing else writes either column.
 *
 * Nullable only because a column added to a table with rows cannot be NOT NULL on SQLite
 * without a default; every row is filled here and every writer fills it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('customer_search_name', 'text').execute();
  await sql.raw(COPY_CUSTOMER_NAMES).execute(db);
}

/** Every report's copy from its customer, as SQL text: bench/seed.ts runs it after writing reports. */
export const COPY_CUSTOMER_NAMES = `update reports set customer_search_name =
  (select customers.search_name from customers where customers.customer_number = reports.customer_number)`;
