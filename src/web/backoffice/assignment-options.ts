/**
 * Which assignment buttons a user sees on a report, read from the permission table and the
 * assignment rule in the core. The server decides; this only hides what would be refused.
 */
import { searchKey } from '../../core/normalize.js';
import { can, isRole, worksReportsIn } from '../../core/permissions.js';
import type { ReportStatus } from '../../core/report.js';
import { isOpenStatus } from '../../core/workflow.js';
import type { Actor, User } from '../api/types.js';

export interface AssignableReport {
  status: ReportStatus | string;
  department: string | null;
  assignee: Actor | null;
}

export interface AssignmentOptions {
  /** "Tomar": it is free and the user works reports of its department. */
  take: boolean;
  /** "Regresar a la cola": one's own, or anyone's for a supervisor. */
  giveBack: boolean;
  /** "Asignar a…": supervisors and administrators hand reports to others. */
  assignOthers: boolean;
}

const NONE: AssignmentOptions = { take: false, giveBack: false, assignOthers: false };

export function rolesOf(user: Pick<User, 'roles'>) {
  return user.roles.filter(isRole);
}

export function assignmentOptions(
  user: Pick<User, 'username' | 'roles' | 'departments'>,
  report: AssignableReport,
): AssignmentOptions {
  const roles = rolesOf(user);
  const open = (status: string) => isOpenStatus(status as ReportStatus);
  if (!open(report.status) || !can({ roles }, 'reports:assign')) return NONE;
  const others = can({ roles }, 'reports:assign_others');
  const mine = report.assignee?.username === user.username;
  return {
    take:
      !mine &&
      (report.assignee === null || others) &&
      worksReportsIn({ roles, departments: user.departments }, report.department),
    giveBack: report.assignee !== null && (mine || others),
    assignOthers: others,
  };
}

/** Whether the user may write internal notes (everyone may write notes the customer reads). */
export function canWriteInternalNotes(user: Pick<User, 'roles'>): boolean {
  return can({ roles: rolesOf(user) }, 'reports:note_internal');
}

/** Whether what was typed in "Asignar a…" finds this person: by name or username, accents and case aside. */
export function personMatches(person: Actor, typed: string): boolean {
  const wanted = searchKey(typed);
  return searchKey(person.name).includes(wanted) || searchKey(person.username).includes(wanted);
}
