import { zonedInstant } from '../core/calendar.js';
import type { Customer } from '../core/customer.js';
import type { UpsertCustomerRequest } from '../core/requests/customer.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';

/** A date without a time is an invoice issued that day in Rioverde: midnight, Mexico City time. */
function issuedAtInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? zonedInstant(value, '00:00') : new Date(value);
}

/**
 * The billing system's push of one customer: details replaced, invoices added (an invoice
 * number the customer already has is kept, never duplicated). One transaction.
 */
export async function upsertCustomer(
  ctx: ServiceContext,
  actor: Actor,
  customerNumber: string,
  request: UpsertCustomerRequest,
): Promise<{ customer: Customer; created: boolean }> {
  const customer: Customer = {
    customerNumber,
    name: request.name,
    phone: request.phone ?? null,
    email: request.email ?? null,
    address: {
      street: request.address.street,
      number: request.address.number || null,
      colonia: request.address.colonia,
      city: request.address.city,
      postalCode: request.address.postalCode,
      lat: request.address.lat ?? null,
      lng: request.address.lng ?? null,
    },
    billingCycleDay: request.billingCycleDay,
    nextBillingDate: request.nextBillingDate ?? null,
    billingPeriodMonths: request.billingPeriodMonths ?? 1,
  };
  const now = ctx.now();
  const created = await ctx.db.transaction().execute(async (trx) => {
    const customers = new CustomersRepository(trx);
    const isNew = await customers.upsert(customer, now);
    await customers.addInvoices(
      customerNumber,
      request.invoices.map((invoice) => ({
        number: invoice.number,
        issuedAt: issuedAtInstant(invoice.issuedAt),
      })),
      now,
    );
    await audit(
      trx,
      actor,
      isNew ? 'customer.created' : 'customer.updated',
      { type: 'customer', id: customerNumber },
      { invoicesPushed: request.invoices.length },
      now,
    );
    return isNew;
  });
  return { customer, created };
}
