import type { Language } from '../../core/validation-messages.js';
import { localeOf } from '../i18n/index.js';

/** A calendar day (`YYYY-MM-DD`) as people read it: "jueves, 1 de enero de 2026". No time zone applies. */
export function formatLocalDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(utc);
}
