import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.js';
import { InvalidInput } from './errors.js';
import { defaultPromisePolicy } from './promise.js';
import { planPromise } from './report-promise.js';
import { defaultRoutingTable } from './routing.js';

const settings = {
  routingTable: defaultRoutingTable,
  policy: defaultPromisePolicy,
  calendar: defaultCalendar,
};
const customer = { billingCycleDay: 15 };
const filedAt = new Date('2026-11-25T16:00:00Z'); // Wednesday 10:00 in Rioverde

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInput) return (error.fields ?? []).map((f) => f.path);
    throw error;
  }
  return [];
}

describe('planPromise', () => {
  it('routes by the table and promises per track', () => {
    const fault = planPromise('fault', {}, customer, filedAt, settings);
    expect(fault).toMatchObject({ track: 'technical', departmentCode: 'soporte_tecnico', urgent: false });
    expect(fault.dueAt).toEqual(new Date('2026-11-26T16:00:00Z'));
    const urgent = planPromise('fault', { urgent: true }, customer, filedAt, settings);
    expect(urgent.dueAt).toEqual(new Date('2026-11-25T18:00:00Z'));
    const admin = planPromise('administrative_change', {}, customer, filedAt, settings);
    expect(admin).toMatchObject({ track: 'immediate', departmentCode: 'atencion_clientes' });
    expect(admin.dueAt).toEqual(new Date('2026-11-26T00:00:00Z')); // 18:00 local the same day
    expect(
      planPromise('administrative_change', { documentsNeeded: true }, customer, filedAt, settings).track,
    ).toBe('review');
  });

  it('defaults an external fault to 7 days and needs a cause', () => {
    const external = planPromise(
      'fault',
      { track: 'external', externalCause: 'natural_disaster' },
      customer,
      filedAt,
      settings,
    );
    expect(external).toMatchObject({ externalDays: 7, externalCause: 'natural_disaster' });
    expect(external.dueAt).toEqual(new Date('2026-12-02T16:00:00Z'));
    expect(fieldsOf(() => planPromise('fault', { track: 'external' }, customer, filedAt, settings))).toEqual([
      'externalCause',
    ]);
  });

  it('refuses options that do not fit the track the report ends on', () => {
    expect(
      fieldsOf(() =>
        planPromise(
          'billing_error',
          { urgent: true, externalDays: 3, externalCause: 'natural_disaster' },
          customer,
          filedAt,
          settings,
        ),
      ),
    ).toEqual(['externalDays', 'externalCause', 'urgent']);
  });

  it('lets the agent choose another department and track', () => {
    expect(
      planPromise(
        'complaint',
        { track: 'technical', departmentCode: 'soporte_tecnico' },
        customer,
        filedAt,
        settings,
      ),
    ).toMatchObject({ track: 'technical', departmentCode: 'soporte_tecnico' });
  });
});
