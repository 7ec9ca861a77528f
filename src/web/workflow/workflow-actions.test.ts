import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../core/report.js';
import { allowedTransitions } from '../../core/workflow.js';
import { transitionActions, transitionKind } from './workflow-actions.js';

describe('workflow buttons', () => {
  it('offers only what the workflow table allows, asking for the text the core requires', () => {
    expect(transitionActions('new')).toEqual([
      { to: 'in_progress', kind: 'start', requires: null },
      { to: 'waiting_customer', kind: 'pause', requires: null },
      { to: 'resolved', kind: 'resolve', requires: 'resolution' },
      { to: 'cancelled', kind: 'cancel', requires: 'reason' },
    ]);
    expect(transitionActions('waiting_customer').map((a) => a.kind)).toEqual(['resume', 'resolve', 'cancel']);
    expect(transitionActions('resolved')).toEqual([
      { to: 'closed', kind: 'close', requires: null },
      { to: 'in_progress', kind: 'reopen', requires: 'reason' },
    ]);
    expect(transitionActions('cancelled')).toEqual([]);
  });

  it('never offers assigning or sending back to the queue (not on this page yet)', () => {
    for (const status of STATUSES) {
      const targets = transitionActions(status).map((a) => a.to);
      expect(targets).not.toContain('assigned');
      expect(targets).not.toContain('new');
      for (const to of targets) expect(allowedTransitions(status)).toContain(to);
    }
  });

  it('names an edge by what it does', () => {
    expect(transitionKind('waiting_customer', 'in_progress')).toBe('resume');
    expect(transitionKind('closed', 'in_progress')).toBe('reopen');
    expect(transitionKind('assigned', 'in_progress')).toBe('start');
    expect(() => transitionKind('cancelled', 'in_progress')).toThrow();
  });
});
