import { timingSafeEqual } from 'node:crypto';
import { NotFound } from '../core/errors.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';

/** Case and spaces do not matter when a person reads an invoice number off paper. */
function canonicalInvoice(number: string): Buffer {
  return Buffer.from(number.replace(/\s+/g, '').toUpperCase());
}

export function invoiceMatches(given: string, latest: string | undefined): boolean {
  if (latest === undefined) return false;
  const a = canonicalInvoice(given);
  const b = canonicalInvoice(latest);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the customer's own last invoice number was given. Only the most recent invoice
 * counts: an old bill found in a drawer is not proof of who is asking today.
 */
export async function verifyCustomer(
  ctx: ServiceContext,
  actor: Actor,
  customerNumber: string,
  invoiceNumber: string,
): Promise<boolean> {
  const customers = new CustomersRepository(ctx.db);
  if (!(await customers.exists(customerNumber)))
    throw new NotFound(`No existe el cliente ${customerNumber}.`);
  const verified = invoiceMatches(invoiceNumber, await customers.latestInvoiceNumber(customerNumber));
  await audit(
    ctx.db,
    actor,
    'customer.verified',
    { type: 'customer', id: customerNumber },
    { verified },
    ctx.now(),
  );
  return verified;
}
