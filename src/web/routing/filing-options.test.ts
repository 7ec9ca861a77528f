import { describe, expect, it } from 'vitest';
import { defaultRoutingTable } from '../../core/routing.js';
import type { RoutingTableResponse } from '../api/types.js';
import { defaultFilingOptions, filingPlan } from './filing-options.js';
import { departmentName, routingTableOf } from './routing-table.js';

const table = defaultRoutingTable;

describe('filing options', () => {
  it('sends nothing extra when the agent leaves the options alone', () => {
    const plan = filingPlan('billing_error', defaultFilingOptions, table);
    expect(plan.track).toBe('review');
    expect(plan.departmentCode).toBe('facturacion');
    expect(plan.request).toEqual({});
    expect(plan.applicable).toEqual({
      urgent: false,
      external: false,
      externalDetails: false,
      documentsNeeded: false,
    });
  });

  it('offers urgency and "outside the company" for a fault, and sends urgency only when ticked', () => {
    const plan = filingPlan('fault', defaultFilingOptions, table);
    expect(plan.applicable.urgent).toBe(true);
    expect(plan.applicable.external).toBe(true);
    expect(plan.request).toEqual({});
    expect(filingPlan('fault', { ...defaultFilingOptions, urgent: true }, table).request).toEqual({
      urgent: true,
    });
  });

  it('switches a fault outside the company to the external track with days and cause, dropping urgency', () => {
    const options = { ...defaultFilingOptions, urgent: true, track: 'external' as const };
    const plan = filingPlan('fault', options, table);
    expect(plan.track).toBe('external');
    expect(plan.applicable.urgent).toBe(false);
    expect(plan.applicable.externalDetails).toBe(true);
    expect(plan.request).toEqual({ track: 'external', externalDays: 7 });
    const withCause = filingPlan(
      'fault',
      { ...options, externalDays: 3, externalCause: 'natural_disaster' },
      table,
    );
    expect(withCause.request).toEqual({
      track: 'external',
      externalDays: 3,
      externalCause: 'natural_disaster',
    });
  });

  it('offers "needs documents" where the table has a track for it', () => {
    const plain = filingPlan('administrative_change', defaultFilingOptions, table);
    expect(plain.applicable.documentsNeeded).toBe(true);
    expect(plain.track).toBe('immediate');
    const withDocuments = filingPlan(
      'administrative_change',
      { ...defaultFilingOptions, documentsNeeded: true },
      table,
    );
    expect(withDocuments.track).toBe('review');
    expect(withDocuments.request).toEqual({ documentsNeeded: true });
    expect(
      filingPlan('complaint', { ...defaultFilingOptions, documentsNeeded: true }, table).request,
    ).toEqual({});
  });

  it('sends another track or department when the agent picks one', () => {
    const plan = filingPlan(
      'complaint',
      { ...defaultFilingOptions, track: 'technical', department: 'soporte_tecnico' },
      table,
    );
    expect(plan.track).toBe('technical');
    expect(plan.departmentCode).toBe('soporte_tecnico');
    expect(plan.applicable.urgent).toBe(true);
    expect(plan.request).toEqual({ track: 'technical', department: 'soporte_tecnico' });
  });

  it('reads the routing table the API sends, keeping the built-in rule for a track it does not know', () => {
    const response: RoutingTableResponse = {
      rules: {
        complaint: { track: 'technical', departmentCode: 'administracion' },
        suggestion: { track: 'teleport', departmentCode: 'x' },
      },
      departments: [{ code: 'facturacion', name: 'Facturación' }],
    };
    const read = routingTableOf(response);
    expect(read.complaint).toEqual({ track: 'technical', departmentCode: 'administracion' });
    expect(read.suggestion).toEqual(defaultRoutingTable.suggestion);
    expect(departmentName(response.departments, 'facturacion')).toBe('Facturación');
    expect(departmentName(response.departments, 'otro')).toBe('otro');
  });
});
