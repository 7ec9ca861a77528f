import type { Kysely, Selectable } from 'kysely';
import type { Customer, Invoice } from '../../core/customer.js';
import { phoneDigits, searchKey } from '../../core/normalize.js';
import { dialectOf } from '../dialects/detect.js';
import { contains, startsWith } from '../like.js';
import { fixedLimit } from '../plan-hints.js';
import { prepare } from '../prepared.js';
import type { CustomersTable, Database } from '../schema.js';

export const CUSTOMER_SEARCH_LIMIT = 20;

export interface CustomerRecord extends Customer {
  createdAt: Date;
}

function toCustomer(row: Selectable<CustomersTable>): Customer {
  return {
    customerNumber: row.customer_number,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: {
      street: row.street,
      number: row.street_number,
      colonia: row.colonia,
      city: row.city,
      postalCode: row.postal_code,
      lat: row.lat,
      lng: row.lng,
    },
    billingCycleDay: row.billing_cycle_day,
    nextBillingDate: row.next_billing_date,
    billingPeriodMonths: row.billing_period_months === 2 ? 2 : 1,
  };
}

const byNumber = (db: Kysely<Database>, p: (name: string) => string) =>
  db.selectFrom('customers').selectAll().where('customer_number', '=', p('customerNumber'));
const customerByNumber = prepare(byNumber);
/**
 * The customer a report is being filed for, share-locked on PostgreSQL until the filing commits.
 * The report copies the customer's name (migration 014) and a rename rewrites it on the
 * customer's reports; without the lock, a rename committing while a filing is in flight would
 * miss the filing's report (not yet committed) and leave it the old name. With it, the rename's
 * row lock waits for the filing and then sees its report, or the filing waits for the rename
 * and reads the new name. SQLite's single writer orders the two already.
 */
const customerToFileFor = prepare((db, p) =>
  dialectOf(db) === 'postgres' ? byNumber(db, p).forShare() : byNumber(db, p),
);
const customerExists = prepare((db, p) =>
  db.selectFrom('customers').select('customer_number').where('customer_number', '=', p('customerNumber')),
);
const latestInvoice = prepare((db, p) =>
  db
    .selectFrom('invoices')
    .select('number')
    .where('customer_number', '=', p('customerNumber'))
    .orderBy('issued_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(fixedLimit(1)),
);

export class CustomersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(customerNumber: string): Promise<Customer | undefined> {
    const [row] = await customerByNumber.execute(this.db, { customerNumber });
    return row && toCustomer(row);
  }

  /** `find`, inside the filing's transaction, holding off a rename until it commits. */
  async findToFileFor(customerNumber: string): Promise<Customer | undefined> {
    const [row] = await customerToFileFor.execute(this.db, { customerNumber });
    return row && toCustomer(row);
  }

  async exists(customerNumber: string): Promise<boolean> {
    return (await customerExists.execute(this.db, { customerNumber })).length > 0;
  }

  /**
   * Number (prefix), name (anywhere, accent- and case-insensitive) or phone (digits anywhere).
   * Exact customer-number matches come first, then by name.
   */
  async search(text: string): Promise<Customer[]> {
    const key = searchKey(text);
    const digits = phoneDigits(text);
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where((eb) => {
        const conditions = [
          startsWith(eb.ref('customer_number'), text.trim()),
          contains(eb.ref('search_name'), key),
        ];
        if (digits.length >= 3) conditions.push(contains(eb.ref('phone_digits'), digits));
        return eb.or(conditions);
      })
      .orderBy((eb) => eb.case().when('customer_number', '=', text.trim()).then(0).else(1).end())
      .orderBy('search_name')
      .orderBy('customer_number')
      .limit(fixedLimit(CUSTOMER_SEARCH_LIMIT))
      .execute();
    return rows.map(toCustomer);
  }

  /** Inserts or updates; returns whether the customer is new. */
  async upsert(customer: Customer, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const values = {
      name: customer.name,
      search_name: searchKey(customer.name),
      phone: customer.phone,
      phone_digits: customer.phone === null ? null : phoneDigits(customer.phone),
      email: customer.email,
      street: customer.address.street,
      street_number: customer.address.number,
      colonia: customer.address.colonia,
      city: customer.address.city,
      postal_code: customer.address.postalCode,
      lat: customer.address.lat,
      lng: customer.address.lng,
      billing_cycle_day: customer.billingCycleDay,
      next_billing_date: customer.nextBillingDate,
      billing_period_months: customer.billingPeriodMonths,
      updated_at: at,
    };
    const existed = await this.exists(customer.customerNumber);
    // ON CONFLICT rather than insert-or-update by hand: two pushes of a new customer at once
    // must both succeed, not one of them fail on the primary key.
    await this.db
      .insertInto('customers')
      .values({ ...values, customer_number: customer.customerNumber, created_at: at })
      .onConflict((oc) => oc.column('customer_number').doUpdateSet(values))
      .execute();
    // Each report carries its customer's name as the queue searches it (migration 014): a new
    // name goes onto their reports in the caller's transaction, so no search sees the two differ.
    if (existed)
      await this.db
        .updateTable('reports')
        .set({ customer_search_name: values.search_name })
        .where('customer_number', '=', customer.customerNumber)
        .where((eb) =>
          eb.or([
            eb('customer_search_name', '!=', values.search_name),
            // Rows written without the copy (an import) get it too.
            eb('customer_search_name', 'is', null),
          ]),
        )
        .execute();
    return !existed;
  }

  /** Adds invoices the customer does not have yet; a number already stored is left as it is. */
  async addInvoices(customerNumber: string, invoices: Invoice[], now: Date): Promise<void> {
    if (invoices.length === 0) return;
    await this.db
      .insertInto('invoices')
      .values(
        invoices.map((invoice) => ({
          customer_number: customerNumber,
          number: invoice.number,
          issued_at: invoice.issuedAt.toISOString(),
          created_at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.columns(['customer_number', 'number']).doNothing())
      .execute();
  }

  async latestInvoiceNumber(customerNumber: string): Promise<string | undefined> {
    const [row] = await latestInvoice.execute(this.db, { customerNumber });
    return row?.number;
  }
}
