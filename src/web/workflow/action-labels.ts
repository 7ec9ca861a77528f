import type { Report } from '../api/types.js';
import type { TransitionAction } from './workflow-actions.js';

/** The button's words: waiting on the customer is "asking for documents" when documents are what is missing. */
export function actionLabelKey(action: TransitionAction, report: Pick<Report, 'documentsNeeded'>) {
  if (action.kind === 'pause' && report.documentsNeeded) return 'workflow.requestDocuments' as const;
  return `workflow.${action.kind}` as const;
}
