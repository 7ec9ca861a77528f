/**
 * The report's workflow (DESIGN.md §4): which status may follow which, what each change is
 * called on the timeline, and the clock rules around resolving (reopen window, auto-close).
 * Pure: the clock comes in as `now`, the limits as a policy.
 */
import { InvalidInput, RuleBroken } from './errors.js';
import type { ReportStatus } from './report.js';

/**
 * Every allowed status change, and only those. A pair missing here is refused, so adding an
 * edge is a decision: `workflow.test.ts` spells the same edges out and fails on a careless edit.
 * A change to the same status is never a transition (reassigning to another agent changes the
 * assignee, not the status).
 */
export const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = Object.freeze({
  new: Object.freeze([
    'assigned',
    // Whoever takes it starts at once, e.g. the agent at the counter or on the call.
    'in_progress',
    // Documents are requested when it is filed; the promise clock waits for them.
    'waiting_customer',
    // Settled on the spot: the `immediate` track.
    'resolved',
    'cancelled',
  ] as const),
  assigned: Object.freeze([
    'in_progress',
    // The assignee asks for documents before touching it.
    'waiting_customer',
    // Solved without field work (e.g. a billing correction applied straight away).
    'resolved',
    'cancelled',
    // Back to the queue: assignee absent, or the report sits in the wrong department's queue.
    'new',
  ] as const),
  in_progress: Object.freeze(['waiting_customer', 'resolved', 'cancelled'] as const),
  // The customer answers (resume), or what they sent settles it, or they withdraw / never answer.
  waiting_customer: Object.freeze(['in_progress', 'resolved', 'cancelled'] as const),
  // Closed by the customer's acceptance or by auto-close; reopened if the fix did not hold.
  resolved: Object.freeze(['closed', 'in_progress'] as const),
  // Auto-close (7 days) comes before the end of the reopen window (30 days), so a closed
  // report can still be reopened inside that window; after it, a new report is filed.
  closed: Object.freeze(['in_progress'] as const),
  cancelled: Object.freeze([] as const),
});

export const STATUS_LABELS_ES: Readonly<Record<ReportStatus, string>> = Object.freeze({
  new: 'nuevo',
  assigned: 'asignado',
  in_progress: 'en proceso',
  waiting_customer: 'en espera del cliente',
  resolved: 'resuelto',
  closed: 'cerrado',
  cancelled: 'cancelado',
});

export type TransitionKind =
  | 'reopen'
  | 'cancel'
  | 'resolve'
  | 'close'
  | 'pause'
  | 'resume'
  | 'assign'
  | 'start'
  | 'unassign';

export interface WorkflowPolicy {
  /** A resolved report may be reopened up to this many days (24 h each) after it was resolved. */
  reopenWindowDays: number;
  /** A resolved report not reopened closes itself this many days (24 h each) after resolving. */
  autoCloseAfterDays: number;
}

export const defaultWorkflowPolicy: WorkflowPolicy = Object.freeze({
  reopenWindowDays: 30,
  autoCloseAfterDays: 7,
});

export interface TransitionRequest {
  from: ReportStatus;
  to: ReportStatus;
  /** Why: required to cancel and to reopen. */
  reason?: string | undefined;
  /** What was done, shown to the customer: required to resolve. */
  resolution?: string | undefined;
  /** When the report was resolved: required to reopen. */
  resolvedAt?: Date | null | undefined;
  now: Date;
  policy: WorkflowPolicy;
}

const DAY_MS = 86_400_000;

export function allowedTransitions(from: ReportStatus): readonly ReportStatus[] {
  return TRANSITIONS[from];
}

/** Still someone's work: not resolved, closed or cancelled. */
export function isOpenStatus(status: ReportStatus): boolean {
  return !stopsClock(status);
}

/** Time in this status does not count against the promise (DESIGN.md §4). */
export function pausesClock(status: ReportStatus): boolean {
  return status === 'waiting_customer';
}

/** The promise is settled: kept or missed, it no longer runs. */
export function stopsClock(status: ReportStatus): boolean {
  return status === 'resolved' || status === 'closed' || status === 'cancelled';
}

/**
 * Checks one status change and names it for the timeline. Business rules are checked before
 * the texts, so an agent is not asked for a reason for a change that would be refused anyway.
 *
 * @throws RuleBroken `invalid_transition` when the table has no such edge;
 *   `reopen_window_passed` when reopening after `policy.reopenWindowDays`.
 * @throws InvalidInput when resolving without a resolution, or cancelling or reopening without
 *   a reason (blank counts as missing).
 */
export function checkTransition(request: TransitionRequest): { kind: TransitionKind } {
  const { from, to, now, policy } = request;
  if (!TRANSITIONS[from].includes(to)) {
    throw new RuleBroken(
      `No se puede pasar de «${STATUS_LABELS_ES[from]}» a «${STATUS_LABELS_ES[to]}».`,
      'invalid_transition',
    );
  }
  const kind = kindOf(from, to);
  if (kind === 'reopen') {
    if (!request.resolvedAt) {
      // Every resolved report has a resolution time; its absence is a caller's bug, not input.
      throw new Error('checkTransition: resolvedAt is required to reopen a resolved report');
    }
    if (now.getTime() - request.resolvedAt.getTime() > policy.reopenWindowDays * DAY_MS) {
      throw new RuleBroken(
        `No se puede reabrir: pasaron más de ${policy.reopenWindowDays} días desde que se resolvió. ` +
          'Levante un reporte nuevo.',
        'reopen_window_passed',
      );
    }
    requireText(request.reason, 'reason', 'Escriba el motivo para reabrir el reporte.');
  } else if (kind === 'cancel') {
    requireText(request.reason, 'reason', 'Escriba el motivo de la cancelación.');
  } else if (kind === 'resolve') {
    requireText(request.resolution, 'resolution', 'Escriba qué se hizo para resolverlo; el cliente lo verá.');
  }
  return { kind };
}

/** True once a resolved report has gone `autoCloseAfterDays` without being reopened. */
export function dueForAutoClose(resolvedAt: Date, now: Date, policy: WorkflowPolicy): boolean {
  return now.getTime() - resolvedAt.getTime() >= policy.autoCloseAfterDays * DAY_MS;
}

/** Names an edge already known to be in the table; the target mostly decides. */
function kindOf(from: ReportStatus, to: ReportStatus): TransitionKind {
  switch (to) {
    case 'cancelled':
      return 'cancel';
    case 'resolved':
      return 'resolve';
    case 'closed':
      return 'close';
    case 'waiting_customer':
      return 'pause';
    case 'assigned':
      return 'assign';
    case 'new':
      return 'unassign';
    case 'in_progress':
      if (from === 'waiting_customer') return 'resume';
      if (from === 'resolved' || from === 'closed') return 'reopen';
      return 'start';
  }
}

function requireText(value: string | undefined, path: 'reason' | 'resolution', message: string): void {
  if (value === undefined || value.trim() === '') {
    throw new InvalidInput(message, [{ path, message }]);
  }
}
