import type { OfficeData } from '../core/requests/administration.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';

const OFFICE_KEY = 'office';

/** The office as the manual gives it, until an administrator changes it. */
export const DEFAULT_OFFICE: OfficeData = {
  name: 'Servicio al Cliente',
  address: 'Centenario 322, Rioverde, San Luis Potosí, 79610, México',
  phones: ['+52 487 873 1703', '+52 487 101 1684'],
  hours: 'Lunes a viernes de 9:00 a 18:00',
};

export async function getOffice(ctx: ServiceContext): Promise<OfficeData> {
  const stored = (await new ConfigurationRepository(ctx.db).setting(OFFICE_KEY)) as
    | Partial<OfficeData>
    | undefined;
  return { ...DEFAULT_OFFICE, ...(stored ?? {}) };
}

export async function updateOffice(
  ctx: ServiceContext,
  actor: Actor,
  office: OfficeData,
): Promise<OfficeData> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await new ConfigurationRepository(trx).putSetting(OFFICE_KEY, office, now);
    await audit(trx, actor, 'office.updated', { type: 'settings', id: OFFICE_KEY }, { ...office }, now);
  });
  return office;
}
