import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar, zonedInstant } from './calendar.js';
import {
  atRiskAt,
  type BillingCycle,
  defaultPromisePolicy,
  dueAtAfterPauses,
  nextBillingPeriodStart,
  type PromisePolicy,
  promiseFor,
  promiseKept,
  promiseState,
} from './promise.js';
import type { Track } from './routing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const calendar = defaultCalendar;
const policy = defaultPromisePolicy;
const local = (date: string, time: string) => zonedInstant(date, time);
const monthly: BillingCycle = { billingCycleDay: 15 };

function promise(track: Track, filedAt: Date, extra: Partial<Parameters<typeof promiseFor>[0]> = {}): string {
  return promiseFor({ track, filedAt, customer: monthly, policy, calendar, ...extra }).toISOString();
}

describe('immediate promise', () => {
  it('is closing time today while the office is open', () => {
    expect(promise('immediate', local('2026-11-12', '10:15'))).toBe('2026-11-13T00:00:00.000Z');
  });

  it('is Monday closing time for a report filed Friday evening', () => {
    expect(promise('immediate', local('2026-11-06', '18:30'))).toBe('2026-11-10T00:00:00.000Z');
  });

  it('is Tuesday when the Monday after is a rest day (Revolución, 16 Nov 2026)', () => {
    expect(promise('immediate', local('2026-11-13', '19:00'))).toBe('2026-11-18T00:00:00.000Z');
  });

  it('skips the holiday for a report filed after hours on its eve', () => {
    // 16 Sep 2026 (Independencia) is a Wednesday.
    expect(promise('immediate', local('2026-09-15', '18:30'))).toBe('2026-09-18T00:00:00.000Z');
    expect(promise('immediate', local('2026-09-15', '17:00'))).toBe('2026-09-16T00:00:00.000Z');
    // Christmas Eve evening: Christmas Friday, then the weekend.
    expect(promise('immediate', local('2026-12-24', '19:00'))).toBe('2026-12-29T00:00:00.000Z');
  });

  it('respects holidays the administrator added', () => {
    const holyWeek: BusinessCalendar = { ...calendar, extraHolidays: new Set(['2026-04-02', '2026-04-03']) };
    const due = promiseFor({
      track: 'immediate',
      filedAt: local('2026-04-01', '18:05'),
      customer: monthly,
      policy,
      calendar: holyWeek,
    });
    expect(due.toISOString()).toBe('2026-04-07T00:00:00.000Z');
  });
});

describe('nextBillingPeriodStart', () => {
  const start = (filedAt: Date, cycle: BillingCycle, minBusinessDaysAhead?: number) =>
    nextBillingPeriodStart(
      { filedAt, ...cycle, ...(minBusinessDaysAhead === undefined ? {} : { minBusinessDaysAhead }) },
      calendar,
    );

  it('takes the next cycle day after the filing day', () => {
    expect(start(local('2026-03-02', '10:00'), { billingCycleDay: 20 })).toBe('2026-03-20');
    expect(start(local('2026-03-25', '10:00'), { billingCycleDay: 20 })).toBe('2026-04-20');
    expect(start(local('2026-12-28', '10:00'), { billingCycleDay: 20 })).toBe('2027-01-20');
  });

  it('takes the period after one that starts tomorrow', () => {
    // Monday 9 Mar 2026; the 10th is 1 business day away.
    expect(start(local('2026-03-09', '10:00'), { billingCycleDay: 10 })).toBe('2026-04-10');
    // The filing day itself is never a "next" start.
    expect(start(local('2026-03-10', '10:00'), { billingCycleDay: 10 })).toBe('2026-04-10');
  });

  it('needs at least 3 business days before the period starts', () => {
    expect(start(local('2026-03-09', '10:00'), { billingCycleDay: 11 })).toBe('2026-04-11');
    expect(start(local('2026-03-09', '10:00'), { billingCycleDay: 12 })).toBe('2026-03-12');
    // Thu 12 Mar → Tue 17 Mar counts Fri 13 and Tue 17 only (weekend, then Juárez on Monday 16).
    expect(start(local('2026-03-12', '10:00'), { billingCycleDay: 17 })).toBe('2026-04-17');
  });

  it('uses the filing day in Mexico City, not in UTC', () => {
    // 21:00 on Monday 9 Mar locally is already the 10th in UTC.
    expect(start(new Date('2026-03-10T03:00:00Z'), { billingCycleDay: 10 }, 1)).toBe('2026-03-10');
  });

  it('prefers the next billing date from the billing system', () => {
    expect(start(local('2026-05-20', '10:00'), { billingCycleDay: 1, nextBillingDate: '2026-06-30' })).toBe(
      '2026-06-30',
    );
  });

  it('steps a past billing date forward by whole periods without drifting', () => {
    expect(start(local('2026-03-05', '10:00'), { billingCycleDay: 28, nextBillingDate: '2026-01-31' })).toBe(
      '2026-03-31',
    );
  });

  it('steps bimonthly periods two months at a time', () => {
    const bimonthly = { billingCycleDay: 15, billingPeriodMonths: 2 as const };
    expect(start(local('2026-05-20', '10:00'), { ...bimonthly, nextBillingDate: '2026-05-15' })).toBe(
      '2026-07-15',
    );
    expect(start(local('2026-05-20', '10:00'), { ...bimonthly, nextBillingDate: '2026-05-20' })).toBe(
      '2026-07-20',
    );
    // Too soon (Fri 29 May and Mon 1 Jun only): the next bimonthly period is August, not July.
    expect(start(local('2026-05-28', '10:00'), { ...bimonthly, nextBillingDate: '2026-06-01' })).toBe(
      '2026-08-01',
    );
    expect(start(local('2026-05-28', '10:00'), { billingCycleDay: 1, billingPeriodMonths: 2 })).toBe(
      '2026-08-01',
    );
    expect(start(local('2026-05-28', '10:00'), { billingCycleDay: 1, nextBillingDate: '2026-06-01' })).toBe(
      '2026-07-01',
    );
  });

  it('rejects a cycle day that does not exist in every month', () => {
    expect(() => start(local('2026-05-28', '10:00'), { billingCycleDay: 29 })).toThrow(RangeError);
    expect(() => start(local('2026-05-28', '10:00'), { billingCycleDay: 0 })).toThrow(RangeError);
  });
});

describe('review promise', () => {
  it('is midnight before the next billing period when that comes first', () => {
    expect(promise('review', local('2026-03-02', '10:00'), { customer: { billingCycleDay: 20 } })).toBe(
      '2026-03-20T06:00:00.000Z',
    );
  });

  it('skips a billing period that starts tomorrow', () => {
    expect(promise('review', local('2026-03-09', '10:00'), { customer: { billingCycleDay: 10 } })).toBe(
      '2026-04-10T06:00:00.000Z',
    );
  });

  it('is closing time of the 30th business day across Christmas and New Year', () => {
    // Dec 25, Jan 1 and Mon 1 Feb 2027 are rest days: the 30th business day is Tue 9 Feb.
    const customer: BillingCycle = {
      billingCycleDay: 20,
      nextBillingDate: '2027-02-20',
      billingPeriodMonths: 2,
    };
    expect(promise('review', local('2026-12-24', '10:00'), { customer })).toBe('2027-02-10T00:00:00.000Z');
  });

  it('is capped at 30 business days for a bimonthly customer', () => {
    const customer: BillingCycle = {
      billingCycleDay: 15,
      nextBillingDate: '2026-05-15',
      billingPeriodMonths: 2,
    };
    expect(promise('review', local('2026-05-20', '10:00'), { customer })).toBe('2026-07-02T00:00:00.000Z');
  });

  it('follows the policy', () => {
    const strict: PromisePolicy = { ...policy, reviewMaxBusinessDays: 5 };
    expect(
      promise('review', local('2026-11-12', '10:00'), { policy: strict, customer: { billingCycleDay: 28 } }),
    ).toBe('2026-11-21T00:00:00.000Z');
  });
});

describe('technical and external promises', () => {
  // Saturday night before a Monday rest day: plain hours, technicians work every day.
  const filedAt = new Date('2026-11-15T04:00:00Z');

  it('is 24 hours, or 2 hours when urgent', () => {
    expect(promise('technical', filedAt)).toBe('2026-11-16T04:00:00.000Z');
    expect(promise('technical', filedAt, { urgent: true })).toBe('2026-11-15T06:00:00.000Z');
  });

  it('is 1 to 7 calendar days for external causes, 7 by default', () => {
    for (let days = 1; days <= 7; days++) {
      expect(promise('external', filedAt, { externalDays: days })).toBe(
        new Date(filedAt.getTime() + days * DAY).toISOString(),
      );
    }
    expect(promise('external', filedAt)).toBe('2026-11-22T04:00:00.000Z');
  });

  it('refuses external days outside 1..7', () => {
    for (const externalDays of [0, 8, 2.5, -1]) {
      expect(() => promise('external', filedAt, { externalDays })).toThrow(RangeError);
    }
  });
});

describe('dueAtAfterPauses', () => {
  // Friday 17:00 to Monday 10:00: 65 hours, of which 2 are office hours.
  const weekendPause = { from: local('2026-11-06', '17:00'), to: local('2026-11-09', '10:00') };
  const later = local('2026-12-01', '12:00');

  it('moves a review promise by paused office time only', () => {
    const due = dueAtAfterPauses({
      track: 'review',
      originalDueAt: local('2026-11-25', '18:00'),
      pauses: [weekendPause],
      now: later,
      calendar,
    });
    expect(due).toEqual(local('2026-11-26', '11:00'));
  });

  it('moves a technical promise by paused plain time', () => {
    const due = dueAtAfterPauses({
      track: 'technical',
      originalDueAt: new Date('2026-11-10T12:00:00Z'),
      pauses: [weekendPause],
      now: later,
      calendar,
    });
    expect(due.toISOString()).toBe('2026-11-13T05:00:00.000Z');
  });

  it('counts an open pause up to now', () => {
    const due = dueAtAfterPauses({
      track: 'review',
      originalDueAt: local('2026-11-25', '18:00'),
      pauses: [{ from: weekendPause.from, to: null }],
      now: weekendPause.to,
      calendar,
    });
    expect(due).toEqual(local('2026-11-26', '11:00'));
  });

  it('does not count overlapping pauses twice', () => {
    const due = dueAtAfterPauses({
      track: 'external',
      originalDueAt: new Date('2026-11-20T00:00:00Z'),
      pauses: [
        { from: new Date('2026-11-10T00:00:00Z'), to: new Date('2026-11-10T05:00:00Z') },
        { from: new Date('2026-11-10T03:00:00Z'), to: new Date('2026-11-10T04:00:00Z') },
        { from: new Date('2026-11-10T04:30:00Z'), to: new Date('2026-11-10T06:00:00Z') },
      ],
      now: later,
      calendar,
    });
    expect(due.toISOString()).toBe('2026-11-20T06:00:00.000Z');
  });

  it('leaves an office-time promise alone when the pause was outside office hours', () => {
    const original = local('2026-11-25', '18:00');
    const due = dueAtAfterPauses({
      track: 'immediate',
      originalDueAt: original,
      pauses: [{ from: local('2026-11-14', '09:00'), to: local('2026-11-16', '20:00') }],
      now: later,
      calendar,
    });
    expect(due).toEqual(original);
  });
});

describe('promiseState', () => {
  const filedAt = new Date('2026-11-10T00:00:00Z');
  const dueAt = new Date('2026-11-10T10:00:00Z');
  const at = (hours: number) => new Date(filedAt.getTime() + hours * HOUR);
  const state = (now: Date, resolvedAt?: Date) =>
    promiseState({ filedAt, dueAt, now, policy, ...(resolvedAt ? { resolvedAt } : {}) });

  it('is on track until 80% of the promised time has passed', () => {
    expect(state(at(7.9))).toBe('on_track');
    expect(state(at(8))).toBe('at_risk');
    expect(state(dueAt)).toBe('at_risk');
  });

  it('is breached once the promise has passed unresolved', () => {
    expect(state(new Date(dueAt.getTime() + 1))).toBe('breached');
  });

  it('judges a resolved report by whether the promise was kept', () => {
    expect(state(at(100), at(5))).toBe('on_track');
    expect(state(at(100), at(9))).toBe('on_track');
    expect(state(at(100), at(11))).toBe('breached');
  });

  it('turns at risk later when waiting on the customer moved the promise', () => {
    const moved = new Date(dueAt.getTime() + 5 * HOUR);
    expect(atRiskAt({ filedAt, dueAt, policy })).toEqual(at(8));
    expect(atRiskAt({ filedAt, dueAt: moved, baseDueAt: dueAt, policy })).toEqual(at(13));
  });

  it('knows whether the promise was kept', () => {
    expect(promiseKept(dueAt, dueAt)).toBe(true);
    expect(promiseKept(dueAt, at(3))).toBe(true);
    expect(promiseKept(dueAt, new Date(dueAt.getTime() + 1))).toBe(false);
  });
});
