/**
 * The speed benchmark (not a test): filing reports and looking them up by number on SQLite,
 * with 100,000 customers and 200,000 reports in the database. See bench/README.md.
 *
 *   npm run bench                          both scenarios, 2 rounds of 15 s each, 16 connections
 *   npm run bench -- --duration=30 --rounds=2 --scenarios=lookup
 *   npm run bench -- --profile=lookup      also writes a V8 CPU profile of the server
 *   npm run bench -- --scenarios=queue --size=1000k
 *                                          the back-office queue, view by view, on 1,000,000
 *                                          reports (bench/queue.ts): 1 round, 5 s per view at
 *                                          16 and at 1 connection(s)
 *
 * `--size` picks the seed (default 200k, see bench/seed.ts); file and lookup runs use it too.
 * Queue options: `--views=default,q-` (names or prefixes), `--queue-connections=16,1`,
 * `--no-plans` (skip the EXPLAIN QUERY PLAN pass).
 *
 * Every option can also be given as an environment variable: BENCH_DURATION, BENCH_WARMUP,
 * BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_SCENARIOS, BENCH_PROFILE, BENCH_IDEMPOTENCY,
 * BENCH_RESEED, BENCH_BUILD, BENCH_REV, BENCH_QUIET_WAIT, BENCH_RETRIES, BENCH_NICE, BENCH_WORKERS,
 * BENCH_SQL_TIMING, BENCH_SIZE, BENCH_CUSTOMERS, BENCH_VIEWS, BENCH_QUEUE_CONNECTIONS, BENCH_PLANS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import { DISTURBED_WAIT } from './load.js';
import { type QueueRun, runQueue } from './queue.js';
import {
  AGENT_PASSWORD,
  agentUsername,
  BENCH_DESCRIPTION,
  ensureSeed,
  FIRST_CUSTOMER,
  seededReportNumbers,
  seedSize,
} from './seed.js';
import {
  acquireLock,
  buildServer,
  cpuMeter,
  DATA_DIR,
  lastBuild,
  ROOT,
  type RunningServer,
  sampleRss,
  signIn,
  startServer,
  treeMemoryMB,
  waitForQuiet,
} from './server.js';
import { speedCheck } from './speed-check.js';

type Scenario = 'file' | 'lookup' | 'ceiling' | 'queue';
const SCENARIOS: readonly Scenario[] = ['file', 'lookup', 'ceiling', 'queue'];
/** The scenarios of bench/run.ts itself (the queue has its own module). */
type RunScenario = Exclude<Scenario, 'queue'>;

const TARGETS = {
  file: { rps: 2_000, p99: 50 },
  lookup: { rps: 8_000, p99: 10 },
  memoryMB: 250,
} as const;

// ------------------------------------------------------------------------------- options

function option(name: string, fallback: string): string {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'true';
  if (process.argv.includes(`--no-${name}`)) return 'false';
  return process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`] ?? fallback;
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function nonNegative(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
}

const KNOWN = [
  'duration',
  'warmup',
  'connections',
  'rounds',
  'scenarios',
  'profile',
  'idempotency',
  'reseed',
  'build',
  'rev',
  'quiet-wait',
  'retries',
  'nice',
  'workers',
  'sql-timing',
  'size',
  'customers',
  'views',
  'queue-connections',
  'queue-burst',
  'queue-rate',
  'queue-at-once',
  'plans',
  'node-flags',
  'server-env',
];
for (const arg of process.argv.slice(2)) {
  const name = arg.replace(/^--(no-)?/, '').split('=')[0] ?? '';
  if (!arg.startsWith('--') || !KNOWN.includes(name))
    throw new Error(`unknown option ${arg} (known: ${KNOWN.join(', ')})`);
}

const given = (name: string) => option(name, '') !== '';
const options = {
  duration: positive('duration', 15),
  warmup: positive('warmup', 3),
  /** The seed: `200k` (default) or e.g. `1000k` (bench/seed.ts). */
  size: seedSize(
    option('size', '200k'),
    given('customers') ? Math.round(positive('customers', 100_000)) : undefined,
  ),
  /** The queue's views (names or prefixes, bench/queue.ts); empty: all. */
  views: option('views', '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  /** Connection counts each queue view is measured at. */
  queueConnections: option('queue-connections', '16,1')
    .split(',')
    .map((s) => Math.round(Number(s)))
    .filter((n) => Number.isFinite(n) && n > 0),
  /** The queue's EXPLAIN QUERY PLAN pass. */
  plans: option('plans', 'true') !== 'false',
  /** The queue's burst: 16 connections asking a mix of views at once (bench/queue-burst.ts). */
  queueBurst: option('queue-burst', 'false') === 'true',
  /** The queue's steady load: pages a second arriving on their own, per view (0: not run). */
  queueRate: nonNegative('queue-rate', 200),
  /** Times the queue's burst mix is sent at once (0: not run). */
  queueAtOnce: Math.round(nonNegative('queue-at-once', 300)),
  connections: Math.round(positive('connections', 16)),
  rounds: Math.round(positive('rounds', 2)),
  scenarios: option('scenarios', 'file,lookup')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Scenario => (SCENARIOS as readonly string[]).includes(s)),
  profile: option('profile', '')
    .split(',')
    .filter((s) => (SCENARIOS as readonly string[]).includes(s)),
  idempotency: option('idempotency', 'true') !== 'false',
  reseed: option('reseed', 'false') === 'true',
  build: option('build', 'true') !== 'false',
  /** Build the server from this commit (git archive) instead of the working tree. */
  rev: option('rev', ''),
  /** Wait (up to this many seconds) for other processes to use < 15 % of a core before a run. */
  quietWait: nonNegative('quiet-wait', 30),
  /** How often a disturbed run is repeated. */
  retries: Math.round(nonNegative('retries', 2)),
  /**
   * Niceness for the server and the load generator (e.g. -10, needs root): on a machine others
   * are using, puts the benchmark ahead of their work instead of measuring the contention.
   */
  nice: Math.round(Number(option('nice', '0')) || 0),
  /** FOLIO_WORKERS for the server (0 = the server's default). */
  workers: Math.round(nonNegative('workers', 0)),
  /** Time every SQL statement in the server (bench/sql-timing.mjs) and print where it goes. */
  sqlTiming: option('sql-timing', 'false') === 'true',
  /** Extra flags for the server's node, space-separated (e.g. `--node-flags=--max-semi-space-size=8`). */
  nodeFlags: option('node-flags', '').split(' ').filter(Boolean),
  /** Extra environment for the server, `NAME=value` comma-separated (e.g. `--server-env=FOLIO_SQLITE_CACHE_MB=32`). */
  serverEnv: Object.fromEntries(
    option('server-env', '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`--server-env: ${pair} is not NAME=value`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  ) as Record<string, string>,
};
const QUIET_THRESHOLD = 15;
function disturbed(m: Measurement): boolean {
  return m.serverWaitPercent > DISTURBED_WAIT || m.benchWaitPercent > DISTURBED_WAIT;
}
if (options.scenarios.length === 0)
  throw new Error('--scenarios must name file, lookup, ceiling and/or queue');
if (options.scenarios.includes('queue') && options.size.shape !== 'queue')
  throw new Error("--scenarios=queue needs the back office's seed: add --size=1000k (any size but 200k)");

// ------------------------------------------------------------------------------- scenarios

interface Measurement {
  scenario: RunScenario;
  round: number;
  /** autocannon's mean requests per second. */
  rps: number;
  /** Successful (2xx) answers per second: what the targets are judged on. */
  okRps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  serverCpuPercent: number;
  benchCpuPercent: number;
  /** CPU other processes on the machine used during the measured run (percent of one core). */
  otherCpuPercent: number;
  /** Share of the run the server's main thread waited for a core (percent). */
  serverWaitPercent: number;
  /** Share of the run the load generator waited for a core (percent). */
  benchWaitPercent: number;
  /** Other processes' CPU just before the run. */
  otherBeforePercent: number;
  rssPeakMB: number;
  hwmMB: number;
  /** Peak memory less the database file's mapped pages (what the memory target counts). */
  ownPeakMB: number;
  databaseMappedMB: number;
  startRssMB: number;
  note: string;
}

function randomInt(below: number): number {
  return Math.floor(Math.random() * below);
}

function requestsFor(scenario: RunScenario, numbers: string[]): autocannon.Request[] {
  if (scenario === 'lookup' || scenario === 'ceiling') {
    return [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = `/api/v1/reports/${numbers[randomInt(numbers.length)]}`;
          return request;
        },
      },
    ];
  }
  let sent = 0;
  const run = `${process.pid}-${Date.now()}`;
  return [
    {
      method: 'POST',
      path: '/api/v1/reports',
      setupRequest: (request) => {
        sent++;
        request.body = JSON.stringify({
          customerNumber: String(FIRST_CUSTOMER + randomInt(options.size.customers)),
          channel: 'phone',
          type: 'complaint',
          description: `${BENCH_DESCRIPTION} (${sent})`,
        });
        if (options.idempotency) {
          request.headers = { ...request.headers, 'idempotency-key': `bench-${run}-${sent}` };
        }
        return request;
      },
    },
  ];
}

async function load(
  server: RunningServer,
  cookie: string,
  scenario: RunScenario,
  seconds: number,
  numbers: string[],
) {
  return autocannon({
    url: server.url,
    connections: options.connections,
    duration: seconds,
    headers: { cookie, 'content-type': 'application/json' },
    requests: requestsFor(scenario, numbers),
    timeout: 10,
  });
}

/** Where the server's SQLite time went (written by bench/sql-timing.mjs when it exits). */
function printSqlTiming(scenario: RunScenario, file: string, answered: number) {
  if (!fs.existsSync(file)) {
    console.warn(`\n  ! no SQL timing written (${file})`);
    return;
  }
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as { sql: string; calls: number; ms: number }[];
  const kept = path.join(DATA_DIR, `sql-timing-${scenario}.json`);
  fs.copyFileSync(file, kept);
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  console.log(
    `\n  SQL time in ${scenario}: ${fmt((total / answered) * 1000)} µs per answered request ` +
      `(${fmt(rows.reduce((sum, r) => sum + r.calls, 0) / answered, 1)} statements each; full SQL in ${path.relative(ROOT, kept)})`,
  );
  for (const r of rows.slice(0, 12)) {
    const sql = r.sql.replace(/\s+/g, ' ');
    console.log(
      `    ${fmt((r.ms / answered) * 1000).padStart(5)} µs/req  ${fmt((r.ms / r.calls) * 1000).padStart(5)} µs/call  ` +
        `${fmt(r.calls / answered, 2).padStart(5)} calls/req  ${sql.length > 110 ? `${sql.slice(0, 107)}…` : sql}`,
    );
  }
}

/** A fresh copy of the seed per run, so filing runs do not grow the cached seed. */
function freshCopy(scenario: RunScenario): string {
  const dir = fs.mkdtempSync(path.join(DATA_DIR, 'run-'));
  if (scenario !== 'ceiling') fs.copyFileSync(options.size.file, path.join(dir, 'folio.sqlite'));
  return dir;
}

function countReports(dir: string): number {
  const db = new Sqlite(path.join(dir, 'folio.sqlite'), { readonly: true });
  try {
    return Number(db.prepare('select count(*) from reports').pluck().get());
  } finally {
    db.close();
  }
}

async function measure(scenario: RunScenario, round: number, numbers: string[]): Promise<Measurement> {
  const dir = freshCopy(scenario);
  const profileDir = path.join(DATA_DIR, 'profiles');
  const nodeFlags = [
    ...options.nodeFlags,
    ...(options.profile.includes(scenario)
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${scenario}-${Date.now()}.cpuprofile`]
      : []),
  ];
  const sqlTimingFile = path.join(dir, 'sql-timing.json');
  const timeSql = options.sqlTiming && scenario !== 'ceiling';
  if (timeSql) nodeFlags.push('--import', pathToFileURL(path.join(ROOT, 'bench', 'sql-timing.mjs')).href);
  const server = await startServer({
    dataDir: dir,
    nodeFlags,
    nice: options.nice,
    ...(scenario === 'ceiling' ? {} : { workers: options.workers }),
    env: { ...options.serverEnv, ...(timeSql ? { BENCH_SQL_TIMING_FILE: sqlTimingFile } : {}) },
    ...(scenario === 'ceiling'
      ? { script: ['--import', 'tsx', path.join(ROOT, 'bench', 'ceiling-server.ts')] }
      : {}),
  });
  try {
    const startRssMB = treeMemoryMB(server.pid, 'VmRSS');
    const cookie =
      scenario === 'ceiling'
        ? `folio_session=${'x'.repeat(43)}`
        : await signIn(server.url, agentUsername(0), AGENT_PASSWORD);
    const otherBeforePercent =
      options.quietWait > 0 ? await waitForQuiet(server.pid, QUIET_THRESHOLD, options.quietWait * 1000) : 0;
    if (otherBeforePercent >= QUIET_THRESHOLD) {
      console.warn(`  ! the machine is busy: other processes use ${fmt(otherBeforePercent)} % of a core`);
    }

    process.stdout.write(`  ${scenario} round ${round}: warming up ${options.warmup} s… `);
    const warm = await load(server, cookie, scenario, options.warmup, numbers);

    process.stdout.write(`measuring ${options.duration} s… `);
    const sampler = sampleRss(server.pid);
    const meter = cpuMeter(server.pid);
    const result = await load(server, cookie, scenario, options.duration, numbers);
    const cpu = meter.stop();
    const peak = sampler.stop();
    const rssPeakMB = peak.rss;
    const hwmMB = treeMemoryMB(server.pid, 'VmHWM');
    // The server's own memory: RSS less the database file's pages mapped by SQLite (a page cache
    // the machine keeps anyway). VmHWM cannot be split; less the pages mapped at the end (the
    // most there were) it is a lower bound of the same, as the samples are.
    const ownPeakMB = Math.max(peak.own, hwmMB - peak.mapped);
    await server.stop();

    const statusCodes: Record<string, number> = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
      statusCodes[code] = stat.count ?? 0;
    let note = '';
    if (timeSql) printSqlTiming(scenario, sqlTimingFile, warm['2xx'] + result['2xx']);
    if (scenario === 'file') {
      const filed = countReports(dir) - options.size.reports;
      note = `database grew by ${filed} reports (${warm['2xx']} 201s in warm-up + ${result['2xx']} measured + requests in flight at the end)`;
    }
    console.log('done');
    return {
      scenario,
      round,
      rps: result.requests.average,
      okRps: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      requests: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      serverCpuPercent: cpu.server,
      benchCpuPercent: cpu.bench,
      otherCpuPercent: cpu.other,
      serverWaitPercent: cpu.serverWait,
      benchWaitPercent: cpu.benchWait,
      otherBeforePercent,
      rssPeakMB,
      hwmMB,
      ownPeakMB,
      databaseMappedMB: peak.mapped,
      startRssMB,
      note,
    };
  } catch (error) {
    console.error(`\nserver output:\n${server.output()}`);
    throw error;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------- report

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function verdict(ok: boolean) {
  return ok ? 'met' : 'NOT met';
}

/**
 * The machine's speed on a fixed piece of work (bench/speed-check.ts): before the runs, and after
 * the runs each printed block reports (taken again when the queue has run after filing and lookup).
 */
const speed: { before?: number; after?: number } = {};

function machine(): string[] {
  const cpu =
    /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return [
    `nproc ${os.availableParallelism()}, ${cpu}`,
    `speed check ${speed.before} ms before the runs, ${speed.after} ms after (bench/speed-check.ts; lower is faster)`,
    `memory ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free`,
    `node ${process.version}, ${os.type()} ${os.release()}`,
    `date ${new Date().toISOString()}`,
  ];
}

function print(results: Measurement[]) {
  console.log('');
  console.log(
    `| scenario | round | req/s | 2xx/s | p50 ms | p90 ms | p99 ms | max ms | 2xx | non-2xx | errors | CPU server / bench / other | waited for a core | peak RSS (sampled) | VmHWM | database mapped | own peak |`,
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.scenario} | ${r.round} | ${fmt(r.rps)} | ${fmt(r.okRps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${fmt(r.ok)} | ${fmt(r.non2xx)} | ${r.errors} | ${fmt(r.serverCpuPercent)} / ${fmt(r.benchCpuPercent)} / ${fmt(r.otherCpuPercent)} % | ${fmt(r.serverWaitPercent, 1)} / ${fmt(r.benchWaitPercent, 1)} %${disturbed(r) ? ' ⚠' : ''} | ${fmt(r.rssPeakMB)} MB | ${fmt(r.hwmMB)} MB | ${fmt(r.databaseMappedMB)} MB | ${fmt(r.ownPeakMB)} MB |`,
    );
  }
  if (results.some(disturbed)) {
    console.log(
      `⚠ disturbed: the server or the load generator waited for a core > ${DISTURBED_WAIT} % of the time; figures too low`,
    );
  }
  console.log('');
  for (const r of results) {
    const extra = Object.entries(r.statusCodes)
      .map(([code, count]) => `${code}×${count}`)
      .join(', ');
    console.log(
      `${r.scenario} round ${r.round}: status ${extra || '-'}; server RSS at start ${fmt(r.startRssMB)} MB${r.note ? `; ${r.note}` : ''}`,
    );
  }

  console.log('\nverdicts (worst round per scenario):');
  for (const scenario of options.scenarios) {
    if (scenario === 'ceiling' || scenario === 'queue') continue;
    const runs = results.filter((r) => r.scenario === scenario);
    const rps = Math.min(...runs.map((r) => r.okRps));
    const p99 = Math.max(...runs.map((r) => r.p99));
    const bad = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
    const target = TARGETS[scenario];
    console.log(
      `  ${scenario}: ${fmt(rps)} 2xx/s (target ≥ ${fmt(target.rps)}) ${verdict(rps >= target.rps)}; ` +
        `p99 ${p99} ms (target ≤ ${target.p99}) ${verdict(p99 <= target.p99)}; non-2xx/errors ${bad}${bad > 0 ? ' (the run is not valid)' : ''}`,
    );
  }
  const folio = results.filter((r) => r.scenario !== 'ceiling');
  const memory = Math.max(0, ...folio.map((r) => r.ownPeakMB));
  const rss = Math.max(0, ...folio.map((r) => Math.max(r.hwmMB, r.rssPeakMB)));
  const mapped = Math.max(0, ...folio.map((r) => r.databaseMappedMB));
  if (folio.length > 0)
    console.log(
      `  memory: peak ${fmt(memory)} MB of the server's own (target ≤ ${TARGETS.memoryMB}) ${verdict(memory <= TARGETS.memoryMB)}; ` +
        `RSS ${fmt(rss)} MB with the ${fmt(mapped)} MB of the database file SQLite reads through its memory map`,
    );
  console.log(`\nmachine: ${machine().join('; ')}`);
}

// ------------------------------------------------------------------------------- main

async function main() {
  await acquireLock();
  // Runs left behind by a benchmark that was killed (the lock says none is running now).
  for (const entry of fs.readdirSync(DATA_DIR)) {
    if (/^(run|seeding)-/.test(entry))
      fs.rmSync(path.join(DATA_DIR, entry), { recursive: true, force: true });
  }
  if (options.nice) {
    try {
      os.setPriority(options.nice); // the load generator runs in this process
      // With the kernel's autogroup scheduling, niceness only ranks processes within one
      // session; other sessions are weighed by their group's niceness, set here (root only).
      // The group outlives this run (it is the shell's session), so its niceness is put back.
      const autogroup = '/proc/self/autogroup';
      if (fs.existsSync(autogroup)) {
        const before = /nice\s+(-?\d+)/.exec(fs.readFileSync(autogroup, 'utf8'))?.[1] ?? '0';
        fs.writeFileSync(autogroup, String(options.nice));
        process.once('exit', () => {
          try {
            fs.writeFileSync(autogroup, before);
          } catch {
            // nothing to restore
          }
        });
      }
    } catch (error) {
      console.warn(`! cannot set niceness ${options.nice}: ${(error as Error).message}`);
    }
  }
  speed.before = speedCheck();
  const source = options.build ? buildServer(options.rev || undefined) : lastBuild();
  await ensureSeed({ force: options.reseed, size: options.size });
  const runScenarios = options.scenarios.filter((s): s is RunScenario => s !== 'queue');
  const numbers = runScenarios.some((s) => s !== 'file') ? seededReportNumbers(options.size.file) : [];
  if (runScenarios.length > 0)
    console.log(
      `${runScenarios.join(' + ')} on the ${options.size.label} seed: ` +
        `${options.rounds} round(s), ${options.connections} connections, ` +
        `${options.warmup} s warm-up + ${options.duration} s measured each` +
        (options.nice ? `, niceness ${options.nice}` : '') +
        (options.workers ? `, FOLIO_WORKERS=${options.workers}` : '') +
        (options.scenarios.includes('file')
          ? `, Idempotency-Key ${options.idempotency ? 'sent' : 'not sent'}`
          : ''),
    );

  const results: Measurement[] = [];
  for (let round = 1; round <= (runScenarios.length > 0 ? options.rounds : 0); round++) {
    for (const scenario of runScenarios) {
      // A run during which other processes took a lot of CPU is repeated (the best kept).
      let best: Measurement | undefined;
      for (let attempt = 0; attempt <= options.retries; attempt++) {
        const m = await measure(scenario, round, numbers);
        if (!disturbed(m)) {
          best = m;
          break;
        }
        const waited = (x: Measurement) => x.serverWaitPercent + x.benchWaitPercent;
        if (!best || waited(m) < waited(best)) best = m;
        console.warn(
          `  ! disturbed: server waited for a core ${fmt(m.serverWaitPercent, 1)} % of the time, load generator ${fmt(m.benchWaitPercent, 1)} %` +
            (attempt < options.retries ? '; running it again' : ''),
        );
      }
      if (best) results.push(best);
    }
  }
  if (results.length > 0) {
    speed.after = speedCheck();
    print(results);
  }

  let queue: QueueRun | undefined;
  if (options.scenarios.includes('queue')) {
    // A view is a few seconds (not 15) and one round by default: 25 views at 2 connection counts.
    queue = await runQueue({
      size: options.size,
      duration: given('duration') ? options.duration : 5,
      warmup: given('warmup') ? options.warmup : 1,
      connections: options.queueConnections,
      rounds: given('rounds') ? options.rounds : 1,
      nice: options.nice,
      workers: options.workers,
      quietWait: options.quietWait,
      retries: options.retries,
      views: options.views,
      plans: options.plans,
      burst: options.queueBurst,
      steadyRate: options.queueRate,
      atOnceRounds: options.queueAtOnce,
      serverEnv: options.serverEnv,
      nodeFlags: [
        ...options.nodeFlags,
        ...(options.profile.includes('queue')
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${path.join(DATA_DIR, 'profiles')}`,
              `--cpu-prof-name=queue-${Date.now()}.cpuprofile`,
            ]
          : []),
      ],
    });
    speed.after = speedCheck();
    console.log(`\nmachine: ${machine().join('; ')}`);
  }
  console.log(`server: ${source}`);

  const file = path.join(DATA_DIR, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ options, source, machine: machine(), results, ...(queue ? { queue } : {}) }, null, 2)}\n`,
  );
  console.log(`results: ${path.relative(ROOT, file)}`);
  if (options.profile.length > 0)
    console.log(`CPU profiles: ${path.relative(ROOT, path.join(DATA_DIR, 'profiles'))}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
