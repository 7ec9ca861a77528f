import type { Expression, SqlBool } from 'kysely';
import { addCalendarDays, isLocalDate, zonedInstant } from '../core/calendar.js';
import { InvalidInput } from '../core/errors.js';
import { searchKey } from '../core/normalize.js';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { PromiseState } from '../core/promise.js';
import type { ReportStatus, StaffRef } from '../core/report.js';
import { type QueueSort, type ReportQueueQuery, SHORTEST_SEARCH_TERM } from '../core/requests/back-office.js';
import { contains } from '../db/like.js';
import { toDate, toDateOrNull } from '../db/schema.js';
import { isOneOf, keysContaining } from '../db/text-search.js';
import type { ServiceContext } from './context.js';

export type ReportListQuery = Omit<ReportQueueQuery, 'sort'> & { sort?: QueueSort | undefined };

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
  dueAt: Date | null;
  promiseState: string;
  createdAt: Date;
}

/** What `reports.is_open` marks (migration 009): its indexes give these in promise order. */
const OPEN: ReportStatus[] = ['new', 'assigned', 'in_progress', 'waiting_customer'];
const isOpenSet = (statuses: readonly string[]) =>
  statuses.length === OPEN.length && OPEN.every((status) => statuses.includes(status));

/** Which column a sort reads, and which way. */
const ORDER = {
  promise: { column: 'reports.due_at', direction: 'asc' },
  created: { column: 'reports.created_at', direction: 'asc' },
  '-created': { column: 'reports.created_at', direction: 'desc' },
} as const;

const badCursor = () =>
  new InvalidInput('El cursor no es válido.', [{ path: 'cursor', message: 'Cursor no válido.' }]);

const shortTerm = () =>
  new InvalidInput('Escriba al menos 3 caracteres para buscar.', [
    { path: 'q', message: 'Escriba al menos 3 caracteres para buscar.' },
  ]);

/** A cursor carries its sort, so one from another ordering is refused instead of skipping rows. */
function encodeCursor(sort: QueueSort, at: Date, number: string): string {
  return Buffer.from(`${sort}|${at.toISOString()}|${number}`).toString('base64url');
}

function decodeCursor(cursor: string, sort: QueueSort): { at: string; number: string } {
  const [kind, at, number] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (kind !== sort || !at || !number || !/^\d{10}$/.test(number) || Number.isNaN(Date.parse(at)))
    throw badCursor();
  return { at: new Date(at).toISOString(), number };
}

/** A date is a whole day in Rioverde; a date and time is that instant. */
function createdBound(value: string, end: boolean): string {
  if (!isLocalDate(value)) return new Date(value).toISOString();
  return zonedInstant(end ? addCalendarDays(value, 1) : value, '00:00').toISOString();
}

/**
 * The most reports (and customers) a searched word may be found in for the queue to fetch them
 * by key and sort them; beyond that, reading the queue in order finds a page of them sooner.
 * A customer brings all their reports, hence the smaller number.
 */
export const FEW_REPORTS = 3000;
export const FEW_CUSTOMERS = 1000;

/** Digits a person may have typed for a report or customer number, with separators. */
const REPORT_NUMBER_TYPED = /^(?=(?:\D*\d){3})[\d\s-]{3,20}$/;

/**
 * The queue: reports a viewer may see, narrowed by the filters and ordered by promise date
 * (soonest first, the order a queue is worked in) or by filing time, paged by cursor.
 * `promise=at_risk|breached` lists what the promise watch has flagged among open reports.
 * `q` looks for a report number, a customer number, the customer's name or words of the
 * description, accents and case aside.
 */
export async function listReports(ctx: ServiceContext, query: ReportListQuery, viewer: StaffUser) {
  const sort = query.sort ?? 'promise';
  const order = ORDER[sort];
  let q = ctx.db
    .selectFrom('reports')
    .innerJoin('customers', 'customers.customer_number', 'reports.customer_number')
    .leftJoin('users as assignee', 'assignee.id', 'reports.assignee_id')
    .select([
      'reports.number',
      'reports.type',
      'reports.channel',
      'reports.status',
      'reports.customer_number',
      'customers.name as customer_name',
      'customers.colonia',
      'reports.track',
      'reports.department_code',
      'assignee.username as assignee_username',
      'assignee.name as assignee_name',
      'reports.due_at',
      'reports.promise_state',
      'reports.created_at',
    ]);
  // Reports filed before promises existed have no place in a promise-ordered queue.
  if (sort === 'promise') q = q.where('reports.due_at', 'is not', null);
  if (!canSeeDepartment(viewer, null)) {
    // Only the viewer's own departments' reports (an empty list for a user in none).
    q = q.where('reports.department_code', 'in', viewer.departments.length > 0 ? viewer.departments : ['']);
  }
  if (query.promise)
    q = q
      .where('reports.promise_state', '=', query.promise satisfies PromiseState)
      .where('reports.is_open', '=', 1);
  if (query.department) q = q.where('reports.department_code', '=', query.department);
  if (query.status) {
    // Only open statuses (the technician's page asks for three of the four): the open indexes
    // give the rows in order and the status list then only prunes.
    if (query.status.every((status) => OPEN.includes(status))) q = q.where('reports.is_open', '=', 1);
    if (!isOpenSet(query.status)) q = q.where('reports.status', 'in', query.status);
  }
  if (query.type) q = q.where('reports.type', 'in', query.type);
  if (query.track) q = q.where('reports.track', 'in', query.track);
  if (query.channel) q = q.where('reports.channel', 'in', query.channel);
  if (query.colonia) q = q.where('customers.colonia', '=', query.colonia);
  if (query.assignee === 'none') q = q.where('reports.assignee_id', 'is', null);
  else if (query.assignee === 'me') q = q.where('reports.assignee_id', '=', viewer.id);
  else if (query.assignee) {
    // By id, so the assignee index serves the filter; an unknown name matches nothing.
    const named = query.assignee;
    q = q.where('reports.assignee_id', '=', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.username', '=', named),
    );
  }
  if (query.createdFrom) q = q.where('reports.created_at', '>=', createdBound(query.createdFrom, false));
  if (query.createdTo) {
    const to = createdBound(query.createdTo, true);
    q = isLocalDate(query.createdTo)
      ? q.where('reports.created_at', '<', to)
      : q.where('reports.created_at', '<=', to);
  }
  if (query.q) {
    const text = query.q;
    const digits = text.replace(/\D/g, '');
    // Digits (as a report number is read out, with its dashes) are looked up by number
    // through the keys alone; words through the text indexes.
    if (REPORT_NUMBER_TYPED.test(text)) {
      q = q.where((eb) =>
        eb.or([
          // A prefix as a key range over the 10 digits, which an index serves on both dialects
          // (digit strings of one length sort alike under every collation).
          eb.between(
            'reports.number',
            digits.slice(0, 10).padEnd(10, '0'),
            digits.length > 10 ? '' : digits.padEnd(10, '9'),
          ),
          eb('reports.customer_number', 'in', [text, digits]),
        ]),
      );
    } else {
      const key = searchKey(text);
      // Shorter terms are not in the text indexes, and looking one up would read every report.
      if ([...key].length < SHORTEST_SEARCH_TERM) throw shortTerm();
      // A word found in few reports or customers becomes their keys, and the queue a few
      // lookups by key; a common one is tested on each row as the queue is read in order, which
      // stops after a page because such rows are everywhere.
      const [reportNumbers, customerNumbers] = await Promise.all([
        keysContaining(ctx.db, 'reports.search_text', key, FEW_REPORTS),
        keysContaining(ctx.db, 'customers.search_name', key, FEW_CUSTOMERS),
      ]);
      q = q.where((eb) => {
        const found: Expression<SqlBool>[] = [eb('reports.customer_number', '=', text)];
        if (!customerNumbers) found.push(contains(eb.ref('customers.search_name'), key));
        else if (customerNumbers.length > 0)
          found.push(isOneOf(ctx.db, 'reports.customer_number', customerNumbers));
        if (!reportNumbers) found.push(contains(eb.ref('reports.search_text'), key));
        else if (reportNumbers.length > 0) found.push(isOneOf(ctx.db, 'reports.number', reportNumbers));
        return eb.or(found);
      });
    }
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor, sort);
    const beyond = order.direction === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or([
        eb(order.column, beyond, after.at),
        eb.and([eb(order.column, '=', after.at), eb('reports.number', beyond, after.number)]),
      ]),
    );
  }
  const rows = await q
    .orderBy(order.column, order.direction)
    .orderBy('reports.number', order.direction)
    .limit(query.limit + 1)
    .execute();
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
      dueAt: toDateOrNull(row.due_at),
      promiseState: row.promise_state,
      createdAt: toDate(row.created_at),
    }),
  );
  const last = page.at(-1);
  const lastAt = sort === 'promise' ? last?.dueAt : last?.createdAt;
  const nextCursor =
    rows.length > query.limit && last && lastAt ? encodeCursor(sort, lastAt, last.number) : null;
  return { reports: page, nextCursor };
}
