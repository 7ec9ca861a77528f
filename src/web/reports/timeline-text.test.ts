import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../api/types.js';
import { describeEvent, type TimelineVocabulary } from './timeline-text.js';

const say: TimelineVocabulary = {
  date: (iso) => `<${iso}>`,
  track: (track) => `track:${track}`,
  department: (code) => `dept:${code}`,
  status: (status) => `status:${status}`,
  duration: (ms) => `${ms}ms`,
};

const event = (kind: string, data: Record<string, unknown>): TimelineEvent => ({
  kind,
  at: '2026-11-10T18:00:00Z',
  actor: null,
  data,
});

describe('timeline sentences', () => {
  it('tells where a report was routed and why', () => {
    const text = describeEvent(
      event('rerouted', {
        reason: 'Es de facturación',
        from: { track: 'technical', department: 'soporte_tecnico', dueAt: 'a' },
        to: { track: 'review', department: 'facturacion', dueAt: 'b' },
      }),
      say,
    );
    expect(text).toEqual({
      title: {
        key: 'rerouted',
        values: { department: 'dept:facturacion', track: 'track:review', reason: 'Es de facturación' },
      },
      details: [{ key: 'newPromise', values: { dueAt: '<b>' } }],
    });
  });

  it('names each status change by what it did', () => {
    const pause = describeEvent(
      event('status_changed', { from: 'new', to: 'waiting_customer', reason: 'INE' }),
      say,
    );
    expect(pause).toEqual({
      title: { key: 'paused' },
      details: [{ key: 'reason', values: { reason: 'INE' } }],
    });

    const resume = describeEvent(
      event('status_changed', { from: 'waiting_customer', to: 'in_progress', pausedMs: 5000, dueAt: 'd' }),
      say,
    );
    expect(resume?.title).toEqual({ key: 'resumed', values: { dueAt: '<d>' } });
    expect(resume?.details).toEqual([{ key: 'clockStopped', values: { duration: '5000ms' } }]);

    const resolved = describeEvent(
      event('status_changed', {
        from: 'in_progress',
        to: 'resolved',
        resolution: 'Se corrigió',
        promiseKept: true,
      }),
      say,
    );
    expect(resolved?.title).toEqual({ key: 'resolvedKept', values: { resolution: 'Se corrigió' } });
    const late = describeEvent(
      event('status_changed', { from: 'in_progress', to: 'resolved', resolution: 'x', promiseKept: false }),
      say,
    );
    expect(late?.title.key).toBe('resolvedMissed');

    expect(
      describeEvent(event('status_changed', { from: 'closed', to: 'in_progress', reason: 'Volvió' }), say)
        ?.title,
    ).toEqual({
      key: 'reopened',
      values: { reason: 'Volvió' },
    });
    expect(describeEvent(event('status_changed', { from: 'new', to: 'assigned' }), say)?.title).toEqual({
      key: 'statusChanged',
      values: { from: 'status:new', to: 'status:assigned' },
    });
  });

  it('tells the promise watch’s marks, and leaves unknown kinds to their name', () => {
    expect(describeEvent(event('promise_at_risk', {}), say)?.title.key).toBe('promiseAtRisk');
    expect(describeEvent(event('promise_breached', { dueAt: 'x' }), say)).toEqual({
      title: { key: 'promiseBreached' },
      details: [{ key: 'promise', values: { dueAt: '<x>' } }],
    });
    expect(describeEvent(event('note_added', {}), say)).toBeNull();
  });
});
