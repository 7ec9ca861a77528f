import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { InvalidInput } from '../../core/errors.js';
import { searchKey } from '../../core/normalize.js';
import { SHORTEST_SEARCH_TERM } from '../../core/requests/back-office.js';
import { CUSTOMER_NUMBER } from '../../core/requests/fields.js';
import { contains } from '../like.js';
import type { Candidates } from '../promise-zones.js';
import type { Database } from '../schema.js';
import { type RowsFound, rowsContaining } from '../text-search.js';

/**
 * The queue's free text (`q`): a report number, a customer number, the customer's name or words
 * of the description, accents and case aside. This module decides how each is matched; the
 * queue (read-queue.ts) decides how the rows are read.
 */

/**
 * The most reports (and customers) a searched word may be found in for the queue to fetch them
 * by key and sort them; beyond that, reading the queue in order finds a page of them sooner.
 * A customer brings all their reports, hence the smaller number.
 */
export const FEW_REPORTS = 3000;
export const FEW_CUSTOMERS = 1000;

/** Digits a person may have typed for a report or customer number, with separators. */
const REPORT_NUMBER_TYPED = /^(?=(?:\D*\d){3})[\d\s-]{3,20}$/;

const shortTerm = () =>
  new InvalidInput('Escriba al menos 3 caracteres para buscar.', [
    { path: 'q', message: 'Escriba al menos 3 caracteres para buscar.' },
  ]);

export interface TextMatch {
  /** The condition on a report row (the customer's name is on the report: migration 014). */
  condition: (eb: ExpressionBuilder<Database, 'reports' | 'customers'>) => Expression<SqlBool>;
  /**
   * The matches are a short list of keys found beforehand: the queue should look them up and
   * sort them, rather than read its rows in order and test each.
   */
  byKeys: boolean;
  /**
   * SQLite, when words of descriptions are among the keys: the rowids of every report that can
   * match (a table, its column `id`), for the queue to start from, joining the reports by rowid.
   * `condition` then tells the matches among them without asking whether a row is a candidate,
   * which would make SQLite build a temporary index of the list (and an OR of indexes with the
   * other branches). It stays right on any row, only slow where the query does not start here.
   */
  among?: Candidates;
}

/**
 * How `text` narrows the queue; `openOnly` when the queue reads open reports only. `narrowing`
 * is the rest of the queue's filter, or its cheapest part: where the word's reports are a list
 * of candidates, it is tested on each before the word (a department's quarter of them: the word
 * is then read and tested in that quarter only; 1.92 → 1.69 ms for 2,011 candidates).
 */
export async function textMatch(
  db: Kysely<Database>,
  text: string,
  openOnly: boolean,
  narrowing?: (eb: ExpressionBuilder<Database, 'reports' | 'customers'>) => Expression<SqlBool>,
): Promise<TextMatch> {
  const digits = text.replace(/\D/g, '');
  // Digits (as a report number is read out, with its dashes) are looked up by number
  // through the keys alone; words through the text indexes.
  if (REPORT_NUMBER_TYPED.test(text)) {
    return {
      condition: (eb) =>
        eb.or([
          // A prefix as a key range over the 10 digits, which an index serves on both dialects
          // (digit strings of one length sort alike under every collation).
          eb.between(
            'reports.number',
            digits.slice(0, 10).padEnd(10, '0'),
            digits.length > 10 ? '' : digits.padEnd(10, '9'),
          ),
          eb('reports.customer_number', 'in', [text, digits]),
        ]),
      // Six digits or more are at most 1,000 report numbers (a month's 4, then the counter's
      // first of 5; the last digit is the check digit): among reports of every status, those few
      // are found by key and sorted, rather than reading a department's years in order for them.
      byKeys: !openOnly && digits.length >= 6,
    };
  }
  const key = searchKey(text);
  // Shorter terms are not in the text indexes, and looking one up would read every report.
  if ([...key].length < SHORTEST_SEARCH_TERM) throw shortTerm();
  // A word found in few reports or customers becomes their keys, and the queue a few
  // lookups by key; a common one is tested on each row as the queue is read in order, which
  // stops after a page because such rows are everywhere. Among open reports only (a few
  // thousand at most) the word is always tested on each row, the description and the customer's
  // name both on the report itself (migration 014): the trigram index reads its lists for years
  // of reports, 3 ms for the 3,001 keys that say a word is common, more than reading every open
  // report of a department; and the customers' index took 1 ms to say a surname is common.
  const [reports, customers] = openOnly
    ? [null, null]
    : await Promise.all([
        rowsContaining(db, 'reports.search_text', key, FEW_REPORTS),
        rowsContaining(db, 'customers.search_name', key, FEW_CUSTOMERS),
      ]);
  const byKeys = !!reports && !!customers && (reports.candidates > 0 || customers.candidates > 0);
  // The text as a customer number, when it can be one: "ibarra zuniga" cannot, and an OR
  // branch matching nothing would still make SQLite read every candidate's row to sort it.
  const asCustomerNumber = CUSTOMER_NUMBER.test(text);
  const start = byKeys && reports && reports.candidates > 0 ? reports.start : undefined;
  return {
    condition: (eb) => {
      const found: Expression<SqlBool>[] = asCustomerNumber ? [eb('reports.customer_number', '=', text)] : [];
      if (!customers) found.push(contains(eb.ref('reports.customer_search_name'), key));
      else if (customers.candidates > 0)
        // By the customers' current names: the customer's every report, those filed before a
        // rename and those imported without the copy of the name (migration 014) too.
        found.push(eb('reports.customer_number', 'in', namedCustomers(db, customers)));
      if (!reports) found.push(contains(eb.ref('reports.search_text'), key));
      else if (start) found.push(start.test('reports', narrowing?.(eb)));
      else if (reports.candidates > 0) found.push(reports.where('reports', narrowing?.(eb)));
      return eb.or(found);
    },
    // Only keys (no word tested on each row): the keys are the candidates, found and sorted.
    byKeys,
    ...(start ? { among: amongReports(db, start, asCustomerNumber ? text : undefined, customers) } : {}),
  };
}

/** The numbers of the customers a name was found in, by their current names. */
function namedCustomers(db: Kysely<Database>, customers: RowsFound) {
  return db.selectFrom('customers as named').select('named.customer_number').where(customers.where('named'));
}

/**
 * The reports a match is among, each once: the candidates of the text, then the reports of the
 * customer numbered as the text (`customerNumber`) and those of the customers named so, each
 * part without the rows of the parts before it (a `union` would sort them all to drop repeats).
 */
function amongReports(
  db: Kysely<Database>,
  text: NonNullable<RowsFound['start']>,
  customerNumber: string | undefined,
  customers: RowsFound | null,
): Candidates {
  const others: RawBuilder<unknown>[] = [];
  if (customerNumber !== undefined)
    others.push(
      sql`select rowid as id from reports as numbered
        where customer_number = ${customerNumber} and not ${text.holds('numbered')}`,
    );
  if (customers && customers.candidates > 0) {
    const named = namedCustomers(db, customers);
    const notNumbered = customerNumber !== undefined ? sql`customer_number <> ${customerNumber}` : sql`1`;
    others.push(
      sql`select rowid as id from reports as of_named
        where customer_number in (${named}) and ${notNumbered} and not ${text.holds('of_named')}`,
    );
  }
  const parts = [sql`select id from ${text.rowids}`, ...others];
  return {
    table: sql<{ id: number }>`(${sql.join(parts, sql` union all `)})`,
    listed: text.listed,
    ...(others.length > 0 ? { others: sql<{ id: number }>`(${sql.join(others, sql` union all `)})` } : {}),
  };
}
