import { z } from 'zod';
import type { ValidationMessageKey } from '../validation-messages.js';

/** A zod error option that carries a message key (see validation-messages.ts). */
export const msg = (key: ValidationMessageKey) => ({ error: key });

/** What a customer number can be (the billing system's numbers: letters, digits, dashes). */
export const CUSTOMER_NUMBER = /^[A-Za-z0-9-]{1,20}$/;

export const customerNumberField = z
  .string(msg('customer_number'))
  .trim()
  .regex(CUSTOMER_NUMBER, msg('customer_number'));

export const invoiceNumberField = z
  .string(msg('invoice_number'))
  .trim()
  .min(1, msg('invoice_number'))
  .max(40, msg('invoice_number'));

export const isoDateField = z.iso.date(msg('date'));

export const departmentCodeField = z
  .string(msg('department'))
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, msg('department'));
