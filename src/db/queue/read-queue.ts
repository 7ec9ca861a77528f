import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { addCalendarDays, isLocalDate, zonedInstant } from '../../core/calendar.js';
import { canSeeDepartment, type StaffUser } from '../../core/permissions.js';
import type { PromiseState } from '../../core/promise.js';
import type { ReportStatus } from '../../core/report.js';
import type { QueueSort, ReportQueueQuery } from '../../core/requests/back-office.js';
import { fixedLimit, rowKeyOf, testedPerRow } from '../plan-hints.js';
import type { Database } from '../schema.js';
import { kindParts, MOST_KIND_PARTS, type Part, pageKeysOfParts } from './queue-parts.js';
import type { TextMatch } from './queue-text.js';

/**
 * How the queue's rows are read: which index gives them, in which order, and how the page is
 * cut from them, for each combination of filters. The use case (src/services/list-reports.ts)
 * decides what the viewer may see and what the text matches; this module only turns that into
 * the statement that reads the page, and is where each query shape's reasons are written down.
 */

export type ReportListQuery = Omit<ReportQueueQuery, 'sort'> & { sort?: QueueSort | undefined };

/** What the queue is to read, as the use case decided it. */
export interface QueueReading {
  query: ReportListQuery;
  viewer: StaffUser;
  /** The departments whose reports the queue may list (`visibleDepartments` in listReports). */
  visible: readonly string[] | 'every';
  sort: QueueSort;
  /** Where the previous page ended (its cursor, decoded): the page starts after it, in `sort`. */
  after: { at: string; number: string } | undefined;
  /** What the free text matches, when there is one (queue-text.ts). */
  match: TextMatch | undefined;
  /**
   * The viewer's departments are every department there is (a supervisor of all four): across
   * every status, their reports are read as one range with the department tested on each.
   */
  everyDepartment: boolean;
  /** Every department's code (a queue narrowed to types or tracks is read in parts by department). */
  departmentCodes: () => Promise<string[]>;
}

/** Only open reports: the queue's indexes for them give their rows in promise order. */
export function isOpenOnly(query: ReportListQuery): boolean {
  return !!query.promise || (query.status?.every((status) => OPEN.includes(status)) ?? false);
}

/**
 * The reports of the visible departments, as one test ('' is no department's code, for a
 * viewer who may see none). One test where there were two (the viewer's list, then the one
 * asked for): tested on each of a word's 2,011 candidates, the second was 0.1 ms of a 1.5 ms
 * list query.
 */
export function inDepartments(
  reading: Pick<QueueReading, 'visible' | 'query'>,
  eb: ExpressionBuilder<Database, 'reports' | 'customers'>,
  department: Expression<string>,
): Expression<SqlBool> {
  const { visible, query } = reading;
  if (visible === 'every') return eb.and([]);
  if (query.department !== undefined) return eb(department, '=', visible[0] ?? '');
  return eb(department, 'in', visible.length > 0 ? [...visible] : ['']);
}

/** What `reports.is_open` marks (migration 009): its indexes give these in promise order. */
const OPEN: ReportStatus[] = ['new', 'assigned', 'in_progress', 'waiting_customer'];
const isOpenSet = (statuses: readonly string[]) =>
  statuses.length === OPEN.length && OPEN.every((status) => statuses.includes(status));

/**
 * The most departments a queue is read department by department for (see `readInParts`): two
 * short index ranges each; beyond that, one read of everything is sorted.
 */
const MOST_DEPARTMENTS_IN_PARTS = 12;

/** Which column a sort reads, and which way. */
const ORDER: Record<QueueSort, QueueOrder> = {
  promise: { column: 'reports.due_at', direction: 'asc' },
  created: { column: 'reports.created_at', direction: 'asc' },
  '-created': { column: 'reports.created_at', direction: 'desc' },
};

export interface QueueOrder {
  column: 'reports.due_at' | 'reports.created_at';
  direction: 'asc' | 'desc';
}

/** A date is a whole day in Rioverde; a date and time is that instant. */
function createdBound(value: string, end: boolean): string {
  if (!isLocalDate(value)) return new Date(value).toISOString();
  return zonedInstant(end ? addCalendarDays(value, 1) : value, '00:00').toISOString();
}

/**
 * The reports the queue's filters go on: every report, or those of a list of candidates (`among`).
 * `q` in readQueueRows is either the whole query or the subquery that picks the page's keys
 * (`readPage`). Its customer is a left join, which the foreign key makes the same rows as an
 * inner one (every report has its customer), so that both databases leave the customer out of
 * that subquery when no filter reads it.
 */
function reportsFrom(db: Kysely<Database>, among: RawBuilder<{ id: number }> | undefined) {
  const reports = among
    ? // A cross join keeps SQLite's loop order: the list outside, each report looked up by rowid.
      // Nothing after this reads the list, hence the builder's type without it.
      (db
        .selectFrom(among.as('candidate'))
        .crossJoin('reports')
        .where(sql.ref('reports.rowid'), '=', sql.ref('candidate.id')) as unknown as SelectQueryBuilder<
        Database,
        'reports',
        object
      >)
    : db.selectFrom('reports');
  return reports.leftJoin('customers', 'customers.customer_number', 'reports.customer_number');
}

/** The reports with the queue's filters on them. */
export type Filtered = ReturnType<typeof reportsFrom>;

/**
 * The rows of the page (and one more), read from `among` when the matches are a list of
 * candidates: the whole list, or the zones of it `firstByPromise` chooses.
 */
export async function readQueueRows(
  db: Kysely<Database>,
  reading: QueueReading,
  among: RawBuilder<{ id: number }> | undefined,
) {
  const { query, viewer, sort, match, everyDepartment } = reading;
  const order = ORDER[sort];
  const openOnly = isOpenOnly(query);
  // The filters go on `q` (see `reportsFrom`).
  let q = reportsFrom(db, among);
  /** Whether the rows are read in the page's order from an index (the open-queue indexes). */
  let inOrder = true;
  /** Whether the rows come from a list of keys found beforehand (a searched word). */
  let byKeys = false;
  // Reports filed before promises existed have no place in a promise-ordered queue.
  if (sort === 'promise') q = q.where('reports.due_at', 'is not', null);
  if (query.promise)
    q = q
      .where('reports.promise_state', '=', query.promise satisfies PromiseState)
      .where('reports.is_open', '=', 1);
  if (query.status) {
    // Only open statuses (the technician's page asks for three of the four): the open indexes
    // give the rows in order and the status list then only prunes.
    if (query.status.every((status) => OPEN.includes(status))) q = q.where('reports.is_open', '=', 1);
    if (!isOpenSet(query.status)) q = q.where('reports.status', 'in', query.status);
  }
  const closedOnly = query.status?.every((status) => !OPEN.includes(status)) ?? false;
  // The closed half (`is_open = 0` of the open-queue indexes) is read in the page's order and
  // tested row by row. That pays when the closed statuses asked for are spread over the years:
  // `closed` and `cancelled` accumulate, while `resolved` is a week's worth (it closes itself),
  // all at the newest end. So for `resolved` alone (with or without open statuses) in an
  // ascending order, the status indexes read exactly those reports instead (a department's new +
  // resolved: 300 ms → 2 ms; everyone's resolved: 568 ms → 1 ms; a technician's own resolved:
  // 41 → 1.4 ms, on 1,000,000 reports).
  const closedHalfDense =
    !query.status ||
    query.status.some((status) => status === 'closed' || status === 'cancelled') ||
    sort === '-created';
  // Reports of every status: no index gives them in the page's order for a department (years of
  // them), so they are sorted.
  if (!openOnly) inOrder = false;
  if (query.channel) q = q.where('reports.channel', 'in', query.channel);
  if (query.assignee === 'none') q = q.where('reports.assignee_id', 'is', null);
  else if (query.assignee === 'me') q = q.where('reports.assignee_id', '=', viewer.id);
  else if (query.assignee) {
    // By id, so the assignee index serves the filter; an unknown name matches nothing.
    const named = query.assignee;
    q = q.where('reports.assignee_id', '=', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.username', '=', named),
    );
  }
  // A filing-date range is a range of `reports_open_department_created`, whose entries carry the
  // promise date to sort them by (migration 013): sorted, not read in promise order.
  if ((query.createdFrom || query.createdTo) && sort === 'promise') inOrder = false;
  if (query.createdFrom) q = q.where('reports.created_at', '>=', createdBound(query.createdFrom, false));
  if (query.createdTo) {
    const to = createdBound(query.createdTo, true);
    q = isLocalDate(query.createdTo)
      ? q.where('reports.created_at', '<', to)
      : q.where('reports.created_at', '<=', to);
  }
  if (match) {
    q = q.where(match.condition);
    if (match.byKeys) {
      inOrder = false;
      byKeys = true;
    }
  }
  // The departments last, written for the plan they should get. When keys found beforehand are
  // the candidates (a few report or customer numbers, every status), the department is tested on
  // each of them, as an expression no index serves: SQLite has no statistics to prefer the keys,
  // and took the department's index, reading its years of reports in order (all-q-rare: 364 ms
  // for 800 keys). PostgreSQL plans the same SQL by its statistics either way.
  // Only open or only closed reports: `q` already tests `is_open`, and testing it twice made
  // SQLite count it twice and prefer an index without the part's value (`reports_open`).
  const halves = openOnly || closedOnly ? [undefined] : [0, 1];
  // A type or a track asked for: the reports are read from their own indexes (migrations 017,
  // 018), part by part (`kindParts`), each in the page's order and stopping after a page. Read by
  // department instead, a type or track rare there meant reading the department's every report
  // (facturación's every status, type=fault: 319 ms; everyone's every status, track=external:
  // 681 ms, newest first 692 ms on 1,000,000 reports). Not where another index already gives few
  // rows in order: someone's own reports, a promise state, a filing-date range, a word's keys,
  // `resolved` alone.
  const byKindParts =
    !byKeys &&
    !query.promise &&
    (query.assignee === undefined || query.assignee === 'none') &&
    !query.createdFrom &&
    !query.createdTo &&
    (openOnly || closedHalfDense) &&
    (!!query.type?.length || !!query.track?.length)
      ? await kindParts(reading.departmentCodes, query, viewer, halves, sort)
      : [];
  const byKind = byKindParts.length > 0 && byKindParts.length <= MOST_KIND_PARTS;
  // The filters themselves are then the parts' values: `type in (…)` beside `type = ?` made
  // SQLite read the list as the index's ranges, out of promise order, and take another index.
  if (query.type && !byKind) q = q.where('reports.type', 'in', query.type);
  if (query.track && !byKind) q = q.where('reports.track', 'in', query.track);
  // (Which departments the viewer may see is still tested on each part's entries, as an
  // expression: the part's own department is the index's.)
  const department =
    byKeys || everyDepartment || byKind
      ? testedPerRow('reports.department_code')
      : sql.ref<string>('reports.department_code');
  if (!canSeeDepartment(viewer, null) || query.department)
    q = q.where((eb) => inDepartments(reading, eb, department));
  // Only closed statuses, `closed` among them: the other half of the open-queue indexes, in the
  // page's order (unless keys drive the query).
  if (closedOnly && closedHalfDense && !byKeys) q = q.where('reports.is_open', '=', 0);
  // A filing-date range of every status: `is_open in (0, 1)` (every report: it is never null)
  // lets a department's range be read from `reports_open_department_created`, open and closed,
  // instead of every report of the department.
  if (
    (query.createdFrom || query.createdTo) &&
    !openOnly &&
    !closedOnly &&
    !byKeys &&
    !everyDepartment &&
    (query.department || !canSeeDepartment(viewer, null))
  )
    q = q.where('reports.is_open', 'in', [0, 1]);
  const { after } = reading;
  if (after) {
    const beyond = order.direction === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or([
        eb(order.column, beyond, after.at),
        eb.and([eb(order.column, '=', after.at), eb('reports.number', beyond, after.number)]),
      ]),
    );
  }
  // Reports limited to a few departments (one asked for, or the viewer's own) are read part by
  // part: each department's closed and open halves (is_open is 0 or 1 for every report, so the
  // halves are all), each a range of that department's open-queue indexes in the page's order
  // (migrations 009, 010), which gives its first page and stops; the page is the first of the
  // parts. As one range no index has the order: every report of the departments was sorted
  // (all-newest: 400,000 of them, 2 s; a supervisor's every-status queue 120 ms, a word in it
  // 1–4 s). Where one range does have the order (open reports by promise, or one department's
  // newest), it is read as it is.
  const departments =
    query.department !== undefined
      ? [query.department]
      : canSeeDepartment(viewer, null) || everyDepartment
        ? []
        : viewer.departments;
  const openSortedAcrossDepartments = openOnly && departments.length > 1 && sort !== 'promise';
  const readInParts =
    !byKind &&
    departments.length > 0 &&
    departments.length <= MOST_DEPARTMENTS_IN_PARTS &&
    !closedOnly &&
    !byKeys &&
    !query.createdFrom &&
    !query.createdTo &&
    (openOnly ? openSortedAcrossDepartments : closedHalfDense);
  /** The parts read each in the page's order (`readInParts`, `byKind`), none if one range. */
  const parts: Part[] = byKind
    ? byKindParts
    : readInParts
      ? departments.flatMap((code) =>
          halves.map((half): Part => ({ where: [['reports.department_code', code]], half })),
        )
      : [];
  if (parts.length > 0) inOrder = false;
  if (query.colonia) {
    // Read by department (one, or in parts), the colonia is tested on each report as it is read,
    // from the customers' (number, colonia) index. Otherwise SQLite, without statistics, started
    // from the colonia's customers and sorted all their reports (a supervisor's open queue:
    // 200 ms; everyone's, newest first: 175 ms on 1,000,000 reports), where the queue's own
    // order meets a page of them within a few thousand reports: there the colonia is written as
    // an expression no index serves.
    const byDepartment = departments.length === 1 || parts.length > 0;
    const colonia = byDepartment ? sql.ref<string>('customers.colonia') : testedPerRow('customers.colonia');
    q = q.where(colonia, '=', query.colonia);
  }
  return readPage(db, q, { inOrder, parts, order, limit: query.limit });
}

/**
 * The page's statement, from the filtered reports: read in order (`inOrder`), the first rows that
 * pass; otherwise the page's keys chosen first, from the whole filtered range or from each of its
 * `parts`, and only those rows then read.
 */
async function readPage(
  db: Kysely<Database>,
  q: Filtered,
  how: { inOrder: boolean; parts: Part[]; order: QueueOrder; limit: number },
) {
  const { inOrder, parts, order } = how;
  const columns = [
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
  ] as const;
  /** A page and one row more, which says whether there is a next page. */
  const pageLimit = fixedLimit(how.limit + 1);
  /** The key the page's rows are read again by, once chosen (not across parts: see below). */
  const pageKey = rowKeyOf(db, 'reports', 'number');
  // Rows read in order: the page is the first rows that pass, each joined as it is read. Rows that
  // must be sorted: the page's keys are chosen first, from what the filters read (often index
  // entries alone), and only its rows are then read and joined; sorting whole rows meant reading
  // every candidate's customer and assignee (created-week: 1,604 of them for 50).
  // Read in parts: the page's keys are chosen among the parts' first pages (queue-parts.ts).
  const partsPageKeys = parts.length === 0 ? undefined : pageKeysOfParts(q, parts, order, pageLimit);
  const rows = inOrder
    ? await q
        .leftJoin('users as assignee', 'assignee.id', 'reports.assignee_id')
        .select(columns)
        .$narrowType<{ customer_name: string; colonia: string }>()
        .orderBy(order.column, order.direction)
        .orderBy('reports.number', order.direction)
        .limit(pageLimit)
        .execute()
    : await db
        .selectFrom('reports')
        .innerJoin('customers', 'customers.customer_number', 'reports.customer_number')
        .leftJoin('users as assignee', 'assignee.id', 'reports.assignee_id')
        .select(columns)
        .where(
          partsPageKeys ? sql.ref('reports.number') : pageKey,
          'in',
          partsPageKeys ??
            q
              .select(pageKey.as('page_key'))
              .orderBy(order.column, order.direction)
              .orderBy('reports.number', order.direction)
              .limit(pageLimit),
        )
        .orderBy(order.column, order.direction)
        .orderBy('reports.number', order.direction)
        .limit(pageLimit)
        .execute();
  return rows;
}
