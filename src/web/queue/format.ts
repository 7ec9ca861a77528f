import type { Language } from '../../core/validation-messages.js';
import { OFFICE_TIME_ZONE } from '../format/dates.js';
import { localeOf } from '../i18n/index.js';

/** "12 nov, 14:30" — a promise in a list, where the year goes without saying. */
export function formatShortDateTime(iso: string, language: Language): string {
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
