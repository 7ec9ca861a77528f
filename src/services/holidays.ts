import { Conflict, NotFound, RuleBroken } from '../core/errors.js';
import { isOfficialRestDay, officialRestDays } from '../core/holidays.js';
import type { StaffUser } from '../core/permissions.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import type { ServiceContext } from './context.js';

export interface Holiday {
  date: string;
  name: string;
  /** Official rest days (Ley Federal del Trabajo, art. 74) are computed, not stored, and cannot be removed. */
  official: boolean;
}

/** The days the office is closed in a year besides weekends: official ones and those an admin added. */
export async function listHolidays(ctx: ServiceContext, year: number): Promise<Holiday[]> {
  const added = (await new ConfigurationRepository(ctx.db).holidays()).filter((h) =>
    h.date.startsWith(`${year}-`),
  );
  const official = officialRestDays(year).map((d) => ({ date: d.date, name: d.name, official: true }));
  return [...official, ...added.map((h) => ({ ...h, official: false }))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

export async function addHoliday(
  ctx: ServiceContext,
  user: StaffUser,
  holiday: { date: string; name: string },
) {
  if (isOfficialRestDay(holiday.date)) {
    throw new Conflict(`El ${holiday.date} ya es día de descanso obligatorio.`, 'already_a_holiday');
  }
  const added = await new ConfigurationRepository(ctx.db).addHoliday(holiday, user.id, ctx.now());
  if (!added)
    throw new Conflict(`El ${holiday.date} ya está registrado como día inhábil.`, 'already_a_holiday');
  return { ...holiday, official: false };
}

export async function removeHoliday(ctx: ServiceContext, date: string): Promise<void> {
  if (isOfficialRestDay(date)) {
    throw new RuleBroken(
      'Los días de descanso obligatorio de la ley no se pueden quitar.',
      'official_holiday',
    );
  }
  if (!(await new ConfigurationRepository(ctx.db).removeHoliday(date))) {
    throw new NotFound(`El ${date} no está registrado como día inhábil.`);
  }
}
