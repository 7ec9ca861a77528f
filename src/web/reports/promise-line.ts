import type { PromiseState } from '../../core/promise.js';
import type { ReportStatus } from '../../core/report.js';
import { isOpenStatus } from '../../core/workflow.js';

/**
 * What the report page says of the promise under the number: the sentence the customer was
 * given, while it still runs; marked as broken once breached (an agent answering a follow-up
 * must not read "it will be resolved by Monday" after that Monday); nothing once the report is
 * resolved, closed or cancelled, where it no longer tells anything (as on the customer's page).
 */
export function promiseLine(report: {
  status: ReportStatus;
  promiseState: PromiseState | null;
  promiseText: string | null;
}): { text: string; broken: boolean } | null {
  if (!report.promiseText || !isOpenStatus(report.status)) return null;
  return { text: report.promiseText, broken: report.promiseState === 'breached' };
}
