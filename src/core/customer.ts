import type { BillingCycle } from './promise.js';

export interface ServiceAddress {
  street: string;
  number: string | null;
  colonia: string;
  city: string;
  postalCode: string;
  lat: number | null;
  lng: number | null;
}

/** A customer as staff see them. Invoice numbers are never part of it: they are a secret for verifying. */
export interface Customer {
  customerNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: ServiceAddress;
  billingCycleDay: number;
  /** From the billing system when known (YYYY-MM-DD): when the next billing period starts. */
  nextBillingDate: string | null;
  billingPeriodMonths: 1 | 2;
}

export interface Invoice {
  number: string;
  issuedAt: Date;
}

export function billingCycleOf(customer: Customer): BillingCycle {
  return {
    billingCycleDay: customer.billingCycleDay,
    billingPeriodMonths: customer.billingPeriodMonths,
    ...(customer.nextBillingDate ? { nextBillingDate: customer.nextBillingDate } : {}),
  };
}
