import { describe, expect, it } from 'vitest';
import { formatPromise } from './dates.js';

// Rioverde is UTC−6 all year: its midnight is 06:00 UTC.
const MIDNIGHT = '2026-12-14T06:00:00.000Z';
const AFTERNOON = '2026-11-12T20:30:00.000Z';

describe('a promise as staff see it', () => {
  it('is "before that day" when it falls at midnight, as the sentence read to the customer says', () => {
    expect(formatPromise(MIDNIGHT, 'es', 'short')).toBe('antes del 14 dic');
    expect(formatPromise(MIDNIGHT, 'en', 'short')).toBe('before Dec 14');
    expect(formatPromise(MIDNIGHT, 'es', 'long')).toMatch(/^antes del 14 dic 2026$/);
    for (const shown of [formatPromise(MIDNIGHT, 'es', 'short'), formatPromise(MIDNIGHT, 'es', 'long')])
      expect(shown).not.toMatch(/12:00|00:00/);
  });

  it('is a date and time otherwise', () => {
    expect(formatPromise(AFTERNOON, 'es', 'short')).toMatch(/^12 nov, 02:30\s?p\.\s?m\.$/);
    expect(formatPromise(AFTERNOON, 'es', 'long')).toMatch(/12 nov 2026.*2:30/);
    expect(formatPromise('not a date', 'es', 'short')).toBe('not a date');
  });
});
