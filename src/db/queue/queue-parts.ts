import { type RawBuilder, sql } from 'kysely';
import { canSeeDepartment, type StaffUser } from '../../core/permissions.js';
import { REPORT_TYPES } from '../../core/report.js';
import type { QueueSort } from '../../core/requests/back-office.js';
import { TRACKS } from '../../core/routing.js';
import { unionAllOf } from '../union-of-parts.js';
import type { Filtered, QueueOrder, QueueReading, ReportListQuery } from './read-queue.js';

/**
 * The queue read in parts (readQueueRows): ranges of an index, each in the page's order, each
 * giving its first page; the page is the first rows of those.
 */

/**
 * A part of the queue read on its own in the page's order (see `parts` in readQueueRows): an
 * index's leading columns equal to these values, and `is_open` to `half` unless the query
 * already tests it.
 */
export interface Part {
  where: ['reports.department_code' | 'reports.type' | 'reports.track', string | null][];
  half: number | undefined;
}

/**
 * The most parts a queue narrowed to types or tracks is read in (`kindParts`); a part that has
 * no reports is one index seek, and the statement is prepared once per shape.
 */
export const MOST_KIND_PARTS = 96;

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
export async function kindParts(
  departmentCodes: QueueReading['departmentCodes'],
  query: ReportListQuery,
  viewer: StaffUser,
  halves: (number | undefined)[],
  sort: QueueSort,
): Promise<Part[]> {
  const departments: (string | null)[] =
    query.department !== undefined
      ? [query.department]
      : canSeeDepartment(viewer, null)
        ? [...(await departmentCodes()), null]
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

/**
 * The keys of the page among the parts' first pages: each part's first page with its sort key,
 * and of those the page's keys (only the page's rows are then read, not every part's). The
 * parts differ only in their values: one query compiled once per shape and repeated
 * (union-of-parts.ts).
 */
export function pageKeysOfParts(
  q: Filtered,
  parts: Part[],
  order: QueueOrder,
  pageLimit: RawBuilder<number>,
) {
  return sql<string>`(select "parts"."number" from (${unionAllOf(
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
}
