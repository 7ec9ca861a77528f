/**
 * Report numbers are read aloud over the phone and typed by people, so they are digits only,
 * short, grouped for reading, and end in a Damm check digit. Damm catches every single-digit
 * substitution and every transposition of two adjacent digits, with no letters needed
 * (unlike ISO 7064 mod 11,10 which sometimes needs an "X").
 *
 * Shape: YYMM (filing month, Mexico City time) + a 5-digit counter within that month + the
 * check digit = 10 digits, shown as `2611-00042-7`. The month prefix lets a person see at a
 * glance when a report was filed and keeps a counter restored from an old backup from
 * colliding with any month after the backup; 99,999 reports a month is far beyond what one
 * regional office files.
 */

// The quasigroup table of order 10 from H. Michael Damm's thesis (2004), weakly totally antisymmetric.
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const REPORT_NUMBER_LENGTH = 10;
export const MAX_SEQUENCE_IN_PERIOD = 99_999;

/** The interim digit after running `digits` through the table; 0 means a valid Damm string. */
function dammInterim(digits: string): number {
  let interim = 0;
  for (const ch of digits) {
    const row = DAMM_TABLE[interim] as readonly number[];
    interim = row[ch.charCodeAt(0) - 48] as number;
  }
  return interim;
}

export function dammCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new RangeError('payload must be digits');
  return dammInterim(payload);
}

export function hasValidCheckDigit(digits: string): boolean {
  return /^\d+$/.test(digits) && dammInterim(digits) === 0;
}

/** The period a report number's counter belongs to, e.g. "2611" for November 2026. */
export function numberPeriod(year: number, month: number): string {
  return `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`;
}

export function composeReportNumber(period: string, sequence: number): string {
  if (!/^\d{4}$/.test(period)) throw new RangeError(`bad period ${period}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE_IN_PERIOD) {
    throw new RangeError(`sequence ${sequence} outside 1..${MAX_SEQUENCE_IN_PERIOD}`);
  }
  const payload = period + String(sequence).padStart(5, '0');
  return payload + String(dammCheckDigit(payload));
}

/** `2611000427` → `2611-00042-7`: month, counter, check digit — the way an agent reads it. */
export function formatReportNumber(number: string): string {
  if (number.length !== REPORT_NUMBER_LENGTH) return number;
  return `${number.slice(0, 4)}-${number.slice(4, 9)}-${number.slice(9)}`;
}

export type ParsedReportNumber =
  | { ok: true; number: string }
  | { ok: false; reason: 'malformed' | 'check_digit_mismatch' };

/**
 * Reads what a person typed: separators (spaces, dashes, dots) are ignored. A string of the
 * right length whose check digit fails is a typo (`check_digit_mismatch`), told apart from
 * something that is not a report number at all (`malformed`).
 */
export function parseReportNumber(input: string): ParsedReportNumber {
  const digits = input.replace(/[\s\-.–—_/]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== REPORT_NUMBER_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  if (!hasValidCheckDigit(digits)) return { ok: false, reason: 'check_digit_mismatch' };
  return { ok: true, number: digits };
}
