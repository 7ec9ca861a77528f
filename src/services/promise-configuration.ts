import { InvalidInput, NotFound } from '../core/errors.js';
import type { ReportType } from '../core/report.js';
import type { PromisePolicyRequest } from '../core/requests/settings.js';
import type { RoutingRule, Track } from '../core/routing.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { requireDepartment } from './promise-choices.js';
import {
  forgetPromiseSettings,
  loadPromiseSettings,
  OFFICE_HOURS_KEY,
  PROMISE_POLICY_KEY,
} from './promise-settings.js';

export async function getPromisePolicy(ctx: ServiceContext) {
  const settings = await loadPromiseSettings(ctx.db);
  return {
    ...settings.policy,
    officeOpens: settings.calendar.officeOpens,
    officeCloses: settings.calendar.officeCloses,
  };
}

/** Changes part of the promise policy; it counts for reports filed or re-routed from now on. */
export async function updatePromisePolicy(ctx: ServiceContext, actor: Actor, request: PromisePolicyRequest) {
  const { officeOpens, officeCloses, ...policy } = request;
  const current = await loadPromiseSettings(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const configuration = new ConfigurationRepository(trx);
    const now = ctx.now();
    const hours = {
      officeOpens: officeOpens ?? current.calendar.officeOpens,
      officeCloses: officeCloses ?? current.calendar.officeCloses,
    };
    if (hours.officeOpens >= hours.officeCloses) {
      throw new InvalidInput('El horario no es válido.', [
        { path: 'officeCloses', message: 'La hora de cierre debe ser posterior a la de apertura.' },
      ]);
    }
    await configuration.putSetting(PROMISE_POLICY_KEY, { ...current.policy, ...policy }, now);
    await configuration.putSetting(OFFICE_HOURS_KEY, hours, now);
    await audit(
      trx,
      actor,
      'promise_policy.updated',
      { type: 'settings', id: PROMISE_POLICY_KEY },
      { ...request },
      now,
    );
  });
  forgetPromiseSettings(ctx.db);
  return getPromisePolicy(ctx);
}

export async function getRoutingTable(ctx: ServiceContext) {
  const configuration = new ConfigurationRepository(ctx.db);
  return { rules: await configuration.routingTable(), departments: await configuration.departments() };
}

export async function updateRoutingRule(
  ctx: ServiceContext,
  actor: Actor,
  type: ReportType,
  request: { track: Track; department: string; trackWhenDocumentsNeeded?: Track | null | undefined },
): Promise<RoutingRule> {
  await requireDepartment(ctx.db, request.department);
  const rule: RoutingRule = { track: request.track, departmentCode: request.department };
  if (request.trackWhenDocumentsNeeded) rule.trackWhenDocumentsNeeded = request.trackWhenDocumentsNeeded;
  const configuration = new ConfigurationRepository(ctx.db);
  const now = ctx.now();
  await configuration.putRoutingRule(type, rule, now);
  forgetPromiseSettings(ctx.db);
  await audit(ctx.db, actor, 'routing.updated', { type: 'routing_rule', id: type }, { ...rule }, now);
  const stored = (await configuration.routingTable())[type];
  if (!stored) throw new NotFound(`No hay regla para ${type}.`);
  return stored;
}
