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
}

export interface Invoice {
  number: string;
  issuedAt: Date;
}
