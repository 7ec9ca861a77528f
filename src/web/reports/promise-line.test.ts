import { describe, expect, it } from 'vitest';
import { promiseLine } from './promise-line.js';

const promiseText = 'Su reporte quedará resuelto a más tardar el lunes 23 de noviembre de 2026 a las 18:00';

describe('the promise under the report number', () => {
  it('is the sentence given to the customer while the promise runs', () => {
    expect(promiseLine({ status: 'in_progress', promiseState: 'at_risk', promiseText })).toEqual({
      text: promiseText,
      broken: false,
    });
  });

  it('is marked broken once breached', () => {
    expect(promiseLine({ status: 'new', promiseState: 'breached', promiseText })).toEqual({
      text: promiseText,
      broken: true,
    });
  });

  it('is gone once the report is resolved, closed or cancelled, or where there is none', () => {
    for (const status of ['resolved', 'closed', 'cancelled'] as const)
      expect(promiseLine({ status, promiseState: 'breached', promiseText })).toBeNull();
    expect(promiseLine({ status: 'new', promiseState: null, promiseText: null })).toBeNull();
  });
});
