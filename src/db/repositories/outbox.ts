import type { Kysely } from 'kysely';
import type { NoticeChannel, NoticeKind } from '../../core/notices.js';
import { type Database, toDate, toDateOrNull } from '../schema.js';

export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewNotice {
  id: string;
  reportNumber: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: Date;
}

export interface Notice {
  id: string;
  reportNumber: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  recipient: string;
  subject: string | null;
  body: string;
  status: NoticeStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

type Row = {
  id: string;
  report_number: string;
  kind: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
};

const COLUMNS = [
  'id',
  'report_number',
  'kind',
  'channel',
  'recipient',
  'subject',
  'body',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'sent_at',
] as const;

function toNotice(row: Row): Notice {
  return {
    id: row.id,
    reportNumber: row.report_number,
    kind: row.kind as NoticeKind,
    channel: row.channel as NoticeChannel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status as NoticeStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: toDate(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    sentAt: toDateOrNull(row.sent_at),
  };
}

/**
 * The notice outbox. Rows are written in the transaction of the change they tell about and
 * delivered by the notice worker, which takes each one with `claim` (a conditional UPDATE:
 * of several workers, only the one whose UPDATE changed the row sends it).
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(notices: NewNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await this.db
      .insertInto('notice_outbox')
      .values(
        notices.map((notice) => ({
          id: notice.id,
          report_number: notice.reportNumber,
          kind: notice.kind,
          channel: notice.channel,
          recipient: notice.recipient,
          subject: notice.subject,
          body: notice.body,
          status: 'pending',
          attempts: 0,
          next_attempt_at: notice.createdAt.toISOString(),
          created_at: notice.createdAt.toISOString(),
        })),
      )
      .execute();
  }

  /** Notices a worker may take now: pending and due, or left `sending` by a worker whose lease ran out. */
  async due(channels: readonly NoticeChannel[], now: Date, limit: number): Promise<Notice[]> {
    if (channels.length === 0) return [];
    const nowIso = now.toISOString();
    const rows = await this.db
      .selectFrom('notice_outbox')
      .select(COLUMNS)
      .where('channel', 'in', channels)
      .where('next_attempt_at', '<=', nowIso)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(toNotice);
  }

  /**
   * Takes one notice for `workerId` until `until` and counts the attempt; gives the attempt's
   * number, or null when the notice was not there to take. The WHERE repeats the `due`
   * conditions, so when two workers race for a row the second UPDATE (which waits for the
   * first on PostgreSQL, and runs after it on SQLite's single writer) matches nothing.
   * Counting at the claim means a notice whose sending kills the worker still runs out of tries.
   */
  async claim(id: string, workerId: string, now: Date, until: Date): Promise<number | null> {
    const nowIso = now.toISOString();
    const row = await this.db
      .updateTable('notice_outbox')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('attempts', '+', 1),
        claimed_by: workerId,
        claimed_until: until.toISOString(),
      }))
      .where('id', '=', id)
      .where('next_attempt_at', '<=', nowIso)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .returning('attempts')
      .executeTakeFirst();
    return row ? Number(row.attempts) : null;
  }

  /** False when the claim was lost (the lease ran out and another worker took the row). */
  async markSent(id: string, workerId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('notice_outbox')
      .set({
        status: 'sent',
        sent_at: now.toISOString(),
        last_error: null,
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Back to `pending` for another try at `nextAttemptAt`, or `failed` for good when that is null. */
  async markUndelivered(
    id: string,
    workerId: string,
    error: string,
    nextAttemptAt: Date | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('notice_outbox')
      .set({
        status: nextAttemptAt ? 'pending' : 'failed',
        last_error: error,
        ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt.toISOString() } : {}),
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Takes the report's row lock (PostgreSQL; SQLite has one writer anyway) with an UPDATE
   * that changes nothing, as every other writer of a report's timeline holds the row while
   * it picks the next `seq`. Without it, a staff change committing at the same moment would
   * collide with the worker's line and fail.
   */
  async holdReport(reportNumber: string): Promise<void> {
    await this.db
      .updateTable('reports')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('number', '=', reportNumber)
      .execute();
  }

  async find(id: string): Promise<Notice | undefined> {
    const row = await this.db
      .selectFrom('notice_outbox')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toNotice(row);
  }

  async forReport(reportNumber: string): Promise<Notice[]> {
    const rows = await this.db
      .selectFrom('notice_outbox')
      .select(COLUMNS)
      .where('report_number', '=', reportNumber)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toNotice);
  }
}
