import { describe, expect, it } from 'vitest';
import { REPORT_TYPES } from './report.js';
import { defaultRoutingTable, isTrack, type RoutingTable, routeReport, TRACKS } from './routing.js';

describe('routeReport', () => {
  it('follows the default table for every report type', () => {
    const routes = Object.fromEntries(REPORT_TYPES.map((t) => [t, routeReport(t, {}, defaultRoutingTable)]));
    expect(routes).toEqual({
      fault: { track: 'technical', departmentCode: 'soporte_tecnico' },
      billing_error: { track: 'review', departmentCode: 'facturacion' },
      clarification: { track: 'review', departmentCode: 'facturacion' },
      administrative_change: { track: 'immediate', departmentCode: 'atencion_clientes' },
      complaint: { track: 'review', departmentCode: 'atencion_clientes' },
      suggestion: { track: 'review', departmentCode: 'atencion_clientes' },
    });
  });

  it('sends an administrative change that needs documents to review', () => {
    expect(routeReport('administrative_change', { documentsNeeded: true }, defaultRoutingTable)).toEqual({
      track: 'review',
      departmentCode: 'atencion_clientes',
    });
  });

  it('ignores documentsNeeded where the table has no alternative track', () => {
    expect(routeReport('fault', { documentsNeeded: true }, defaultRoutingTable).track).toBe('technical');
  });

  it("lets the agent's explicit choices win over the table", () => {
    expect(
      routeReport(
        'fault',
        { track: 'external', departmentCode: 'administracion', documentsNeeded: true },
        defaultRoutingTable,
      ),
    ).toEqual({ track: 'external', departmentCode: 'administracion' });
    expect(
      routeReport(
        'administrative_change',
        { documentsNeeded: true, track: 'immediate' },
        defaultRoutingTable,
      ),
    ).toEqual({ track: 'immediate', departmentCode: 'atencion_clientes' });
  });

  it('uses whatever table the administrator configured', () => {
    const table: RoutingTable = {
      ...defaultRoutingTable,
      complaint: { track: 'immediate', departmentCode: 'gerencia' },
    };
    expect(routeReport('complaint', {}, table)).toEqual({ track: 'immediate', departmentCode: 'gerencia' });
  });

  it('keeps the default table from being changed by accident', () => {
    expect(Object.isFrozen(defaultRoutingTable)).toBe(true);
    expect(Object.isFrozen(defaultRoutingTable.fault)).toBe(true);
  });

  it('recognises tracks', () => {
    expect(TRACKS.every(isTrack)).toBe(true);
    expect(isTrack('urgent')).toBe(false);
  });
});
