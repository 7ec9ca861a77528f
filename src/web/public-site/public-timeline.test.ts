import { describe, expect, it } from 'vitest';
import { describePublicEntry } from './public-timeline.js';

const at = '2026-11-10T18:00:00.000Z';

describe('public timeline lines', () => {
  it('tells filing, status changes with their reason, and promise changes', () => {
    expect(describePublicEntry({ at, kind: 'filed', text: null, by: 'Ana' })).toEqual({
      key: 'filed',
      detail: null,
    });
    expect(
      describePublicEntry({ at, kind: 'status:resolved', text: ' Se cambió el medidor ', by: 'Luis' }),
    ).toEqual({ key: 'status', status: 'resolved', detail: 'Se cambió el medidor' });
    expect(
      describePublicEntry({ at, kind: 'promise_changed', text: 'Su reporte quedará resuelto…', by: null }),
    ).toEqual({ key: 'promiseChanged', detail: 'Su reporte quedará resuelto…' });
  });

  it('keeps an unknown kind or status to its detail', () => {
    expect(describePublicEntry({ at, kind: 'status:archived', text: '', by: null })).toEqual({
      key: 'other',
      detail: null,
    });
    expect(describePublicEntry({ at, kind: 'note', text: 'x', by: null })).toEqual({
      key: 'other',
      detail: 'x',
    });
  });
});
