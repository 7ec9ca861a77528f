import { describe, expect, it } from 'vitest';
import { fixedLimit } from './plan-hints.js';

describe('fixedLimit', () => {
  it('writes only a whole, non-negative number of rows into a statement', () => {
    for (const bad of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => fixedLimit(bad), String(bad)).toThrow(RangeError);
    expect(fixedLimit(51)).toBeDefined();
  });
});
