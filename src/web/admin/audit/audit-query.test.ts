import { describe, expect, it } from 'vitest';
import { auditSearchParams, detailLines, emptyAuditFilters, invertedRange } from './audit-query.js';

describe('audit query', () => {
  it('sends only the filters given, the limit always', () => {
    expect(auditSearchParams(emptyAuditFilters).toString()).toBe('limit=100');
    const params = auditSearchParams({ ...emptyAuditFilters, actor: ' admin ', action: 'user.created' });
    expect(params.get('actor')).toBe('admin');
    expect(params.get('action')).toBe('user.created');
  });

  it('takes whole days in Mexico City, the last one included', () => {
    const params = auditSearchParams({ ...emptyAuditFilters, from: '2026-03-02', to: '2026-03-02' });
    // Central Mexico is UTC−6 all year since 2022.
    expect(params.get('from')).toBe('2026-03-02T06:00:00.000Z');
    expect(params.get('to')).toBe('2026-03-03T06:00:00.000Z');
  });

  it('ignores a date half typed, and notices a range the wrong way round', () => {
    expect(auditSearchParams({ ...emptyAuditFilters, from: '2026-03' }).has('from')).toBe(false);
    expect(invertedRange({ from: '2026-03-05', to: '2026-03-01' })).toBe(true);
    expect(invertedRange({ from: '2026-03-01', to: '' })).toBe(false);
  });

  it('writes details as short lines', () => {
    expect(detailLines({ name: 'Facturación', roles: { from: ['agent'], to: ['admin'] } })).toEqual([
      'name: Facturación',
      'roles: {"from":["agent"],"to":["admin"]}',
    ]);
  });
});
