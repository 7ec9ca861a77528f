import { Conflict, NotFound, RuleBroken } from '../core/errors.js';
import { isOfficialRestDay, officialRestDays } from '../core/holidays.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { forgetPromiseSettings } from './promise-settings.js';

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

export async function addHoliday(ctx: ServiceContext, actor: Actor, holiday: { date: string; name: string }) {
  if (isOfficialRestDay(holiday.date)) {
    throw new Conflict(`El ${holiday.date} ya es día de descanso obligatorio.`, 'already_a_holiday');
  }
  const now = ctx.now();
  const added = await new ConfigurationRepository(ctx.db).addHoliday(holiday, actor.user?.id ?? null, now);
  if (!added)
    throw new Conflict(`El ${holiday.date} ya está registrado como día inhábil.`, 'already_a_holiday');
  forgetPromiseSettings(ctx.db);
  await audit(
    ctx.db,
    actor,
    'holiday.added',
    { type: 'holiday', id: holiday.date },
    { name: holiday.name },
    now,
  );
  return { ...holiday, official: false };
}

export async function removeHoliday(ctx: ServiceContext, actor: Actor, date: string): Promise<void> {
  if (isOfficialRestDay(date)) {
    throw new RuleBroken(
      'Los días de descanso obligatorio de la ley no se pueden quitar.',
      'official_holiday',
    );
  }
  if (!(await new ConfigurationRepository(ctx.db).removeHoliday(date))) {
    throw new NotFound(`El ${date} no está registrado como día inhábil.`);
  }
  forgetPromiseSettings(ctx.db);
  await audit(ctx.db, actor, 'holiday.removed', { type: 'holiday', id: date }, {}, ctx.now());
}
