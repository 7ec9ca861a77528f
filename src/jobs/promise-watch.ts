import type { Kysely } from 'kysely';
import type { ReportStatus } from '../core/report.js';
import { type NewEvent, ReportsRepository } from '../db/repositories/reports.js';
import type { Database } from '../db/schema.js';
import type { ServiceContext } from '../services/context.js';
import { loadPromiseSettings } from '../services/promise-settings.js';
import { pruneRateLimits } from '../services/rate-limit.js';
import { transitionReport } from '../services/transition-report.js';

/** Statuses in which the promise clock runs (waiting on the customer stops it). */
const CLOCK_RUNNING: ReportStatus[] = ['new', 'assigned', 'in_progress'];
const BATCH = 500;

export interface WatchResult {
  atRisk: string[];
  breached: string[];
  closed: string[];
}

/**
 * Marks one report, once. The conditional UPDATE is the lock: with several server processes
 * on one PostgreSQL, the second process to reach a report finds it already marked (its
 * UPDATE waits for the first to commit, then matches no row) and adds no event.
 */
async function mark(
  db: Kysely<Database>,
  number: string,
  from: string[],
  to: 'at_risk' | 'breached',
  nowIso: string,
  event: NewEvent,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('reports')
      .set({ promise_state: to })
      .where('number', '=', number)
      .where('promise_state', 'in', from)
      .where('status', 'in', CLOCK_RUNNING)
      .where(to === 'breached' ? 'due_at' : 'at_risk_at', to === 'breached' ? '<' : '<=', nowIso)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await new ReportsRepository(trx).record(number, event);
    return true;
  });
}

/**
 * Open reports with a running clock whose at-risk or due time has come, soonest first. Served
 * by the status-first indexes of migration 008 (promise-watch.test.ts checks the plan).
 */
export function watchCandidates(
  db: Kysely<Database>,
  state: string[],
  column: 'due_at' | 'at_risk_at',
  nowIso: string,
) {
  return db
    .selectFrom('reports')
    .select(['number', 'due_at'])
    .where('promise_state', 'in', state)
    .where(column, column === 'due_at' ? '<' : '<=', nowIso)
    .where('status', 'in', CLOCK_RUNNING)
    .orderBy(column)
    .limit(BATCH);
}

/**
 * One pass of the promise watch: reports whose promise is 80 % used become `at_risk`, those
 * past their promise become `breached` (each with one timeline event), and resolved reports
 * left alone long enough close themselves.
 */
export async function watchPromises(ctx: ServiceContext): Promise<WatchResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const result: WatchResult = { atRisk: [], breached: [], closed: [] };

  for (const row of await watchCandidates(ctx.db, ['on_track', 'at_risk'], 'due_at', nowIso).execute()) {
    const data = { dueAt: row.due_at instanceof Date ? row.due_at.toISOString() : row.due_at };
    if (
      await mark(ctx.db, row.number, ['on_track', 'at_risk'], 'breached', nowIso, {
        kind: 'promise_breached',
        actorId: null,
        at: now,
        data,
      })
    ) {
      result.breached.push(row.number);
    }
  }
  for (const row of await watchCandidates(ctx.db, ['on_track'], 'at_risk_at', nowIso).execute()) {
    const data = { dueAt: row.due_at instanceof Date ? row.due_at.toISOString() : row.due_at };
    if (
      await mark(ctx.db, row.number, ['on_track'], 'at_risk', nowIso, {
        kind: 'promise_at_risk',
        actorId: null,
        at: now,
        data,
      })
    ) {
      result.atRisk.push(row.number);
    }
  }

  const { workflow } = await loadPromiseSettings(ctx.db);
  const closeBefore = new Date(now.getTime() - workflow.autoCloseAfterDays * 86_400_000).toISOString();
  const resolved = await ctx.db
    .selectFrom('reports')
    .select('number')
    .where('status', '=', 'resolved')
    .where('resolved_at', '<=', closeBefore)
    .limit(BATCH)
    .execute();
  for (const { number } of resolved) {
    try {
      await transitionReport(ctx, null, number, {
        to: 'closed',
        reason: 'Cierre automático sin reapertura.',
      });
      result.closed.push(number);
    } catch {
      // Another process closed or reopened it meanwhile; the next pass sees the new state.
    }
  }
  await pruneRateLimits(ctx.db, now);
  return result;
}

/** Runs the watch at start and then every `intervalMs`, in the server process. */
export function startPromiseWatch(
  ctx: ServiceContext,
  log: { error(obj: unknown, msg: string): void },
  intervalMs = 60_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = watchPromises(ctx).catch((error) => log.error({ err: error }, 'promise watch failed'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
