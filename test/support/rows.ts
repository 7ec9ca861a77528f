import { searchKey } from '../../src/core/normalize.js';

/**
 * A report row as the repository writes it, for tests that insert rows directly (the text
 * index's tests, which must see what an import would write, not what filing does).
 */
export function reportRow(
  number: string,
  customerNumber: string,
  description: string,
  at: string,
  /** The customer's name, copied onto the report since migration 014; left out when not given. */
  customerName?: string,
) {
  return {
    number,
    customer_number: customerNumber,
    type: 'complaint',
    channel: 'phone',
    status: 'new',
    description,
    location_text: null,
    location_lat: null,
    location_lng: null,
    verified: 1,
    created_at: at,
    created_by: 'u1',
    updated_at: at,
    version: 1,
    track: 'review',
    department_code: 'atencion_clientes',
    search_text: searchKey(description),
    ...(customerName === undefined ? {} : { customer_search_name: searchKey(customerName) }),
  } as never;
}

/** A customer row as the repository writes it (in Madero, Rioverde), for tests that insert rows directly. */
export function customerRow(customerNumber: string, name: string, at: string, colonia = 'Centro') {
  return {
    customer_number: customerNumber,
    name,
    search_name: searchKey(name),
    street: 'Madero',
    colonia,
    city: 'Rioverde',
    postal_code: '79610',
    billing_cycle_day: 1,
    created_at: at,
    updated_at: at,
  };
}

/** A staff user row (the `u1` that `reportRow` files as), for tests that insert rows directly. */
export function userRow(at: string, id = 'u1', roles: string[] = []) {
  return {
    id,
    username: id,
    name: id.toUpperCase(),
    password_hash: 'x',
    roles: JSON.stringify(roles),
    created_at: at,
    updated_at: at,
  };
}
