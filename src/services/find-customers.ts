import type { Customer } from '../core/customer.js';
import { NotFound } from '../core/errors.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import type { ServiceContext } from './context.js';

export function searchCustomers(ctx: ServiceContext, query: string): Promise<Customer[]> {
  return new CustomersRepository(ctx.db).search(query);
}

export async function getCustomer(ctx: ServiceContext, customerNumber: string): Promise<Customer> {
  const customer = await new CustomersRepository(ctx.db).find(customerNumber);
  if (!customer) throw new NotFound(`No existe el cliente ${customerNumber}.`);
  return customer;
}
