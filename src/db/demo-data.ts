import type { Channel, ReportType } from '../core/report.js';
/**
 * The demo data set loaded on first start outside production: the company's usual
 * departments, a few staff users and ~50 customers with service addresses in Rioverde's
 * colonias. Deterministic (no randomness) so that screenshots and manual tests repeat.
 */
export const DEMO_PASSWORD = 'folio-demo-2026';

export const DEMO_DEPARTMENTS = [
  { code: 'atencion_clientes', name: 'Atención a clientes' },
  { code: 'facturacion', name: 'Facturación' },
  { code: 'soporte_tecnico', name: 'Soporte técnico' },
  { code: 'administracion', name: 'Administración' },
];

export const DEMO_USERS = [
  {
    username: 'agente',
    name: 'Ana López (ventanilla)',
    roles: ['agent'],
    departments: ['atencion_clientes'],
  },
  {
    username: 'telefono',
    name: 'Luis Martínez (teléfono)',
    roles: ['agent'],
    departments: ['atencion_clientes'],
  },
  { username: 'facturacion', name: 'Rosa Méndez', roles: ['backoffice'], departments: ['facturacion'] },
  { username: 'tecnico', name: 'Jorge Ramírez', roles: ['technician'], departments: ['soporte_tecnico'] },
  {
    username: 'supervisor',
    name: 'Carmen Torres',
    roles: ['supervisor'],
    departments: ['atencion_clientes', 'facturacion', 'soporte_tecnico', 'administracion'],
  },
];

const GIVEN = [
  'María Guadalupe',
  'José Luis',
  'Juana',
  'Francisco',
  'Verónica',
  'Martín',
  'Rocío',
  'Ramón',
  'Teresa',
  'Alejandro',
];
const SURNAMES = [
  'Juárez',
  'Hernández',
  'García',
  'Martínez',
  'López',
  'González',
  'Pérez',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Castillo',
  'Ibarra',
  'Muñoz',
  'Zúñiga',
  'Ortiz',
];
const COLONIAS: [string, string, number, number][] = [
  ['Centro', '79610', 21.9297, -99.9946],
  ['San Miguel', '79614', 21.9342, -99.9901],
  ['El Refugio', '79616', 21.9251, -99.9998],
  ['Infonavit', '79617', 21.9388, -99.9862],
  ['Jardín', '79612', 21.9316, -99.9978],
  ['Santa Elena', '79615', 21.9223, -99.9889],
  ['Barrio de Guadalupe', '79613', 21.9275, -99.9912],
  ['Las Flores', '79618', 21.9401, -99.9951],
  ['San Antonio', '79619', 21.9209, -99.9937],
  ['Bugambilias', '79624', 21.9363, -100.0021],
];
const STREETS = [
  'Centenario',
  'Madero',
  'Hidalgo',
  'Benito Juárez',
  'Zaragoza',
  'Morelos',
  'Allende',
  'Reforma',
  'Guerrero',
  'Iturbide',
  'Abasolo',
  'Galeana',
];

export interface DemoCustomer {
  customerNumber: string;
  name: string;
  phone: string;
  email: string | null;
  address: {
    street: string;
    number: string;
    colonia: string;
    city: string;
    postalCode: string;
    lat: number;
    lng: number;
  };
  billingCycleDay: number;
}

export function demoCustomers(count = 50): DemoCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const colonia = COLONIAS[i % COLONIAS.length] as (typeof COLONIAS)[number];
    const given = GIVEN[i % GIVEN.length] as string;
    const first = SURNAMES[i % SURNAMES.length] as string;
    const second = SURNAMES[(i * 7 + 3) % SURNAMES.length] as string;
    const customerNumber = String(100001 + i);
    return {
      customerNumber,
      name: `${given} ${first} ${second}`,
      phone: `487 ${String(870_0000 + i * 137).replace(/(\d{3})(\d{4})/, '$1 $2')}`,
      email: i % 3 === 0 ? `cliente${customerNumber}@example.com` : null,
      address: {
        street: STREETS[i % STREETS.length] as string,
        number: String(10 + ((i * 37) % 600)),
        colonia: colonia[0],
        city: 'Rioverde, S.L.P.',
        postalCode: colonia[1],
        lat: Number((colonia[2] + ((i % 5) - 2) * 0.0007).toFixed(5)),
        lng: Number((colonia[3] + ((i % 3) - 1) * 0.0007).toFixed(5)),
      },
      billingCycleDay: 1 + ((i * 5) % 28),
    };
  });
}

/** Invoice numbers read like a printed bill: series letter, period, customer. */
export function demoInvoiceNumber(customerNumber: string, year: number, month: number): string {
  return `F${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}-${customerNumber}`;
}

/** A demo customer's three monthly bills, oldest first; the latest issued this month on their billing day. */
export function demoInvoices(
  customer: Pick<DemoCustomer, 'customerNumber' | 'billingCycleDay'>,
  now: Date,
): { number: string; issuedAt: Date }[] {
  return [2, 1, 0].map((monthsAgo) => {
    const issued = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, customer.billingCycleDay, 12),
    );
    return {
      number: demoInvoiceNumber(customer.customerNumber, issued.getUTCFullYear(), issued.getUTCMonth() + 1),
      issuedAt: issued,
    };
  });
}

/** A step of a demo report's life after filing, done through Folio's own use cases. */
export type DemoStep = { hoursAgo: number; by: string } & (
  | { assign: string }
  | { to: 'in_progress' | 'resolved'; resolution?: string }
  | { note: string; visibility: 'internal' | 'customer' }
  | { requestDocuments: string[] }
);

export interface DemoReport {
  /** Index into `demoCustomers()`. */
  customer: number;
  filedBy: 'agente' | 'telefono';
  hoursAgo: number;
  /** The customer read their latest invoice number out. */
  withInvoice: boolean;
  type: ReportType;
  /** The demo's agents are at the counter or on the phone; `web` is the customers' own. */
  channel: Exclude<Channel, 'web'>;
  description: string;
  /** Faults: where, in the agent's words; the coordinates are the service address's. */
  location?: string;
  steps: DemoStep[];
}

/**
 * A working day's queue to look at on first start: something in every department, new and
 * taken, at every point of the promise (on track, close to it, past it), two faults in the
 * technician's hands and one report already resolved. Times are hours before the start.
 */
export const DEMO_REPORTS: readonly DemoReport[] = [
  {
    customer: 2,
    filedBy: 'telefono',
    hoursAgo: 3,
    withInvoice: true,
    type: 'fault',
    channel: 'phone',
    description: 'Sin servicio de internet desde anoche; el módem parpadea en rojo.',
    location: 'Casa azul de dos pisos, frente a la tienda de abarrotes',
    steps: [{ hoursAgo: 2.5, by: 'supervisor', assign: 'tecnico' }],
  },
  {
    customer: 6,
    filedBy: 'agente',
    hoursAgo: 26,
    withInvoice: true,
    type: 'fault',
    channel: 'office',
    description: 'Cable colgando del poste frente al domicilio; los vecinos temen que alguien se tropiece.',
    location: 'Poste de la esquina, junto al portón negro',
    steps: [
      { hoursAgo: 25, by: 'supervisor', assign: 'tecnico' },
      { hoursAgo: 20, by: 'tecnico', to: 'in_progress' },
      {
        hoursAgo: 19.5,
        by: 'tecnico',
        note: 'Falta escalera larga; regreso mañana con la cuadrilla.',
        visibility: 'internal',
      },
    ],
  },
  {
    customer: 11,
    filedBy: 'telefono',
    hoursAgo: 0.5,
    withInvoice: false,
    type: 'fault',
    channel: 'phone',
    description: 'El servicio se corta varias veces por la tarde, sobre todo cuando llueve.',
    location: 'Entrada por el callejón, medidor en la barda',
    steps: [],
  },
  {
    customer: 14,
    filedBy: 'agente',
    hoursAgo: 50,
    withInvoice: true,
    type: 'billing_error',
    channel: 'office',
    description: 'Le cobraron dos veces la mensualidad de octubre; trae los dos comprobantes de pago.',
    steps: [
      { hoursAgo: 48, by: 'facturacion', assign: 'facturacion' },
      { hoursAgo: 47, by: 'facturacion', requestDocuments: ['Comprobante del segundo pago'] },
    ],
  },
  {
    customer: 20,
    filedBy: 'telefono',
    hoursAgo: 1,
    withInvoice: true,
    type: 'billing_error',
    channel: 'phone',
    description: 'El recibo trae un cargo por reconexión que el cliente nunca solicitó.',
    steps: [],
  },
  {
    customer: 25,
    filedBy: 'telefono',
    hoursAgo: 0.3,
    withInvoice: false,
    type: 'clarification',
    channel: 'phone',
    description: 'Pregunta por qué subió el monto de su recibo este mes si consumió lo mismo.',
    steps: [],
  },
  {
    customer: 29,
    filedBy: 'agente',
    hoursAgo: 96,
    withInvoice: true,
    type: 'administrative_change',
    channel: 'office',
    description: 'Solicita cambiar el titular del contrato a nombre de su hija, que vive en el domicilio.',
    steps: [],
  },
  {
    customer: 33,
    filedBy: 'agente',
    hoursAgo: 5,
    withInvoice: false,
    type: 'complaint',
    channel: 'office',
    description: 'El técnico no se presentó a la cita acordada del martes y nadie avisó.',
    steps: [],
  },
  {
    customer: 39,
    filedBy: 'telefono',
    hoursAgo: 52,
    withInvoice: false,
    type: 'suggestion',
    channel: 'phone',
    description: 'Sugiere que se pueda pagar el recibo en las tiendas de conveniencia de Rioverde.',
    steps: [],
  },
  {
    customer: 43,
    filedBy: 'agente',
    hoursAgo: 140,
    withInvoice: true,
    type: 'billing_error',
    channel: 'office',
    description: 'El recibo de este mes llegó con la lectura del medidor de su vecino.',
    steps: [
      { hoursAgo: 138, by: 'facturacion', assign: 'facturacion' },
      { hoursAgo: 137, by: 'facturacion', to: 'in_progress' },
      {
        hoursAgo: 120,
        by: 'facturacion',
        to: 'resolved',
        resolution: 'Se corrigió la lectura y se emitió un recibo nuevo por el monto correcto.',
      },
    ],
  },
];
