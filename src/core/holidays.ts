/**
 * Mandatory rest days under Ley Federal del Trabajo art. 74. They are fixed by law, so they
 * are computed rather than stored; days an administrator adds (Holy Thursday, election days
 * under fraction IX, a local feast) live in `BusinessCalendar.extraHolidays` instead.
 *
 * The Monday rules date from the 2006 reform and are applied to every year; Folio holds no
 * reports from before then.
 */
import type { LocalDate } from './calendar.js';

export interface RestDay {
  date: LocalDate;
  /** Spanish, as printed on notices to customers. */
  name: string;
}

const MONDAY = 1;

function isoDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nthMonday(year: number, month: number, nth: number): LocalDate {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstMonday = 1 + ((MONDAY - firstWeekday + 7) % 7);
  return isoDate(year, month, firstMonday + 7 * (nth - 1));
}

/**
 * Fraction VII: the day a new federal executive takes office. The 2014 constitutional reform
 * moved it from 1 December to 1 October starting with the 2024 term; terms last six years.
 */
function transferOfPowerDate(year: number): LocalDate | undefined {
  if ((year - 2024) % 6 !== 0) return undefined;
  return year >= 2024 ? isoDate(year, 10, 1) : isoDate(year, 12, 1);
}

export function officialRestDays(year: number): RestDay[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`bad year ${year}`);
  const days: RestDay[] = [
    { date: isoDate(year, 1, 1), name: 'Año Nuevo' },
    { date: nthMonday(year, 2, 1), name: 'Día de la Constitución' },
    { date: nthMonday(year, 3, 3), name: 'Natalicio de Benito Juárez' },
    { date: isoDate(year, 5, 1), name: 'Día del Trabajo' },
    { date: isoDate(year, 9, 16), name: 'Día de la Independencia' },
    { date: nthMonday(year, 11, 3), name: 'Día de la Revolución' },
    { date: isoDate(year, 12, 25), name: 'Navidad' },
  ];
  const transfer = transferOfPowerDate(year);
  if (transfer) days.push({ date: transfer, name: 'Transmisión del Poder Ejecutivo Federal' });
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

// Business-day arithmetic asks this for every day it walks, so each year is built once.
const restDaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

function restDaysOf(year: number): ReadonlyMap<LocalDate, string> {
  let days = restDaysByYear.get(year);
  if (!days) {
    days = new Map(officialRestDays(year).map((d) => [d.date, d.name]));
    restDaysByYear.set(year, days);
  }
  return days;
}

/** The Spanish name of the official rest day on `date`, or undefined on an ordinary day. */
export function officialRestDayName(date: LocalDate): string | undefined {
  return restDaysOf(Number(date.slice(0, 4))).get(date);
}

export function isOfficialRestDay(date: LocalDate): boolean {
  return officialRestDayName(date) !== undefined;
}
