/**
 * The back-office queue (`GET /api/v1/reports`) on a big seed, view by view: run by
 * `npm run bench -- --scenarios=queue --size=1000k` (see bench/run.ts for the options and
 * bench/README.md, "Queue on 1,000,000 reports", for the figures).
 *
 * Each view is one query the web page sends (src/web/queue/queue-filters.ts: the open statuses
 * unless told otherwise, limit 50), signed in as who would ask it. Before measuring, each view
 * is asked once and its answer checked (200, a full page or the rows expected, every row
 * matching the filter and in the view's order); during the load every answer's rows are
 * counted. A plan pass (`--plans`, on by default) runs each view once in a server that logs its
 * SQL (bench/sql-timing.mjs) and prints SQLite's EXPLAIN QUERY PLAN for it, with the time the
 * statement alone takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Sqlite from 'better-sqlite3';
import { searchKey } from '../src/core/normalize.js';
import { DISTURBED_OTHER, leastDisturbed, loadPath } from './load.js';
import { type ArrivalsResult, type Ask, measureAtOnce, measureSteady } from './queue-arrivals.js';
import { BURST_MIX, type Burst, measureBurst } from './queue-burst.js';
import {
  AGENT_PASSWORD,
  agentUsername,
  currentPeriod,
  earlierPeriod,
  type SeedSize,
  seedMeta,
} from './seed.js';
import { COMMON_WORD, RARE_WORD, staffUsername } from './seed-queue.js';
import {
  cpuMeter,
  DATA_DIR,
  ROOT,
  type RunningServer,
  sampleRss,
  signIn,
  startServer,
  treeMemoryMB,
  waitForQuiet,
} from './server.js';

export interface QueueOptions {
  size: SeedSize;
  /** Seconds measured per view and connection count. */
  duration: number;
  warmup: number;
  /** Connection counts each view is measured at, e.g. [16, 1]. */
  connections: number[];
  rounds: number;
  nice: number;
  workers: number;
  quietWait: number;
  retries: number;
  /** Only these views (names or prefixes); empty: all. */
  views: string[];
  plans: boolean;
  /** Also the burst (bench/queue-burst.ts), after the views, in each round. */
  burst: boolean;
  /** Pages a second arriving on their own, per view (bench/queue-arrivals.ts); 0: not run. */
  steadyRate: number;
  /** Times the burst's mix is sent at once (bench/queue-arrivals.ts); 0: not run. */
  atOnceRounds: number;
  /** Extra environment for the server (`--server-env`). */
  serverEnv: Record<string, string>;
  /** Another server to run (node arguments), e.g. an experimental build; default: the bench build. */
  script?: string[];
  /** Node flags for the measured server, e.g. `--cpu-prof` (`--profile=queue`). */
  nodeFlags?: string[];
}

/**
 * The target adopted (bench/README.md, "The target, and why"): p99 ≤ 50 ms for every view with
 * its pages arriving at 200 a second (ten times the back office's busiest minute), and for the
 * burst's mix of 16 pages sent at once. `connections` is the closed loop that was the line until
 * the ninth session, kept as the measure of capacity.
 */
export const QUEUE_TARGET = { p99: 50, steadyRate: 200, connections: 16 } as const;

/** The pause after each round of the mix sent at once (its answers all in). */
const AT_ONCE_PAUSE_MS = 50;

type Who = 'backoffice' | 'supervisor' | 'agent' | 'technician';
const USERS: Record<Who, { username: string; note: string }> = {
  backoffice: { username: staffUsername('bench-bo-fac', 0), note: 'back office, facturación' },
  supervisor: { username: staffUsername('bench-sup', 0), note: 'supervisor of the 4 departments' },
  agent: { username: agentUsername(0), note: 'agent (every department)' },
  technician: { username: staffUsername('bench-tec', 0), note: 'technician, soporte técnico' },
};

interface Row {
  number: string;
  type: string;
  channel: string;
  status: string;
  customerNumber: string;
  customer: { name: string; colonia: string };
  department: string | null;
  assignee: { username: string; name: string } | null;
  dueAt: string | null;
  promiseState: string;
  createdAt: string;
}

interface View {
  name: string;
  who: Who;
  /** What it is, for the table. */
  what: string;
  query: Record<string, string>;
  /** Rows a page must have (default: a full page, `limit`). */
  rows?: number;
  /** Every row must pass this (the filter was applied). */
  check?: (row: Row) => boolean;
  sort: 'promise' | '-created';
  /** Ask for the next page of this view (its first page's `nextCursor`). */
  nextOf?: string;
}

const OPEN = ['new', 'assigned', 'in_progress', 'waiting_customer'];
const isOpen = (r: Row) => OPEN.includes(r.status);

/** YYYY-MM-DD in Rioverde, `days` before `now`. */
function localDate(now: Date, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(now.getTime() - days * 86_400_000),
  );
}

/** The views measured, in the order measured. */
export function queueViews(now: Date): View[] {
  const period = currentPeriod(now);
  const previous = earlierPeriod(period, 1).period;
  const from = localDate(now, 7);
  const to = localDate(now, 1);
  // The web page's default: a department, its open reports, 50 a page (src/web/queue).
  const dept = { department: 'facturacion', status: OPEN.join(','), limit: '50' };
  const inDept = (r: Row) => r.department === 'facturacion';
  const everyStatus = { department: 'facturacion', limit: '50' };
  // Rioverde is UTC-6 all year: its days start at 06:00 UTC.
  const createdIn = (r: Row) => r.createdAt >= `${from}T06` && r.createdAt < `${localDate(now, 0)}T06`;
  // A run of digits also matches the customer with that number (src/db/queue/queue-text.ts).
  const number = (digits: string) => (r: Row) => r.number.startsWith(digits) || r.customerNumber === digits;
  return [
    {
      name: 'default',
      who: 'backoffice',
      what: 'department queue (open, by promise)',
      query: dept,
      sort: 'promise',
      check: (r) => inDept(r) && isOpen(r),
    },
    {
      name: 'page-2',
      who: 'backoffice',
      what: 'its second page (cursor)',
      query: dept,
      sort: 'promise',
      nextOf: 'default',
      check: (r) => inDept(r) && isOpen(r),
    },
    {
      name: 'status-new',
      who: 'backoffice',
      what: 'status=new',
      query: { ...dept, status: 'new' },
      sort: 'promise',
      check: (r) => r.status === 'new',
    },
    {
      name: 'assignee-me',
      who: 'backoffice',
      what: 'assignee=me',
      query: { ...dept, assignee: 'me' },
      sort: 'promise',
      check: (r) => r.assignee?.username === USERS.backoffice.username && isOpen(r),
    },
    {
      name: 'assignee-none',
      who: 'backoffice',
      what: 'assignee=none',
      query: { ...dept, assignee: 'none' },
      sort: 'promise',
      check: (r) => r.assignee === null && isOpen(r),
    },
    {
      name: 'at-risk',
      who: 'backoffice',
      what: 'promise=at_risk',
      query: { ...dept, promise: 'at_risk' },
      sort: 'promise',
      check: (r) => r.promiseState === 'at_risk' && inDept(r),
    },
    {
      name: 'breached',
      who: 'backoffice',
      what: 'promise=breached',
      query: { ...dept, promise: 'breached' },
      sort: 'promise',
      check: (r) => r.promiseState === 'breached' && inDept(r),
    },
    {
      name: 'colonia',
      who: 'backoffice',
      what: 'colonia=San Miguel',
      query: { ...dept, colonia: 'San Miguel' },
      sort: 'promise',
      check: (r) => r.customer.colonia === 'San Miguel' && isOpen(r),
    },
    {
      name: 'type-channel',
      who: 'backoffice',
      what: 'type=billing_error, channel=phone',
      query: { ...dept, type: 'billing_error', channel: 'phone' },
      sort: 'promise',
      check: (r) => r.type === 'billing_error' && r.channel === 'phone' && isOpen(r),
    },
    {
      name: 'created-week',
      who: 'backoffice',
      what: `created ${from}…${to}`,
      query: { ...dept, createdFrom: from, createdTo: to },
      sort: 'promise',
      check: (r) => isOpen(r) && createdIn(r),
    },
    {
      name: 'newest',
      who: 'backoffice',
      what: 'sort=-created',
      query: { ...dept, sort: '-created' },
      sort: '-created',
      check: (r) => inDept(r) && isOpen(r),
    },
    {
      name: 'q-name',
      who: 'backoffice',
      what: 'q=zuniga (customer name)',
      query: { ...dept, q: 'zuniga' },
      sort: 'promise',
      check: isOpen,
    },
    {
      name: 'q-word',
      who: 'backoffice',
      what: `q=${COMMON_WORD} (description)`,
      query: { ...dept, q: COMMON_WORD },
      sort: 'promise',
      check: isOpen,
    },
    {
      name: 'q-number',
      who: 'backoffice',
      what: `q=${period}-0 (number prefix)`,
      query: { ...dept, q: `${period}-0` },
      sort: 'promise',
      check: (r) => isOpen(r) && number(`${period}0`)(r),
    },
    {
      name: 'sup-all',
      who: 'supervisor',
      what: 'all 4 departments, open',
      query: { status: OPEN.join(','), limit: '50' },
      sort: 'promise',
      check: isOpen,
    },
    {
      name: 'sup-at-risk',
      who: 'supervisor',
      what: 'all departments, promise=at_risk',
      query: { status: OPEN.join(','), promise: 'at_risk', limit: '50' },
      sort: 'promise',
      check: (r) => r.promiseState === 'at_risk',
    },
    {
      name: 'sup-breached',
      who: 'supervisor',
      what: 'all departments, promise=breached',
      query: { status: OPEN.join(','), promise: 'breached', limit: '50' },
      sort: 'promise',
      check: (r) => r.promiseState === 'breached',
    },
    {
      name: 'agent-all',
      who: 'agent',
      what: 'every department, open',
      query: { status: OPEN.join(','), limit: '50' },
      sort: 'promise',
      check: isOpen,
    },
    {
      name: 'agent-q-history',
      who: 'agent',
      what: 'q="ibarra zuniga", every status',
      query: { q: 'ibarra zuniga', limit: '50' },
      sort: 'promise',
      check: (r) => searchKey(r.customer.name).includes('ibarra zuniga'),
    },
    {
      name: 'tec-faults',
      who: 'technician',
      what: "technician's phone page (limit 100)",
      query: { assignee: 'me', type: 'fault', status: 'assigned,in_progress,waiting_customer', limit: '100' },
      sort: 'promise',
      check: (r) => r.type === 'fault' && r.assignee?.username === USERS.technician.username,
    },
    {
      name: 'all-newest',
      who: 'backoffice',
      what: 'every status, sort=-created',
      query: { ...everyStatus, sort: '-created' },
      sort: '-created',
      check: inDept,
    },
    {
      name: 'all-created-week',
      who: 'backoffice',
      what: `every status, created ${from}…${to}`,
      query: { ...everyStatus, createdFrom: from, createdTo: to },
      sort: 'promise',
      check: (r) => inDept(r) && createdIn(r),
    },
    {
      name: 'all-q-name',
      who: 'backoffice',
      what: 'every status, q=zuniga',
      query: { ...everyStatus, q: 'zuniga' },
      sort: 'promise',
      check: inDept,
    },
    {
      name: 'all-q-rare',
      who: 'backoffice',
      what: `every status, q=${RARE_WORD} (1 report in 500)`,
      query: { ...everyStatus, q: RARE_WORD },
      sort: 'promise',
      check: inDept,
    },
    {
      // The same search newest first (the queue's sort menu): the promise zones serve the promise
      // order only (added in the ninth session).
      name: 'all-q-rare-newest',
      who: 'backoffice',
      what: `every status, q=${RARE_WORD}, sort=-created`,
      query: { ...everyStatus, q: RARE_WORD, sort: '-created' },
      sort: '-created',
      check: inDept,
    },
    {
      name: 'all-q-number',
      who: 'backoffice',
      what: `every status, q=${previous}-00`,
      query: { ...everyStatus, q: `${previous}-00` },
      sort: 'promise',
      check: (r) => inDept(r) && number(`${previous}00`)(r),
    },
    // A type or track over every status (migration 017): one the department has none of, one
    // nobody is on (the seed files no fault outside the company's control), a common one.
    {
      name: 'all-type-none',
      who: 'backoffice',
      what: 'every status, type=fault (none in facturación)',
      query: { ...everyStatus, type: 'fault' },
      sort: 'promise',
      rows: 0,
    },
    {
      name: 'agent-track-external',
      who: 'agent',
      what: 'every department and status, track=external (none)',
      query: { track: 'external', limit: '50' },
      sort: 'promise',
      rows: 0,
    },
    {
      name: 'agent-track-newest',
      who: 'agent',
      what: 'every department and status, track=external, sort=-created (none)',
      query: { track: 'external', sort: '-created', limit: '50' },
      sort: '-created',
      rows: 0,
    },
    {
      name: 'sup-every-type',
      who: 'supervisor',
      what: 'all 4 departments, every status, type=complaint',
      query: { type: 'complaint', limit: '50' },
      sort: 'promise',
      check: (r) => r.type === 'complaint',
    },
    {
      name: 'sup-every',
      who: 'supervisor',
      what: 'all 4 departments, every status (history included)',
      query: { limit: '50' },
      sort: 'promise',
      check: () => true,
    },
    {
      name: 'sup-every-q-word',
      who: 'supervisor',
      what: 'all 4 departments, every status, q=medidor, sort=-created',
      query: { q: 'medidor', sort: '-created', limit: '50' },
      sort: '-created',
      check: () => true,
    },
  ];
}

function url(view: View, cursor?: string): string {
  const params = new URLSearchParams(view.query);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/reports?${params.toString()}`;
}

interface Page {
  reports: Row[];
  nextCursor: string | null;
}

async function ask(server: RunningServer, cookie: string, pathAndQuery: string) {
  const started = performance.now();
  const response = await fetch(`${server.url}${pathAndQuery}`, { headers: { cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${pathAndQuery} answered ${response.status}: ${text.slice(0, 300)}`);
  return { page: JSON.parse(text) as Page, ms };
}

/** The view a `nextOf` view continues (looked up among all views: it may not be selected). */
function baseOf(view: View): View | undefined {
  return view.nextOf ? queueViews(new Date()).find((v) => v.name === view.nextOf) : undefined;
}

/** For a `nextOf` view, the `nextCursor` of its base view's first page. */
async function cursorFor(server: RunningServer, cookies: Record<Who, string>, view: View) {
  const base = baseOf(view);
  if (!base) return undefined;
  const { page } = await ask(server, cookies[base.who], url(base));
  if (!page.nextCursor) throw new Error(`${view.name}: ${base.name} has no next page`);
  return { cursor: page.nextCursor, last: page.reports.at(-1) };
}

/** Asks each view once, checks its answer, and returns the path to load (with its cursor). */
async function prepare(server: RunningServer, cookies: Record<Who, string>, views: View[]) {
  const paths = new Map<string, { path: string; rows: number; firstMs: number }>();
  for (const view of views) {
    const next = await cursorFor(server, cookies, view);
    const pathAndQuery = url(view, next?.cursor);
    const { page, ms } = await ask(server, cookies[view.who], pathAndQuery);
    const limit = Number(view.query.limit ?? 50);
    const expected = view.rows ?? limit;
    const problems: string[] = [];
    if (page.reports.length !== expected) problems.push(`${page.reports.length} rows, expected ${expected}`);
    if (page.reports.length === limit && page.nextCursor === null)
      problems.push('a full page without nextCursor');
    const bad = view.check ? page.reports.filter((r) => !view.check?.(r)) : [];
    if (bad.length > 0)
      problems.push(`${bad.length} rows do not match the filter (e.g. ${JSON.stringify(bad[0])})`);
    const key = (r: Row) =>
      view.sort === 'promise' ? `${r.dueAt}|${r.number}` : `${r.createdAt}|${r.number}`;
    for (let i = 1; i < page.reports.length; i++) {
      const a = key(page.reports[i - 1] as Row);
      const b = key(page.reports[i] as Row);
      if (view.sort === 'promise' ? a > b : a < b) {
        problems.push(`rows out of order at ${i}`);
        break;
      }
    }
    if (next) {
      const previous = next.last;
      const first = page.reports[0];
      if (
        previous &&
        first &&
        (view.sort === 'promise' ? key(previous) >= key(first) : key(previous) <= key(first))
      )
        problems.push('page 2 does not continue page 1');
    }
    if (problems.length > 0) throw new Error(`view ${view.name} (${pathAndQuery}): ${problems.join('; ')}`);
    paths.set(view.name, { path: pathAndQuery, rows: page.reports.length, firstMs: ms });
  }
  return paths;
}

interface ViewResult {
  view: string;
  who: Who;
  what: string;
  connections: number;
  rows: number;
  okRps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Answers whose row count was not the expected one. */
  wrongRows: number;
  serverCpu: number;
  /** The server's main thread alone (% of a core). */
  serverMainCpu: number;
  /** The load generator (this process, % of a core). */
  benchCpu: number;
  serverWait: number;
  benchWait: number;
  otherCpu: number;
  disturbed: boolean;
  attempts: number;
  /** Why this run was not made (the view is too slow alone to load it with more connections). */
  skipped?: string;
}

/** A view (or the burst's mix) under one of the target's loads (bench/queue-arrivals.ts). */
interface ArrivalsRun extends ArrivalsResult {
  view: string;
  load: 'steady' | 'at once';
  /** Pages a second (steady) or requests sent together (at once). */
  amount: number;
  disturbed: boolean;
}

/** A view's pages arriving at `options.steadyRate` a second. */
async function measureSteadyView(server: RunningServer, view: string, ask: Ask, options: QueueOptions) {
  const r = await leastDisturbed(options.retries, () =>
    measureSteady(server, [ask], options.steadyRate, options.duration, options.warmup),
  );
  return { ...r, view, load: 'steady', amount: options.steadyRate } satisfies ArrivalsRun;
}

/**
 * The burst's mix sent at once, `options.atOnceRounds` times. Its 16 answers in a round wait for
 * one another, so a pause of the server in one round is 16 slow pages: a few hundred rounds make
 * the p99 more than one round's worst.
 */
async function measureMixAtOnce(server: RunningServer, cookies: Record<Who, string>, options: QueueOptions) {
  const asks = await burstAsks(server, cookies);
  const r = await leastDisturbed(options.retries, () =>
    measureAtOnce(server, asks, options.atOnceRounds, AT_ONCE_PAUSE_MS, options.warmup),
  );
  return { ...r, view: BURST_MIX_NAME, load: 'at once', amount: asks.length } satisfies ArrivalsRun;
}

/**
 * A view whose median answer alone takes longer than this is not loaded with more connections:
 * 16 of them would queue for seconds (p99 ≥ 16 × the median) and time out, measuring nothing.
 */
const TOO_SLOW_ALONE_MS = 250;

async function measureView(
  server: RunningServer,
  cookies: Record<Who, string>,
  view: View,
  target: { path: string; rows: number },
  connections: number,
  options: QueueOptions,
): Promise<ViewResult> {
  const ask = { ...target, cookie: cookies[view.who], connections };
  return leastDisturbed(options.retries, async (attempt) => {
    await loadPath(server, ask, options.warmup);
    const meter = cpuMeter(server.pid);
    const { result, wrongRows } = await loadPath(server, ask, options.duration);
    const cpu = meter.stop();
    return {
      view: view.name,
      who: view.who,
      what: view.what,
      connections,
      rows: target.rows,
      okRps: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      wrongRows,
      serverCpu: cpu.server,
      serverMainCpu: cpu.serverMain,
      benchCpu: cpu.bench,
      serverWait: cpu.serverWait,
      benchWait: cpu.benchWait,
      otherCpu: cpu.other,
      attempts: attempt,
    };
  });
}

interface Plan {
  view: string;
  plan: string[];
  /** The list query alone, on a fresh connection to the same file: median of 9 runs (ms). */
  sqlMs: number;
  /** The request's other SELECTs (session, text-search keys…), the same way, added up (ms). */
  otherSqlMs: number;
  otherStatements: number;
  rows: number;
  sql: string;
  args: unknown[];
}

/** The median of 9 runs of a logged statement on `db` (ms), and its row count. */
function timeStatement(db: Sqlite.Database, s: { sql: string; args: unknown[] }) {
  const statement = db.prepare(s.sql);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    rows = statement.all(...(s.args as unknown[][])).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[4] ?? Number.NaN, rows };
}

/** Runs each view once in a server that logs its SQL, and explains that SQL. */
async function explainViews(dir: string, views: View[], options: QueueOptions): Promise<Plan[]> {
  const log = path.join(dir, 'sql-log.jsonl');
  const server = await startServer({
    dataDir: dir,
    nice: options.nice,
    ...(options.script ? { script: options.script } : {}),
    nodeFlags: ['--import', pathToFileURL(path.join(ROOT, 'bench', 'sql-timing.mjs')).href],
    // The read threads' connections are not the main thread's better-sqlite3, which the preload
    // times and logs: the pass reads on the server's own thread (the same SQL either way).
    env: { BENCH_SQL_LOG_FILE: log, FOLIO_READ_THREADS: '0' },
  });
  const statements = new Map<string, { sql: string; args: unknown[] }>();
  /** Every other SELECT the request ran (session check, text-search key lookups, …). */
  const others = new Map<string, { sql: string; args: unknown[] }[]>();
  try {
    const cookies = await signInAll(server);
    for (const view of views) {
      const next = await cursorFor(server, cookies, view);
      // The server writes a statement's line before it answers: what follows is this request's.
      const offset = fs.existsSync(log) ? fs.statSync(log).size : 0;
      await ask(server, cookies[view.who], url(view, next?.cursor));
      const bytes = fs.readFileSync(log);
      const text = bytes.subarray(offset).toString('utf8');
      const lines = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { sql: string; args: unknown[] });
      const list = lines.find((l) => /from "reports" (inner|left) join "customers"/.test(l.sql));
      if (list) statements.set(view.name, list);
      others.set(
        view.name,
        lines.filter((l) => l !== list && /^\s*select\b/i.test(l.sql)),
      );
    }
  } finally {
    await server.stop();
  }
  const db = new Sqlite(path.join(dir, 'folio.sqlite'), { readonly: true });
  try {
    const plans: Plan[] = [];
    for (const view of views) {
      const s = statements.get(view.name);
      if (!s) {
        plans.push({
          view: view.name,
          plan: ['(no list query logged)'],
          sqlMs: Number.NaN,
          otherSqlMs: Number.NaN,
          otherStatements: 0,
          rows: 0,
          sql: '',
          args: [],
        });
        continue;
      }
      const plan = db
        .prepare(`explain query plan ${s.sql}`)
        .all(...(s.args as unknown[][]))
        .map((r) => (r as { detail: string }).detail);
      const { ms, rows } = timeStatement(db, s);
      let otherMs = 0;
      for (const other of others.get(view.name) ?? []) otherMs += timeStatement(db, other).ms;
      plans.push({
        view: view.name,
        plan,
        sqlMs: ms,
        otherSqlMs: otherMs,
        otherStatements: others.get(view.name)?.length ?? 0,
        rows,
        sql: s.sql,
        args: s.args,
      });
    }
    return plans;
  } finally {
    db.close();
  }
}

async function signInAll(server: RunningServer): Promise<Record<Who, string>> {
  const cookies = {} as Record<Who, string>;
  for (const [who, user] of Object.entries(USERS) as [Who, { username: string }][])
    cookies[who] = await signIn(server.url, user.username, AGENT_PASSWORD);
  return cookies;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function selected(views: View[], wanted: string[]): View[] {
  if (wanted.length === 0) return views;
  const chosen = views.filter((v) => wanted.some((w) => v.name === w || v.name.startsWith(w)));
  // A second page needs its first page's cursor, which `prepare` asks for itself.
  if (chosen.length === 0) throw new Error(`--views matched none of ${views.map((v) => v.name).join(', ')}`);
  return chosen;
}

export interface QueueRun {
  results: ViewResult[];
  /** The target's loads: per view, and the burst's mix sent at once. */
  arrivals: ArrivalsRun[];
  /** One per round, with --queue-burst. */
  bursts: Burst[];
  plans: Plan[];
  peakRssMB: number;
  hwmMB: number;
  ownPeakMB: number;
  mappedMB: number;
  startRssMB: number;
  seed: ReturnType<typeof seedMeta>;
}

/** The queue scenario: plans, then every view at each connection count, `rounds` times. */
export async function runQueue(options: QueueOptions): Promise<QueueRun> {
  if (options.size.shape !== 'queue')
    throw new Error(
      `the queue scenario needs the back office's seed (its users and open reports): --size=1000k or any size but ${options.size.label}`,
    );
  const views = selected(queueViews(new Date()), options.views);
  const seed = seedMeta(options.size);
  console.log(
    `queue on the ${options.size.label} seed: ${views.length} views, each ${options.warmup} s warm-up + ` +
      `${options.duration} s measured at ${options.connections.join(' and ')} connection(s), ` +
      `${options.rounds} round(s)${options.nice ? `, niceness ${options.nice}` : ''}` +
      (options.workers ? `, FOLIO_WORKERS=${options.workers}` : ''),
  );
  const dir = fs.mkdtempSync(path.join(DATA_DIR, 'run-'));
  const results: ViewResult[] = [];
  const arrivals: ArrivalsRun[] = [];
  const bursts: Burst[] = [];
  let plans: Plan[] = [];
  let peakRssMB = 0;
  let hwmMB = 0;
  let ownPeakMB = 0;
  let mappedMB = 0;
  let startRssMB = 0;
  try {
    process.stdout.write(`copying ${path.relative(ROOT, options.size.file)}… `);
    fs.copyFileSync(options.size.file, path.join(dir, 'folio.sqlite'));
    console.log('done');
    if (options.plans) {
      process.stdout.write('plan pass (each view once, SQL logged)… ');
      plans = await explainViews(dir, views, options);
      console.log('done');
    }
    for (let round = 1; round <= options.rounds; round++) {
      const server = await startServer({
        dataDir: dir,
        nice: options.nice,
        env: options.serverEnv,
        ...(options.nodeFlags ? { nodeFlags: options.nodeFlags } : {}),
        ...(options.script ? { script: options.script } : {}),
        ...(options.workers ? { workers: options.workers } : {}),
      });
      try {
        startRssMB = Math.max(startRssMB, treeMemoryMB(server.pid, 'VmRSS'));
        const cookies = await signInAll(server);
        const targets = await prepare(server, cookies, views);
        const other =
          options.quietWait > 0 ? await waitForQuiet(server.pid, 15, options.quietWait * 1000) : 0;
        if (other >= 15)
          console.warn(`  ! the machine is busy: other processes use ${fmt(other)} % of a core`);
        const sampler = sampleRss(server.pid);
        for (const view of views) {
          const target = targets.get(view.name);
          if (!target) continue;
          process.stdout.write(`  round ${round} ${view.name}: `);
          let alone: ViewResult | undefined;
          for (const connections of [...options.connections].sort((a, b) => a - b)) {
            process.stdout.write(`${connections} conn… `);
            if (alone && alone.p50 > TOO_SLOW_ALONE_MS) {
              results.push({
                ...alone,
                connections,
                okRps: Number.NaN,
                p50: Number.NaN,
                p90: Number.NaN,
                p99: Number.NaN,
                max: Number.NaN,
                requests: 0,
                skipped: `not run: p50 ${alone.p50} ms with 1 connection`,
              });
              process.stdout.write('skipped (too slow alone); ');
              continue;
            }
            const r = await measureView(server, cookies, view, target, connections, options);
            if (connections === 1) alone = r;
            results.push(r);
            process.stdout.write(`p99 ${r.p99} ms${r.disturbed ? ' ⚠' : ''}; `);
          }
          if (options.steadyRate > 0) {
            const ask = { cookie: cookies[view.who], path: target.path, rows: target.rows };
            const r = await measureSteadyView(server, view.name, ask, options);
            arrivals.push(r);
            process.stdout.write(`${r.amount} pages/s arriving… p99 ${r.p99} ms${r.disturbed ? ' ⚠' : ''}`);
          }
          console.log('');
        }
        if (options.atOnceRounds > 0) {
          process.stdout.write(`  round ${round} the burst's mix at once, ${options.atOnceRounds} times… `);
          const r = await measureMixAtOnce(server, cookies, options);
          arrivals.push(r);
          console.log(`p99 ${r.p99} ms${r.disturbed ? ' ⚠' : ''}`);
        }
        if (options.burst) {
          process.stdout.write(
            `  round ${round} burst in a closed loop (${BURST_MIX.length} views, 16 connections)… `,
          );
          bursts.push(await runBurst(server, cookies, options));
          console.log('done');
        }
        const peak = sampler.stop();
        const hwm = treeMemoryMB(server.pid, 'VmHWM');
        peakRssMB = Math.max(peakRssMB, peak.rss);
        hwmMB = Math.max(hwmMB, hwm);
        // As in run.ts: less the database file's pages mapped by SQLite.
        ownPeakMB = Math.max(ownPeakMB, peak.own, hwm - peak.mapped);
        mappedMB = Math.max(mappedMB, peak.mapped);
      } catch (error) {
        console.error(`\nserver output:\n${server.output()}`);
        throw error;
      } finally {
        await server.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printQueue(views, results, plans, { peakRssMB, hwmMB, ownPeakMB, mappedMB, startRssMB }, options, seed);
  printArrivals(views, arrivals);
  printBursts(bursts);
  return { results, arrivals, bursts, plans, peakRssMB, hwmMB, ownPeakMB, mappedMB, startRssMB, seed };
}

/** The name the burst's mix goes by among the views' results. */
const BURST_MIX_NAME = 'the burst’s mix';

/** The burst's mix (bench/queue-burst.ts): its views, each checked once, with their connections. */
async function burstMix(server: RunningServer, cookies: Record<Who, string>) {
  const mix = selected(
    queueViews(new Date()),
    BURST_MIX.map((entry) => entry.view),
  );
  const targets = await prepare(server, cookies, mix);
  return BURST_MIX.map((entry) => {
    const view = mix.find((v) => v.name === entry.view) as View;
    const target = targets.get(entry.view);
    if (!target) throw new Error(`no target for ${entry.view}`);
    return { ...entry, cookie: cookies[view.who], ...target };
  });
}

/** The mix as requests sent together: each view as many times as it has connections (16 in all). */
async function burstAsks(server: RunningServer, cookies: Record<Who, string>): Promise<Ask[]> {
  return (await burstMix(server, cookies)).flatMap((entry) =>
    Array.from({ length: entry.connections }, () => ({
      cookie: entry.cookie,
      path: entry.path,
      rows: entry.rows,
    })),
  );
}

/** The burst, repeated while a core was taken by others (like a view's run). */
async function runBurst(server: RunningServer, cookies: Record<Who, string>, options: QueueOptions) {
  const asks = await burstMix(server, cookies);
  return leastDisturbed(options.retries, async () => {
    await measureBurst(server, asks, options.warmup);
    return measureBurst(server, asks, options.duration);
  });
}

function printBursts(bursts: Burst[]) {
  bursts.forEach((burst, i) => {
    console.log(
      `\nburst in a closed loop (capacity), round ${i + 1}: 16 connections over a mix of views (bench/queue-burst.ts); waited server / load gen. ` +
        `${fmt(burst.serverWait, 1)} / ${fmt(burst.benchWait, 1)} %, other processes ${fmt(burst.otherCpu, 1)} % of a core${burst.disturbed ? ' ⚠' : ''}\n`,
    );
    console.log('| view | conn. | 2xx/s | p50 ms | p99 ms | max ms | non-2xx / errors / wrong rows |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of burst.views)
      console.log(
        `| ${r.view} | ${r.connections} | ${fmt(r.okRps)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} / ${r.errors} / ${r.wrongRows} |`,
      );
    const worst = Math.max(...burst.views.map((r) => r.p99));
    const total = burst.views.reduce((sum, r) => sum + r.okRps, 0);
    console.log(
      `\nburst in a closed loop (the line until the ninth session: every view's p99 ≤ ${QUEUE_TARGET.p99} ms): ${worst <= QUEUE_TARGET.p99 ? 'met' : 'NOT met'} ` +
        `(worst p99 ${worst} ms; ${fmt(total)} pages/s in all)`,
    );
  });
}

/** The target's loads per view and the mix, and the verdict on them. */
function printArrivals(views: View[], arrivals: ArrivalsRun[]) {
  if (arrivals.length === 0) return;
  console.log(
    '\n| view | load | requests | p50 ms | p99 ms | max ms | sent late, most ms | non-2xx / errors / wrong rows | server CPU | other CPU |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const loadName = (r: ArrivalsRun) =>
    r.load === 'steady'
      ? `${fmt(r.amount)} pages/s arriving`
      : `${r.amount} at once, ${fmt(r.requests / r.amount)} times`;
  for (const r of arrivals)
    console.log(
      `| ${r.view} | ${loadName(r)} | ${fmt(r.requests)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.load === 'steady' ? r.lateSend : '–'} | ${r.non2xx} / ${r.errors} / ${r.wrongRows} | ${fmt(r.serverCpu)} % | ${fmt(r.otherCpu, 1)} %${r.disturbed ? ' ⚠' : ''} |`,
    );
  console.log(
    `\nverdict (p99 ≤ ${QUEUE_TARGET.p99} ms, worst round: every view with ${QUEUE_TARGET.steadyRate} pages/s arriving, the burst's mix sent at once):`,
  );
  let met = 0;
  let all = 0;
  for (const name of [...views.map((v) => v.name), BURST_MIX_NAME]) {
    const runs = arrivals.filter((r) => r.view === name);
    if (runs.length === 0) continue;
    const p99 = Math.max(...runs.map((r) => r.p99));
    const invalid = runs.some((r) => r.non2xx + r.errors + r.wrongRows > 0);
    const ok = !invalid && p99 <= QUEUE_TARGET.p99;
    all++;
    if (ok) met++;
    console.log(
      `  ${name.padEnd(20)} p99 ${String(p99).padStart(3)} ms ${(runs[0] as ArrivalsRun).load === 'steady' ? 'arriving' : 'at once '}` +
        `  ${ok ? 'met' : 'NOT met'}${invalid ? ' (non-2xx, errors or wrong rows)' : ''}${runs.some((r) => r.disturbed) ? ' (disturbed)' : ''}`,
    );
  }
  console.log(`  ${met} of ${all} met`);
}

function printQueue(
  views: View[],
  results: ViewResult[],
  plans: Plan[],
  memory: { peakRssMB: number; hwmMB: number; ownPeakMB: number; mappedMB: number; startRssMB: number },
  options: QueueOptions,
  seed: ReturnType<typeof seedMeta>,
) {
  const summary = (seed.summary ?? {}) as { open?: number; openByDepartment?: Record<string, number> };
  console.log(
    `\nqueue on ${fmt(seed.reports)} reports, ${fmt(seed.customers)} customers` +
      (summary.open !== undefined ? `, ${fmt(summary.open)} open` : '') +
      ` (seed of ${seed.seededAt}, migrations ${seed.migrations.at(-1) ?? '?'})`,
  );
  console.log('');
  console.log(
    '| view | who | filter | conn. | 2xx/s | p50 ms | p90 ms | p99 ms | max ms | rows | non-2xx / errors / wrong rows | CPU: server main thread / all its threads / load gen. | waited server / load gen. | other CPU |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const ordered = [...results].sort(
    (a, b) =>
      views.findIndex((v) => v.name === a.view) - views.findIndex((v) => v.name === b.view) ||
      b.connections - a.connections,
  );
  for (const r of ordered) {
    if (r.skipped) {
      console.log(
        `| ${r.view} | ${r.who} | ${r.what} | ${r.connections} | – | – | – | – | – | ${r.rows} | ${r.skipped} | | | |`,
      );
      continue;
    }
    console.log(
      `| ${r.view} | ${r.who} | ${r.what} | ${r.connections} | ${fmt(r.okRps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.rows} | ${r.non2xx} / ${r.errors} / ${r.wrongRows} | ${fmt(r.serverMainCpu)} / ${fmt(r.serverCpu)} / ${fmt(r.benchCpu)} % | ${fmt(r.serverWait, 1)} / ${fmt(r.benchWait, 1)} % | ${fmt(r.otherCpu, 1)} %${r.disturbed ? ' ⚠' : ''} |`,
    );
  }
  if (results.some((r) => r.disturbed))
    console.log(`⚠ disturbed: other processes used > ${DISTURBED_OTHER} % of a core meanwhile`);
  console.log(
    `\nserver memory: RSS ${fmt(memory.startRssMB)} MB after start, peak ${fmt(memory.peakRssMB)} MB sampled, VmHWM ${fmt(memory.hwmMB)} MB; ` +
      `of it the database file read through SQLite's memory map ${fmt(memory.mappedMB)} MB, the server's own peak ${fmt(memory.ownPeakMB)} MB`,
  );
  if (plans.length > 0) {
    // The joins are always the same primary-key lookups; the plan of `reports` is what differs.
    const join =
      /^SEARCH (customers|assignee) USING INDEX sqlite_autoindex_\w+ \((customer_number|id)=\?\)( LEFT-JOIN)?$/;
    console.log(
      '\n| view | list query alone ms | other SELECTs ms (n) | plan of the list query (EXPLAIN QUERY PLAN; customers and users joined by key) |',
    );
    console.log('|---|---:|---:|---|');
    for (const p of plans)
      console.log(
        `| ${p.view} | ${fmt(p.sqlMs, 2)} | ${fmt(p.otherSqlMs, 2)} (${p.otherStatements}) | ${p.plan.filter((line) => !join.test(line)).join('; ')} |`,
      );
  }
  const bad = results.filter((r) => r.non2xx + r.errors + r.wrongRows > 0);
  console.log(
    `\ncapacity: ${QUEUE_TARGET.connections} connections in a closed loop (each asks again as soon as it is answered), worst round; ` +
      `p99 ≤ ${QUEUE_TARGET.p99} ms there was the line until the ninth session:`,
  );
  for (const view of views) {
    const runs = results.filter((r) => r.view === view.name && r.connections === QUEUE_TARGET.connections);
    if (runs.length === 0) continue;
    const single = results.filter((r) => r.view === view.name && r.connections === 1 && !r.skipped);
    const alone = single.length > 0 ? `, alone p99 ${Math.max(...single.map((r) => r.p99))} ms` : '';
    const skipped = runs.find((r) => r.skipped);
    if (skipped) {
      console.log(`  ${view.name.padEnd(17)} ${skipped.skipped}${alone}  NOT met`);
      continue;
    }
    const p99 = Math.max(...runs.map((r) => r.p99));
    const rps = Math.min(...runs.map((r) => r.okRps));
    console.log(
      `  ${view.name.padEnd(17)} p99 ${String(p99).padStart(4)} ms, ${fmt(rps).padStart(6)} pages/s${alone}` +
        `  ${p99 <= QUEUE_TARGET.p99 ? 'met' : 'NOT met'}${runs.some((r) => r.disturbed) ? ' (disturbed)' : ''}`,
    );
  }
  if (bad.length > 0)
    console.log(`  ! ${bad.length} run(s) had non-2xx, errors or wrong row counts: not valid`);
  if (options.connections.length === 0) console.log('  (no connection counts given)');
}
