import { describe, expect, it } from 'vitest';
import { validationMessage } from '../../core/validation-messages.js';
import { collectErrors, missingLocationKey, validateSelfService } from './self-service-form.js';

const valid = {
  customerNumber: '100001',
  invoiceNumber: 'F2611-100001',
  type: 'complaint' as const,
  description: 'El recibo llegó con el nombre de otra persona.',
  locationText: '',
  website: '',
};

describe('self-service form', () => {
  it('builds the request the API takes, trimmed, without an empty honeypot or location', () => {
    const result = validateSelfService({ ...valid, customerNumber: ' 100001 ' }, 'es');
    expect(result).toEqual({
      ok: true,
      request: {
        customerNumber: '100001',
        invoiceNumber: 'F2611-100001',
        type: 'complaint',
        description: valid.description,
      },
    });
  });

  it('asks for a location for a fault only, from the shared schema', () => {
    expect(missingLocationKey('fault')).toBe('location_required');
    expect(missingLocationKey('complaint')).toBeUndefined();
    const result = validateSelfService({ ...valid, type: 'fault', description: 'corta' }, 'es');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.byField).toEqual({
      description: validationMessage('description_length', 'es'),
      location: validationMessage('location_required', 'es'),
    });
  });

  it('words every missing field in the page language', () => {
    const result = validateSelfService(
      { customerNumber: '', invoiceNumber: '', type: '', description: '', locationText: '', website: '' },
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.byField).toEqual({
      customerNumber: validationMessage('required', 'en'),
      invoiceNumber: validationMessage('required', 'en'),
      type: validationMessage('type', 'en'),
      description: validationMessage('description_length', 'en'),
    });
  });

  it('tells a malformed customer number by the format rule', () => {
    const result = validateSelfService({ ...valid, customerNumber: '100 001' }, 'es');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.byField).toEqual({ customerNumber: validationMessage('customer_number', 'es') });
  });

  it('puts an API problem next to its input, and one without an input apart', () => {
    expect(
      collectErrors([
        { path: 'location.text', message: 'corta' },
        { path: 'website', message: 'no' },
      ]),
    ).toEqual({ byField: { location: 'corta' }, other: ['no'] });
  });
});
