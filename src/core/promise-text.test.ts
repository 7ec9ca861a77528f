import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, promiseText } from './promise-text.js';

describe('promiseText', () => {
  // 2 December 2026 is a Wednesday; 18:00 in Mexico City (UTC−6) is 00:00 UTC the next day.
  const dueAt = new Date('2026-12-03T00:00:00Z');

  it('reads the promise in Mexican Spanish by default', () => {
    expect(promiseText(dueAt)).toBe(
      'Su reporte quedará resuelto a más tardar el miércoles 2 de diciembre de 2026 a las 18:00',
    );
  });

  it('reads the promise in English', () => {
    expect(promiseText(dueAt, 'en')).toBe(
      'Your report will be resolved by Wednesday, December 2, 2026 at 18:00',
    );
  });

  it('shows Mexico City time, not UTC, near midnight', () => {
    expect(formatLocalDateTime(new Date('2026-01-01T05:30:00Z'), 'es')).toBe(
      'miércoles 31 de diciembre de 2025 a las 23:30',
    );
    expect(formatLocalDateTime(new Date('2026-01-01T06:05:00Z'), 'en')).toBe(
      'Thursday, January 1, 2026 at 00:05',
    );
  });

  it('says "a la" for one o\'clock', () => {
    expect(formatLocalDateTime(new Date('2026-03-04T07:30:00Z'), 'es')).toBe(
      'miércoles 4 de marzo de 2026 a la 01:30',
    );
    expect(formatLocalDateTime(new Date('2026-03-04T19:05:00Z'), 'es')).toBe(
      'miércoles 4 de marzo de 2026 a las 13:05',
    );
  });

  it('says a midnight promise (start of a billing period) as "before that day"', () => {
    const midnight = new Date('2026-12-12T06:00:00Z');
    expect(promiseText(midnight)).toBe(
      'Su reporte quedará resuelto antes del sábado 12 de diciembre de 2026',
    );
    expect(promiseText(midnight, 'en')).toBe(
      'Your report will be resolved before Saturday, December 12, 2026',
    );
  });
});
