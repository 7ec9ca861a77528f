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
  return source;
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
  timeoutMs?: number;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), ...(options.script ?? [SERVER_MAIN])],
    {
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
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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

/** Samples VmRSS every `everyMs` until stopped; returns the highest sample. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = procMemoryMB(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, procMemoryMB(pid, 'VmRSS') ?? 0);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, procMemoryMB(pid, 'VmRSS') ?? 0);
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

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine so far (seconds, all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

export interface CpuShares {
  /** Percent of one core over the interval. */
  server: number;
  bench: number;
  /** Everything else on the machine (other people's builds, browsers, …). */
  other: number;
}

/** Starts measuring CPU use of the server, of this process and of everything else. */
export function cpuMeter(pid: number): { stop(): CpuShares } {
  const started = performance.now();
  const machine0 = machineCpuSeconds();
  const own0 = process.cpuUsage();
  const server0 = procCpuSeconds(pid) ?? 0;
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const machine = machineCpuSeconds().busy - machine0.busy;
      const ownUsage = process.cpuUsage(own0);
      const own = (ownUsage.user + ownUsage.system) / 1e6;
      const server = (procCpuSeconds(pid) ?? 0) - server0;
      const percent = (x: number) => (x / seconds) * 100;
      return {
        server: percent(server),
        bench: percent(own),
        other: percent(Math.max(0, machine - own - server)),
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
