import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { phoneDigits, searchKey } from '../src/core/normalize.js';
import { CHANNELS, REPORT_TYPES } from '../src/core/report.js';
import { composeReportNumber } from '../src/core/report-number.js';
import { DEMO_DEPARTMENTS, demoInvoiceNumber } from '../src/db/demo-data.js';
import { hashPassword } from '../src/services/passwords.js';
import { builtMigrations, DATA_DIR, startServer } from './server.js';

/**
 * The benchmark's data set: 100,000 customers (3 invoices each), 200,000 reports spread over
 * the 24 months before the current one (each with its "filed" event), and 20 agents. The
 * current month's counter is left at 0, so the filing run has the whole month (99,999
 * numbers) to itself.
 *
 * The schema comes from the server itself (started once on an empty directory, so it
 * migrates and creates `admin`); the rows are then written straight into the SQLite file.
 */

/** Bump when what is seeded changes, so a cached seed is rebuilt. */
const SEED_VERSION = 1;

export const SEED_FILE = path.join(DATA_DIR, 'seed.sqlite');
const SEED_META = path.join(DATA_DIR, 'seed.json');

export const CUSTOMERS = 100_000;
export const REPORTS = 200_000;
export const MONTHS = 24;
export const AGENTS = 20;
export const FIRST_CUSTOMER = 100_001;
export const AGENT_PASSWORD = 'bench-agent-password-2026';
export const agentUsername = (i: number) => `bench-agent-${String(i + 1).padStart(2, '0')}`;

interface SeedMeta {
  version: number;
  customers: number;
  reports: number;
  months: string[];
  /** The server's migrations the seed was built with; another set means seeding again. */
  migrations: string[];
  seededAt: string;
  seconds: number;
}

/** Deterministic PRNG (mulberry32), so every seed holds the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

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
  'Ángel',
  'Sofía',
  'Héctor',
  'Lucía',
  'Raúl',
  'Dolores',
  'Jesús',
  'Patricia',
  'Efraín',
  'Inés',
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
  'Núñez',
  'Vázquez',
  'Cortés',
  'Domínguez',
  'Ávila',
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
const STREETS = ['Centenario', 'Madero', 'Hidalgo', 'Benito Juárez', 'Zaragoza', 'Morelos', 'Allende'];
const PHRASES = [
  'El cliente reporta que no tiene servicio desde ayer por la tarde.',
  'Se queja de un cobro duplicado en su último recibo.',
  'Solicita aclaración del consumo facturado, que considera excesivo.',
  'Pide cambio de titular del contrato por fallecimiento del anterior.',
  'Hay una fuga visible en la banqueta frente al domicilio.',
  'El medidor está dañado y no marca el consumo.',
  'Reclama que el técnico no se presentó en la fecha acordada.',
  'Sugiere ampliar el horario de atención los sábados.',
  'La presión es muy baja en las mañanas.',
  'Pregunta por qué su recibo llegó con la dirección equivocada.',
];

export const BENCH_DESCRIPTION = `${PHRASES[1]} ${PHRASES[6]}`;

function description(rand: () => number): string {
  const count = 1 + Math.floor(rand() * 4);
  return Array.from({ length: count }, () => pick(rand, PHRASES)).join(' ');
}

/** 'YYMM' of the month it is in Mexico City (report numbers are numbered by local month). */
export function currentPeriod(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Mexico_City',
    year: '2-digit',
    month: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}`;
}

/** 'YYMM' `back` months before `period`, and that month's first instant (UTC, 12:00 local-ish). */
function earlierPeriod(period: string, back: number): { period: string; start: Date; end: Date } {
  const year = 2000 + Number(period.slice(0, 2));
  const month = Number(period.slice(2, 4)) - 1;
  const start = new Date(Date.UTC(year, month - back, 1, 6));
  const end = new Date(Date.UTC(year, month - back + 1, 1, 5));
  const yy = String(start.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(start.getUTCMonth() + 1).padStart(2, '0');
  return { period: `${yy}${mm}`, start, end };
}

export function seedIsCurrent(): boolean {
  if (!fs.existsSync(SEED_FILE) || !fs.existsSync(SEED_META)) return false;
  try {
    const meta = JSON.parse(fs.readFileSync(SEED_META, 'utf8')) as SeedMeta;
    return (
      meta.version === SEED_VERSION &&
      meta.customers === CUSTOMERS &&
      meta.reports === REPORTS &&
      JSON.stringify(meta.migrations) === JSON.stringify(builtMigrations())
    );
  } catch {
    return false;
  }
}

/** Builds bench/.data/seed.sqlite (unless a current one is cached). */
export async function ensureSeed(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && seedIsCurrent()) {
    console.log(`using the cached seed ${path.relative(process.cwd(), SEED_FILE)}`);
    return;
  }
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(DATA_DIR, 'seeding-'));
  try {
    // 1. The schema (and `admin`) from the server itself.
    const server = await startServer({ dataDir: workDir });
    await server.stop();
    const file = path.join(workDir, 'folio.sqlite');

    // 2. The rows, straight into the file.
    console.log('seeding 100,000 customers and 200,000 reports…');
    const now = new Date();
    const { months, migrations } = await fill(file, now);

    fs.rmSync(SEED_FILE, { force: true });
    fs.renameSync(file, SEED_FILE);
    const meta: SeedMeta = {
      version: SEED_VERSION,
      customers: CUSTOMERS,
      reports: REPORTS,
      months,
      migrations,
      seededAt: now.toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    fs.writeFileSync(SEED_META, `${JSON.stringify(meta, null, 2)}\n`);
    const size = fs.statSync(SEED_FILE).size / 1024 / 1024;
    console.log(`seeded in ${meta.seconds} s (${size.toFixed(0)} MiB)`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The columns this seed writes; a NOT NULL column without a default that is not here breaks it. */
const SEEDED_COLUMNS: Record<string, string[]> = {
  departments: ['code', 'name', 'created_at'],
  users: [
    'id',
    'username',
    'name',
    'password_hash',
    'roles',
    'must_change_password',
    'disabled',
    'created_at',
    'updated_at',
  ],
  user_departments: ['user_id', 'department_code'],
  customers: [
    'customer_number',
    'name',
    'search_name',
    'phone',
    'phone_digits',
    'email',
    'street',
    'street_number',
    'colonia',
    'city',
    'postal_code',
    'lat',
    'lng',
    'billing_cycle_day',
    'created_at',
    'updated_at',
  ],
  invoices: ['customer_number', 'number', 'issued_at', 'created_at'],
  reports: [
    'number',
    'customer_number',
    'type',
    'channel',
    'status',
    'description',
    'location_text',
    'location_lat',
    'location_lng',
    'verified',
    'created_at',
    'created_by',
    'updated_at',
    'version',
  ],
  report_events: ['report_number', 'seq', 'kind', 'actor_id', 'at', 'data'],
  report_number_counters: ['period', 'last_sequence'],
};

/** Fails with a clear message when a migration added a column the seed does not fill. */
function checkSchema(db: Sqlite.Database): void {
  const missing: string[] = [];
  for (const [table, seeded] of Object.entries(SEEDED_COLUMNS)) {
    const columns = db
      .prepare(`select name, "notnull", dflt_value, pk from pragma_table_info(?)`)
      .all(table) as {
      name: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    for (const c of columns) {
      if (c.notnull === 1 && c.dflt_value === null && !seeded.includes(c.name))
        missing.push(`${table}.${c.name}`);
    }
  }
  if (missing.length > 0) {
    throw new Error(`the schema has required columns bench/seed.ts does not fill: ${missing.join(', ')}`);
  }
}

async function fill(file: string, now: Date): Promise<{ months: string[]; migrations: string[] }> {
  const passwordHash = await hashPassword(AGENT_PASSWORD);
  const db = new Sqlite(file);
  checkSchema(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  const at = now.toISOString();
  const rand = random(20261126);

  // Staff: the demo departments and 20 agents.
  const agentIds: string[] = [];
  db.transaction(() => {
    const department = db.prepare(
      'insert or ignore into departments (code, name, created_at) values (?, ?, ?)',
    );
    for (const d of DEMO_DEPARTMENTS) department.run(d.code, d.name, at);
    const user = db.prepare(
      `insert into users (id, username, name, password_hash, roles, must_change_password, disabled, created_at, updated_at)
       values (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    );
    const membership = db.prepare('insert into user_departments (user_id, department_code) values (?, ?)');
    for (let i = 0; i < AGENTS; i++) {
      const id = randomUUID();
      agentIds.push(id);
      user.run(id, agentUsername(i), `Agente ${i + 1}`, passwordHash, '["agent"]', at, at);
      membership.run(id, 'atencion_clientes');
    }
  })();

  // Customers, each with the last three monthly bills.
  const thisPeriod = currentPeriod(now);
  db.transaction(() => {
    const customer = db.prepare(
      `insert into customers (customer_number, name, search_name, phone, phone_digits, email, street,
         street_number, colonia, city, postal_code, lat, lng, billing_cycle_day, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const invoice = db.prepare(
      'insert into invoices (customer_number, number, issued_at, created_at) values (?, ?, ?, ?)',
    );
    for (let i = 0; i < CUSTOMERS; i++) {
      const number = String(FIRST_CUSTOMER + i);
      const name = `${pick(rand, GIVEN)} ${pick(rand, SURNAMES)} ${pick(rand, SURNAMES)}`;
      const phone =
        rand() < 0.9 ? `487 ${String(100 + Math.floor(rand() * 900))} ${String(rand()).slice(2, 6)}` : null;
      const colonia = pick(rand, COLONIAS);
      const billingDay = 1 + Math.floor(rand() * 28);
      customer.run(
        number,
        name,
        searchKey(name),
        phone,
        phone === null ? null : phoneDigits(phone),
        rand() < 0.3 ? `cliente${number}@example.com` : null,
        pick(rand, STREETS),
        String(1 + Math.floor(rand() * 900)),
        colonia[0],
        'Rioverde, S.L.P.',
        colonia[1],
        Number((colonia[2] + (rand() - 0.5) * 0.01).toFixed(5)),
        Number((colonia[3] + (rand() - 0.5) * 0.01).toFixed(5)),
        billingDay,
        at,
        at,
      );
      for (const back of [2, 1, 0]) {
        const month = earlierPeriod(thisPeriod, back);
        const issued = new Date(month.start.getTime() + (billingDay - 1) * 86_400_000);
        invoice.run(
          number,
          demoInvoiceNumber(number, issued.getUTCFullYear(), issued.getUTCMonth() + 1),
          issued.toISOString(),
          at,
        );
      }
    }
  })();

  // Reports: 24 months before this one, ~8,334 a month, numbered 1… in filing order.
  const months: string[] = [];
  db.transaction(() => {
    const report = db.prepare(
      `insert into reports (number, customer_number, type, channel, status, description, location_text,
         location_lat, location_lng, verified, created_at, created_by, updated_at, version)
       values (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const event = db.prepare(
      `insert into report_events (report_number, seq, kind, actor_id, at, data) values (?, 1, 'filed', ?, ?, ?)`,
    );
    const counter = db.prepare('insert into report_number_counters (period, last_sequence) values (?, ?)');
    for (let m = 0; m < MONTHS; m++) {
      const back = MONTHS - m;
      const month = earlierPeriod(thisPeriod, back);
      const count = Math.floor(REPORTS / MONTHS) + (m < REPORTS % MONTHS ? 1 : 0);
      const span = month.end.getTime() - month.start.getTime();
      for (let seq = 1; seq <= count; seq++) {
        const number = composeReportNumber(month.period, seq);
        const type = pick(rand, REPORT_TYPES);
        const channel = pick(rand, CHANNELS);
        const verified = rand() < 0.5;
        const fault = type === 'fault';
        const colonia = pick(rand, COLONIAS);
        const createdAt = new Date(
          month.start.getTime() + Math.floor((span * seq) / (count + 1)),
        ).toISOString();
        const actor = pick(rand, agentIds);
        report.run(
          number,
          String(FIRST_CUSTOMER + Math.floor(rand() * CUSTOMERS)),
          type,
          channel,
          description(rand),
          fault ? `${pick(rand, STREETS)} esquina ${pick(rand, STREETS)}, col. ${colonia[0]}` : null,
          fault ? colonia[2] : null,
          fault ? colonia[3] : null,
          verified ? 1 : 0,
          createdAt,
          actor,
          createdAt,
        );
        event.run(number, actor, createdAt, JSON.stringify({ type, channel, verified }));
      }
      counter.run(month.period, count);
      months.push(month.period);
    }
  })();

  const migrations = db
    .prepare('select name from kysely_migration order by name')
    .pluck()
    .all()
    .map((n) => String(n));
  // A self-contained file (no -wal beside it); the server switches it back to WAL on open.
  db.pragma('journal_mode = DELETE');
  db.close();
  return { months, migrations };
}

/** All seeded report numbers (for the lookup run). */
export function seededReportNumbers(file: string): string[] {
  const db = new Sqlite(file, { readonly: true });
  try {
    return db
      .prepare('select number from reports')
      .pluck()
      .all()
      .map((n) => String(n));
  } finally {
    db.close();
  }
}
