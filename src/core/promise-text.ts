/**
 * The promise as the agent reads it to the customer and the receipt prints it, always in
 * Mexico City time whatever the machine's own time zone.
 */
import { dayOfWeek, localWallClock } from './calendar.js';

import type { Language } from './validation-messages.js';

export type { Language };

/*
 * Built from the parts rather than a locale's pattern: the sentence must read the same on
 * every ICU version (they differ in commas and in "a las" vs ", "), and Spanish needs "a la"
 * before one o'clock. The parts come from the calendar's own wall-clock arithmetic, not
 * Intl: every report lookup says its promise, and asking Intl per distinct date was a tenth
 * of a lookup's CPU.
 */
const WEEKDAYS: Record<Language, readonly string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Language, readonly string[]> = {
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

interface LocalParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

function localParts(instant: Date, language: Language): LocalParts {
  const { date, hour, minute } = localWallClock(instant);
  return {
    weekday: WEEKDAYS[language][dayOfWeek(date)] as string,
    day: String(Number(date.slice(8, 10))),
    month: MONTHS[language][Number(date.slice(5, 7)) - 1] as string,
    year: date.slice(0, 4),
    hour: String(hour).padStart(2, '0'),
    minute: String(minute).padStart(2, '0'),
  };
}

function localDay(parts: LocalParts, language: Language): string {
  const { weekday, day, month, year } = parts;
  return language === 'es'
    ? `${weekday} ${day} de ${month} de ${year}`
    : `${weekday}, ${month} ${day}, ${year}`;
}

export function formatLocalDateTime(instant: Date, language: Language = 'es'): string {
  return dateTimeOf(localParts(instant, language), language);
}

function dateTimeOf(parts: LocalParts, language: Language): string {
  const time = `${parts.hour}:${parts.minute}`;
  if (language === 'es')
    return `${localDay(parts, language)} ${parts.hour === '01' ? 'a la' : 'a las'} ${time}`;
  return `${localDay(parts, language)} at ${time}`;
}

/**
 * Whether a promise falls at midnight in Rioverde (the start of the next billing period), and is
 * so said and shown as "before that day": "a las 00:00" or "12:00 a.m." of a day misleads people
 * into thinking they have that whole day.
 */
export function isPromiseBeforeDay(dueAt: Date): boolean {
  return atMidnight(localParts(dueAt, 'es'));
}

const atMidnight = (parts: LocalParts) => parts.hour === '00' && parts.minute === '00';

/** The sentence the agent reads to the customer (a promise at midnight: `isPromiseBeforeDay`). */
export function promiseText(dueAt: Date, language: Language = 'es'): string {
  const parts = localParts(dueAt, language);
  if (atMidnight(parts)) {
    const day = localDay(parts, language);
    return language === 'es'
      ? `Su reporte quedará resuelto antes del ${day}`
      : `Your report will be resolved before ${day}`;
  }
  const when = dateTimeOf(parts, language);
  return language === 'es'
    ? `Su reporte quedará resuelto a más tardar el ${when}`
    : `Your report will be resolved by ${when}`;
}
