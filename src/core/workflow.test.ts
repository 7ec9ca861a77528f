import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInput, RuleBroken } from './errors.js';
import { type ReportStatus, STATUSES } from './report.js';
import {
  allowedTransitions,
  checkTransition,
  defaultWorkflowPolicy,
  dueForAutoClose,
  isOpenStatus,
  pausesClock,
  STATUS_LABELS_ES,
  stopsClock,
  TRANSITIONS,
  type TransitionKind,
  type WorkflowPolicy,
} from './workflow.js';

const DAY_MS = 86_400_000;
const now = new Date('2025-03-10T18:00:00Z');
const policy = defaultWorkflowPolicy;
const daysBefore = (days: number, at = now) => new Date(at.getTime() - days * DAY_MS);

/**
 * The workflow written out a second time, by hand. Editing TRANSITIONS without editing this
 * list fails the walk below, which is the point.
 */
const EXPECTED_EDGES: ReadonlyArray<readonly [ReportStatus, ReportStatus, TransitionKind]> = [
  ['new', 'assigned', 'assign'],
  ['new', 'in_progress', 'start'],
  ['new', 'waiting_customer', 'pause'],
  ['new', 'resolved', 'resolve'],
  ['new', 'cancelled', 'cancel'],
  ['assigned', 'new', 'unassign'],
  ['assigned', 'in_progress', 'start'],
  ['assigned', 'waiting_customer', 'pause'],
  ['assigned', 'resolved', 'resolve'],
  ['assigned', 'cancelled', 'cancel'],
  ['in_progress', 'waiting_customer', 'pause'],
  ['in_progress', 'resolved', 'resolve'],
  ['in_progress', 'cancelled', 'cancel'],
  ['waiting_customer', 'in_progress', 'resume'],
  ['waiting_customer', 'resolved', 'resolve'],
  ['waiting_customer', 'cancelled', 'cancel'],
  ['resolved', 'closed', 'close'],
  ['resolved', 'in_progress', 'reopen'],
  ['closed', 'in_progress', 'reopen'],
];

/** Everything any edge could ask for, so only the table decides. */
const complete = (from: ReportStatus, to: ReportStatus) => ({
  from,
  to,
  reason: 'El cliente lo pidió.',
  resolution: 'Se corrigió la lectura del medidor.',
  resolvedAt: daysBefore(1),
  now,
  policy,
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('TRANSITIONS', () => {
  it('has a row for every status and names only known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
    for (const from of STATUSES) {
      for (const to of TRANSITIONS[from]) expect(STATUSES).toContain(to);
      expect(new Set(TRANSITIONS[from]).size).toBe(TRANSITIONS[from].length);
      expect(allowedTransitions(from)).toBe(TRANSITIONS[from]);
    }
  });

  it('matches the hand-written edge list exactly', () => {
    const fromTable = STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}→${to}`)).sort();
    expect(fromTable).toEqual(EXPECTED_EDGES.map(([from, to]) => `${from}→${to}`).sort());
  });

  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
  it('walks all 49 pairs', () => expect(pairs).toHaveLength(49));

  it.each(pairs)('%s → %s is allowed exactly when the table says so', (from, to) => {
    const expected = EXPECTED_EDGES.find(([f, t]) => f === from && t === to);
    if (expected) {
      expect(TRANSITIONS[from]).toContain(to);
      expect(checkTransition(complete(from, to))).toEqual({ kind: expected[2] });
    } else {
      expect(TRANSITIONS[from]).not.toContain(to);
      const error = thrown(() => checkTransition(complete(from, to)));
      expect(error).toBeInstanceOf(RuleBroken);
      expect(error).toMatchObject({
        code: 'invalid_transition',
        message: `No se puede pasar de «${STATUS_LABELS_ES[from]}» a «${STATUS_LABELS_ES[to]}».`,
      });
    }
  });

  it('forbids every change out of cancelled, all but reopening out of closed, and every change to the same status', () => {
    expect(TRANSITIONS.closed).toEqual(['in_progress']);
    expect(TRANSITIONS.cancelled).toEqual([]);
    for (const status of STATUSES) expect(TRANSITIONS[status]).not.toContain(status);
    expect(() => checkTransition(complete('closed', 'resolved'))).toThrow(
      'No se puede pasar de «cerrado» a «resuelto».',
    );
  });

  it('reopens a report auto-closed after 7 days while the 30-day window lasts', () => {
    expect(
      checkTransition({
        from: 'closed',
        to: 'in_progress',
        reason: 'Volvió a fallar.',
        resolvedAt: daysBefore(10),
        now,
        policy,
      }),
    ).toEqual({ kind: 'reopen' });
    expect(
      thrown(() =>
        checkTransition({
          from: 'closed',
          to: 'in_progress',
          reason: 'Volvió a fallar.',
          resolvedAt: daysBefore(31),
          now,
          policy,
        }),
      ),
    ).toMatchObject({ code: 'reopen_window_passed' });
  });

  it('keeps the key edges of a service desk', () => {
    expect(TRANSITIONS.new).toContain('resolved'); // the immediate track
    expect(TRANSITIONS.new).toContain('waiting_customer'); // documents asked for at filing
    expect(TRANSITIONS.in_progress).toContain('waiting_customer');
    expect(TRANSITIONS.waiting_customer).toContain('in_progress');
    expect(TRANSITIONS.resolved).toContain('in_progress'); // reopen
    expect(TRANSITIONS.resolved).not.toContain('cancelled'); // done work is not cancelled
    expect(TRANSITIONS.new).not.toContain('closed'); // nothing closes without being resolved
    expect(TRANSITIONS.in_progress).not.toContain('new');
  });

  it('cannot be edited at run time', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const from of STATUSES) expect(Object.isFrozen(TRANSITIONS[from])).toBe(true);
  });
});

describe('status predicates', () => {
  it('classifies every status', () => {
    const table = Object.fromEntries(
      STATUSES.map((s) => [s, [isOpenStatus(s), pausesClock(s), stopsClock(s)]] as const),
    );
    expect(table).toEqual({
      new: [true, false, false],
      assigned: [true, false, false],
      in_progress: [true, false, false],
      waiting_customer: [true, true, false],
      resolved: [false, false, true],
      closed: [false, false, true],
      cancelled: [false, false, true],
    });
  });

  it('only reopening leads out of a status that stops the clock, and nothing out of cancelled', () => {
    for (const s of STATUSES) {
      if (stopsClock(s) && s !== 'resolved') {
        expect(allowedTransitions(s).filter((to) => to !== 'in_progress')).toEqual([]);
      }
    }
    expect(allowedTransitions('cancelled')).toEqual([]);
  });

  it('labels every status in Spanish', () => {
    expect(STATUS_LABELS_ES).toEqual({
      new: 'nuevo',
      assigned: 'asignado',
      in_progress: 'en proceso',
      waiting_customer: 'en espera del cliente',
      resolved: 'resuelto',
      closed: 'cerrado',
      cancelled: 'cancelado',
    });
  });
});

describe('checkTransition: texts', () => {
  it.each(['in_progress', 'new', 'waiting_customer'] as const)(
    'requires a resolution to resolve from %s',
    (from) => {
      for (const resolution of [undefined, '', '   ', '\n\t ']) {
        const error = thrown(() => checkTransition({ from, to: 'resolved', resolution, now, policy }));
        expect(error).toBeInstanceOf(InvalidInput);
        expect(error).toMatchObject({ code: 'invalid_input', fields: [{ path: 'resolution' }] });
      }
      expect(
        checkTransition({ from, to: 'resolved', resolution: ' Se cambió el medidor. ', now, policy }),
      ).toEqual({ kind: 'resolve' });
    },
  );

  it('requires a reason to cancel', () => {
    for (const reason of [undefined, '', '  ']) {
      const error = thrown(() => checkTransition({ from: 'assigned', to: 'cancelled', reason, now, policy }));
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error).toMatchObject({
        fields: [{ path: 'reason', message: 'Escriba el motivo de la cancelación.' }],
      });
    }
    expect(checkTransition({ from: 'assigned', to: 'cancelled', reason: 'Duplicado', now, policy })).toEqual({
      kind: 'cancel',
    });
  });

  it('requires a reason to reopen', () => {
    const error = thrown(() =>
      checkTransition({
        from: 'resolved',
        to: 'in_progress',
        reason: ' ',
        resolvedAt: daysBefore(2),
        now,
        policy,
      }),
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toMatchObject({ fields: [{ path: 'reason' }] });
  });

  it('needs no text for the other changes', () => {
    for (const [from, to, kind] of EXPECTED_EDGES) {
      if (kind === 'resolve' || kind === 'cancel' || kind === 'reopen') continue;
      expect(checkTransition({ from, to, now, policy })).toEqual({ kind });
    }
  });

  it('refuses a forbidden change before asking for texts', () => {
    const error = thrown(() => checkTransition({ from: 'closed', to: 'cancelled', now, policy }));
    expect(error).toMatchObject({ code: 'invalid_transition' });
  });
});

describe('checkTransition: reopen window', () => {
  const reopen = (resolvedAt: Date, p: WorkflowPolicy = policy) =>
    checkTransition({
      from: 'resolved',
      to: 'in_progress',
      reason: 'Volvió a fallar.',
      resolvedAt,
      now,
      policy: p,
    });

  it('allows reopening up to and including 30 days after resolving', () => {
    expect(reopen(daysBefore(0))).toEqual({ kind: 'reopen' });
    expect(reopen(daysBefore(29))).toEqual({ kind: 'reopen' });
    expect(reopen(daysBefore(30))).toEqual({ kind: 'reopen' });
  });

  it('refuses one millisecond past the window with reopen_window_passed', () => {
    const resolvedAt = new Date(daysBefore(30).getTime() - 1);
    const error = thrown(() => reopen(resolvedAt));
    expect(error).toBeInstanceOf(RuleBroken);
    expect(error).toMatchObject({ code: 'reopen_window_passed' });
    expect((error as Error).message).toContain('30 días');
    expect(() => reopen(daysBefore(31))).toThrow(RuleBroken);
  });

  it('refuses past the window before asking for a reason', () => {
    const error = thrown(() =>
      checkTransition({ from: 'resolved', to: 'in_progress', resolvedAt: daysBefore(40), now, policy }),
    );
    expect(error).toMatchObject({ code: 'reopen_window_passed' });
  });

  it('follows a configured window', () => {
    const short = { ...policy, reopenWindowDays: 5 };
    expect(reopen(daysBefore(5), short)).toEqual({ kind: 'reopen' });
    expect(() => reopen(daysBefore(6), short)).toThrow(
      expect.objectContaining({ code: 'reopen_window_passed' }),
    );
  });

  it('treats a missing resolvedAt as a programming error, not a user error', () => {
    for (const resolvedAt of [undefined, null]) {
      const error = thrown(() =>
        checkTransition({ from: 'resolved', to: 'in_progress', reason: 'x', resolvedAt, now, policy }),
      );
      expect(error).not.toBeInstanceOf(RuleBroken);
      expect(error).not.toBeInstanceOf(InvalidInput);
    }
  });

  it('allows exactly when the elapsed time is within the window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        fc.integer({ min: 0, max: 60 }),
        (elapsed, days) => {
          const p = { ...policy, reopenWindowDays: days };
          const resolvedAt = new Date(now.getTime() - elapsed);
          const allowed = elapsed <= days * DAY_MS;
          if (allowed) expect(reopen(resolvedAt, p)).toEqual({ kind: 'reopen' });
          else expect(() => reopen(resolvedAt, p)).toThrow(RuleBroken);
        },
      ),
    );
  });
});

describe('dueForAutoClose', () => {
  it('is due at exactly 7 days, not a millisecond before', () => {
    const resolvedAt = daysBefore(7);
    expect(dueForAutoClose(resolvedAt, now, policy)).toBe(true);
    expect(dueForAutoClose(new Date(resolvedAt.getTime() + 1), now, policy)).toBe(false);
    expect(dueForAutoClose(daysBefore(6), now, policy)).toBe(false);
    expect(dueForAutoClose(daysBefore(0), now, policy)).toBe(false);
    expect(dueForAutoClose(daysBefore(8), now, policy)).toBe(true);
  });

  it('follows a configured delay', () => {
    const p = { ...policy, autoCloseAfterDays: 3 };
    expect(dueForAutoClose(daysBefore(3), now, p)).toBe(true);
    expect(dueForAutoClose(daysBefore(2), now, p)).toBe(false);
  });

  it('once due, stays due as time passes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        fc.integer({ min: 0, max: DAY_MS }),
        (elapsed, more) => {
          const resolvedAt = new Date(now.getTime() - elapsed);
          const later = new Date(now.getTime() + more);
          if (dueForAutoClose(resolvedAt, now, policy))
            expect(dueForAutoClose(resolvedAt, later, policy)).toBe(true);
          expect(dueForAutoClose(resolvedAt, now, policy)).toBe(elapsed >= 7 * DAY_MS);
        },
      ),
    );
  });
});
