import fc from 'fast-check';
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

describe('promise text parts', () => {
  // The parts are computed arithmetically; the tz database (through Intl) is the reference,
  // over decades that include Mexico's old daylight-saving years.
  const reference = {
    es: new Intl.DateTimeFormat('es-MX', {
      timeZone: 'America/Mexico_City',
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    en: new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Mexico_City',
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
  };

  it('says the same day and time as the tz database, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('es' as const, 'en' as const),
        (ms, language) => {
          const instant = new Date(Math.floor(ms / 60_000) * 60_000);
          const parts = Object.fromEntries(
            reference[language].formatToParts(instant).map((part) => [part.type, part.value]),
          );
          const expected =
            language === 'es'
              ? `${parts.weekday?.toLowerCase()} ${parts.day} de ${parts.month?.toLowerCase()} de ${parts.year} ${parts.hour === '01' ? 'a la' : 'a las'} ${parts.hour}:${parts.minute}`
              : `${parts.weekday}, ${parts.month} ${parts.day}, ${parts.year} at ${parts.hour}:${parts.minute}`;
          expect(formatLocalDateTime(instant, language)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
