import { describe, expect, it } from 'vitest';
import { fileReportRequest } from '../../core/requests/file-report.js';
import { lookupState } from './lookup-state.js';
import { errorsFromApi, errorsFromIssues, missingLocationMessage } from './report-form-errors.js';

describe('report form errors', () => {
  it('puts the API’s field problems next to their inputs, location.text on the location input', () => {
    const errors = errorsFromApi([
      { path: 'description', message: 'corta' },
      { path: 'location.text', message: 'ubicación' },
      { path: 'Idempotency-Key', message: 'clave' },
    ]);
    expect(errors.byField).toEqual({ description: 'corta', location: 'ubicación' });
    expect(errors.other).toEqual(['clave']);
  });

  it('shows the Spanish text for a schema issue, as the API would', () => {
    const parsed = fileReportRequest.safeParse({
      customerNumber: '100001',
      channel: 'office',
      type: 'complaint',
      description: 'corto',
    });
    expect(parsed.success).toBe(false);
    const errors = errorsFromIssues(parsed.error?.issues ?? [], 'es');
    expect(errors.byField.description).toBe('Describa el problema con detalle: entre 10 y 5,000 caracteres.');
  });

  it('asks the shared schema which types need a location', () => {
    expect(missingLocationMessage('fault')).toBe('location_required');
    expect(missingLocationMessage('complaint')).toBeUndefined();
  });
});

describe('buscar reporte box', () => {
  it('tells a typo from a number still being typed', () => {
    expect(lookupState('')).toEqual({ kind: 'empty' });
    expect(lookupState('2611-000')).toEqual({ kind: 'incomplete' });
    expect(lookupState('2611-00042-7')).toEqual({ kind: 'ready', number: '2611000427' });
    expect(lookupState('2611-00042-8')).toEqual({ kind: 'check_digit_mismatch' });
    expect(lookupState('2611-00042-77')).toEqual({ kind: 'malformed' });
    expect(lookupState('abc')).toEqual({ kind: 'malformed' });
  });
});
