import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialects/detect.js';

/**
 * A report inserted without `customer_search_name` (migration 014) gets it from its customer.
 * Folio's own filing always writes the copy; a report written straight into the table (an import
 * of an older system's reports) need not know of it, and without it the queue's name search over
 * open reports, which tests the copy on the report (src/services/queue-text.ts), never found it.
 * (Testing the customer's own name in the query instead, for reports without the copy, made every
 * common-name search ~9 % slower on 1,000,000 reports.)
 *
 * PostgreSQL: a trigger completes the row before it is written; its condition is tested without
 * calling the function, so a filing, which has the copy, does not pay for it.
 *
 * SQLite: no trigger. An AFTER INSERT trigger, even one whose WHEN is false, cost every insert
 * ~85 µs (52 → 133–145 µs on the 200k seed: SQLite enters the trigger's program, an UPDATE of a
 * table with 15 indexes, to test the WHEN) — a quarter of the filing rate. The copy is filled instead
 * where SQLite already catches up with reports written around Folio: with their text index, for
 * the reports above its watermark (src/db/text-index.ts) — by each batch of filings, by the queue
 * before a search and at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return;
  await sql`create function reports_customer_name_on_insert() returns trigger language plpgsql as $$
    begin
      select customers.search_name into new.customer_search_name
        from customers where customers.customer_number = new.customer_number;
      return new;
    end $$`.execute(db);
  await sql`create trigger reports_customer_name_on_insert before insert on reports
    for each row when (new.customer_search_name is null)
    execute function reports_customer_name_on_insert()`.execute(db);
}
