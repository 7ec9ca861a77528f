import { z } from 'zod';
import { invoiceNumberField, isoDateField, msg } from './fields.js';

const addressPart = z
  .string(msg('address_part'))
  .trim()
  .min(1, msg('address_part'))
  .max(200, msg('address_part'));

/** `PUT /api/v1/customers/{customerNumber}` — what the billing system pushes. */
export const upsertCustomerRequest = z.strictObject({
  name: z.string(msg('name')).trim().min(1, msg('name')).max(200, msg('name')),
  phone: z
    .string(msg('phone'))
    .trim()
    .refine(
      (p) =>
        /^[\d\s()+.-]{7,25}$/.test(p) &&
        p.replace(/\D/g, '').length >= 7 &&
        p.replace(/\D/g, '').length <= 15,
      msg('phone'),
    )
    .optional(),
  email: z.email(msg('email')).max(254, msg('email')).optional(),
  address: z.strictObject(
    {
      street: addressPart,
      number: z.string(msg('address_part')).trim().max(20, msg('address_part')).optional(),
      colonia: addressPart,
      city: addressPart,
      postalCode: z
        .string(msg('postal_code'))
        .trim()
        .regex(/^\d{5}$/, msg('postal_code')),
      lat: z.number(msg('latitude')).min(-90, msg('latitude')).max(90, msg('latitude')).optional(),
      lng: z.number(msg('longitude')).min(-180, msg('longitude')).max(180, msg('longitude')).optional(),
    },
    msg('required'),
  ),
  billingCycleDay: z
    .number(msg('billing_cycle_day'))
    .int(msg('billing_cycle_day'))
    .min(1, msg('billing_cycle_day'))
    .max(28, msg('billing_cycle_day')),
  /** From the billing system: when the customer's next billing period starts. */
  nextBillingDate: isoDateField.optional(),
  billingPeriodMonths: z.union([z.literal(1), z.literal(2)], msg('billing_period_months')).optional(),
  invoices: z
    .array(
      z.strictObject({
        number: invoiceNumberField,
        issuedAt: z.iso.datetime({ offset: true, error: 'date' }).or(z.iso.date(msg('date'))),
      }),
      msg('invalid'),
    )
    .max(100, msg('invalid'))
    .default([]),
});
export type UpsertCustomerRequest = z.infer<typeof upsertCustomerRequest>;

export const verifyCustomerRequest = z.strictObject({ invoiceNumber: invoiceNumberField });

export const customerSearchQuery = z.strictObject({
  query: z.string(msg('query')).trim().min(1, msg('query')).max(100, msg('query')),
});
