import { describe, expect, it } from 'vitest';
import { formatPromiseDateTime } from '../format/dates.js';
import { formatPromiseShort } from './format.js';

// Rioverde is UTC−6 all year: its midnight is 06:00 UTC.
const MIDNIGHT = '2026-12-14T06:00:00.000Z';
const AFTERNOON = '2026-11-12T20:30:00.000Z';

describe('a promise as staff see it', () => {
  it('is "before that day" when it falls at midnight, as the sentence read to the customer says', () => {
    expect(formatPromiseShort(MIDNIGHT, 'es')).toBe('antes del 14 dic');
    expect(formatPromiseShort(MIDNIGHT, 'en')).toBe('before Dec 14');
    expect(formatPromiseDateTime(MIDNIGHT, 'es')).toMatch(/^antes del 14 dic 2026$/);
    for (const shown of [formatPromiseShort(MIDNIGHT, 'es'), formatPromiseDateTime(MIDNIGHT, 'es')])
      expect(shown).not.toMatch(/12:00|00:00/);
  });

  it('is a date and time otherwise', () => {
    expect(formatPromiseShort(AFTERNOON, 'es')).toMatch(/^12 nov, 02:30\s?p\.\s?m\.$/);
    expect(formatPromiseDateTime(AFTERNOON, 'es')).toMatch(/12 nov 2026.*2:30/);
    expect(formatPromiseShort('not a date', 'es')).toBe('not a date');
  });
});
