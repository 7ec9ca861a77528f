/**
 * The promise as the agent reads it to the customer and the receipt prints it, always in
 * Mexico City time whatever the machine's own time zone.
 */
import { TIME_ZONE } from './calendar.js';

import type { Language } from './validation-messages.js';

export type { Language };

const LOCALES: Record<Language, string> = { es: 'es-MX', en: 'en-US' };

const formats = new Map<Language, Intl.DateTimeFormat>();

function formatFor(language: Language): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(language, format);
  }
  return format;
}

/*
 * Built from the parts rather than the locale's own pattern: the sentence must read the same
 * on every ICU version (they differ in commas and in "a las" vs ", "), and Spanish needs
 * "a la" before one o'clock.
 */
export function formatLocalDateTime(instant: Date, language: Language = 'es'): string {
  const parts: Record<string, string> = {};
  for (const part of formatFor(language).formatToParts(instant)) parts[part.type] = part.value;
  const { weekday = '', day = '', month = '', year = '', hour = '', minute = '' } = parts;
  const time = `${hour}:${minute}`;
  if (language === 'es') {
    const at = hour === '01' ? 'a la' : 'a las';
    return `${weekday.toLowerCase()} ${day} de ${month.toLowerCase()} de ${year} ${at} ${time}`;
  }
  return `${weekday}, ${month} ${day}, ${year} at ${time}`;
}

export function promiseText(dueAt: Date, language: Language = 'es'): string {
  const when = formatLocalDateTime(dueAt, language);
  return language === 'es'
    ? `Su reporte quedará resuelto a más tardar el ${when}`
    : `Your report will be resolved by ${when}`;
}
