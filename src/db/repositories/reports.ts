import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import { searchKey } from '../../core/normalize.js';
import type { Pause, PromiseState } from '../../core/promise.js';
import type { Channel, Report, ReportEvent, ReportStatus, ReportType, StaffRef } from '../../core/report.js';
import type { ExternalCause, Track } from '../../core/routing.js';
import { prepare } from '../prepared.js';
import { type Database, type ReportsTable, toDate, toDateOrNull } from '../schema.js';
import { ReportAttachmentsRepository } from './report-attachments.js';
import { ReportDocumentsRepository } from './report-documents.js';

/** Filing runs these on every report: prepared once (see prepared.ts). */
const incrementCounter = prepare((db, p) =>
  db
    .insertInto('report_number_counters')
    .values({ period: p('period'), last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .column('period')
        .doUpdateSet((eb) => ({ last_sequence: eb('report_number_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence'),
);

const REPORT_COLUMNS = [
  'number',
  'customer_number',
  'type',
  'channel',
  'status',
  'description',
  'location_text',
  'location_lat',
  'location_lng',
  'verified',
  'created_at',
  'created_by',
  'updated_at',
  'version',
  'track',
  'department_code',
  'urgent',
  'documents_needed',
  'external_days',
  'external_cause',
  'base_due_at',
  'due_at',
  'at_risk_at',
  'search_text',
  'customer_search_name',
] as const;
const insertReport = prepare((db, p) =>
  db.insertInto('reports').values(Object.fromEntries(REPORT_COLUMNS.map((c) => [c, p(c)])) as never),
);

const EVENT_COLUMNS = ['report_number', 'seq', 'kind', 'actor_id', 'at', 'data'] as const;
const insertEvent = prepare((db, p) =>
  db.insertInto('report_events').values(Object.fromEntries(EVENT_COLUMNS.map((c) => [c, p(c)])) as never),
);

// Every filing from the web page carries an Idempotency-Key: looked up first, remembered last.
const idempotentFiling = prepare((db, p) =>
  db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'report_number'])
    .where('user_id', '=', p('userId'))
    .where('key', '=', p('key')),
);
const IDEMPOTENCY_COLUMNS = ['user_id', 'key', 'request_hash', 'report_number', 'created_at'] as const;
const rememberFiling = prepare((db, p) =>
  db
    .insertInto('idempotency_keys')
    .values(Object.fromEntries(IDEMPOTENCY_COLUMNS.map((c) => [c, p(c)])) as never),
);

/** The rows of `table` that belong to the report of the outer query. */
function rowsOf(
  eb: ExpressionBuilder<Database, 'reports'>,
  table: 'report_pauses' | 'report_documents' | 'report_attachments',
) {
  return eb
    .selectFrom(table)
    .select(`${table}.report_number`)
    .whereRef(`${table}.report_number`, '=', 'reports.number');
}

const reportByNumber = prepare((db, p) =>
  db
    .selectFrom('reports')
    .innerJoin('customers', 'customers.customer_number', 'reports.customer_number')
    .innerJoin('users', 'users.id', 'reports.created_by')
    .leftJoin('departments', 'departments.code', 'reports.department_code')
    .leftJoin('users as assignee', 'assignee.id', 'reports.assignee_id')
    .select([
      'reports.track',
      'reports.department_code',
      'departments.name as department_name',
      'reports.urgent',
      'reports.documents_needed',
      'reports.external_days',
      'reports.external_cause',
      'reports.due_at',
      'reports.base_due_at',
      'reports.at_risk_at',
      'reports.promise_state',
      'reports.resolved_at',
      'reports.promise_kept',
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
      'assignee.username as assignee_username',
      'assignee.name as assignee_name',
      'reports.version',
      // Most reports have no pauses, documents or attachments: asking here (an index probe
      // each) spares the lookup a statement for each list that is empty.
      (eb) => eb.exists(rowsOf(eb, 'report_pauses')).as('has_pauses'),
      (eb) => eb.exists(rowsOf(eb, 'report_documents')).as('has_documents'),
      (eb) => eb.exists(rowsOf(eb, 'report_attachments')).as('has_attachments'),
    ])
    .where('reports.number', '=', p('number')),
);

const timelineOf = prepare((db, p) =>
  db
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
    .where('report_events.report_number', '=', p('number'))
    .orderBy('report_events.seq'),
);

const pausesOf = prepare((db, p) =>
  db
    .selectFrom('report_pauses')
    .select(['started_at', 'ended_at'])
    .where('report_number', '=', p('number'))
    .orderBy('started_at'),
);

export interface NewReport {
  number: string;
  customerNumber: string;
  /** The customer's name when filed; the report keeps it searchable (migration 014). */
  customerName: string;
  type: ReportType;
  channel: Channel;
  status: ReportStatus;
  description: string;
  location: Report['location'];
  verified: boolean;
  createdAt: Date;
  createdBy: string;
  track: Track;
  departmentCode: string;
  urgent: boolean;
  documentsNeeded: boolean;
  externalDays: number | null;
  externalCause: ExternalCause | null;
  dueAt: Date;
  atRiskAt: Date;
}

/** The columns a workflow or routing change may set, with the version it was read at. */
export type ReportChanges = Omit<
  Updateable<ReportsTable>,
  'number' | 'version' | 'created_at' | 'created_by'
>;

export interface NewEvent {
  kind: string;
  actorId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * A report just filed, exactly as `find` would read it back (version 1, its one "filed" event,
 * no pauses, documents, attachments or assignee yet): filing answers from what it wrote
 * instead of reading it again. reports.test.ts checks the filing answer against the lookup.
 */
export function asFiled(
  report: NewReport,
  names: { customerName: string; createdBy: StaffRef; departmentName: string },
  filed: NewEvent,
): Report {
  return {
    number: report.number,
    type: report.type,
    channel: report.channel,
    status: report.status,
    customerNumber: report.customerNumber,
    customerName: names.customerName,
    verified: report.verified,
    description: report.description,
    location:
      report.location === null
        ? null
        : {
            text: report.location.text,
            ...(report.location.lat === undefined ? {} : { lat: report.location.lat }),
            ...(report.location.lng === undefined ? {} : { lng: report.location.lng }),
          },
    createdAt: report.createdAt,
    createdBy: names.createdBy,
    version: 1,
    // As stored: the event's data goes through JSON on its way to the database.
    timeline: [
      {
        seq: 1,
        kind: filed.kind,
        at: filed.at,
        actor: names.createdBy,
        data: JSON.parse(JSON.stringify(filed.data)) as Record<string, unknown>,
      },
    ],
    track: report.track,
    department: { code: report.departmentCode, name: names.departmentName },
    urgent: report.urgent,
    documentsNeeded: report.documentsNeeded,
    externalDays: report.externalDays,
    externalCause: report.externalCause,
    dueAt: report.dueAt,
    baseDueAt: report.dueAt,
    atRiskAt: report.atRiskAt,
    promiseState: 'on_track',
    resolvedAt: null,
    promiseKept: null,
    pauses: [],
    assignee: null,
    documents: [],
    attachments: [],
  };
}

export class ReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The next sequence of a month's counter. Run inside the filing transaction, so the number
   * and the report commit together: a number is only ever handed out with its report stored,
   * and the row lock (PostgreSQL) or the single writer (SQLite) keeps concurrent filings apart.
   */
  async nextSequence(period: string): Promise<number> {
    const [row] = await incrementCounter.execute(this.db, { period });
    if (!row) throw new Error(`no counter returned for ${period}`);
    return Number(row.last_sequence);
  }

  async insert(report: NewReport): Promise<void> {
    const at = report.createdAt.toISOString();
    await insertReport.run(this.db, {
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
      track: report.track,
      department_code: report.departmentCode,
      urgent: report.urgent ? 1 : 0,
      documents_needed: report.documentsNeeded ? 1 : 0,
      external_days: report.externalDays,
      external_cause: report.externalCause,
      base_due_at: report.dueAt.toISOString(),
      due_at: report.dueAt.toISOString(),
      at_risk_at: report.atRiskAt.toISOString(),
      search_text: searchKey(report.description),
      customer_search_name: searchKey(report.customerName),
    } satisfies Record<(typeof REPORT_COLUMNS)[number], unknown>);
  }

  /**
   * Applies a change only if nobody changed the report since it was read (`version`), and
   * moves the version on. False means someone else got there first: the caller answers 409.
   * The UPDATE also takes PostgreSQL's row lock, so concurrent writers to one report queue up.
   */
  async update(number: string, readVersion: number, changes: ReportChanges, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('reports')
      .set({ ...changes, updated_at: now.toISOString(), version: readVersion + 1 })
      .where('number', '=', number)
      .where('version', '=', readVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Appends an event after the report's last one. Call after `update`, which holds the row. */
  async record(number: string, event: NewEvent): Promise<void> {
    await this.appendEvent(number, event, await this.nextEventSeq(number));
  }

  async nextEventSeq(number: string): Promise<number> {
    const row = await this.db
      .selectFrom('report_events')
      .select((eb) => eb.fn.max('seq').as('last'))
      .where('report_number', '=', number)
      .executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  }

  async pauses(number: string): Promise<Pause[]> {
    const rows = await pausesOf.execute(this.db, { number });
    return rows.map((row) => ({ from: toDate(row.started_at), to: toDateOrNull(row.ended_at) }));
  }

  async openPause(number: string, at: Date): Promise<void> {
    await this.db
      .insertInto('report_pauses')
      .values({ report_number: number, started_at: at.toISOString() })
      .execute();
  }

  async closePause(number: string, at: Date): Promise<void> {
    await this.db
      .updateTable('report_pauses')
      .set({ ended_at: at.toISOString() })
      .where('report_number', '=', number)
      .where('ended_at', 'is', null)
      .execute();
  }

  /** Appends to the timeline; `seq` counts from 1 per report and is never rewritten. */
  async appendEvent(reportNumber: string, event: NewEvent, seq: number): Promise<void> {
    await insertEvent.run(this.db, {
      report_number: reportNumber,
      seq,
      kind: event.kind,
      actor_id: event.actorId,
      at: event.at.toISOString(),
      data: JSON.stringify(event.data),
    });
  }

  async find(number: string): Promise<Report | undefined> {
    const [row] = await reportByNumber.execute(this.db, { number });

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
      track: row.track as Track | null,
      department: row.department_code
        ? { code: row.department_code, name: row.department_name ?? row.department_code }
        : null,
      urgent: row.urgent === 1,
      documentsNeeded: row.documents_needed === 1,
      externalDays: row.external_days,
      externalCause: row.external_cause as ExternalCause | null,
      dueAt: toDateOrNull(row.due_at),
      baseDueAt: toDateOrNull(row.base_due_at),
      atRiskAt: toDateOrNull(row.at_risk_at),
      promiseState: row.promise_state as PromiseState,
      resolvedAt: toDateOrNull(row.resolved_at),
      promiseKept: row.promise_kept === null ? null : row.promise_kept === 1,
      pauses: row.has_pauses ? await this.pauses(number) : [],
      assignee:
        row.assignee_username !== null && row.assignee_name !== null
          ? { username: row.assignee_username, name: row.assignee_name }
          : null,
      documents: row.has_documents ? await new ReportDocumentsRepository(this.db).of(number) : [],
      attachments: row.has_attachments ? await new ReportAttachmentsRepository(this.db).of(number) : [],
    };
  }

  async timeline(number: string): Promise<ReportEvent[]> {
    const rows = await timelineOf.execute(this.db, { number });

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
    const [row] = await idempotentFiling.execute(this.db, { userId, key });
    return row && { requestHash: row.request_hash, reportNumber: row.report_number };
  }

  async rememberIdempotent(
    userId: string,
    key: string,
    requestHash: string,
    reportNumber: string,
    now: Date,
  ) {
    await rememberFiling.run(this.db, {
      user_id: userId,
      key,
      request_hash: requestHash,
      report_number: reportNumber,
      created_at: now.toISOString(),
    });
  }
}
