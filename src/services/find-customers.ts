import type { Customer } from '../core/customer.js';
import { NotFound } from '../core/errors.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';

/** Every look at customers' records is on the audit log: who looked at whom, and when. */
export async function searchCustomers(ctx: ServiceContext, actor: Actor, query: string): Promise<Customer[]> {
  const customers = await new CustomersRepository(ctx.db).search(query);
  if (customers.length > 0) {
    await audit(
      ctx.db,
      actor,
      'customer.searched',
      null,
      { customers: customers.map((c) => c.customerNumber) },
      ctx.now(),
    );
  }
  return customers;
}

export async function getCustomer(
  ctx: ServiceContext,
  actor: Actor,
  customerNumber: string,
): Promise<Customer> {
  const customer = await new CustomersRepository(ctx.db).find(customerNumber);
  if (!customer) throw new NotFound(`No existe el cliente ${customerNumber}.`);
  await audit(ctx.db, actor, 'customer.viewed', { type: 'customer', id: customerNumber }, {}, ctx.now());
  return customer;
}
