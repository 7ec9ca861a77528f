import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { phoneDigits, searchKey } from '../src/core/normalize.js';
import { CHANNELS, REPORT_TYPES } from '../src/core/report.js';
import { composeReportNumber } from '../src/core/report-number.js';
import { DEMO_DEPARTMENTS, demoInvoiceNumber } from '../src/db/demo-data.js';
import { COPY_CUSTOMER_NAMES } from '../src/db/migrations/014_report_customer_name.js';
import {
  INDEX_REPORTS_ABOVE_WATERMARK,
  WATERMARK_TO_NEWEST_REPORT,
  ZONES_OF_REPORTS_ABOVE_WATERMARK,
} from '../src/db/text-index.js';
import { hashPassword } from '../src/services/passwords.js';
import { builtMigrations, DATA_DIR, startServer } from './server.js';

/**
 * The benchmark's data set, built at a size (`--size`):
 *
 * - `200k` (the default, `seed.sqlite`): 100,000 customers (3 invoices each), 200,000 reports
 *   spread over the 24 months before the current one (each with its "filed" event), and 20
 *   agents. The current month's counter is left at 0, so the filing run has the whole month
 *   (99,999 numbers) to itself. The figures in bench/README.md up to "Queue on 1,000,000
 *   reports" were taken with it; what it holds does not change with the other sizes.
 * - any other size, e.g. `1000k` (`seed-1000k.sqlite`): the back office's shape, built by
 *   bench/seed-queue.ts — reports over the 24 months before this one and this month up to now,
 *   most closed, an open backlog across the departments (assigned to back-office users and
 *   technicians who exist in the seed, some at risk or breached), a quarter as many customers
 *   as reports (at least 100,000) in 30 colonias. `--customers=N` overrides the customers.
 *
 * The schema comes from the server itself (started once on an empty directory, so it
 * migrates and creates `admin`); the rows are then written straight into the SQLite file.
 */

/** Bump when what is seeded changes, so a cached seed is rebuilt. */
const SEED_VERSION = 3;
/** The same for the queue shape (bench/seed-queue.ts). */
const QUEUE_SEED_VERSION = 1;

export const SEED_FILE = path.join(DATA_DIR, 'seed.sqlite');
const SEED_META = path.join(DATA_DIR, 'seed.json');

export const CUSTOMERS = 100_000;
export const REPORTS = 200_000;
export const MONTHS = 24;
export const AGENTS = 20;
export const FIRST_CUSTOMER = 100_001;
export const AGENT_PASSWORD = 'bench-agent-password-2026';
export const agentUsername = (i: number) => `bench-agent-${String(i + 1).padStart(2, '0')}`;

/** How big a seed is, and which generator builds it. */
export interface SeedSize {
  /** `200k`, `1000k`, … — names the cached file. */
  label: string;
  customers: number;
  reports: number;
  /** `classic`: the original 200k data set; `queue`: bench/seed-queue.ts. */
  shape: 'classic' | 'queue';
  file: string;
  meta: string;
}

export const DEFAULT_SIZE: SeedSize = {
  label: '200k',
  customers: CUSTOMERS,
  reports: REPORTS,
  shape: 'classic',
  file: SEED_FILE,
  meta: SEED_META,
};

/** `200k`, `1000k`, `1m`, `1000000` → a seed size (`customers` overrides the derived count). */
export function seedSize(text: string, customers?: number): SeedSize {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--size must be a count like 200k, 1000k or 1m (got ${text})`);
  const unit = match[2]?.toLowerCase();
  const reports = Math.round(Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1));
  if (reports === REPORTS && (customers === undefined || customers === CUSTOMERS)) return DEFAULT_SIZE;
  if (reports < 1_000) throw new Error('--size must be at least 1k reports');
  const label = reports % 1_000 === 0 ? `${reports / 1_000}k` : String(reports);
  return {
    label,
    reports,
    customers: customers ?? Math.max(100_000, Math.round(reports / 4)),
    shape: 'queue',
    file: path.join(DATA_DIR, `seed-${label}.sqlite`),
    meta: path.join(DATA_DIR, `seed-${label}.json`),
  };
}

export interface SeedMeta {
  version: number;
  shape?: 'classic' | 'queue';
  customers: number;
  reports: number;
  months: string[];
  /** The month it was seeded in: open reports and promises are relative to it. */
  period: string;
  /** The server's migrations the seed was built with; another set means seeding again. */
  migrations: string[];
  seededAt: string;
  seconds: number;
  /** Where the seeding time went (queue shape). */
  phases?: Record<string, number>;
  /** What the queue shape holds: open reports by status, department, promise state… */
  summary?: Record<string, unknown>;
}

/** Deterministic PRNG (mulberry32), so every seed holds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export const GIVEN = [
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
export const SURNAMES = [
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
export const COLONIAS: [string, string, number, number][] = [
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
export const STREETS = ['Centenario', 'Madero', 'Hidalgo', 'Benito Juárez', 'Zaragoza', 'Morelos', 'Allende'];
export const PHRASES = [
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
export function earlierPeriod(period: string, back: number): { period: string; start: Date; end: Date } {
  const year = 2000 + Number(period.slice(0, 2));
  const month = Number(period.slice(2, 4)) - 1;
  const start = new Date(Date.UTC(year, month - back, 1, 6));
  const end = new Date(Date.UTC(year, month - back + 1, 1, 5));
  const yy = String(start.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(start.getUTCMonth() + 1).padStart(2, '0');
  return { period: `${yy}${mm}`, start, end };
}

export function seedIsCurrent(size: SeedSize = DEFAULT_SIZE): boolean {
  if (!fs.existsSync(size.file) || !fs.existsSync(size.meta)) return false;
  try {
    const meta = JSON.parse(fs.readFileSync(size.meta, 'utf8')) as SeedMeta;
    return (
      meta.version === (size.shape === 'classic' ? SEED_VERSION : QUEUE_SEED_VERSION) &&
      (meta.shape ?? 'classic') === size.shape &&
      meta.customers === size.customers &&
      meta.reports === size.reports &&
      meta.period === currentPeriod(new Date()) &&
      JSON.stringify(meta.migrations) === JSON.stringify(builtMigrations())
    );
  } catch {
    return false;
  }
}

/** The cached seed's description (bench/.data/seed*.json). */
export function seedMeta(size: SeedSize = DEFAULT_SIZE): SeedMeta {
  return JSON.parse(fs.readFileSync(size.meta, 'utf8')) as SeedMeta;
}

/** Builds bench/.data/seed.sqlite (or seed-<size>.sqlite), unless a current one is cached. */
export async function ensureSeed(options: { force?: boolean; size?: SeedSize } = {}): Promise<void> {
  const size = options.size ?? DEFAULT_SIZE;
  if (!options.force && seedIsCurrent(size)) {
    console.log(`using the cached seed ${path.relative(process.cwd(), size.file)}`);
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
    console.log(
      `seeding ${size.customers.toLocaleString('en-US')} customers and ${size.reports.toLocaleString('en-US')} reports` +
        `${size.shape === 'queue' ? ' (queue shape)' : ''}…`,
    );
    const now = new Date();
    const filled: {
      months: string[];
      migrations: string[];
      phases?: Record<string, number>;
      summary?: Record<string, unknown>;
    } =
      size.shape === 'classic'
        ? await fill(file, now)
        : await (await import('./seed-queue.js')).fillQueue(file, now, size);

    fs.rmSync(size.file, { force: true });
    fs.renameSync(file, size.file);
    const meta: SeedMeta = {
      version: size.shape === 'classic' ? SEED_VERSION : QUEUE_SEED_VERSION,
      ...(size.shape === 'classic' ? {} : { shape: size.shape }),
      customers: size.customers,
      reports: size.reports,
      months: filled.months,
      period: currentPeriod(now),
      migrations: filled.migrations,
      seededAt: now.toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      ...(filled.phases ? { phases: filled.phases, summary: filled.summary } : {}),
    };
    fs.writeFileSync(size.meta, `${JSON.stringify(meta, null, 2)}\n`);
    const mib = fs.statSync(size.file).size / 1024 / 1024;
    console.log(`seeded in ${meta.seconds} s (${mib.toFixed(0)} MiB)`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The workflow's default `autoCloseAfterDays`. */
const AUTO_CLOSE_AFTER = 7 * DAY;

/** Columns of later migrations, filled only when the schema has them. */
/** The report columns every schema the benchmark can build has (the foundation's). */
export const BASE_REPORT_COLUMNS = [
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
] as const;

export const OPTIONAL_REPORT_COLUMNS = [
  'track',
  'department_code',
  'base_due_at',
  'due_at',
  'at_risk_at',
  'resolved_at',
  'promise_kept',
  'promise_state',
  'search_text',
];

export function columnsOf(db: Sqlite.Database, table: string): string[] {
  return db
    .prepare('select name from pragma_table_info(?)')
    .pluck()
    .all(table)
    .map((n) => String(n));
}

/** Track and department per report type, from the routing table when there is one. */
export function routingOf(db: Sqlite.Database): Map<string, { track: string; department: string }> {
  const routes = new Map<string, { track: string; department: string }>();
  if (columnsOf(db, 'routing_rules').length === 0) return routes;
  const rows = db.prepare('select report_type, track, department_code from routing_rules').all() as {
    report_type: string;
    track: string;
    department_code: string;
  }[];
  for (const r of rows) routes.set(r.report_type, { track: r.track, department: r.department_code });
  return routes;
}

/** The columns this seed writes; a NOT NULL column without a default that is not here breaks it. */
export const SEEDED_COLUMNS: Record<string, string[]> = {
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
  reports: [...BASE_REPORT_COLUMNS, ...OPTIONAL_REPORT_COLUMNS],
  report_events: ['report_number', 'seq', 'kind', 'actor_id', 'at', 'data'],
  report_number_counters: ['period', 'last_sequence'],
};

/** Fails with a clear message when a migration added a column the seed does not fill. */
export function checkSchema(db: Sqlite.Database): void {
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

/**
 * The demo departments and the agents `bench-agent-01…20` (department atención a clientes), in
 * the caller's transaction. Returns their ids and the statements to add more staff with
 * (bench/seed-queue.ts adds back office, technicians and supervisors).
 */
export function insertAgents(db: Sqlite.Database, at: string, passwordHash: string) {
  const department = db.prepare(
    'insert or ignore into departments (code, name, created_at) values (?, ?, ?)',
  );
  for (const d of DEMO_DEPARTMENTS) department.run(d.code, d.name, at);
  const user = db.prepare(
    `insert into users (id, username, name, password_hash, roles, must_change_password, disabled, created_at, updated_at)
     values (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
  );
  const membership = db.prepare('insert into user_departments (user_id, department_code) values (?, ?)');
  const agentIds: string[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const id = randomUUID();
    agentIds.push(id);
    user.run(id, agentUsername(i), `Agente ${i + 1}`, passwordHash, '["agent"]', at, at);
    membership.run(id, 'atencion_clientes');
  }
  return { agentIds, user, membership };
}

/** AFTER INSERT triggers that write full-text tables, set aside while seeding. */
export interface SuspendedFullText {
  triggers: { name: string; sql: string; bulk: string | null; ftsTable: string; external: boolean }[];
  notes: string[];
}

/**
 * Full-text tables kept up to date by triggers (migration 007: FTS5 trigram tables on SQLite)
 * would be written row by row while seeding. `suspendFullText` drops the AFTER INSERT triggers
 * on `tables` that write an FTS5 table; `resumeFullText` builds each index once — `rebuild`
 * for an external-content table, otherwise the trigger's own INSERT run as one INSERT … SELECT
 * over the table — and puts the triggers back. A trigger it cannot read stays in place (and
 * fires per row). Without FTS5 tables both do nothing. The names come from `sqlite_master`, so
 * the seed works with or without that migration.
 */
export function suspendFullText(db: Sqlite.Database, tables: string[]): SuspendedFullText {
  const suspended: SuspendedFullText = { triggers: [], notes: [] };
  // BENCH_SEED_FTS_TRIGGERS=1 seeds through the triggers, to compare (bench/README.md).
  if (process.env.BENCH_SEED_FTS_TRIGGERS === '1') return suspended;
  const fts = db
    .prepare("select name, sql from sqlite_master where type = 'table' and sql like '%using fts5%'")
    .all() as { name: string; sql: string }[];
  if (fts.length === 0) return suspended;
  const triggers = db
    .prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger' and sql is not null")
    .all() as { name: string; tbl_name: string; sql: string }[];
  for (const t of triggers) {
    if (!tables.includes(t.tbl_name) || !/\bafter\s+insert\b/i.test(t.sql)) continue;
    const target = fts.find((f) => new RegExp(`\\binto\\s+["\`]?${f.name}\\b`, 'i').test(t.sql));
    if (!target) continue;
    // content='reports' (or content=reports): the index reads its rows from that table.
    const external = /content\s*=\s*['"]?[a-z_]\w*/i.test(target.sql);
    const when = /\bwhen\b([\s\S]*?)\bbegin\b/i.exec(t.sql)?.[1]?.trim();
    const body = /\bbegin\b([\s\S]*)\bend\s*;?\s*$/i.exec(t.sql)?.[1] ?? '';
    const statements = body
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean);
    const insert =
      statements.length === 1
        ? /^insert\s+into\s+(["`]?\w+["`]?)\s*\(([^)]*)\)\s*values\s*\(([\s\S]*)\)$/i.exec(
            statements[0] ?? '',
          )
        : null;
    const bulk = insert
      ? `insert into ${insert[1]} (${insert[2]}) select ${insert[3]} from "${t.tbl_name}" as new${when ? ` where ${when}` : ''}`
      : null;
    if (!bulk && !external) {
      suspended.notes.push(`trigger ${t.name} left in place (its body is not one INSERT … VALUES)`);
      continue;
    }
    suspended.triggers.push({ name: t.name, sql: t.sql, bulk, ftsTable: target.name, external });
  }
  for (const t of suspended.triggers) db.exec(`drop trigger "${t.name}"`);
  return suspended;
}

/**
 * Each report's copy of its customer's search name (migration 014), from the customers table,
 * as the migration fills it: the seeds write reports after migrating, so the migration found none.
 */
export function copyCustomerNames(db: Sqlite.Database): string | null {
  if (!columnsOf(db, 'reports').includes('customer_search_name')) return null;
  const started = performance.now();
  db.exec(COPY_CUSTOMER_NAMES);
  return `customers' names copied onto the reports in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** Builds the full-text indexes `suspendFullText` left empty and restores its triggers. */
export function resumeFullText(db: Sqlite.Database, suspended: SuspendedFullText): string[] {
  const notes = [...suspended.notes];
  const rebuilt = new Set<string>();
  for (const t of suspended.triggers) {
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    if (t.external) {
      if (rebuilt.has(t.ftsTable)) continue;
      rebuilt.add(t.ftsTable);
      db.exec(`insert into "${t.ftsTable}"("${t.ftsTable}") values ('rebuild')`);
      notes.push(`${t.ftsTable} rebuilt in ${seconds()} s`);
    } else if (t.bulk) {
      db.exec(t.bulk);
      notes.push(`${t.ftsTable} filled by one INSERT … SELECT (from trigger ${t.name}) in ${seconds()} s`);
    }
  }
  for (const t of suspended.triggers) db.exec(t.sql);
  const caughtUp = indexReportsAboveWatermark(db);
  if (caughtUp) notes.push(caughtUp);
  return notes;
}

/**
 * From migration 012 on, no trigger indexes new reports: the server indexes each write
 * transaction's (src/db/text-index.ts), and the reports above the watermark at its start. The
 * seed writes the file directly, so it does the same once at the end, or every server started
 * on a copy would index the whole seed before answering. Nothing to do on schemas before 012.
 */
function indexReportsAboveWatermark(db: Sqlite.Database): string | null {
  const hasWatermark = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'text_index_progress'")
    .get();
  if (!hasWatermark) return null;
  const started = Date.now();
  const hasZones = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'report_promise_zones'")
    .get();
  db.transaction(() => {
    // Migration 019's promise zones, kept with the index from then on.
    if (hasZones) db.exec(ZONES_OF_REPORTS_ABOVE_WATERMARK);
    db.exec(INDEX_REPORTS_ABOVE_WATERMARK);
    db.exec(WATERMARK_TO_NEWEST_REPORT);
  })();
  return `reports_search: reports above the watermark indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`;
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
  const fullText = suspendFullText(db, ['customers', 'reports']);

  // Staff: the demo departments and 20 agents.
  const { agentIds } = db.transaction(() => insertAgents(db, at, passwordHash))();

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

  // Reports: 24 months before this one, ~8,334 a month, numbered 1… in filing order. Most
  // have run their course (filed → in progress → resolved → closed, one event each), the last
  // month's are still open. Routing and promise columns are filled when the schema has them.
  const reportColumns = new Set(columnsOf(db, 'reports'));
  const has = (column: string) => reportColumns.has(column);
  const routes = routingOf(db);
  const columns = [...BASE_REPORT_COLUMNS, ...OPTIONAL_REPORT_COLUMNS.filter(has)];
  const months: string[] = [];
  const nowMs = now.getTime();
  db.transaction(() => {
    const report = db.prepare(
      `insert into reports (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const event = db.prepare(
      'insert into report_events (report_number, seq, kind, actor_id, at, data) values (?, ?, ?, ?, ?, ?)',
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
        const created = month.start.getTime() + Math.floor((span * seq) / (count + 1));
        const actor = pick(rand, agentIds);
        const route = routes.get(type) ?? { track: 'review', department: 'atencion_clientes' };
        const due =
          created +
          (route.track === 'immediate' ? 2 * HOUR : route.track === 'technical' ? 2 * DAY : 5 * DAY);
        const kept = rand() < 0.9;

        // The report's life: how far it got, and when. The data is in the state the promise
        // watch leaves it in (late open reports marked, resolved ones closed after a week), so
        // the server's watch has no backlog to work through during a run.
        const steps: { kind?: string; to?: string; at: number; data?: Record<string, unknown> }[] = [];
        const stage = back === 1 ? Math.floor(rand() * 3) : rand() < 0.05 ? -1 : 3;
        if (stage === -1)
          steps.push({ to: 'cancelled', at: created + 3 * HOUR, data: { reason: 'Duplicado' } });
        if (stage >= 1) steps.push({ to: 'in_progress', at: created + HOUR });
        const resolvedAt = kept ? created + Math.floor((due - created) * (0.3 + rand() * 0.6)) : due + DAY;
        const closedAt = resolvedAt + AUTO_CLOSE_AFTER;
        const atRiskAt = created + Math.floor((due - created) * 0.8);
        let promiseState = stage >= 2 && !kept ? 'breached' : 'on_track';
        if (stage === 0 || stage === 1) {
          if (atRiskAt <= nowMs) {
            steps.push({
              kind: 'promise_at_risk',
              at: atRiskAt,
              data: { dueAt: new Date(due).toISOString() },
            });
            promiseState = 'at_risk';
          }
          if (due < nowMs) {
            steps.push({
              kind: 'promise_breached',
              at: due + 1000,
              data: { dueAt: new Date(due).toISOString() },
            });
            promiseState = 'breached';
          }
        }
        if (stage >= 2)
          steps.push({
            to: 'resolved',
            at: resolvedAt,
            data: { resolution: 'Se atendió y se informó al cliente.', promiseKept: kept },
          });
        if (stage >= 3 || (stage === 2 && closedAt <= nowMs)) {
          steps.push({ to: 'closed', at: closedAt, data: { reason: 'Cierre automático sin reapertura.' } });
        }
        const status = steps.findLast((step) => step.to)?.to ?? 'new';
        const last = steps.at(-1)?.at ?? created;
        const iso = (ms: number) => new Date(ms).toISOString();
        const text = description(rand);

        const row: Record<string, string | number | null> = {
          number,
          customer_number: String(FIRST_CUSTOMER + Math.floor(rand() * CUSTOMERS)),
          type,
          channel,
          status,
          description: text,
          location_text: fault
            ? `${pick(rand, STREETS)} esquina ${pick(rand, STREETS)}, col. ${colonia[0]}`
            : null,
          location_lat: fault ? colonia[2] : null,
          location_lng: fault ? colonia[3] : null,
          verified: verified ? 1 : 0,
          created_at: iso(created),
          created_by: actor,
          updated_at: iso(last),
          version: 1 + steps.filter((step) => step.to).length,
          track: route.track,
          department_code: route.department,
          base_due_at: iso(due),
          due_at: iso(due),
          at_risk_at: iso(atRiskAt),
          resolved_at: stage >= 2 ? iso(resolvedAt) : null,
          promise_kept: stage >= 2 ? (kept ? 1 : 0) : null,
          promise_state: promiseState,
          search_text: searchKey(text),
        };
        report.run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
        const filed: Record<string, unknown> = { type, channel, verified };
        if (has('track'))
          Object.assign(filed, { track: route.track, department: route.department, dueAt: iso(due) });
        event.run(number, 1, 'filed', actor, iso(created), JSON.stringify(filed));
        let from = 'new';
        steps.forEach((step, i) => {
          if (step.to) {
            const data = { from, to: step.to, ...step.data };
            event.run(number, i + 2, 'status_changed', actor, iso(step.at), JSON.stringify(data));
            from = step.to;
          } else {
            event.run(
              number,
              i + 2,
              step.kind ?? 'note',
              null,
              iso(step.at),
              JSON.stringify(step.data ?? {}),
            );
          }
        });
      }
      counter.run(month.period, count);
      months.push(month.period);
    }
  })();
  const copied = copyCustomerNames(db);
  if (copied) console.log(`  ${copied}`);

  for (const note of resumeFullText(db, fullText)) console.log(`  full-text: ${note}`);

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
