import { isPromiseBeforeDay } from '../../core/promise-text.js';
import type { Language } from '../../core/validation-messages.js';
import { OFFICE_TIME_ZONE } from '../format/dates.js';
import { localeOf } from '../i18n/index.js';

/** "12 nov, 14:30" — a promise in a list, where the year goes without saying. */
function formatShortDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/**
 * A promise in a list: "12 nov, 14:30", or "antes del 14 dic" when it falls at midnight (the
 * start of the next billing period), as the sentence read to the customer says it
 * (core/promise-text.ts); "14 dic, 12:00 a.m." read as if the whole day were left.
 */
export function formatPromiseShort(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || !isPromiseBeforeDay(date)) return formatShortDateTime(iso, language);
  const day = new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    day: 'numeric',
    month: 'short',
  }).format(date);
  return language === 'es' ? `antes del ${day}` : `before ${day}`;
}
