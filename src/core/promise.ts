/**
 * The promise (`dueAt`) a customer is given when a report is filed, as the manual states it
 * per track, how waiting on the customer pushes it back, and how a report stands against it.
 */
import {
  addBusinessDays,
  addBusinessMillis,
  addMonths,
  type BusinessCalendar,
  businessDaysBetween,
  businessMillisBetween,
  endOfBusinessDay,
  type LocalDate,
  localDateOf,
  zonedInstant,
} from './calendar.js';
import type { Track } from './routing.js';

export interface PromisePolicy {
  technicalHours: number;
  urgentTechnicalHours: number;
  reviewMaxBusinessDays: number;
  /** A billing period starting sooner than this after filing leaves no time to correct it. */
  minBusinessDaysBeforeBillingPeriod: number;
  externalDefaultDays: number;
  /** Share of the promised time after which a report is flagged as at risk. */
  atRiskFraction: number;
}

export const defaultPromisePolicy: PromisePolicy = Object.freeze({
  technicalHours: 24,
  urgentTechnicalHours: 2,
  reviewMaxBusinessDays: 30,
  minBusinessDaysBeforeBillingPeriod: 3,
  externalDefaultDays: 7,
  atRiskFraction: 0.8,
});

/** The manual promises 1 to 7 days for faults outside the company's control. */
export const EXTERNAL_MIN_DAYS = 1;
export const EXTERNAL_MAX_DAYS = 7;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BillingCycle {
  /** Day of the month the billing period starts, 1..28 so it exists in every month. */
  billingCycleDay: number;
  /** From the billing system when known; beats the cycle day. */
  nextBillingDate?: LocalDate;
  billingPeriodMonths?: 1 | 2;
}

export interface BillingPeriodQuery extends BillingCycle {
  filedAt: Date;
  minBusinessDaysAhead?: number;
}

/**
 * The first day of the billing period a review must be settled before: the next period start
 * after the filing day, or the one after it when the next starts too soon to act on.
 *
 * Without `nextBillingDate` a bimonthly customer's period could start in either of the next
 * two months; the nearer one is taken, which can only make the promise earlier, never late.
 */
export function nextBillingPeriodStart(query: BillingPeriodQuery, cal: BusinessCalendar): LocalDate {
  const {
    filedAt,
    billingCycleDay,
    nextBillingDate,
    billingPeriodMonths = 1,
    minBusinessDaysAhead = 3,
  } = query;
  if (!Number.isInteger(billingCycleDay) || billingCycleDay < 1 || billingCycleDay > 28) {
    throw new RangeError(`billing cycle day must be 1..28: ${billingCycleDay}`);
  }
  if (billingPeriodMonths !== 1 && billingPeriodMonths !== 2) {
    throw new RangeError(`billing period must be 1 or 2 months: ${billingPeriodMonths}`);
  }
  const filingDay = localDateOf(filedAt);
  let anchor: LocalDate;
  let step: number;
  if (nextBillingDate !== undefined) {
    anchor = nextBillingDate;
    step = billingPeriodMonths;
  } else {
    anchor = `${filingDay.slice(0, 8)}${String(billingCycleDay).padStart(2, '0')}`;
    step = 1;
  }
  // Every step counts from the anchor so a period on the 31st does not drift to the 28th.
  let steps = 0;
  while (addMonths(anchor, steps * step) <= filingDay) steps++;
  const start = addMonths(anchor, steps * step);
  if (businessDaysBetween(filingDay, start, cal) >= minBusinessDaysAhead) return start;
  return addMonths(anchor, steps * step + billingPeriodMonths);
}

export interface PromiseQuery {
  track: Track;
  filedAt: Date;
  customer: BillingCycle;
  /** Technical only: a fault that leaves the customer without service. */
  urgent?: boolean;
  /** External only: the days the agent promised, 1..7. */
  externalDays?: number;
  policy: PromisePolicy;
  calendar: BusinessCalendar;
}

export function promiseFor(query: PromiseQuery): Date {
  const { track, filedAt, policy, calendar } = query;
  switch (track) {
    case 'immediate':
      return endOfBusinessDay(filedAt, calendar);
    case 'review': {
      const periodStart = nextBillingPeriodStart(
        { filedAt, ...query.customer, minBusinessDaysAhead: policy.minBusinessDaysBeforeBillingPeriod },
        calendar,
      );
      const beforeBilling = zonedInstant(periodStart, '00:00');
      const lastDay = addBusinessDays(localDateOf(filedAt), policy.reviewMaxBusinessDays, calendar);
      const atTheLatest = zonedInstant(lastDay, calendar.officeCloses);
      return new Date(Math.min(beforeBilling.getTime(), atTheLatest.getTime()));
    }
    case 'technical': {
      // Technicians work every day, so these are plain hours, not office hours.
      const hours = query.urgent ? policy.urgentTechnicalHours : policy.technicalHours;
      return new Date(filedAt.getTime() + hours * HOUR_MS);
    }
    case 'external': {
      const days = query.externalDays ?? policy.externalDefaultDays;
      if (!Number.isInteger(days) || days < EXTERNAL_MIN_DAYS || days > EXTERNAL_MAX_DAYS) {
        throw new RangeError(
          `external promise must be ${EXTERNAL_MIN_DAYS}..${EXTERNAL_MAX_DAYS} days: ${days}`,
        );
      }
      // Mexico City has no DST since 2022, so a calendar day is 24 h.
      return new Date(filedAt.getTime() + days * DAY_MS);
    }
  }
}

export interface Pause {
  from: Date;
  /** null while the report is still waiting on the customer. */
  to: Date | null;
}

/** Tracks whose promise is counted in office time, so only paused office time gives it back. */
function isOfficeTimeTrack(track: Track): boolean {
  return track === 'immediate' || track === 'review';
}

/** Paused intervals with open ones closed at `now`, overlaps merged so no time counts twice. */
function mergedPauses(pauses: readonly Pause[], now: Date): { from: number; to: number }[] {
  const intervals = pauses
    .map((p) => ({ from: p.from.getTime(), to: (p.to ?? now).getTime() }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

export function dueAtAfterPauses(query: {
  track: Track;
  originalDueAt: Date;
  pauses: readonly Pause[];
  now: Date;
  calendar: BusinessCalendar;
}): Date {
  const { track, originalDueAt, calendar } = query;
  const intervals = mergedPauses(query.pauses, query.now);
  if (isOfficeTimeTrack(track)) {
    const paused = intervals.reduce(
      (sum, p) => sum + businessMillisBetween(new Date(p.from), new Date(p.to), calendar),
      0,
    );
    return addBusinessMillis(originalDueAt, paused, calendar);
  }
  const paused = intervals.reduce((sum, p) => sum + (p.to - p.from), 0);
  return new Date(originalDueAt.getTime() + paused);
}

export const PROMISE_STATES = ['on_track', 'at_risk', 'breached'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/**
 * Where a report stands against its promise. A resolved report is judged by its outcome
 * alone: kept (`on_track`) or not (`breached`); "at risk" only means something while work goes on.
 */
export function promiseState(query: {
  filedAt: Date;
  dueAt: Date;
  now: Date;
  resolvedAt?: Date | null;
  policy: PromisePolicy;
}): PromiseState {
  if (query.resolvedAt) return promiseKept(query.dueAt, query.resolvedAt) ? 'on_track' : 'breached';
  const now = query.now.getTime();
  if (now > query.dueAt.getTime()) return 'breached';
  return now >= atRiskAt(query).getTime() ? 'at_risk' : 'on_track';
}

/**
 * The moment a report turns "at risk": when the share `atRiskFraction` of the promised time
 * (from filing to the promise as first given) is used up. Measured back from the current
 * `dueAt`, so time spent waiting on the customer moves it later with the promise.
 */
export function atRiskAt(query: {
  filedAt: Date;
  dueAt: Date;
  baseDueAt?: Date;
  policy: Pick<PromisePolicy, 'atRiskFraction'>;
}): Date {
  const promised = (query.baseDueAt ?? query.dueAt).getTime() - query.filedAt.getTime();
  const margin = Math.max(0, promised) * (1 - query.policy.atRiskFraction);
  return new Date(query.dueAt.getTime() - margin);
}

export function promiseKept(dueAt: Date, resolvedAt: Date): boolean {
  return resolvedAt.getTime() <= dueAt.getTime();
}
