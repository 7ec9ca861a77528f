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
// Reports share promise times (closing time, midnight); formatting is the cost, so keep a few.
const partsCache = new Map<string, Record<string, string>>();

function localParts(instant: Date, language: Language): Record<string, string> {
  const key = `${language}${instant.getTime()}`;
  let parts = partsCache.get(key);
  if (!parts) {
    parts = {};
    for (const part of formatFor(language).formatToParts(instant)) parts[part.type] = part.value;
    if (partsCache.size > 5_000) partsCache.clear();
    partsCache.set(key, parts);
  }
  return parts;
}

function localDay(parts: Record<string, string>, language: Language): string {
  const { weekday = '', day = '', month = '', year = '' } = parts;
  return language === 'es'
    ? `${weekday.toLowerCase()} ${day} de ${month.toLowerCase()} de ${year}`
    : `${weekday}, ${month} ${day}, ${year}`;
}

export function formatLocalDateTime(instant: Date, language: Language = 'es'): string {
  const parts = localParts(instant, language);
  const time = `${parts.hour}:${parts.minute}`;
  if (language === 'es')
    return `${localDay(parts, language)} ${parts.hour === '01' ? 'a la' : 'a las'} ${time}`;
  return `${localDay(parts, language)} at ${time}`;
}

/**
 * The sentence the agent reads to the customer. A promise at midnight (the start of the next
 * billing period) is said as "before that day": "a las 00:00" of a day misleads people into
 * thinking they have that whole day.
 */
export function promiseText(dueAt: Date, language: Language = 'es'): string {
  const parts = localParts(dueAt, language);
  if (parts.hour === '00' && parts.minute === '00') {
    const day = localDay(parts, language);
    return language === 'es'
      ? `Su reporte quedará resuelto antes del ${day}`
      : `Your report will be resolved before ${day}`;
  }
  const when = formatLocalDateTime(dueAt, language);
  return language === 'es'
    ? `Su reporte quedará resuelto a más tardar el ${when}`
    : `Your report will be resolved by ${when}`;
}
