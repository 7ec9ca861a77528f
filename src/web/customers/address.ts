import type { TFunction } from 'i18next';
import type { CustomerAddress } from '../api/types.js';

/** "Hidalgo 120, Col. Centro, Rioverde, C.P. 79610" — how the office writes a service address. */
export function addressLine(address: CustomerAddress, t: TFunction): string {
  return [
    streetLine(address, t),
    t('customers.colonia', { colonia: address.colonia }),
    cityLine(address, t),
  ].join(', ');
}

export function streetLine(address: CustomerAddress, t: TFunction): string {
  return `${address.street} ${address.number ?? t('customers.streetWithoutNumber')}`;
}

export function cityLine(address: CustomerAddress, t: TFunction): string {
  return t('customers.cityAndPostalCode', { city: address.city, postalCode: address.postalCode });
}
