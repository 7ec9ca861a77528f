/**
 * The two loads the queue's target is about (bench/README.md, "The target, and why"), beside
 * autocannon's closed loop (bench/load.ts), which keeps N requests in the server at every moment
 * and so measures how many pages a second the machine can give (its capacity), not what a user
 * waits under the load the back office makes:
 *
 * - **steady**: requests arriving on their own at a given rate (Poisson arrivals, an open loop):
 *   each is sent when it is due whatever the answers before it, so a slow answer cannot hold
 *   back the requests behind it (no coordinated omission: the keep-alive agent opens a connection
 *   for each request while the others are busy). Each is timed from when it was sent. Not from
 *   when it was due: the load generator shares the two cores with the server, which runs ahead
 *   of it (`--nice`), and was sent up to 16–23 ms late now and then (measured in the ninth
 *   session): that wait is this machine's, not one a client elsewhere has. How late is shown;
 * - **at once**: N requests sent in the same instant, as when a shift starts or a bulk assignment
 *   refreshes every open queue, then a pause; repeated, each request timed from the instant.
 *
 * Plain node:http with a keep-alive agent: a request costs the load generator ~0.1 ms, little
 * beside the server's page.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { countRows, type PageFigures } from './load.js';
import { cpuMeter, type RunningServer } from './server.js';

export interface Ask {
  cookie: string;
  path: string;
  /** Rows each answer must have. */
  rows: number;
}

export interface ArrivalsResult extends PageFigures {
  requests: number;
  /**
   * The most a request was sent after it was due (ms; steady only): the load generator's own
   * waits (its collector, a core taken by the server), not counted in the pages' times.
   */
  lateSend: number;
  /** The server's CPU meanwhile, % of one core. */
  serverCpu: number;
  otherCpu: number;
}

interface Answer {
  ms: number;
  status: number;
  wrongRows: boolean;
}

/** One request; `since` is the start of its time (performance.now()). */
function request(agent: http.Agent, server: RunningServer, ask: Ask, since: number): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.get(`${server.url}${ask.path}`, { agent, headers: { cookie: ask.cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve({
          ms: performance.now() - since,
          status,
          wrongRows: status === 200 && countRows(Buffer.concat(chunks).toString('utf8')) !== ask.rows,
        });
      });
      res.on('error', () => resolve({ ms: performance.now() - since, status: 0, wrongRows: false }));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve({ ms: performance.now() - since, status: 0, wrongRows: false }));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summary(answers: readonly Answer[]): Omit<ArrivalsResult, 'serverCpu' | 'otherCpu' | 'lateSend'> {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    requests: answers.length,
    p50: Math.round(percentile(ms, 50)),
    p99: Math.round(percentile(ms, 99)),
    max: Math.round(ms.at(-1) ?? Number.NaN),
    non2xx: answers.filter((a) => a.status !== 0 && a.status !== 200).length,
    errors: answers.filter((a) => a.status === 0).length,
    wrongRows: answers.filter((a) => a.wrongRows).length,
  };
}

/**
 * `rate` requests a second for `seconds`, arriving at random (exponential gaps), each asking the
 * next of `asks` in turn. The answers of the first `warmup` seconds are not counted.
 */
export async function measureSteady(
  server: RunningServer,
  asks: readonly Ask[],
  rate: number,
  seconds: number,
  warmup: number,
): Promise<ArrivalsResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  try {
    const start = performance.now();
    const measureFrom = start + warmup * 1000;
    const end = measureFrom + seconds * 1000;
    const pending: Promise<Answer>[] = [];
    const counted: Promise<Answer>[] = [];
    let due = start;
    let n = 0;
    let meter: ReturnType<typeof cpuMeter> | undefined;
    let lateSend = 0;
    while (due < end) {
      const now = performance.now();
      if (due > now) {
        await sleep(due - now);
        continue;
      }
      const answer = request(agent, server, asks[n++ % asks.length] as Ask, now);
      pending.push(answer);
      if (due >= measureFrom) {
        meter ??= cpuMeter(server.pid);
        lateSend = Math.max(lateSend, now - due);
        counted.push(answer);
      }
      due += (-Math.log(1 - Math.random()) / rate) * 1000;
    }
    const answers = await Promise.all(counted);
    const cpu = meter?.stop();
    await Promise.all(pending);
    return {
      ...summary(answers),
      lateSend: Math.round(lateSend),
      serverCpu: cpu?.server ?? Number.NaN,
      otherCpu: cpu?.other ?? 0,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Every one of `asks` sent in the same instant, `times` times, `pauseMs` apart (after the last
 * answer of each). The rounds of the first `warmup` seconds (at least three) are not counted:
 * they open the connections, as the staff's browsers keep theirs, and warm the server's code.
 */
export async function measureAtOnce(
  server: RunningServer,
  asks: readonly Ask[],
  times: number,
  pauseMs: number,
  warmup: number,
): Promise<ArrivalsResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: asks.length });
  const round = async () => {
    const since = performance.now();
    const answers = await Promise.all(asks.map((ask) => request(agent, server, ask, since)));
    await sleep(pauseMs);
    return answers;
  };
  try {
    const warmUntil = performance.now() + warmup * 1000;
    for (let n = 0; n < 3 || performance.now() < warmUntil; n++) await round();
    const meter = cpuMeter(server.pid);
    const answers: Answer[] = [];
    for (let n = 0; n < times; n++) answers.push(...(await round()));
    const cpu = meter.stop();
    return { ...summary(answers), lateSend: 0, serverCpu: cpu.server, otherCpu: cpu.other };
  } finally {
    agent.destroy();
  }
}
