import {
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { addCalendarDays, isLocalDate, zonedInstant } from '../core/calendar.js';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { PromiseState } from '../core/promise.js';
import { REPORT_TYPES, type ReportStatus, type StaffRef } from '../core/report.js';
import type { QueueSort, ReportQueueQuery } from '../core/requests/back-office.js';
import { TRACKS } from '../core/routing.js';
import { fixedLimit, rowKeyOf, testedPerRow } from '../db/plan-hints.js';
import { firstByPromise } from '../db/promise-zones.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type Database, toIsoText } from '../db/schema.js';
import { catchUpReportText } from '../db/text-index.js';
import { unionAllOf } from '../db/union-of-parts.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, encodeCursor } from './queue-cursor.js';
import { type TextMatch, textMatch } from './queue-text.js';

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
  /** ISO-8601 UTC, as the answer gives it. */
  dueAt: string | null;
  promiseState: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/**
 * A part of the queue read on its own in the page's order (see `parts` in listReports): an
 * index's leading columns equal to these values, and `is_open` to `half` unless the query
 * already tests it.
 */
interface Part {
  where: ['reports.department_code' | 'reports.type' | 'reports.track', string | null][];
  half: number | undefined;
}

/**
 * The most parts a queue narrowed to types or tracks is read in (`kindParts`); a part that has
 * no reports is one index seek, and the statement is prepared once per shape.
 */
const MOST_KIND_PARTS = 96;

/**
 * A queue narrowed to types or tracks, as ranges of `reports_kind_promise` or
 * `reports_kind_created` (department, type, track, open or closed; migrations 017, 018), each in
 * the page's order. Every department the viewer's queue can hold, and every type or every track
 * when only the other is asked for: the values a report can have. Departments are never deleted
 * and every filing and re-routing checks its department exists; types and tracks are checked
 * where reports are filed and re-routed, and assumed where they are shown
 * (src/http/presenters/report.ts). A department left null (no report filed through Folio has
 * one) is its own part for those who see every department; so is a track left null (reports
 * filed before promises existed) in the filing-time orders, where those reports are listed.
 */
async function kindParts(
  ctx: ServiceContext,
  query: ReportListQuery,
  viewer: StaffUser,
  halves: (number | undefined)[],
  sort: QueueSort,
): Promise<Part[]> {
  const departments: (string | null)[] =
    query.department !== undefined
      ? [query.department]
      : canSeeDepartment(viewer, null)
        ? [...(await new ConfigurationRepository(ctx.db).departments()).map((d) => d.code), null]
        : viewer.departments;
  const types = [...new Set(query.type ?? REPORT_TYPES)];
  const tracks: (string | null)[] = query.track
    ? [...new Set(query.track)]
    : sort === 'promise'
      ? [...TRACKS]
      : [...TRACKS, null];
  return departments.flatMap((department) =>
    types.flatMap((type) =>
      tracks.flatMap((track) =>
        halves.map(
          (half): Part => ({
            where: [
              ['reports.department_code', department],
              ['reports.type', type],
              ['reports.track', track],
            ],
            half,
          }),
        ),
      ),
    ),
  );
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
const ORDER = {
  promise: { column: 'reports.due_at', direction: 'asc' },
  created: { column: 'reports.created_at', direction: 'asc' },
  '-created': { column: 'reports.created_at', direction: 'desc' },
} as const;

/** A date is a whole day in Rioverde; a date and time is that instant. */
function createdBound(value: string, end: boolean): string {
  if (!isLocalDate(value)) return new Date(value).toISOString();
  return zonedInstant(end ? addCalendarDays(value, 1) : value, '00:00').toISOString();
}

/**
 * The departments whose reports the queue may list: the one asked for if the viewer may see it,
 * else the viewer's own; 'every' for a viewer who sees every department and the reports of none.
 * The queue's query tests them (`inDepartments` in listReports) and the promise zones are read
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
  /**
   * The reports of the visible departments, as one test ('' is no department's code, for a
   * viewer who may see none). One test where there were two (the viewer's list, then the one
   * asked for): tested on each of a word's 2,011 candidates, the second was 0.1 ms of a 1.5 ms
   * list query.
   */
  const inDepartments = (
    eb: ExpressionBuilder<Database, 'reports' | 'customers'>,
    department: Expression<string>,
  ): Expression<SqlBool> => {
    if (visible === 'every') return eb.and([]);
    if (query.department !== undefined) return eb(department, '=', visible[0] ?? '');
    return eb(department, 'in', visible.length > 0 ? [...visible] : ['']);
  };
  // Read on the read threads where there are (src/db/dialects/sqlite-read-threads.ts): a search
  // over every status reads thousands of rows, and this thread answers every request.
  const db = ctx.reads ?? ctx.db;
  const sort = query.sort ?? 'promise';
  const order = ORDER[sort];
  const openOnly = !!query.promise || (query.status?.every((status) => OPEN.includes(status)) ?? false);
  // The free text first: where its matches are among a list of rows found in the text indexes,
  // the query starts from those rows (queue-text.ts).
  let match: TextMatch | undefined;
  if (query.q) {
    // First the reports written around Folio are indexed and given their customer's name (the
    // word is looked up in the text indexes outside open-only queues, and the name is tested on
    // the report in all: queue-text.ts), on this connection (the reads cannot write).
    await catchUpReportText(ctx.db);
    // The departments, tested before the word on the word's candidates (written as below for a
    // list of keys).
    match = await textMatch(db, query.q, openOnly, (eb) =>
      inDepartments(eb, testedPerRow('reports.department_code')),
    );
  }
  // A viewer whose departments are every department there is (a supervisor of all four) sees
  // what an every-department viewer sees, but for the reports of none (unrouted): across every
  // status, the reports are read as one range in the page's order with the department tested on
  // each, instead of part by part (below), which reads a page from each of eight parts to keep
  // one (a supervisor's every-status search for a common word: 3.7 ms → 1 ms on 1,000,000).
  // Open reports are read as they are: their indexes already hold every department in order.
  const everyDepartment =
    !openOnly &&
    query.department === undefined &&
    !canSeeDepartment(viewer, null) &&
    (await new ConfigurationRepository(ctx.db).coversEveryDepartment(viewer.departments));
  /**
   * The rows of the page (and one more), read from `among` when the matches are a list of
   * candidates: the whole list, or the zones of it `firstByPromise` chooses.
   */
  const readRows = async (among: RawBuilder<{ id: number }> | undefined) => {
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
    // The filters go on `q`, which is either the whole query or the subquery that picks the page's
    // keys (below). Its customer is a left join, which the foreign key makes the same rows as an
    // inner one (every report has its customer), so that both databases leave the customer out of
    // that subquery when no filter reads it.
    let q = reports.leftJoin('customers', 'customers.customer_number', 'reports.customer_number');
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
        ? await kindParts(ctx, query, viewer, halves, sort)
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
      q = q.where((eb) => inDepartments(eb, department));
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
    const pageLimit = fixedLimit(query.limit + 1);
    /** The key the page's rows are read again by, once chosen (not across parts: see below). */
    const pageKey = rowKeyOf(db, 'reports', 'number');
    // Rows read in order: the page is the first rows that pass, each joined as it is read. Rows that
    // must be sorted: the page's keys are chosen first, from what the filters read (often index
    // entries alone), and only its rows are then read and joined; sorting whole rows meant reading
    // every candidate's customer and assignee (created-week: 1,604 of them for 50).
    // Read in parts: each part's first page with its sort key, and of those the page's keys (only
    // the page's rows are then read, not every part's). The parts differ only in their values: one
    // query compiled once per shape and repeated (union-of-parts.ts).
    const partsPageKeys =
      parts.length === 0
        ? undefined
        : sql`(select "parts"."number" from (${unionAllOf(
            parts,
            (part) => [...part.where.map(([, value]) => value).filter((v) => v !== null), part.half],
            (part) => `${part.where.map(([column, value]) => `${column}${value === null ? ' null' : ''}`)}`,
            (values, part) => {
              let next = 0;
              return part.where
                .reduce(
                  (partQuery, [column, value]) =>
                    value === null
                      ? partQuery.where(column, 'is', null)
                      : partQuery.where(column, '=', values[next++] as string),
                  q,
                )
                .$if(part.half !== undefined, (partQuery) =>
                  partQuery.where('reports.is_open', '=', values[next] as number),
                )
                .select(['reports.number', (eb) => eb.ref(order.column).as('sort_key')])
                .orderBy(order.column, order.direction)
                .orderBy('reports.number', order.direction)
                .limit(pageLimit);
            },
          )}) as "parts" order by "parts"."sort_key" ${sql.raw(order.direction)}, "parts"."number" ${sql.raw(
            order.direction,
          )} limit ${pageLimit})`;
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
  };
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
