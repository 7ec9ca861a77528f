/**
 * The status changes the report page offers, read from the workflow table in the core: a
 * button only for an edge the table allows, named by what it does, asking for the text the
 * core requires. The core is asked (not copied), as `missingLocationMessage` asks the schema.
 */
import { InvalidInput } from '../../core/errors.js';
import type { ReportStatus } from '../../core/report.js';
import {
  allowedTransitions,
  checkTransition,
  defaultWorkflowPolicy,
  type TransitionKind,
} from '../../core/workflow.js';

/** Assigning needs someone to assign it to; this page does not offer it yet. */
const NOT_OFFERED: readonly ReportStatus[] = ['assigned', 'new'];

export interface TransitionAction {
  to: ReportStatus;
  kind: TransitionKind;
  /** The text the core insists on; for any other change a reason is optional. */
  requires: 'reason' | 'resolution' | null;
}

function check(from: ReportStatus, to: ReportStatus, texts: { reason?: string; resolution?: string }) {
  const now = new Date();
  // Reopening is judged against when it was resolved; "just now" passes the window, which
  // the server checks against the real date.
  return checkTransition({ from, to, ...texts, resolvedAt: now, now, policy: defaultWorkflowPolicy });
}

/** What the change from `from` to `to` is called (start, pause, resume, reopen…). */
export function transitionKind(from: ReportStatus, to: ReportStatus): TransitionKind {
  return check(from, to, { reason: '·', resolution: '·' }).kind;
}

function requiredText(from: ReportStatus, to: ReportStatus): TransitionAction['requires'] {
  try {
    check(from, to, {});
    return null;
  } catch (error) {
    const path = error instanceof InvalidInput ? error.fields?.[0]?.path : undefined;
    if (path === 'reason' || path === 'resolution') return path;
    throw error;
  }
}

export function transitionActions(from: ReportStatus): TransitionAction[] {
  return allowedTransitions(from)
    .filter((to) => !NOT_OFFERED.includes(to))
    .map((to) => ({ to, kind: transitionKind(from, to), requires: requiredText(from, to) }));
}
