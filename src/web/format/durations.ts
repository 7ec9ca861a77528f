import type { TFunction } from 'i18next';

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes of a span (its sign dropped), rounded down to the minute. */
export function durationParts(ms: number): DurationParts {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/**
 * A span as people say it: its two largest units, zeros left out — "3 h 20 min", "2 h",
 * "4 d 6 h", "menos de 1 min".
 */
export function formatDuration(ms: number, t: TFunction): string {
  const { days, hours, minutes } = durationParts(ms);
  const units = [
    days > 0 ? t('duration.days', { count: days }) : null,
    hours > 0 ? t('duration.hours', { count: hours }) : null,
    minutes > 0 ? t('duration.minutes', { count: minutes }) : null,
  ];
  const first = units.findIndex((unit) => unit !== null);
  if (first === -1) return t('duration.underAMinute');
  return units
    .slice(first, first + 2)
    .filter((unit) => unit !== null)
    .join(' ');
}
