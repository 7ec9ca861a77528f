import type { Kysely } from 'kysely';
import type { Channel, Report, ReportEvent, ReportStatus, ReportType } from '../../core/report.js';
import { type Database, toDate } from '../schema.js';

export interface NewReport {
  number: string;
  customerNumber: string;
  type: ReportType;
  channel: Channel;
  status: ReportStatus;
  description: string;
  location: Report['location'];
  verified: boolean;
  createdAt: Date;
  createdBy: string;
}

export interface NewEvent {
  kind: string;
  actorId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

export class ReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The next sequence of a month's counter. Run inside the filing transaction, so the number
   * and the report commit together: a number is only ever handed out with its report stored,
   * and the row lock (PostgreSQL) or the single writer (SQLite) keeps concurrent filings apart.
   */
  async nextSequence(period: string): Promise<number> {
    const row = await this.db
      .insertInto('report_number_counters')
      .values({ period, last_sequence: 1 })
      .onConflict((oc) =>
        oc
          .column('period')
          .doUpdateSet((eb) => ({ last_sequence: eb('report_number_counters.last_sequence', '+', 1) })),
      )
      .returning('last_sequence')
      .executeTakeFirstOrThrow();
    return Number(row.last_sequence);
  }

  async insert(report: NewReport): Promise<void> {
    const at = report.createdAt.toISOString();
    await this.db
      .insertInto('reports')
      .values({
        number: report.number,
        customer_number: report.customerNumber,
        type: report.type,
        channel: report.channel,
        status: report.status,
        description: report.description,
        location_text: report.location?.text ?? null,
        location_lat: report.location?.lat ?? null,
        location_lng: report.location?.lng ?? null,
        verified: report.verified ? 1 : 0,
        created_at: at,
        created_by: report.createdBy,
        updated_at: at,
        version: 1,
      })
      .execute();
  }

  /** Appends to the timeline; `seq` counts from 1 per report and is never rewritten. */
  async appendEvent(reportNumber: string, event: NewEvent, seq: number): Promise<void> {
    await this.db
      .insertInto('report_events')
      .values({
        report_number: reportNumber,
        seq,
        kind: event.kind,
        actor_id: event.actorId,
        at: event.at.toISOString(),
        data: JSON.stringify(event.data),
      })
      .execute();
  }

  async find(number: string): Promise<Report | undefined> {
    const row = await this.db
      .selectFrom('reports')
      .innerJoin('customers', 'customers.customer_number', 'reports.customer_number')
      .innerJoin('users', 'users.id', 'reports.created_by')
      .select([
        'reports.number',
        'reports.type',
        'reports.channel',
        'reports.status',
        'reports.customer_number',
        'customers.name as customer_name',
        'reports.verified',
        'reports.description',
        'reports.location_text',
        'reports.location_lat',
        'reports.location_lng',
        'reports.created_at',
        'users.username as created_by_username',
        'users.name as created_by_name',
        'reports.version',
      ])
      .where('reports.number', '=', number)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      number: row.number,
      type: row.type as ReportType,
      channel: row.channel as Channel,
      status: row.status as ReportStatus,
      customerNumber: row.customer_number,
      customerName: row.customer_name,
      verified: row.verified === 1,
      description: row.description,
      location:
        row.location_text === null
          ? null
          : {
              text: row.location_text,
              ...(row.location_lat === null ? {} : { lat: row.location_lat }),
              ...(row.location_lng === null ? {} : { lng: row.location_lng }),
            },
      createdAt: toDate(row.created_at),
      createdBy: { username: row.created_by_username, name: row.created_by_name },
      version: row.version,
      timeline: await this.timeline(number),
    };
  }

  async timeline(number: string): Promise<ReportEvent[]> {
    const rows = await this.db
      .selectFrom('report_events')
      .leftJoin('users', 'users.id', 'report_events.actor_id')
      .select([
        'report_events.seq',
        'report_events.kind',
        'report_events.at',
        'report_events.data',
        'users.username',
        'users.name',
      ])
      .where('report_events.report_number', '=', number)
      .orderBy('report_events.seq')
      .execute();
    return rows.map((row) => ({
      seq: row.seq,
      kind: row.kind,
      at: toDate(row.at),
      actor: row.username && row.name ? { username: row.username, name: row.name } : null,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  async findIdempotent(
    userId: string,
    key: string,
  ): Promise<{ requestHash: string; reportNumber: string } | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'report_number'])
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { requestHash: row.request_hash, reportNumber: row.report_number };
  }

  async rememberIdempotent(
    userId: string,
    key: string,
    requestHash: string,
    reportNumber: string,
    now: Date,
  ) {
    await this.db
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        key,
        request_hash: requestHash,
        report_number: reportNumber,
        created_at: now.toISOString(),
      })
      .execute();
  }
}
