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

  it('tells the back office’s work: assignment, notes, documents and files', () => {
    const title = (kind: string, data: Record<string, unknown>) =>
      describeEvent(event(kind, data), say)?.title;
    expect(title('assigned', { from: null, to: { username: 'tecnico', name: 'Jorge Ramírez' } })).toEqual({
      key: 'assignedTo',
      values: { name: 'Jorge Ramírez' },
    });
    expect(title('assigned', { from: { username: 'tecnico', name: 'Jorge' }, to: null })).toEqual({
      key: 'unassigned',
    });
    expect(title('note', { text: 'Llamar antes', visibility: 'internal' })).toEqual({
      key: 'noteInternal',
      values: { text: 'Llamar antes' },
    });
    expect(title('note', { text: 'Ya quedó', visibility: 'customer' })?.key).toBe('noteCustomer');
    expect(title('note', { text: 'Sin marca' })?.key).toBe('noteInternal');
    expect(
      title('documents_requested', {
        items: [
          { id: '1', item: 'Copia de identificación' },
          { id: '2', item: 'Comprobante de domicilio' },
        ],
      }),
    ).toEqual({
      key: 'documentsRequested',
      values: { items: 'Copia de identificación, Comprobante de domicilio' },
    });
    expect(title('document_received', { id: '1', item: 'Copia de identificación' })).toEqual({
      key: 'documentReceived',
      values: { item: 'Copia de identificación' },
    });
    expect(title('attachment_added', { id: 'a', name: 'ine.pdf' })).toEqual({
      key: 'attachmentAdded',
      values: { name: 'ine.pdf' },
    });
  });
});
