import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { phoneDigits, searchKey } from '../src/core/normalize.js';
import { composeReportNumber } from '../src/core/report-number.js';
import { demoInvoiceNumber } from '../src/db/demo-data.js';
import { hashPassword } from '../src/services/passwords.js';
import {
  AGENT_PASSWORD,
  BASE_REPORT_COLUMNS,
  COLONIAS,
  checkSchema,
  columnsOf,
  copyCustomerNames,
  currentPeriod,
  earlierPeriod,
  FIRST_CUSTOMER,
  GIVEN,
  insertAgents,
  MONTHS,
  OPTIONAL_REPORT_COLUMNS,
  PHRASES,
  pick,
  random,
  resumeFullText,
  routingOf,
  type SeedSize,
  STREETS,
  SURNAMES,
  suspendFullText,
} from './seed.js';

/**
 * The back office's data set (every seed size but the default 200k, see bench/seed.ts): what a
 * queue looks like after two years of service.
 *
 * - Reports are filed evenly over the 24 months before the current one and the current month
 *   up to a few minutes ago (so the newest are still inside their promise), numbered per month
 *   in filing order; this month's counter is left at its last number.
 * - Types in realistic proportions (faults a third, billing a fifth, …), routed by the routing
 *   table; 40 % of administrative changes were re-routed to `administracion`.
 * - Most reports are closed (resolved a week earlier) or cancelled; how likely a report is
 *   still open falls with its age (90 % of the last day's, 8 % of last month's, 1 % of the
 *   half year before, none older), which leaves an open backlog of ~1 % (~10,000 at 1M):
 *   `new` and unassigned, or `assigned` / `in_progress` / `waiting_customer` (with an open
 *   pause) in the hands of a back-office user or technician of its department who exists in
 *   the seed. Open reports carry the promise state the promise watch gives them (`at_risk`
 *   past 80 % of the promise, `breached` past it), closed ones whether the promise was kept.
 * - Descriptions are 1–3 sentences from 24 plus a location reference for a third of them;
 *   one report in 500 mentions a "transformador" (a rare word for the free-text search).
 * - Customers in 30 colonias (Centro the biggest), names from 30 given names and 40 surnames.
 * - Staff: the 20 agents of the 200k seed, back-office users per department, technicians and
 *   two supervisors (see QUEUE_STAFF), all with AGENT_PASSWORD.
 *
 * Everything is drawn from a seeded PRNG; ages, and so what is still open, are relative to the
 * moment the seed is built (bench/seed.ts rebuilds it each month).
 */

/** Who works the queues in the seed (usernames and departments), besides the 20 agents. */
export const QUEUE_STAFF = [
  { prefix: 'bench-bo-fac', count: 10, roles: ['backoffice'], departments: ['facturacion'] },
  { prefix: 'bench-bo-aten', count: 5, roles: ['backoffice'], departments: ['atencion_clientes'] },
  { prefix: 'bench-bo-adm', count: 3, roles: ['backoffice'], departments: ['administracion'] },
  { prefix: 'bench-tec', count: 14, roles: ['technician'], departments: ['soporte_tecnico'] },
  {
    prefix: 'bench-sup',
    count: 2,
    roles: ['supervisor'],
    departments: ['atencion_clientes', 'facturacion', 'soporte_tecnico', 'administracion'],
  },
] as const;

export const staffUsername = (prefix: string, i: number) => `${prefix}-${String(i + 1).padStart(2, '0')}`;

/** The rare description word (one report in 500) and a common one (~8 % of reports). */
export const RARE_WORD = 'transformador';
export const COMMON_WORD = 'medidor';

const MORE_COLONIAS: [string, string][] = [
  ['Las Huertas', '79620'],
  ['El Carmen', '79621'],
  ['San Francisco', '79622'],
  ['Puente del Carmen', '79623'],
  ['Los Ángeles', '79625'],
  ['Valle del Sol', '79626'],
  ['Lomas del Real', '79627'],
  ['Magisterial', '79628'],
  ['Progreso', '79629'],
  ['Tecnológico', '79630'],
  ['La Loma', '79631'],
  ['San José', '79632'],
  ['Ojo de Agua', '79633'],
  ['El Encanto', '79634'],
  ['Ferrocarril', '79635'],
  ['Revolución', '79636'],
  ['Palma Real', '79637'],
  ['Los Olivos', '79638'],
  ['Pueblo Nuevo', '79639'],
  ['Azteca', '79640'],
];
/** 30 colonias; Centro holds ~12 % of the customers, the others 1.5–6 % each. */
const ALL_COLONIAS: { name: string; postal: string; lat: number; lng: number; weight: number }[] = [
  ...COLONIAS.map(([name, postal, lat, lng], i) => ({
    name,
    postal,
    lat,
    lng,
    weight: i === 0 ? 12 : 6 - (i % 3),
  })),
  ...MORE_COLONIAS.map(([name, postal], i) => ({
    name,
    postal,
    lat: 21.93 + ((i * 37) % 41) / 1000 - 0.02,
    lng: -99.99 + ((i * 53) % 43) / 1000 - 0.02,
    weight: 1.5 + (i % 4) * 0.75,
  })),
];

const MORE_GIVEN = [
  'Ana María',
  'Juan Carlos',
  'Guadalupe',
  'Miguel Ángel',
  'Leticia',
  'Jorge',
  'Yolanda',
  'Fernando',
  'Adriana',
  'Ricardo',
];
const MORE_SURNAMES = [
  'Flores',
  'Morales',
  'Reyes',
  'Cruz',
  'Gutiérrez',
  'Mendoza',
  'Ruiz',
  'Aguilar',
  'Torres',
  'Rivera',
  'Jiménez',
  'Medina',
  'Castro',
  'Vargas',
  'Romero',
  'Herrera',
  'Salazar',
  'Guerrero',
  'Espinoza',
  'Rosales',
];
const ALL_GIVEN = [...GIVEN, ...MORE_GIVEN];
const ALL_SURNAMES = [...SURNAMES, ...MORE_SURNAMES];

const MORE_PHRASES = [
  'El recibo trae un cargo por reconexión que no corresponde.',
  'Se cayó el cable de la acometida con el viento de anoche.',
  'Pide que se revise la lectura porque la casa estuvo deshabitada.',
  'Solicita copia del contrato y constancia de no adeudo.',
  'El pago que hizo en el banco no aparece aplicado.',
  'Reporta que el servicio se interrumpe varias veces al día.',
  'Quiere cambiar la fecha de corte de su recibo.',
  'Pide la instalación de un nuevo servicio en su local.',
  'El personal de la ventanilla no le dio información clara.',
  'Hay un poste inclinado que representa un riesgo.',
  'Solicita que le envíen el recibo por correo electrónico.',
  'Se le cobró un ajuste que no le explicaron.',
  'Los vecinos de la cuadra tampoco tienen servicio.',
  'Pide aclaración del saldo a favor que tenía.',
];
const ALL_PHRASES = [...PHRASES, ...MORE_PHRASES];
const RARE_PHRASE = 'Se escucha un zumbido fuerte en el transformador de la esquina.';
const LANDMARKS = [
  'portón negro',
  'frente a la tienda',
  'junto a la escuela',
  'casa de dos pisos',
  'a un lado de la farmacia',
  'enfrente del jardín',
  'barda azul',
  'cerca de la parroquia',
];

function description(rand: () => number): string {
  const count = 1 + Math.floor(rand() * 3);
  const parts = Array.from({ length: count }, () => pick(rand, ALL_PHRASES));
  if (rand() < 0.002) parts.push(RARE_PHRASE);
  if (rand() < 0.33)
    parts.push(
      `Referencia: ${pick(rand, STREETS)} ${1 + Math.floor(rand() * 900)}, ${pick(rand, LANDMARKS)}.`,
    );
  return parts.join(' ');
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

const TYPES = [
  ['fault', 35],
  ['billing_error', 20],
  ['clarification', 20],
  ['administrative_change', 12],
  ['complaint', 9],
  ['suggestion', 4],
] as const;
const CHANNEL_SHARE = [
  ['office', 45],
  ['phone', 40],
  ['web', 15],
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AUTO_CLOSE_AFTER = 7 * DAY;

/** How likely a report filed `age` ago is still open. */
function openShare(age: number): number {
  if (age < DAY) return 0.9;
  if (age < 3 * DAY) return 0.6;
  if (age < 7 * DAY) return 0.35;
  if (age < 30 * DAY) return 0.08;
  if (age < 180 * DAY) return 0.01;
  return 0;
}

/** A month's first instant in Mexico City (UTC-6 all year since 2022), `back` months before. */
function monthStart(period: string, back: number): number {
  const year = 2000 + Number(period.slice(0, 2));
  const month = Number(period.slice(2, 4)) - 1;
  return Date.UTC(year, month - back, 1, 6);
}

interface Event {
  kind: string;
  at: number;
  actor: string | null;
  data: Record<string, unknown>;
}

export interface QueueSeedResult {
  months: string[];
  migrations: string[];
  phases: Record<string, number>;
  summary: Record<string, unknown>;
}

export async function fillQueue(file: string, now: Date, size: SeedSize): Promise<QueueSeedResult> {
  const phases: Record<string, number> = {};
  let phaseStarted = Date.now();
  const phase = (name: string) => {
    phases[name] = Math.round((Date.now() - phaseStarted) / 100) / 10;
    phaseStarted = Date.now();
  };
  const passwordHash = await hashPassword(AGENT_PASSWORD);
  const db = new Sqlite(file);
  checkSchema(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  // Room for the indexes being filled in random order (1 GiB of page cache while seeding).
  db.pragma('cache_size = -1048576');
  const at = now.toISOString();
  const nowMs = now.getTime();
  const rand = random(20261127 + size.reports);
  const fullText = suspendFullText(db, ['customers', 'reports']);

  // Staff: the departments, the 200k seed's 20 agents, back office, technicians, supervisors.
  const workers = new Map<string, { id: string; username: string; name: string }[]>();
  const { agentIds } = db.transaction(() => {
    const staff = insertAgents(db, at, passwordHash);
    const { user, membership } = staff;
    for (const group of QUEUE_STAFF) {
      for (let i = 0; i < group.count; i++) {
        const id = randomUUID();
        const username = staffUsername(group.prefix, i);
        const name = `${pick(rand, ALL_GIVEN)} ${pick(rand, ALL_SURNAMES)}`;
        user.run(id, username, name, passwordHash, JSON.stringify(group.roles), at, at);
        for (const code of group.departments) membership.run(id, code);
        // Supervisors assign work; they do not hold a queue of their own in the seed.
        if (group.roles.includes('supervisor' as never)) continue;
        for (const code of group.departments) {
          const list = workers.get(code) ?? [];
          list.push({ id, username, name });
          workers.set(code, list);
        }
      }
    }
    return staff;
  })();
  phase('staff');

  // Customers, each with the last three monthly bills.
  const thisPeriod = currentPeriod(now);
  const customerColonia = new Uint8Array(size.customers);
  const coloniaWeights = ALL_COLONIAS.map((c, i) => [i, c.weight] as const);
  db.transaction(() => {
    const customer = db.prepare(
      `insert into customers (customer_number, name, search_name, phone, phone_digits, email, street,
         street_number, colonia, city, postal_code, lat, lng, billing_cycle_day, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const invoice = db.prepare(
      'insert into invoices (customer_number, number, issued_at, created_at) values (?, ?, ?, ?)',
    );
    const invoiceMonths = [2, 1, 0].map((back) => earlierPeriod(thisPeriod, back));
    for (let i = 0; i < size.customers; i++) {
      const number = String(FIRST_CUSTOMER + i);
      const name = `${pick(rand, ALL_GIVEN)} ${pick(rand, ALL_SURNAMES)} ${pick(rand, ALL_SURNAMES)}`;
      const phone =
        rand() < 0.9 ? `487 ${String(100 + Math.floor(rand() * 900))} ${String(rand()).slice(2, 6)}` : null;
      const c = weighted(rand, coloniaWeights);
      customerColonia[i] = c;
      const colonia = ALL_COLONIAS[c] as (typeof ALL_COLONIAS)[number];
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
        colonia.name,
        'Rioverde, S.L.P.',
        colonia.postal,
        Number((colonia.lat + (rand() - 0.5) * 0.01).toFixed(5)),
        Number((colonia.lng + (rand() - 0.5) * 0.01).toFixed(5)),
        billingDay,
        at,
        at,
      );
      for (const month of invoiceMonths) {
        const issued = new Date(month.start.getTime() + (billingDay - 1) * DAY);
        invoice.run(
          number,
          demoInvoiceNumber(number, issued.getUTCFullYear(), issued.getUTCMonth() + 1),
          issued.toISOString(),
          at,
        );
      }
    }
  })();
  phase('customers');

  // Reports: evenly over [24 months ago, a few minutes ago), per local month.
  const first = monthStart(thisPeriod, MONTHS);
  const last = nowMs - 5 * MINUTE;
  const months: { period: string; start: number; end: number; count: number }[] = [];
  for (let back = MONTHS; back >= 0; back--) {
    const start = monthStart(thisPeriod, back);
    const end = back === 0 ? last : monthStart(thisPeriod, back - 1);
    months.push({ period: earlierPeriod(thisPeriod, back).period, start, end, count: 0 });
  }
  let assigned = 0;
  for (const [i, m] of months.entries()) {
    m.count =
      i === months.length - 1
        ? size.reports - assigned
        : Math.round((size.reports * (m.end - m.start)) / (last - first));
    assigned += m.count;
    if (m.count > 99_999)
      throw new Error(`${size.label} is too many reports: ${m.count} in ${m.period} (5-digit counters)`);
  }

  const reportColumns = new Set(columnsOf(db, 'reports'));
  const columns = [
    ...BASE_REPORT_COLUMNS,
    ...[...OPTIONAL_REPORT_COLUMNS, 'assignee_id'].filter((c) => reportColumns.has(c)),
  ];
  const hasPauses = columnsOf(db, 'report_pauses').length > 0;
  const routes = routingOf(db);
  const iso = (ms: number) => new Date(ms).toISOString();
  const summary = {
    open: 0,
    openByStatus: {} as Record<string, number>,
    openByDepartment: {} as Record<string, number>,
    openByPromise: {} as Record<string, number>,
    openUnassigned: 0,
    byStatus: {} as Record<string, number>,
    events: 0,
  };
  const count = (bucket: Record<string, number>, key: string) => {
    bucket[key] = (bucket[key] ?? 0) + 1;
  };

  db.transaction(() => {
    const report = db.prepare(
      `insert into reports (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const event = db.prepare(
      'insert into report_events (report_number, seq, kind, actor_id, at, data) values (?, ?, ?, ?, ?, ?)',
    );
    const pause = hasPauses
      ? db.prepare('insert into report_pauses (report_number, started_at, ended_at) values (?, ?, null)')
      : null;
    const counter = db.prepare('insert into report_number_counters (period, last_sequence) values (?, ?)');
    for (const month of months) {
      const span = month.end - month.start;
      for (let seq = 1; seq <= month.count; seq++) {
        const number = composeReportNumber(month.period, seq);
        const created = month.start + Math.floor((span * seq) / (month.count + 1));
        const age = nowMs - created;
        const type = weighted(rand, TYPES);
        const channel = weighted(rand, CHANNEL_SHARE);
        const route = routes.get(type) ?? { track: 'review', department: 'atencion_clientes' };
        const department =
          type === 'administrative_change' && rand() < 0.4 ? 'administracion' : route.department;
        const customerIndex = Math.floor(rand() * size.customers);
        const colonia = ALL_COLONIAS[customerColonia[customerIndex] ?? 0] as (typeof ALL_COLONIAS)[number];
        const fault = type === 'fault';
        const agent = pick(rand, agentIds);
        const due =
          created +
          (route.track === 'immediate' ? 2 * HOUR : route.track === 'technical' ? 2 * DAY : 5 * DAY);
        const atRisk = created + Math.floor((due - created) * 0.8);
        const staff = workers.get(department) ?? [];
        const worker = staff.length > 0 ? pick(rand, staff) : null;
        const text = description(rand);
        const events: Event[] = [{ kind: 'filed', at: created, actor: agent, data: {} }];
        let status = 'new';
        let version = 1;
        let assignee: typeof worker = null;
        let promiseState = 'on_track';
        let resolvedAt: number | null = null;
        let kept: boolean | null = null;
        let pausedAt: number | null = null;
        const change = (to: string, when: number, data: Record<string, unknown> = {}) => {
          events.push({
            kind: 'status_changed',
            at: when,
            actor: worker?.id ?? agent,
            data: { from: status, to, ...data },
          });
          status = to;
          version++;
        };
        const take = (when: number) => {
          if (!worker) return;
          assignee = worker;
          const data: Record<string, unknown> = {
            from: null,
            to: { username: worker.username, name: worker.name },
          };
          if (status === 'new') {
            data.status = { from: 'new', to: 'assigned' };
            status = 'assigned';
          }
          events.push({ kind: 'assigned', at: when, actor: worker.id, data });
          version++;
        };
        const watch = (kind: 'promise_at_risk' | 'promise_breached', when: number) => {
          events.push({ kind, at: when, actor: null, data: { dueAt: iso(due) } });
          promiseState = kind === 'promise_at_risk' ? 'at_risk' : 'breached';
        };

        if (rand() < openShare(age)) {
          // Still open: how far it got depends on its age.
          const fresh = age < DAY;
          const stage =
            rand() < (fresh ? 0.5 : 0.12) || !worker
              ? 'new'
              : weighted(rand, [
                  ['assigned', 30],
                  ['in_progress', 50],
                  ['waiting_customer', 20],
                ] as const);
          const until = Math.min(nowMs, due);
          let clockStopped = nowMs;
          if (stage !== 'new') {
            take(created + Math.floor((until - created) * 0.1 * rand()));
            if (stage !== 'assigned')
              change('in_progress', created + Math.floor((until - created) * (0.1 + 0.2 * rand())));
            if (stage === 'waiting_customer') {
              clockStopped = created + Math.floor((until - created) * (0.3 + 0.5 * rand()));
            }
          }
          if (atRisk <= clockStopped) watch('promise_at_risk', atRisk);
          if (due < clockStopped) watch('promise_breached', due + 1000);
          if (stage === 'waiting_customer') {
            change('waiting_customer', clockStopped, { reason: 'Se pidió información al cliente.' });
            pausedAt = clockStopped;
          }
          summary.open++;
          count(summary.openByStatus, status);
          count(summary.openByDepartment, department);
          count(summary.openByPromise, promiseState);
          if (!assignee) summary.openUnassigned++;
        } else if (rand() < 0.04) {
          change('cancelled', created + Math.floor(Math.min(3 * HOUR, age / 2)), { reason: 'Duplicado' });
        } else {
          // Worked and resolved (most within the promise), closed a week later.
          kept = rand() < 0.88;
          resolvedAt = kept
            ? created + Math.floor((due - created) * (0.2 + 0.75 * rand()))
            : due + Math.floor(HOUR + rand() * 3 * DAY);
          if (resolvedAt >= nowMs) {
            resolvedAt = created + Math.floor((nowMs - created) * (0.5 + 0.4 * rand()));
            kept = resolvedAt <= due;
          }
          if (rand() < 0.92) take(created + Math.floor((resolvedAt - created) * 0.1));
          change('in_progress', created + Math.floor((resolvedAt - created) * 0.2));
          if (atRisk <= resolvedAt) watch('promise_at_risk', atRisk);
          if (due < resolvedAt) watch('promise_breached', due + 1000);
          change('resolved', resolvedAt, {
            resolution: 'Se atendió y se informó al cliente.',
            promiseKept: kept,
          });
          promiseState = kept ? 'on_track' : 'breached';
          if (resolvedAt + AUTO_CLOSE_AFTER <= nowMs)
            change('closed', resolvedAt + AUTO_CLOSE_AFTER, { reason: 'Cierre automático sin reapertura.' });
        }
        count(summary.byStatus, status);
        events.sort((a, b) => a.at - b.at);

        const row: Record<string, string | number | null> = {
          number,
          customer_number: String(FIRST_CUSTOMER + customerIndex),
          type,
          channel,
          status,
          description: text,
          location_text: fault
            ? `${pick(rand, STREETS)} esquina ${pick(rand, STREETS)}, col. ${colonia.name}`
            : null,
          location_lat: fault ? colonia.lat : null,
          location_lng: fault ? colonia.lng : null,
          verified: rand() < 0.6 ? 1 : 0,
          created_at: iso(created),
          created_by: agent,
          updated_at: iso(events.at(-1)?.at ?? created),
          version,
          track: route.track,
          department_code: department,
          base_due_at: iso(due),
          due_at: iso(due),
          at_risk_at: iso(atRisk),
          resolved_at: resolvedAt === null ? null : iso(resolvedAt),
          promise_kept: kept === null ? null : kept ? 1 : 0,
          promise_state: promiseState,
          search_text: searchKey(text),
          assignee_id: (assignee as typeof worker)?.id ?? null,
        };
        report.run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
        if (pausedAt !== null) pause?.run(number, iso(pausedAt));
        const filed = events[0] as Event;
        filed.data = {
          type,
          channel,
          verified: row.verified === 1,
          track: route.track,
          department,
          dueAt: iso(due),
        };
        events.forEach((e, i) => {
          event.run(number, i + 1, e.kind, e.actor, iso(e.at), JSON.stringify(e.data));
        });
        summary.events += events.length;
      }
      counter.run(month.period, month.count);
    }
  })();
  const copied = copyCustomerNames(db);
  if (copied) console.log(`  ${copied}`);
  phase('reports');

  for (const note of resumeFullText(db, fullText)) console.log(`  full-text: ${note}`);
  phase('full-text');

  const migrations = db
    .prepare('select name from kysely_migration order by name')
    .pluck()
    .all()
    .map((n) => String(n));
  // A self-contained file (no -wal beside it); the server switches it back to WAL on open.
  db.pragma('journal_mode = DELETE');
  db.close();
  phase('close');
  console.log(
    `  open backlog: ${summary.open.toLocaleString('en-US')} reports ` +
      `(${Object.entries(summary.openByStatus)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; ${Object.entries(summary.openByPromise)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}); ${summary.events.toLocaleString('en-US')} events`,
  );
  return { months: months.map((m) => m.period), migrations, phases, summary };
}
