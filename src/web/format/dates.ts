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

/** A promise on the report page: a date and time, or "antes del 14 dic 2026" at midnight (see formatPromiseShort). */
export function formatPromiseDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || !isPromiseBeforeDay(date)) return formatDateTime(iso, language);
  const day = new Intl.DateTimeFormat(localeOf(language), {
    timeZone: OFFICE_TIME_ZONE,
    dateStyle: 'medium',
  }).format(date);
  return language === 'es' ? `antes del ${day}` : `before ${day}`;
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
