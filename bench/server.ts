import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The Folio server as the benchmark runs it: the compiled server (not tsx), a child process on
 * 127.0.0.1, NODE_ENV=production so no demo data loads, logs at warn so logging does not
 * dominate what is measured.
 */

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DATA_DIR = path.join(ROOT, 'bench', '.data');
/** Compiled into bench/.data so the benchmark does not overwrite a dist/ someone else is using. */
export const BUILD_DIR = path.join(DATA_DIR, 'dist', 'server');
export const SERVER_MAIN = path.join(BUILD_DIR, 'main.js');
export const ADMIN_PASSWORD = 'bench-admin-password-2026';

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Compiles the server with tsconfig.server.json, from the working tree or (with `rev`) from a
 * commit exported with `git archive`, so a run is not disturbed by half-done edits in src/.
 * Type errors are reported but do not stop the benchmark as long as tsc emitted the server.
 * Returns what was built, for the record.
 */
export function buildServer(rev?: string): string {
  const started = Date.now();
  let projectDir = ROOT;
  let source: string;
  if (rev) {
    const sha = git(['rev-parse', '--verify', `${rev}^{commit}`]);
    projectDir = path.join(DATA_DIR, `src-${sha.slice(0, 12)}`);
    if (!fs.existsSync(path.join(projectDir, 'tsconfig.server.json'))) {
      fs.mkdirSync(projectDir, { recursive: true });
      const tar = path.join(projectDir, 'source.tar');
      git([
        'archive',
        '--format=tar',
        `--output=${tar}`,
        sha,
        'src',
        'tsconfig.json',
        'tsconfig.server.json',
      ]);
      const untar = spawnSync('tar', ['-xf', tar, '-C', projectDir], { encoding: 'utf8' });
      if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
      fs.rmSync(tar);
    }
    source = `commit ${sha.slice(0, 12)} (${git(['log', '-1', '--format=%s', sha])})`;
  } else {
    source = `working tree at ${git(['describe', '--always', '--dirty'])}`;
  }
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(projectDir, 'tsconfig.server.json'), '--outDir', BUILD_DIR],
    { cwd: projectDir, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim();
    if (!fs.existsSync(SERVER_MAIN)) throw new Error(`tsc failed and emitted no server:\n${output}`);
    console.warn(`! tsc reported errors (the emitted server is benchmarked anyway):\n${indent(output)}`);
  }
  console.log(`built the server from the ${source} in ${Date.now() - started} ms`);
  fs.writeFileSync(BUILD_NOTE, `${source}, built ${new Date().toISOString()}\n`);
  return source;
}

const BUILD_NOTE = path.join(DATA_DIR, 'dist', 'BUILD.txt');

/** What the last build was made from (for `--no-build`). */
export function lastBuild(): string {
  if (!fs.existsSync(SERVER_MAIN)) throw new Error('no server built yet: run without --no-build');
  return fs.existsSync(BUILD_NOTE)
    ? `${fs.readFileSync(BUILD_NOTE, 'utf8').trim()} (reused)`
    : 'an earlier build';
}

/** The migration names the built server carries (read from its compiled migration list). */
export function builtMigrations(): string[] {
  const index = path.join(BUILD_DIR, 'db', 'migrations', 'index.js');
  const text = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : '';
  return [...text.matchAll(/['"](\d{3}_[\w-]+)['"]\s*:/g)].map((m) => m[1] as string).sort();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  pid: number;
  port: number;
  url: string;
  child: ChildProcess;
  /** stderr/stdout tail, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killAll() {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export interface StartOptions {
  dataDir: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** What node runs instead of the built Folio server (with its arguments). */
  script?: string[];
  /** Niceness for the server (all its threads), e.g. -10 to go ahead of other work; 0 = as is. */
  nice?: number;
  /** FOLIO_WORKERS: server processes sharing the port. */
  workers?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = [...(options.nodeFlags ?? []), ...(options.script ?? [SERVER_MAIN])];
  // `nice` execs node, so the pid stays the server's.
  const [command, args] = options.nice
    ? ['nice', ['-n', String(options.nice), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      FOLIO_DATA_DIR: options.dataDir,
      FOLIO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      FOLIO_LOG_LEVEL: 'warn',
      ...(options.workers ? { FOLIO_WORKERS: String(options.workers) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /health in time:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error('server has no pid');

  return {
    pid: child.pid,
    port,
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

/** `pid` and all its descendants (the server's cluster workers, with FOLIO_WORKERS > 1). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** A field of /proc/<pid>/status in MB of 10^6 bytes (VmRSS = now, VmHWM = peak since start). */
export function procMemoryMB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match?.[1] === undefined ? undefined : (Number(match[1]) * 1024) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Memory of the server and its workers together. For VmHWM the per-process peaks are added:
 * exact with one process, an upper bound with several (they need not peak at once).
 */
export function treeMemoryMB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return processTree(pid).reduce((sum, p) => sum + (procMemoryMB(p, field) ?? 0), 0);
}

/**
 * The process tree's resident memory from /proc/<pid>/smaps, in MB, in one reading: all of it,
 * and the pages of the database file that SQLite reads through its memory map
 * (FOLIO_SQLITE_MMAP_MB): the mappings of a `*.sqlite` file (not its `-shm` index, which was
 * always counted). Those pages are the page cache's, held by the machine with or without the
 * map, but they count in RSS. Both from the same reading, so that the difference is never a
 * moment's RSS less another moment's mapping.
 */
export function smapsMemoryMB(pid: number): { rss: number; database: number } {
  let rssKb = 0;
  let databaseKb = 0;
  for (const p of processTree(pid)) {
    let smaps: string;
    try {
      smaps = fs.readFileSync(`/proc/${p}/smaps`, 'utf8');
    } catch {
      continue;
    }
    let inDatabase = false;
    for (const line of smaps.split('\n')) {
      if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inDatabase = line.endsWith('.sqlite');
      else if (line.startsWith('Rss:')) {
        const kB = Number(/(\d+)/.exec(line)?.[1] ?? 0);
        rssKb += kB;
        if (inDatabase) databaseKb += kB;
      }
    }
  }
  return { rss: (rssKb * 1024) / 1e6, database: (databaseKb * 1024) / 1e6 };
}

export interface RssPeak {
  /** The highest VmRSS sampled. */
  rss: number;
  /** The highest resident memory less the database file's mapped pages (`smapsMemoryMB`), sampled. */
  own: number;
  /** The database file's mapped pages at the end. */
  mapped: number;
}

/** Samples the tree's memory every `everyMs` until stopped. */
export function sampleRss(pid: number, everyMs = 200): { stop(): RssPeak } {
  const peak: RssPeak = { rss: 0, own: 0, mapped: 0 };
  const sample = () => {
    const rss = treeMemoryMB(pid, 'VmRSS');
    const smaps = smapsMemoryMB(pid);
    // A reading of smaps that failed (the server stopping) says nothing.
    if (smaps.rss === 0) return;
    peak.mapped = smaps.database;
    peak.rss = Math.max(peak.rss, rss);
    peak.own = Math.max(peak.own, smaps.rss - smaps.database);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** Signs in and returns the `cookie` header value for the session. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('folio_session='));
  if (!setCookie) throw new Error('sign-in answered without a folio_session cookie');
  return setCookie.split(';')[0] as string;
}

/**
 * CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat; with `thread`,
 * that one thread's (/proc/<pid>/task/<thread>/stat; a process's main thread has its pid).
 */
export function procCpuSeconds(pid: number, thread?: number): number | undefined {
  try {
    const stat = fs.readFileSync(
      thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
      'utf8',
    );
    // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Busy and total CPU time of the whole machine so far (seconds, all cores), from /proc/stat.
 * Interrupt time (irq, softirq) is left out of busy: here it is the loopback traffic between the
 * load generator and the server, which the kernel does not charge to either process. At one
 * connection it was 12–20 % of a core, and flagged every such run as disturbed by others.
 */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // user nice system idle iowait irq softirq steal …
  const notOthers = (ticks[3] ?? 0) + (ticks[4] ?? 0) + (ticks[5] ?? 0) + (ticks[6] ?? 0);
  return { busy: (total - notOthers) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/**
 * Seconds the process's main thread has spent runnable but waiting for a core (second field of
 * /proc/<pid>/schedstat): the direct measure of being slowed down by other work.
 */
export function runQueueWaitSeconds(pid: number | 'self'): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    return Number(fields[1] ?? 0) / 1e9;
  } catch {
    return 0;
  }
}

export interface CpuShares {
  /** Percent of one core over the interval. */
  server: number;
  /**
   * The server's main thread(s) alone: HTTP, the sessions, building the queries, the writes. At
   * 100 % it is the limit, whatever the read threads, the collectors and the load generator use.
   */
  serverMain: number;
  bench: number;
  /** Everything else on the machine (other people's builds, browsers, …). */
  other: number;
  /** Percent of the interval the server's main thread(s) waited for a core. */
  serverWait: number;
  /** Percent of the interval the load generator waited for a core. */
  benchWait: number;
}

/** What one of the server's processes has used so far (seconds). */
interface ProcessTimes {
  cpu: number;
  /** Its main thread's CPU (the thread whose id is the process's). */
  mainCpu: number;
  /** Runnable but waiting for a core (its main thread: `runQueueWaitSeconds`). */
  wait: number;
}

/** Each process of the server's tree now. */
function serverTimes(pid: number): Map<number, ProcessTimes> {
  return new Map(
    processTree(pid).map((p) => [
      p,
      { cpu: procCpuSeconds(p) ?? 0, mainCpu: procCpuSeconds(p, p) ?? 0, wait: runQueueWaitSeconds(p) },
    ]),
  );
}

/** Starts measuring CPU use of the server, of this process and of everything else. */
export function cpuMeter(pid: number): { stop(): CpuShares } {
  const started = performance.now();
  const machine0 = machineCpuSeconds();
  const own0 = process.cpuUsage();
  const server0 = serverTimes(pid);
  const benchWait0 = runQueueWaitSeconds('self');
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const machine = machineCpuSeconds().busy - machine0.busy;
      const ownUsage = process.cpuUsage(own0);
      const own = (ownUsage.user + ownUsage.system) / 1e6;
      // Each process's use since the start (a process started meanwhile: all of its use).
      const server1 = serverTimes(pid);
      const used = (field: keyof ProcessTimes) =>
        [...server1].reduce((sum, [p, now]) => sum + now[field] - (server0.get(p)?.[field] ?? 0), 0);
      const server = used('cpu');
      const percent = (x: number) => (x / seconds) * 100;
      return {
        server: percent(server),
        serverMain: percent(used('mainCpu')),
        bench: percent(own),
        other: percent(Math.max(0, machine - own - server)),
        serverWait: percent(used('wait')),
        benchWait: percent(runQueueWaitSeconds('self') - benchWait0),
      };
    },
  };
}

/**
 * Waits (up to `maxMs`) until the rest of the machine uses less than `threshold` percent of a
 * core over two seconds, so the figures are not someone else's build. Returns the last reading.
 */
export async function waitForQuiet(pid: number, threshold: number, maxMs: number): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const meter = cpuMeter(pid);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { other } = meter.stop();
    if (other < threshold || Date.now() >= deadline) return other;
  }
}

const LOCK_FILE = path.join(DATA_DIR, 'bench.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One benchmark at a time: two would share the build, the seed and the two cores, and both
 * measure nonsense. A second run waits (up to `maxMs`) for the first to finish.
 */
export async function acquireLock(maxMs = 20 * 60_000): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const deadline = Date.now() + maxMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        try {
          if (fs.readFileSync(LOCK_FILE, 'utf8') === String(process.pid)) fs.rmSync(LOCK_FILE);
        } catch {
          // already gone
        }
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text = '';
    try {
      text = fs.readFileSync(LOCK_FILE, 'utf8').trim();
    } catch {
      continue; // released meanwhile
    }
    if (text === '') {
      // Created but not written yet by the other run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const holder = Number(text);
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      fs.rmSync(LOCK_FILE, { force: true }); // left by a run that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another benchmark (pid ${holder}) is still running`);
    if (!told) console.log(`another benchmark (pid ${holder}) is running; waiting for it to finish…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
