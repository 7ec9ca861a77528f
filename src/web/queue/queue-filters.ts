/**
 * The queue's filters as they live in the address bar, so a filtered queue can be bookmarked,
 * shared or reloaded, and as the `GET /api/v1/reports` query they ask for. Anything in the
 * address that is not a known value is ignored rather than sent to the server.
 */
import { PROMISE_STATES, type PromiseState } from '../../core/promise.js';
import {
  CHANNELS,
  type Channel,
  REPORT_TYPES,
  type ReportStatus,
  type ReportType,
  STATUSES,
} from '../../core/report.js';
import { TRACKS, type Track } from '../../core/routing.js';
import { isOpenStatus } from '../../core/workflow.js';

export const QUEUE_SORTS = ['promise', '-created'] as const;
export type QueueSortChoice = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  /** Empty: every status. */
  status: ReportStatus[];
  /** `me`, `none`, a username, or '' for anyone. */
  assignee: string;
  type: ReportType[];
  track: Track | '';
  channel: Channel | '';
  colonia: string;
  promise: PromiseState | '';
  /** `YYYY-MM-DD`, whole days in Rioverde. */
  createdFrom: string;
  createdTo: string;
  q: string;
  sort: QueueSortChoice;
}

/** What a queue shows unless told otherwise: the reports someone still has to work. */
export const OPEN_STATUSES: readonly ReportStatus[] = STATUSES.filter(isOpenStatus);

export const PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const USERNAME = /^[a-z0-9._-]{1,40}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

function listOf<T extends string>(values: readonly T[], value: string | null): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((v) => v.trim()));
  // In the table's order, so the same choice always reads (and caches) the same.
  return values.filter((v) => wanted.has(v));
}

const text = (value: string | null, max = 100) => (value ?? '').trim().slice(0, max);

export function filtersFromSearch(params: URLSearchParams): QueueFilters {
  const assignee = text(params.get('assignee'), 40);
  const createdFrom = text(params.get('createdFrom'));
  const createdTo = text(params.get('createdTo'));
  return {
    // Absent: the open statuses; present but empty: every status.
    status: params.has('status') ? listOf(STATUSES, params.get('status')) : [...OPEN_STATUSES],
    assignee: USERNAME.test(assignee) ? assignee : '',
    type: listOf(REPORT_TYPES, params.get('type')),
    track: oneOf(TRACKS, params.get('track')),
    channel: oneOf(CHANNELS, params.get('channel')),
    colonia: text(params.get('colonia')),
    promise: oneOf(PROMISE_STATES, params.get('promise')),
    createdFrom: DATE.test(createdFrom) ? createdFrom : '',
    createdTo: DATE.test(createdTo) ? createdTo : '',
    q: text(params.get('q')),
    sort: oneOf(QUEUE_SORTS, params.get('sort')) || 'promise',
  };
}

const sameStatuses = (a: readonly ReportStatus[], b: readonly ReportStatus[]) =>
  a.length === b.length && a.every((status) => b.includes(status));

/** The address-bar form: only what differs from the default queue. */
export function searchFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (!sameStatuses(filters.status, OPEN_STATUSES)) params.set('status', filters.status.join(','));
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.type.length > 0) params.set('type', filters.type.join(','));
  if (filters.track) params.set('track', filters.track);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.colonia.trim()) params.set('colonia', filters.colonia.trim());
  if (filters.promise) params.set('promise', filters.promise);
  if (filters.createdFrom) params.set('createdFrom', filters.createdFrom);
  if (filters.createdTo) params.set('createdTo', filters.createdTo);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== 'promise') params.set('sort', filters.sort);
  return params;
}

/** The `GET /api/v1/reports` query for one page of the queue (the cursor is added per page). */
export function queueApiQuery(filters: QueueFilters, department: string | null): string {
  const params = new URLSearchParams();
  if (department) params.set('department', department);
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  const { status: _status, sort, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) {
    const joined = Array.isArray(value) ? value.join(',') : value.trim();
    if (joined) params.set(key, joined);
  }
  // Promise order is the server's default.
  if (sort !== 'promise') params.set('sort', sort);
  params.set('limit', String(PAGE_SIZE));
  return params.toString();
}

/** How many filters narrow the queue beyond the default (for "Limpiar filtros"). */
export function narrowingCount(filters: QueueFilters): number {
  return [...searchFromFilters(filters).keys()].filter((key) => key !== 'sort').length;
}
