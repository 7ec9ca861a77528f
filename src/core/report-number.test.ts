import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeReportNumber,
  dammCheckDigit,
  formatReportNumber,
  hasValidCheckDigit,
  parseReportNumber,
} from './report-number.js';

const arbitraryNumber = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 99_999 }),
  )
  .map(([yy, mm, seq]) =>
    composeReportNumber(`${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`, seq),
  );

describe('Damm check digit', () => {
  it('matches the published example (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(hasValidCheckDigit('5724')).toBe(true);
    expect(hasValidCheckDigit('5274')).toBe(false);
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(arbitraryNumber, fc.nat(9), fc.integer({ min: 1, max: 9 }), (number, position, delta) => {
        const digit = Number(number[position]);
        const changed = number.slice(0, position) + String((digit + delta) % 10) + number.slice(position + 1);
        expect(hasValidCheckDigit(changed)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('catches every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(arbitraryNumber, fc.nat(8), (number, position) => {
        fc.pre(number[position] !== number[position + 1]);
        const swapped =
          number.slice(0, position) + number[position + 1] + number[position] + number.slice(position + 2);
        expect(hasValidCheckDigit(swapped)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('report numbers', () => {
  it('are ten digits, month first, grouped for reading', () => {
    const number = composeReportNumber('2611', 42);
    expect(number.slice(0, 9)).toBe('261100042');
    expect(number).toHaveLength(10);
    expect(formatReportNumber(number)).toBe(`2611-00042-${number[9]}`);
  });

  it('are read back with or without separators and spaces', () => {
    const number = composeReportNumber('2611', 42);
    expect(parseReportNumber(formatReportNumber(number))).toEqual({ ok: true, number });
    expect(parseReportNumber(` 2611 00042 ${number[9]} `)).toEqual({ ok: true, number });
  });

  it('tell a typo apart from something that is not a number', () => {
    const number = composeReportNumber('2611', 42);
    const typo = `${number.slice(0, 9)}${(Number(number[9]) + 1) % 10}`;
    expect(parseReportNumber(typo)).toEqual({ ok: false, reason: 'check_digit_mismatch' });
    expect(parseReportNumber('12345')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseReportNumber('abc')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse a counter outside the month', () => {
    expect(() => composeReportNumber('2611', 0)).toThrow(RangeError);
    expect(() => composeReportNumber('2611', 100_000)).toThrow(RangeError);
  });
});
