import { addCalendarDays, isLocalDate, zonedInstant } from '../../../core/calendar.js';

/** The filters as the administrator typed them: dates are office-calendar days (YYYY-MM-DD). */
export interface AuditFilters {
  actor: string;
  action: string;
  from: string;
  to: string;
  limit: number;
}

export const AUDIT_LIMITS = [50, 100, 200, 500] as const;

export const emptyAuditFilters: AuditFilters = { actor: '', action: '', from: '', to: '', limit: 100 };

/**
 * Every action the server writes to the log. The filter matches exactly, so it is a choice
 * among these rather than free text.
 */
export const AUDIT_ACTIONS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_out.everywhere',
  'password.changed',
  'user.created',
  'user.updated',
  'token.created',
  'token.revoked',
  'token.used',
  'department.created',
  'department.updated',
  'routing.updated',
  'promise_policy.updated',
  'holiday.added',
  'holiday.removed',
  'office.updated',
  'customer.created',
  'customer.updated',
  'customer.searched',
  'customer.viewed',
  'customer.verified',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * `GET /api/v1/audit`'s query string. "From" and "to" are whole days in Mexico City: from the
 * start of the first to the end of the last (the API's `to` is exclusive), whatever the
 * browser's own time zone.
 */
export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  const actor = filters.actor.trim();
  if (actor) params.set('actor', actor);
  if (filters.action) params.set('action', filters.action);
  if (isLocalDate(filters.from)) params.set('from', zonedInstant(filters.from, '00:00').toISOString());
  if (isLocalDate(filters.to))
    params.set('to', zonedInstant(addCalendarDays(filters.to, 1), '00:00').toISOString());
  params.set('limit', String(filters.limit));
  return params;
}

/** A date range the wrong way round finds nothing; the form says so instead of asking. */
export function invertedRange(filters: Pick<AuditFilters, 'from' | 'to'>): boolean {
  return isLocalDate(filters.from) && isLocalDate(filters.to) && filters.from > filters.to;
}

/** An entry's details as short `key: value` lines; nested values as compact JSON. */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}: ${text}`;
  });
}
