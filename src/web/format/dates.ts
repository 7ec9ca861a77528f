import { isPromiseBeforeDay } from '../../core/promise-text.js';
import type { Language } from '../../core/validation-messages.js';
import { localeOf } from '../i18n/index.js';

/** The office's clock: dates are stored in UTC and always shown in Mexico City time. */
export const OFFICE_TIME_ZONE = 'America/Mexico_City';

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/**
 * A promise as staff see it: its date and time, or "antes del 14 dic" when it falls at midnight
 * (the start of the next billing period), as the sentence read to the customer says it
 * (core/promise-text.ts); "14 dic, 12:00 a.m." read as if the whole day were left. `short` for a
 * list, where the year goes without saying ("12 nov, 14:30"); `long` for a report.
 */
export function formatPromise(iso: string, language: Language, length: 'short' | 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const beforeDay = isPromiseBeforeDay(date);
  const style: Intl.DateTimeFormatOptions =
    length === 'long'
      ? { dateStyle: 'medium', ...(beforeDay ? {} : { timeStyle: 'short' }) }
      : { day: 'numeric', month: 'short', ...(beforeDay ? {} : { hour: '2-digit', minute: '2-digit' }) };
  const shown = new Intl.DateTimeFormat(localeOf(language), { timeZone: OFFICE_TIME_ZONE, ...style }).format(
    date,
  );
  if (!beforeDay) return shown;
  return language === 'es' ? `antes del ${shown}` : `before ${shown}`;
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
