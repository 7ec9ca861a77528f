/**
 * The queue's burst: 16 connections at once, each asking one view, as a shift starting would
 * (`npm run bench -- --scenarios=queue --size=1000k --queue-burst`). The per-view runs ask one
 * view from all 16 connections, which is the worst case for a slow view (16 people running the
 * same search over two years of reports in the same second); here the slow searches are a few
 * of the 16, beside the queue pages that staff keep open, and the question is what everyone
 * waits, the searchers included.
 */
import { loadPath, type PageFigures } from './load.js';
import { cpuMeter, type RunningServer } from './server.js';

/**
 * Who asks what in the burst: the views by name (bench/queue.ts) and how many connections ask
 * each. 16 in all, the target's count; three of them free-text searches over every status.
 */
export const BURST_MIX: readonly { view: string; connections: number }[] = [
  { view: 'default', connections: 3 },
  { view: 'assignee-me', connections: 2 },
  { view: 'q-name', connections: 1 },
  { view: 'newest', connections: 1 },
  { view: 'sup-all', connections: 1 },
  { view: 'sup-at-risk', connections: 1 },
  { view: 'tec-faults', connections: 3 },
  { view: 'agent-all', connections: 1 },
  // Searches over every status, one person each.
  { view: 'agent-q-history', connections: 1 },
  { view: 'all-q-rare', connections: 1 },
  { view: 'sup-every-q-word', connections: 1 },
];

export interface BurstResult extends PageFigures {
  view: string;
  connections: number;
  okRps: number;
}

export interface Burst {
  views: BurstResult[];
  serverWait: number;
  benchWait: number;
  otherCpu: number;
  disturbed: boolean;
}

/** Every view of the mix at once, each with its own connections, for `seconds`. */
export async function measureBurst(
  server: RunningServer,
  asks: readonly { view: string; connections: number; cookie: string; path: string; rows: number }[],
  seconds: number,
): Promise<Omit<Burst, 'disturbed'>> {
  const meter = cpuMeter(server.pid);
  const runs = await Promise.all(
    asks.map(async (ask) => {
      const { result, wrongRows } = await loadPath(server, ask, seconds, false);
      return {
        view: ask.view,
        connections: ask.connections,
        okRps: result['2xx'] / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        wrongRows,
      } satisfies BurstResult;
    }),
  );
  const cpu = meter.stop();
  // Requests still running in the server would slow what comes next: /health answers after them.
  await fetch(`${server.url}/health`);
  return { views: runs, serverWait: cpu.serverWait, benchWait: cpu.benchWait, otherCpu: cpu.other };
}
