/**
 * Who may put a report in whose hands, and what that does to its status. Pure: the caller
 * has already checked that the new assignee works reports in the report's department.
 */
import { Forbidden, RuleBroken } from './errors.js';
import { can, type StaffUser } from './permissions.js';
import type { ReportStatus } from './report.js';
import { checkTransition, defaultWorkflowPolicy, isOpenStatus } from './workflow.js';

export interface AssignmentRequest {
  actor: Pick<StaffUser, 'username' | 'roles' | 'scopes'>;
  status: ReportStatus;
  /** Usernames; null is nobody. */
  current: string | null;
  target: string | null;
  now: Date;
}

export type AssignmentPlan =
  | { change: false }
  /** `status` is set when the assignment also moves the report along the workflow. */
  | { change: true; status: { from: ReportStatus; to: ReportStatus } | null };

/**
 * Supervisors (and admins) hand reports to anyone; everyone else may only take an unassigned
 * report or give back their own, so two colleagues never snatch a report from each other.
 * Assigning a `new` report makes it `assigned`; giving back an `assigned` one returns it to
 * `new` (the queue); later statuses keep theirs, since the work already started.
 *
 * @throws RuleBroken `report_not_open` for resolved, closed or cancelled reports.
 * @throws Forbidden `assign_forbidden` when the actor may not make this change.
 */
export function planAssignment(request: AssignmentRequest): AssignmentPlan {
  const { actor, status, current, target } = request;
  if (!isOpenStatus(status)) {
    throw new RuleBroken(
      'Un reporte resuelto, cerrado o cancelado no se asigna; reábralo primero.',
      'report_not_open',
    );
  }
  if (current === target) return { change: false };
  if (!can(actor, 'reports:assign_others')) {
    const takingFree = target === actor.username && current === null;
    const givingBack = target === null && current === actor.username;
    if (!takingFree && !givingBack) {
      throw new Forbidden(
        current !== null && target === actor.username
          ? 'El reporte ya tiene responsable; solo un supervisor puede reasignarlo.'
          : 'Solo un supervisor puede asignar reportes a otra persona.',
        'assign_forbidden',
      );
    }
  }
  const to: ReportStatus | null =
    status === 'new' && target !== null
      ? 'assigned'
      : status === 'assigned' && target === null
        ? 'new'
        : null;
  if (!to) return { change: true, status: null };
  checkTransition({ from: status, to, now: request.now, policy: defaultWorkflowPolicy });
  return { change: true, status: { from: status, to } };
}
