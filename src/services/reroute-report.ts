import { billingCycleOf } from '../core/customer.js';
import { NotFound } from '../core/errors.js';
import type { StaffUser } from '../core/permissions.js';
import type { PromiseState } from '../core/promise.js';
import type { Report } from '../core/report.js';
import { type PromiseChoices, planPromise, promiseAfterPauses } from '../core/report-promise.js';
import type { RerouteRequest } from '../core/requests/file-report.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';
import { loadReportForWrite, staleVersion } from './load-report.js';
import { requireDepartment } from './promise-choices.js';
import { loadPromiseSettings } from './promise-settings.js';
import { noticeCustomer } from './report-notices.js';

/** What is not changed is kept; options that belong to the old track fall away with it. */
function mergedChoices(report: Report, request: RerouteRequest): PromiseChoices {
  const track = request.track ?? report.track ?? undefined;
  const choices: PromiseChoices = {};
  if (track) choices.track = track;
  const department = request.department ?? report.department?.code;
  if (department) choices.departmentCode = department;
  const urgent = request.urgent ?? (track === report.track ? report.urgent : undefined);
  if (urgent) choices.urgent = urgent;
  const keepExternal = track === 'external' && report.track === 'external';
  const externalDays = request.externalDays ?? (keepExternal ? report.externalDays : null);
  if (externalDays !== null && externalDays !== undefined) choices.externalDays = externalDays;
  const externalCause = request.externalCause ?? (keepExternal ? report.externalCause : null);
  if (externalCause) choices.externalCause = externalCause;
  return choices;
}

/**
 * Another track or department for a report, with the reason on the timeline. The promise is
 * computed again from the original filing time (the customer's wait does not start over)
 * and pushed by any time already spent waiting on the customer.
 */
export async function rerouteReport(
  ctx: ServiceContext,
  user: StaffUser,
  typedNumber: string,
  request: RerouteRequest,
  expectedVersion?: number,
): Promise<string> {
  const now = ctx.now();
  const settings = await loadPromiseSettings(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, typedNumber, expectedVersion, user);
    const customer = await new CustomersRepository(trx).find(report.customerNumber);
    if (!customer) throw new NotFound(`No existe el cliente ${report.customerNumber}.`);
    const plan = planPromise(
      report.type,
      mergedChoices(report, request),
      billingCycleOf(customer),
      report.createdAt,
      settings,
    );
    await requireDepartment(trx, plan.departmentCode);
    const reports = new ReportsRepository(trx);
    const current = promiseAfterPauses({
      track: plan.track,
      filedAt: report.createdAt,
      baseDueAt: plan.dueAt,
      pauses: report.pauses,
      now,
      policy: settings.policy,
      calendar: settings.calendar,
    });
    // A promise moved later than now starts over as on track; the watch marks it again if needed.
    const promiseState: PromiseState =
      report.resolvedAt || now.getTime() >= current.atRiskAt.getTime() ? report.promiseState : 'on_track';
    const updated = await reports.update(
      report.number,
      report.version,
      {
        track: plan.track,
        department_code: plan.departmentCode,
        urgent: plan.urgent ? 1 : 0,
        external_days: plan.externalDays,
        external_cause: plan.externalCause,
        base_due_at: plan.dueAt.toISOString(),
        due_at: current.dueAt.toISOString(),
        at_risk_at: current.atRiskAt.toISOString(),
        promise_state: promiseState,
      },
      now,
    );
    if (!updated) throw staleVersion(report.version + 1);
    await reports.record(report.number, {
      kind: 'rerouted',
      actorId: user.id,
      at: now,
      data: {
        reason: request.reason,
        from: {
          track: report.track,
          department: report.department?.code ?? null,
          dueAt: report.dueAt?.toISOString() ?? null,
        },
        to: { track: plan.track, department: plan.departmentCode, dueAt: current.dueAt.toISOString() },
      },
    });
    if (report.dueAt?.getTime() !== current.dueAt.getTime()) {
      await noticeCustomer(trx, ctx, { ...report, dueAt: current.dueAt }, 'promise_moved');
    }
    return report.number;
  });
}
