import { z } from 'zod';
import type { Customer } from '../../core/customer.js';

export const customerResponse = z
  .object({
    customerNumber: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.object({
      street: z.string(),
      number: z.string().nullable(),
      colonia: z.string(),
      city: z.string(),
      postalCode: z.string(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
    billingCycleDay: z.number().int(),
    nextBillingDate: z.string().nullable(),
    billingPeriodMonths: z.union([z.literal(1), z.literal(2)]),
  })
  .meta({ id: 'Customer' });

/** What staff see of a customer: the service address and billing cycle, never invoice numbers. */
export function presentCustomer(customer: Customer): z.infer<typeof customerResponse> {
  return {
    customerNumber: customer.customerNumber,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    address: { ...customer.address },
    billingCycleDay: customer.billingCycleDay,
    nextBillingDate: customer.nextBillingDate,
    billingPeriodMonths: customer.billingPeriodMonths,
  };
}
