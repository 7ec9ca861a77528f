/**
 * Loading the queue with autocannon, shared by the per-view runs (bench/queue.ts) and the burst
 * (bench/queue-burst.ts): one path at a time, counting the rows of each answer, and the rule for
 * a run disturbed by other processes.
 */
import autocannon from 'autocannon';
import type { RunningServer } from './server.js';

/**
 * A measured run is disturbed when processes other than the server and the load generator used
 * more than this share of one core meanwhile (%). (Until the queue had read threads it was
 * their wait for a core, > 5 %: now the server's own threads and the load generator take both
 * cores and wait for each other in every run, which says nothing of other work; the waits are
 * still shown.)
 */
export const DISTURBED_OTHER = 10;

/**
 * For the filing and lookup runs (bench/run.ts), whose server works on one thread: disturbed
 * when it (or the load generator) spent more than this share of the time runnable but waiting
 * for a core taken by other work on the machine (%).
 */
export const DISTURBED_WAIT = 5;

/** What a load measured of its pages (ms), and the answers that were not right. */
export interface PageFigures {
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** 200s whose row count was not the expected one. */
  wrongRows: number;
}

/** `"displayNumber"` appears once per row of an answer (and nowhere else). */
export function countRows(body: string): number {
  let n = 0;
  for (let i = body.indexOf('"displayNumber"'); i !== -1; i = body.indexOf('"displayNumber"', i + 1)) n++;
  return n;
}

/**
 * `connections` asking `pathAndQuery` for `seconds`; `wrongRows` counts the 200s whose row
 * count is not `rows`. Unless `settle` is false, waits for the server to finish the requests
 * still in flight (an answer to /health comes after them: one JavaScript thread), so they do
 * not slow the next run.
 */
export async function loadPath(
  server: RunningServer,
  ask: { cookie: string; path: string; rows: number; connections: number },
  seconds: number,
  settle = true,
) {
  let wrongRows = 0;
  const result = await autocannon({
    url: server.url,
    connections: ask.connections,
    duration: seconds,
    headers: { cookie: ask.cookie },
    requests: [
      {
        method: 'GET',
        path: ask.path,
        onResponse: (status, body) => {
          if (status === 200 && countRows(body) !== ask.rows) wrongRows++;
        },
      },
    ],
    timeout: 30,
  });
  if (settle) await fetch(`${server.url}/health`);
  return { result, wrongRows };
}

/**
 * A measurement repeated while other processes took a core (up to `retries` times more), and
 * of those the least disturbed. `measure` gets the attempt's number.
 */
export async function leastDisturbed<T extends { otherCpu: number }>(
  retries: number,
  measure: (attempt: number) => Promise<T>,
): Promise<T & { disturbed: boolean }> {
  let best: (T & { disturbed: boolean }) | undefined;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const measured = await measure(attempt);
    const run = {
      ...measured,
      disturbed: measured.otherCpu > DISTURBED_OTHER,
    };
    if (!best || (best.disturbed && run.otherCpu < best.otherCpu)) best = run;
    if (!run.disturbed) break;
    process.stdout.write('⚠ ');
  }
  return best as T & { disturbed: boolean };
}
