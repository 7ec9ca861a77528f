import { describe, expect, it } from 'vitest';
import { toIsoText } from './schema.js';

describe('toIsoText', () => {
  it('passes text written by toISOString through as it is', () => {
    expect(toIsoText('2026-11-27T21:08:56.862Z')).toBe('2026-11-27T21:08:56.862Z');
  });

  it('writes Dates and any other timestamp text as toISOString would', () => {
    expect(toIsoText(new Date(Date.UTC(2026, 10, 27, 10)))).toBe('2026-11-27T10:00:00.000Z');
    // Another offset, no milliseconds: the same instant, in the one form answers give.
    expect(toIsoText('2026-11-27T04:00:00-06:00')).toBe('2026-11-27T10:00:00.000Z');
    expect(toIsoText('2026-11-27T10:00:00Z')).toBe('2026-11-27T10:00:00.000Z');
    expect(toIsoText('2026-11-27T10:00:00.5+00:00')).toBe('2026-11-27T10:00:00.500Z');
  });
});
