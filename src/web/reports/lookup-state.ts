import { parseReportNumber, REPORT_NUMBER_LENGTH } from '../../core/report-number.js';

export type LookupState =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'ready'; number: string }
  | { kind: 'check_digit_mismatch' }
  | { kind: 'malformed' };

/** What the "buscar reporte" box should say about what has been typed so far. */
export function lookupState(input: string): LookupState {
  if (input.trim() === '') return { kind: 'empty' };
  const parsed = parseReportNumber(input);
  if (parsed.ok) return { kind: 'ready', number: parsed.number };
  if (parsed.reason === 'check_digit_mismatch') return { kind: 'check_digit_mismatch' };
  // Still typing: only digits and separators so far, and not too many digits yet.
  const digits = input.replace(/\D/g, '');
  const onlyDigitsAndSeparators = /^[\d\s\-.–—_/]*$/.test(input);
  return onlyDigitsAndSeparators && digits.length < REPORT_NUMBER_LENGTH
    ? { kind: 'incomplete' }
    : { kind: 'malformed' };
}
