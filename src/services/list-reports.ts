import { InvalidInput } from '../core/errors.js';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { PromiseState } from '../core/promise.js';
import type { ReportStatus } from '../core/report.js';
import { toDateOrNull } from '../db/schema.js';
import type { ServiceContext } from './context.js';

export interface ReportListQuery {
  promise?: PromiseState | undefined;
  department?: string | undefined;
  status?: ReportStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface ReportSummary {
  number: string;
  type: string;
  status: string;
  customerNumber: string;
  customerName: string;
  track: string | null;
  department: string | null;
  dueAt: Date | null;
  promiseState: string;
  createdAt: Date;
}

const OPEN: ReportStatus[] = ['new', 'assigned', 'in_progress', 'waiting_customer'];

function decodeCursor(cursor: string): { dueAt: string; number: string } {
  try {
    const [dueAt, number] = Buffer.from(cursor, 'base64url').toString().split('|');
    if (dueAt && number && /^\d{10}$/.test(number) && !Number.isNaN(Date.parse(dueAt)))
      return { dueAt, number };
  } catch {}
  throw new InvalidInput('El cursor no es válido.', [{ path: 'cursor', message: 'Cursor no válido.' }]);
}

/**
 * Reports by promise date, soonest first (the order a queue is worked in), paged by cursor.
 * `promise=at_risk|breached` lists what the promise watch has flagged among open reports:
 * the supervisor's view of what is late or about to be. (The full queue with every filter
 * is the back-office issue's.)
 */
export async function listReports(ctx: ServiceContext, query: ReportListQuery, viewer: StaffUser) {
  let q = ctx.db
    .selectFrom('reports')
    .innerJoin('customers', 'customers.customer_number', 'reports.customer_number')
    .select([
      'reports.number',
      'reports.type',
      'reports.status',
      'reports.customer_number',
      'customers.name as customer_name',
      'reports.track',
      'reports.department_code',
      'reports.due_at',
      'reports.promise_state',
      'reports.created_at',
    ])
    .where('reports.due_at', 'is not', null);
  if (!canSeeDepartment(viewer, null)) {
    // Only the viewer's own departments' reports (an empty list for a user in none).
    q = q.where('reports.department_code', 'in', viewer.departments.length > 0 ? viewer.departments : ['']);
  }
  if (query.promise)
    q = q.where('reports.promise_state', '=', query.promise).where('reports.status', 'in', OPEN);
  if (query.department) q = q.where('reports.department_code', '=', query.department);
  if (query.status) q = q.where('reports.status', '=', query.status);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('reports.due_at', '>', after.dueAt),
        eb.and([eb('reports.due_at', '=', after.dueAt), eb('reports.number', '>', after.number)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('reports.due_at')
    .orderBy('reports.number')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit).map(
    (row): ReportSummary => ({
      number: row.number,
      type: row.type,
      status: row.status,
      customerNumber: row.customer_number,
      customerName: row.customer_name,
      track: row.track,
      department: row.department_code,
      dueAt: toDateOrNull(row.due_at),
      promiseState: row.promise_state,
      createdAt: toDateOrNull(row.created_at) as Date,
    }),
  );
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last?.dueAt
      ? Buffer.from(`${last.dueAt.toISOString()}|${last.number}`).toString('base64url')
      : null;
  return { reports: page, nextCursor };
}
