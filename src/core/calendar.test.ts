import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessMillis,
  addCalendarDays,
  addMonths,
  type BusinessCalendar,
  businessDaysBetween,
  businessMillisBetween,
  dayOfWeek,
  defaultCalendar,
  endOfBusinessDay,
  isBusinessDay,
  isLocalDate,
  type LocalDate,
  localDateOf,
  localWallClock,
  nextBusinessDay,
  zonedInstant,
} from './calendar.js';
import { officialRestDays } from './holidays.js';

const HOUR = 3_600_000;
const cal = defaultCalendar;
// Holy Thursday and Friday 2026, as an administrator would add them.
const withHolyWeek: BusinessCalendar = {
  ...defaultCalendar,
  extraHolidays: new Set(['2026-04-02', '2026-04-03']),
};
const shortHours: BusinessCalendar = {
  officeOpens: '08:30',
  officeCloses: '14:15',
  extraHolidays: new Set(),
};

const DAY_MS = 86_400_000;
const localDate = fc
  .integer({ min: Date.UTC(2024, 0, 1) / DAY_MS, max: Date.UTC(2032, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 11, 31) })
  .map((ms) => new Date(ms));
const calendars = fc.constantFrom(defaultCalendar, withHolyWeek, shortHours);

/** An oracle that shares no code with the module: the weekday from Date, rest days from the table-tested list. */
function worksOn(date: LocalDate, c: BusinessCalendar): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const rest = officialRestDays(Number(date.slice(0, 4))).some((d) => d.date === date);
  return weekday !== 0 && weekday !== 6 && !rest && !c.extraHolidays.has(date);
}

describe('local dates', () => {
  it('does day and month arithmetic across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(dayOfWeek('2026-12-02')).toBe(3);
  });

  it('rejects strings that are not real dates', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(() => addBusinessDays('2026-13-01', 1, cal)).toThrow(RangeError);
  });
});

describe('business days', () => {
  it('closes on weekends, official rest days and added holidays', () => {
    expect(isBusinessDay('2026-11-13', cal)).toBe(true); // Friday
    expect(isBusinessDay('2026-11-14', cal)).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-16', cal)).toBe(false); // Día de la Revolución
    expect(isBusinessDay('2026-04-02', cal)).toBe(true);
    expect(isBusinessDay('2026-04-02', withHolyWeek)).toBe(false);
  });

  it('skips a long weekend', () => {
    expect(nextBusinessDay('2026-11-13', cal)).toBe('2026-11-17');
    expect(addBusinessDays('2026-11-13', 1, cal)).toBe('2026-11-17');
    expect(addBusinessDays('2026-11-13', 0, cal)).toBe('2026-11-13');
    expect(businessDaysBetween('2026-11-13', '2026-11-17', cal)).toBe(1);
    expect(businessDaysBetween('2026-11-17', '2026-11-13', cal)).toBe(0);
  });

  it('counts 30 business days across Christmas and New Year', () => {
    // Dec 25 and Jan 1 are rest days, and so is Monday 1 Feb 2027 (Día de la Constitución).
    expect(addBusinessDays('2026-12-24', 30, cal)).toBe('2027-02-09');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addBusinessDays('2026-11-13', -1, cal)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-11-13', 1.5, cal)).toThrow(RangeError);
  });

  it('always lands on a business day', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 60 }), calendars, (d, n, c) => {
        const result = addBusinessDays(d, n, c);
        expect(worksOn(result, c)).toBe(true);
        expect(isBusinessDay(result, c)).toBe(true);
      }),
    );
  });

  it('counts back what it added', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 60 }), calendars, (d, n, c) => {
        expect(businessDaysBetween(d, addBusinessDays(d, n, c), c)).toBe(n);
      }),
    );
  });

  it('never counts a Saturday, Sunday or holiday', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 120 }), calendars, (a, span, c) => {
        const b = addCalendarDays(a, span);
        let expected = 0;
        for (let i = 1; i <= span; i++) if (worksOn(addCalendarDays(a, i), c)) expected++;
        expect(businessDaysBetween(a, b, c)).toBe(expected);
      }),
    );
  });
});

describe('Mexico City time', () => {
  it('is UTC−6 all year since daylight saving ended in 2022', () => {
    expect(zonedInstant('2026-07-01', '12:00').toISOString()).toBe('2026-07-01T18:00:00.000Z');
    expect(zonedInstant('2026-12-02', '18:00').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(localDateOf(new Date('2026-12-03T05:59:59Z'))).toBe('2026-12-02');
    expect(localDateOf(new Date('2026-12-03T06:00:00Z'))).toBe('2026-12-03');
  });

  it('keeps historical summer time right (UTC−5 until October 2022)', () => {
    expect(zonedInstant('2022-07-01', '12:00').toISOString()).toBe('2022-07-01T17:00:00.000Z');
    expect(zonedInstant('2022-11-01', '12:00').toISOString()).toBe('2022-11-01T18:00:00.000Z');
    expect(localDateOf(new Date('2021-06-15T04:30:00Z'))).toBe('2021-06-14');
    // Hours after the last changes, where the wall time read as UTC falls on the other side of the change.
    expect(zonedInstant('2022-10-30', '03:00').toISOString()).toBe('2022-10-30T09:00:00.000Z');
    expect(zonedInstant('2022-04-03', '06:00').toISOString()).toBe('2022-04-03T11:00:00.000Z');
  });

  it('tells the wall clock minute by minute through the days the clocks changed', () => {
    // Every minute of the UTC days around the last two changes, against the tz database.
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Mexico_City',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const day of ['2022-04-02', '2022-04-03', '2022-10-29', '2022-10-30', '2022-10-31']) {
      for (let minute = 0; minute < 24 * 60; minute++) {
        const instant = new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000);
        const parts = Object.fromEntries(reference.formatToParts(instant).map((p) => [p.type, p.value]));
        const wall = localWallClock(instant);
        expect(`${wall.date} ${wall.hour}:${wall.minute}`).toBe(
          `${parts.year}-${parts.month}-${parts.day} ${Number(parts.hour)}:${Number(parts.minute)}`,
        );
      }
    }
  });

  it('round-trips any wall time', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (d, h, m) => {
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(localDateOf(zonedInstant(d, time))).toBe(d);
      }),
    );
  });
});

describe('endOfBusinessDay', () => {
  const local = (date: string, time: string) => zonedInstant(date, time);

  it('is today at closing while the office is open, or before it opens', () => {
    expect(endOfBusinessDay(local('2026-11-12', '10:00'), cal)).toEqual(local('2026-11-12', '18:00'));
    expect(endOfBusinessDay(local('2026-11-12', '07:00'), cal)).toEqual(local('2026-11-12', '18:00'));
    expect(endOfBusinessDay(local('2026-11-12', '17:59'), cal)).toEqual(local('2026-11-12', '18:00'));
  });

  it('moves to the next business day from closing time on', () => {
    expect(endOfBusinessDay(local('2026-11-12', '18:00'), cal)).toEqual(local('2026-11-13', '18:00'));
    // Friday evening before the Revolution long weekend: Monday 16 Nov is a rest day.
    expect(endOfBusinessDay(local('2026-11-13', '19:30'), cal)).toEqual(local('2026-11-17', '18:00'));
    expect(endOfBusinessDay(local('2026-11-15', '11:00'), cal)).toEqual(local('2026-11-17', '18:00'));
  });
});

describe('business time', () => {
  const local = (date: string, time: string) => zonedInstant(date, time);

  it('counts only office hours on business days', () => {
    // Friday 17:00 → Monday 10:00: one hour each side of the weekend.
    expect(businessMillisBetween(local('2026-11-06', '17:00'), local('2026-11-09', '10:00'), cal)).toBe(
      2 * HOUR,
    );
    // Over the Revolution long weekend, Monday doesn't count either.
    expect(businessMillisBetween(local('2026-11-13', '17:00'), local('2026-11-17', '10:00'), cal)).toBe(
      2 * HOUR,
    );
    expect(businessMillisBetween(local('2026-11-09', '19:00'), local('2026-11-09', '23:00'), cal)).toBe(0);
    expect(businessMillisBetween(local('2026-11-10', '10:00'), local('2026-11-09', '10:00'), cal)).toBe(0);
    expect(
      businessMillisBetween(local('2026-11-09', '08:30'), local('2026-11-09', '14:00'), shortHours),
    ).toBe(5.5 * HOUR);
  });

  it('adds office time, ending at closing rather than the next opening', () => {
    expect(addBusinessMillis(local('2026-11-06', '17:00'), 2 * HOUR, cal)).toEqual(
      local('2026-11-09', '10:00'),
    );
    expect(addBusinessMillis(local('2026-11-06', '09:00'), 9 * HOUR, cal)).toEqual(
      local('2026-11-06', '18:00'),
    );
    expect(addBusinessMillis(local('2026-11-07', '12:00'), HOUR, cal)).toEqual(local('2026-11-09', '10:00'));
    expect(addBusinessMillis(local('2026-11-07', '12:00'), 0, cal)).toEqual(local('2026-11-07', '12:00'));
    expect(() => addBusinessMillis(local('2026-11-07', '12:00'), -1, cal)).toThrow(RangeError);
  });

  it('round-trips: the office time between an instant and that instant plus office time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 * HOUR }), calendars, (from, ms, c) => {
        expect(businessMillisBetween(from, addBusinessMillis(from, ms, c), c)).toBe(ms);
      }),
    );
  });

  it('round-trips the other way when the end lies inside office hours', () => {
    fc.assert(
      fc.property(
        localDate,
        fc.integer({ min: 1, max: 9 * 60 }),
        fc.integer({ min: 1, max: 40 * 24 * 60 }),
        (day, minutes, minutesBefore) => {
          fc.pre(isBusinessDay(day, cal));
          const to = new Date(zonedInstant(day, '09:00').getTime() + minutes * 60_000);
          const from = new Date(to.getTime() - minutesBefore * 60_000);
          expect(addBusinessMillis(from, businessMillisBetween(from, to, cal), cal)).toEqual(to);
        },
      ),
    );
  });
});
