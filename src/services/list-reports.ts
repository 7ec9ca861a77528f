import type { RawBuilder } from 'kysely';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { StaffRef } from '../core/report.js';
import { testedPerRow } from '../db/plan-hints.js';
import { firstByPromise } from '../db/promise-zones.js';
import { type TextMatch, textMatch } from '../db/queue/queue-text.js';
import {
  inDepartments,
  isOpenOnly,
  type QueueReading,
  type ReportListQuery,
  readQueueRows,
} from '../db/queue/read-queue.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { toIsoText } from '../db/schema.js';
import { catchUpReportText } from '../db/text-index.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, encodeCursor } from './queue-cursor.js';

export type { ReportListQuery };

export interface ReportSummary {
  number: string;
  type: string;
  channel: string;
  status: string;
  customerNumber: string;
  customerName: string;
  colonia: string;
  track: string | null;
  department: string | null;
  assignee: StaffRef | null;
  /** ISO-8601 UTC, as the answer gives it. */
  dueAt: string | null;
  promiseState: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/**
 * The departments whose reports the queue may list: the one asked for if the viewer may see it,
 * else the viewer's own; 'every' for a viewer who sees every department and the reports of none.
 * The queue's query tests them (`inDepartments`, read-queue.ts) and the promise zones are read
 * for them (promise-zones.ts).
 */
function visibleDepartments(query: ReportListQuery, viewer: StaffUser): readonly string[] | 'every' {
  if (query.department !== undefined)
    return canSeeDepartment(viewer, query.department) ? [query.department] : [];
  return canSeeDepartment(viewer, null) ? 'every' : viewer.departments;
}

/**
 * The queue: reports a viewer may see, narrowed by the filters and ordered by promise date
 * (soonest first, the order a queue is worked in) or by filing time, paged by cursor.
 * `promise=at_risk|breached` lists what the promise watch has flagged among open reports.
 * `q` looks for a report number, a customer number, the customer's name or words of the
 * description, accents and case aside.
 */
export async function listReports(ctx: ServiceContext, query: ReportListQuery, viewer: StaffUser) {
  const visible = visibleDepartments(query, viewer);
  // Read on the read threads where there are (src/db/dialects/sqlite-read-threads.ts): a search
  // over every status reads thousands of rows, and this thread answers every request.
  const db = ctx.reads ?? ctx.db;
  const sort = query.sort ?? 'promise';
  const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  const openOnly = isOpenOnly(query);
  // The free text first: where its matches are among a list of rows found in the text indexes,
  // the query starts from those rows (queue-text.ts).
  let match: TextMatch | undefined;
  if (query.q) {
    // First the reports written around Folio are indexed and given their customer's name (the
    // word is looked up in the text indexes outside open-only queues, and the name is tested on
    // the report in all: queue-text.ts), on this connection (the reads cannot write).
    await catchUpReportText(ctx.db);
    // The departments, tested before the word on the word's candidates (written as read-queue.ts
    // writes them for a list of keys).
    match = await textMatch(db, query.q, openOnly, (eb) =>
      inDepartments({ visible, query }, eb, testedPerRow('reports.department_code')),
    );
  }
  // A viewer whose departments are every department there is (a supervisor of all four) sees
  // what an every-department viewer sees, but for the reports of none (unrouted): across every
  // status, the reports are read as one range in the page's order with the department tested on
  // each, instead of part by part (read-queue.ts), which reads a page from each of eight parts to keep
  // one (a supervisor's every-status search for a common word: 3.7 ms → 1 ms on 1,000,000).
  // Open reports are read as they are: their indexes already hold every department in order.
  const everyDepartment =
    !openOnly &&
    query.department === undefined &&
    !canSeeDepartment(viewer, null) &&
    (await new ConfigurationRepository(ctx.db).coversEveryDepartment(viewer.departments));
  const reading: QueueReading = {
    query,
    viewer,
    visible,
    sort,
    after,
    match,
    everyDepartment,
    departmentCodes: async () => (await new ConfigurationRepository(ctx.db).departments()).map((d) => d.code),
  };
  const readRows = (among: RawBuilder<{ id: number }> | undefined) => readQueueRows(db, reading, among);
  // A word's candidates over every status, by promise: only the zones of them that can hold the
  // page are read (promise-zones.ts), not each candidate's report.
  const rows =
    match?.among && sort === 'promise'
      ? await firstByPromise(db, match.among, visible, query.limit + 1, readRows)
      : await readRows(match?.among?.table);
  const page = rows.slice(0, query.limit).map(
    (row): ReportSummary => ({
      number: row.number,
      type: row.type,
      channel: row.channel,
      status: row.status,
      customerNumber: row.customer_number,
      customerName: row.customer_name,
      colonia: row.colonia,
      track: row.track,
      department: row.department_code,
      assignee:
        row.assignee_username !== null && row.assignee_name !== null
          ? { username: row.assignee_username, name: row.assignee_name }
          : null,
      dueAt: row.due_at === null ? null : toIsoText(row.due_at),
      promiseState: row.promise_state,
      createdAt: toIsoText(row.created_at),
    }),
  );
  const last = page.at(-1);
  const lastAt = sort === 'promise' ? last?.dueAt : last?.createdAt;
  const nextCursor =
    rows.length > query.limit && last && lastAt ? encodeCursor(sort, lastAt, last.number) : null;
  return { reports: page, nextCursor };
}
