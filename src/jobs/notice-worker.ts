import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { MAX_NOTICE_ATTEMPTS, maskRecipient, type NoticeChannel, retryDelayMs } from '../core/notices.js';
import { type Notice, OutboxRepository } from '../db/repositories/outbox.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { Database } from '../db/schema.js';
import type { ServiceContext } from '../services/context.js';
import type { Senders } from './senders.js';

/** How long a worker holds a notice it took; past that another worker may take it. */
export const CLAIM_MS = 2 * 60_000;

export interface DeliveryOptions {
  /** Names this worker in the claims it takes; unique per process. */
  workerId: string;
  /** At most this many notices in one pass. */
  batch?: number;
}

export interface Undelivered {
  id: string;
  reportNumber: string;
  channel: NoticeChannel;
  error: string;
}

/** The notices of one pass, by id. */
export interface DeliveryResult {
  sent: string[];
  /** Not delivered this time; tried again later. */
  retrying: Undelivered[];
  /** Out of tries: given up for good. */
  failed: Undelivered[];
}

type Outcome = { sent: true } | { sent: false; error: string; retryAt: Date | null };

function channelsOf(senders: Senders): NoticeChannel[] {
  return (['email', 'sms'] as const).filter((channel) => senders[channel] !== undefined);
}

async function send(senders: Senders, notice: Notice): Promise<void> {
  if (notice.channel === 'email') {
    if (!senders.email) throw new Error('e-mail is switched off');
    await senders.email(notice.recipient, notice.subject ?? '', notice.body);
  } else {
    if (!senders.sms) throw new Error('SMS is switched off');
    await senders.sms(notice.recipient, notice.body);
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500) || 'unknown error';
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Records how a notice ended, in one transaction with the line on the report's timeline. The
 * report's row is held first, as every writer of the timeline does, so the line takes the
 * next `seq` in turn. Should a writer that does not hold the row take that `seq` first
 * (PostgreSQL answers with a unique violation), the whole transaction runs again and reads
 * the new last one.
 */
async function settle(
  db: Kysely<Database>,
  notice: Notice,
  workerId: string,
  attempts: number,
  outcome: Outcome,
  at: Date,
): Promise<boolean> {
  const run = () =>
    db.transaction().execute(async (trx) => {
      const outbox = new OutboxRepository(trx);
      const newsworthy = outcome.sent || outcome.retryAt === null;
      if (newsworthy) await outbox.holdReport(notice.reportNumber);
      const marked = outcome.sent
        ? await outbox.markSent(notice.id, workerId, at)
        : await outbox.markUndelivered(notice.id, workerId, outcome.error, outcome.retryAt);
      // A retry is not news for the timeline; only delivery or giving up is.
      if (!marked || !newsworthy) return marked;
      await new ReportsRepository(trx).record(notice.reportNumber, {
        kind: outcome.sent ? 'notice_sent' : 'notice_failed',
        actorId: null,
        at,
        data: {
          channel: notice.channel,
          noticeKind: notice.kind,
          recipient: maskRecipient(notice.channel, notice.recipient),
          attempts,
        },
      });
      return true;
    });
  for (let tries = 1; ; tries++) {
    try {
      return await run();
    } catch (error) {
      if (tries >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * One pass of the notice worker: takes the notices that are due, one at a time with a
 * conditional UPDATE (of two processes racing for a notice only one gets it, so each is sent
 * once), sends it, and records the result: sent, tried again after a growing pause (30 s
 * doubling up to an hour), or failed after MAX_NOTICE_ATTEMPTS. Only channels with a sender
 * are taken; the rest wait in the outbox.
 *
 * A worker that dies between sending and recording leaves its notice claimed; once the claim
 * runs out another worker sends it again. That is the one case of a notice sent twice, and
 * the price of never losing one.
 */
export async function deliverDueNotices(
  ctx: ServiceContext,
  senders: Senders,
  { workerId, batch = 20 }: DeliveryOptions,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: [], retrying: [], failed: [] };
  const outbox = new OutboxRepository(ctx.db);
  const due = await outbox.due(channelsOf(senders), ctx.now(), batch);
  for (const notice of due) {
    const claimedAt = ctx.now();
    const attempts = await outbox.claim(
      notice.id,
      workerId,
      claimedAt,
      new Date(claimedAt.getTime() + CLAIM_MS),
    );
    if (attempts === null) continue;
    let outcome: Outcome;
    try {
      await send(senders, notice);
      outcome = { sent: true };
    } catch (error) {
      const retryAt =
        attempts >= MAX_NOTICE_ATTEMPTS ? null : new Date(ctx.now().getTime() + retryDelayMs(attempts));
      outcome = { sent: false, error: errorText(error), retryAt };
    }
    if (!(await settle(ctx.db, notice, workerId, attempts, outcome, ctx.now()))) continue;
    if (outcome.sent) {
      result.sent.push(notice.id);
    } else {
      const undelivered = {
        id: notice.id,
        reportNumber: notice.reportNumber,
        channel: notice.channel,
        error: outcome.error,
      };
      (outcome.retryAt ? result.retrying : result.failed).push(undelivered);
    }
  }
  return result;
}

export interface NoticeWorkerLog {
  error(obj: unknown, msg: string): void;
  warn?(obj: unknown, msg: string): void;
}

/**
 * Runs the worker at start and then every `intervalMs`, in the server process and apart
 * from any request: a mail server that is down only shows in the log and in the outbox.
 */
export function startNoticeWorker(
  ctx: ServiceContext,
  senders: Senders,
  log: NoticeWorkerLog,
  intervalMs = 5000,
): { stop(): Promise<void> } {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return; // the last pass is still sending
    running = deliverDueNotices(ctx, senders, { workerId })
      .then((result) => {
        // Recipients stay out of the log; the outbox row has them.
        for (const notice of result.retrying)
          (log.warn ?? log.error).call(log, notice, 'notice not delivered yet');
        for (const notice of result.failed) log.error(notice, 'notice given up after its last try');
      })
      .catch((error) => log.error({ err: error }, 'notice worker failed'))
      .finally(() => {
        running = null;
      });
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
