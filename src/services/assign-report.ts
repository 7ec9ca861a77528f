import { planAssignment } from '../core/assignment.js';
import { InvalidInput, RuleBroken } from '../core/errors.js';
import { type StaffUser, worksReportsIn } from '../core/permissions.js';
import type { AssignmentRequestBody } from '../core/requests/back-office.js';
import { type ReportChanges, ReportsRepository } from '../db/repositories/reports.js';
import { UsersRepository } from '../db/repositories/users.js';
import type { ServiceContext } from './context.js';
import { loadReportForWrite, staleVersion } from './load-report.js';

/**
 * Puts a report in someone's hands ("me" takes it), or back in its department's queue (null).
 * The assignee must work reports in the report's department. A `new` report becomes
 * `assigned` by the workflow's rules, and the whole change is one `assigned` event, so the
 * timeline never shows an assignment without its status or the other way round.
 */
export async function assignReport(
  ctx: ServiceContext,
  user: StaffUser,
  typedNumber: string,
  request: AssignmentRequestBody,
  expectedVersion?: number,
): Promise<string> {
  const now = ctx.now();
  const targetName =
    request.assignee === null ? null : request.assignee === 'me' ? user.username : request.assignee;
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, typedNumber, expectedVersion, user);
    const plan = planAssignment({
      actor: user,
      status: report.status,
      current: report.assignee?.username ?? null,
      target: targetName,
      now,
    });
    if (!plan.change) return report.number;

    const department = report.department?.code ?? null;
    let target: StaffUser | null = null;
    if (targetName !== null) {
      const found = await new UsersRepository(trx).findByUsername(targetName);
      if (!found) {
        throw new InvalidInput(`No existe el usuario ${targetName}.`, [
          { path: 'assignee', message: 'Usuario desconocido.' },
        ]);
      }
      if (found.disabled)
        throw new RuleBroken(`La cuenta ${found.username} está desactivada.`, 'assignee_disabled');
      if (!worksReportsIn(found, department)) {
        throw new RuleBroken(
          `${found.name} no atiende reportes de ${report.department?.name ?? 'este departamento'}.`,
          'assignee_not_in_department',
        );
      }
      target = found;
    }

    const reports = new ReportsRepository(trx);
    const changes: ReportChanges = { assignee_id: target?.id ?? null };
    if (plan.status) changes.status = plan.status.to;
    if (!(await reports.update(report.number, report.version, changes, now)))
      throw staleVersion(report.version + 1);
    await reports.record(report.number, {
      kind: 'assigned',
      actorId: user.id,
      at: now,
      data: {
        from: report.assignee,
        to: target ? { username: target.username, name: target.name } : null,
        ...(plan.status ? { status: plan.status } : {}),
      },
    });
    return report.number;
  });
}
