import { describe, expect, it } from 'vitest';
import { planAssignment } from './assignment.js';
import type { Role } from './permissions.js';
import type { ReportStatus } from './report.js';

const now = new Date('2026-11-26T16:00:00Z');
const actor = (username: string, ...roles: Role[]) => ({ username, roles });
const plan = (
  who: ReturnType<typeof actor>,
  status: ReportStatus,
  current: string | null,
  target: string | null,
) => planAssignment({ actor: who, status, current, target, now });

describe('assignment rules', () => {
  const ana = actor('ana', 'backoffice');
  const sofia = actor('sofia', 'supervisor');

  it('lets anyone who works reports take a free one, and give back their own', () => {
    expect(plan(ana, 'new', null, 'ana')).toEqual({ change: true, status: { from: 'new', to: 'assigned' } });
    expect(plan(ana, 'in_progress', null, 'ana')).toEqual({ change: true, status: null });
    expect(plan(ana, 'assigned', 'ana', null)).toEqual({
      change: true,
      status: { from: 'assigned', to: 'new' },
    });
    expect(plan(ana, 'waiting_customer', 'ana', null)).toEqual({ change: true, status: null });
    expect(plan(ana, 'assigned', 'ana', 'ana')).toEqual({ change: false });
  });

  it('keeps the hand-over of someone else’s report, or to someone else, to supervisors', () => {
    for (const [current, target] of [
      ['beto', 'ana'],
      [null, 'beto'],
      ['beto', null],
      ['ana', 'beto'],
    ] as const) {
      expect(() => plan(ana, 'assigned', current, target), `${current} → ${target}`).toThrow(
        expect.objectContaining({ code: 'assign_forbidden' }),
      );
      expect(plan(sofia, 'assigned', current, target).change).toBe(true);
    }
    expect(plan(actor('root', 'admin'), 'new', null, 'beto').change).toBe(true);
  });

  it('refuses finished reports whoever asks', () => {
    for (const status of ['resolved', 'closed', 'cancelled'] as const) {
      expect(() => plan(sofia, status, null, 'ana')).toThrow(
        expect.objectContaining({ code: 'report_not_open' }),
      );
    }
  });

  it('answers scoped API tokens as their scopes say, not their creator’s roles', () => {
    const token = { username: 'admin', roles: ['admin' as const], scopes: ['reports:assign' as const] };
    expect(() => planAssignment({ actor: token, status: 'new', current: null, target: 'ana', now })).toThrow(
      expect.objectContaining({ code: 'assign_forbidden' }),
    );
  });
});
