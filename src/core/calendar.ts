/**
 * The business calendar: which local days the office works, its hours, and conversions
 * between UTC instants and Mexico City wall time.
 *
 * Local days are 'YYYY-MM-DD' strings so they compare with `<` and store as text; only the
 * conversions below know about the time zone.
 */
import { isOfficialRestDay } from './holidays.js';

/** A calendar day in America/Mexico_City, 'YYYY-MM-DD'. */
export type LocalDate = string;

export interface BusinessCalendar {
  /** 'HH:MM', local wall time. */
  officeOpens: string;
  /** 'HH:MM', local wall time; later than `officeOpens`. */
  officeCloses: string;
  /** Days an administrator closed the office on, on top of the official rest days. */
  extraHolidays: ReadonlySet<LocalDate>;
}

export const defaultCalendar: BusinessCalendar = Object.freeze({
  officeOpens: '09:00',
  officeCloses: '18:00',
  extraHolidays: new Set<LocalDate>(),
});

export const TIME_ZONE = 'America/Mexico_City';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// ---------------------------------------------------------------- local dates

/** Days since 1970-01-01, so day arithmetic is integer arithmetic. */
// Business-day arithmetic converts the same few dates over and over; parsing is the cost.
const epochDays = new Map<LocalDate, number>();

function epochDay(date: LocalDate): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  const day = parseEpochDay(date);
  if (epochDays.size > 20_000) epochDays.clear();
  epochDays.set(date, day);
  return day;
}

function parseEpochDay(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over into March; a round trip catches it.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / DAY_MS;
  }
  throw new RangeError(`not a local date 'YYYY-MM-DD': ${date}`);
}

const localDates = new Map<number, LocalDate>();

function fromEpochDay(day: number): LocalDate {
  let date = localDates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (localDates.size > 20_000) localDates.clear();
    localDates.set(day, date);
  }
  return date;
}

export function isLocalDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 → Feb 28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  epochDay(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const clamped = Math.min(day, lastDay);
  return fromEpochDay(Date.UTC(targetYear, targetMonth, clamped) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

// ---------------------------------------------------------------- business days

export function isBusinessDay(date: LocalDate, cal: BusinessCalendar): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isOfficialRestDay(date) && !cal.extraHolidays.has(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: LocalDate, cal: BusinessCalendar): LocalDate {
  let day = addCalendarDays(date, 1);
  while (!isBusinessDay(day, cal)) day = addCalendarDays(day, 1);
  return day;
}

/** `n` business days after `date`, not counting `date` itself; `n = 0` returns `date` unchanged. */
export function addBusinessDays(date: LocalDate, n: number, cal: BusinessCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number ≥ 0: ${n}`);
  let day = date;
  epochDay(day);
  for (let left = n; left > 0; left--) day = nextBusinessDay(day, cal);
  return day;
}

/** How many business days d satisfy a < d ≤ b; 0 when b is not after a. */
export function businessDaysBetween(a: LocalDate, b: LocalDate, cal: BusinessCalendar): number {
  const last = epochDay(b);
  let count = 0;
  for (let day = epochDay(a) + 1; day <= last; day++) {
    if (isBusinessDay(fromEpochDay(day), cal)) count++;
  }
  return count;
}

// ---------------------------------------------------------------- time zone

/*
 * The offset comes from the platform's tz database rather than a fixed −6 h: since October
 * 2022 the two agree, but instants before then (imported history, old reports) fell under
 * daylight saving time (−5 h in summer) and would otherwise land on the wrong day or hour.
 */
const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  date: LocalDate;
  /** Milliseconds since local midnight, whole seconds. */
  msOfDay: number;
}

function wallClockFromTzDatabase(ms: number): WallClock {
  const parts: Record<string, string> = {};
  for (const part of wallClockFormat.formatToParts(ms)) parts[part.type] = part.value;
  const { year = '', month = '', day = '', hour = '0', minute = '0', second = '0' } = parts;
  return {
    date: `${year.padStart(4, '0')}-${month}-${day}`,
    msOfDay: ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000,
  };
}

/*
 * Asking Intl for every conversion cost a tenth of a filing's CPU. Offsets only change at
 * transitions, which the tz database puts on quarter hours, so Intl is asked once per quarter
 * hour of UTC, and a UTC day whose first and last quarter hours agree (every day but a
 * transition's) is then answered by one entry: a lookup of any of 200,000 reports, due over
 * two years, stays arithmetic.
 */
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const quarterOffsets = new Map<number, number>();
/** Per UTC day: the day's one offset, or null on a day with a transition. */
const dayOffsets = new Map<number, number | null>();

function quarterOffset(ms: number): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = quarterOffsets.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const wall = wallClockFromTzDatabase(start);
    offset = parseEpochDay(wall.date) * DAY_MS + wall.msOfDay - start;
    if (quarterOffsets.size > 50_000) quarterOffsets.clear();
    quarterOffsets.set(quarter, offset);
  }
  return offset;
}

/** Local wall time minus UTC at `ms`, e.g. −6 h. */
function offsetAt(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  let offset = dayOffsets.get(day);
  if (offset === undefined) {
    const first = quarterOffset(day * DAY_MS);
    offset = first === quarterOffset((day + 1) * DAY_MS - QUARTER_HOUR_MS) ? first : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(day, offset);
  }
  return offset ?? quarterOffset(ms);
}

function wallClock(instant: Date | number): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = Math.floor(ms / 1000) * 1000 + offsetAt(ms);
  const day = Math.floor(local / DAY_MS);
  return { date: fromEpochDay(day), msOfDay: local - day * DAY_MS };
}

function minutesOfDay(time: string): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`not a wall time 'HH:MM': ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The Mexico City calendar day and time of day at `instant` (to the second). */
export function localWallClock(instant: Date | number): { date: LocalDate; hour: number; minute: number } {
  const { date, msOfDay } = wallClock(instant);
  const minutes = Math.floor(msOfDay / MINUTE_MS);
  return { date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/** The local calendar day in Mexico City at `instant`. */
export function localDateOf(instant: Date): LocalDate {
  return wallClock(instant).date;
}

/** The instant at which Mexico City clocks read `time` on `date`. */
export function zonedInstant(date: LocalDate, time: string): Date {
  const wallAsUtc = epochDay(date) * DAY_MS + minutesOfDay(time) * MINUTE_MS;
  // Guess with the offset at the wall time read as UTC, then correct once in case that guess
  // fell on the other side of a historical DST change.
  const firstOffset = offsetAt(wallAsUtc);
  const secondOffset = offsetAt(wallAsUtc - firstOffset);
  return new Date(wallAsUtc - secondOffset);
}

// ---------------------------------------------------------------- office hours

interface OfficeHours {
  opens: number;
  closes: number;
}

function officeHours(date: LocalDate, cal: BusinessCalendar): OfficeHours {
  if (minutesOfDay(cal.officeOpens) >= minutesOfDay(cal.officeCloses)) {
    throw new RangeError(`office opens (${cal.officeOpens}) after it closes (${cal.officeCloses})`);
  }
  return {
    opens: zonedInstant(date, cal.officeOpens).getTime(),
    closes: zonedInstant(date, cal.officeCloses).getTime(),
  };
}

/**
 * Closing time of the instant's own day if the office still has time left that day (before
 * opening counts), otherwise closing time of the next business day.
 */
export function endOfBusinessDay(instant: Date, cal: BusinessCalendar): Date {
  const today = localDateOf(instant);
  if (isBusinessDay(today, cal)) {
    const closes = zonedInstant(today, cal.officeCloses);
    if (instant.getTime() < closes.getTime()) return closes;
  }
  return zonedInstant(nextBusinessDay(today, cal), cal.officeCloses);
}

/** Office time on business days between two instants; 0 when `to` is not after `from`. */
export function businessMillisBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  const lastDay = localDateOf(to);
  let total = 0;
  for (let day = localDateOf(from); day <= lastDay; day = addCalendarDays(day, 1)) {
    if (!isBusinessDay(day, cal)) continue;
    const hours = officeHours(day, cal);
    total += Math.max(0, Math.min(end, hours.closes) - Math.max(start, hours.opens));
  }
  return total;
}

/**
 * The earliest instant `ms` of office time after `instant`: the inverse of
 * `businessMillisBetween`. Earliest means a span that uses up a day's office hours ends at
 * that day's closing time, not at the next opening.
 */
export function addBusinessMillis(instant: Date, ms: number, cal: BusinessCalendar): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time must be ≥ 0 ms: ${ms}`);
  if (ms === 0) return new Date(instant.getTime());
  let left = ms;
  for (let day = localDateOf(instant); ; day = addCalendarDays(day, 1)) {
    if (!isBusinessDay(day, cal)) continue;
    const hours = officeHours(day, cal);
    const start = Math.max(instant.getTime(), hours.opens);
    const available = hours.closes - start;
    if (available <= 0) continue;
    if (left <= available) return new Date(start + left);
    left -= available;
  }
}
