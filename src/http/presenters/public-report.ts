import { z } from 'zod';
import { promiseText } from '../../core/promise-text.js';
import type { Report, ReportEvent } from '../../core/report.js';
import { formatReportNumber } from '../../core/report-number.js';
import type { Language } from '../../core/validation-messages.js';
import { STATUS_LABELS_ES } from '../../core/workflow.js';

const STATUS_LABELS_EN: Record<Report['status'], string> = {
  new: 'received',
  assigned: 'assigned',
  in_progress: 'in progress',
  waiting_customer: 'waiting for you',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'cancelled',
};

export const publicReportResponse = z
  .object({
    number: z.string(),
    displayNumber: z.string(),
    type: z.string(),
    status: z.string(),
    statusText: z.string().describe('the status in plain words'),
    createdAt: z.string(),
    dueAt: z.string().nullable(),
    promiseText: z.string().nullable(),
    paused: z.boolean(),
    resolution: z.string().nullable(),
    requestedDocuments: z
      .array(z.object({ item: z.string(), requestedAt: z.string() }))
      .describe('documents the customer still has to bring'),
    timeline: z.array(
      z.object({ at: z.string(), kind: z.string(), text: z.string().nullable(), by: z.string().nullable() }),
    ),
  })
  .meta({ id: 'PublicReport' });

/** Staff are named by first name only on the customer's side. */
function firstName(event: ReportEvent): string | null {
  // The self-service account is not a person: the customer filed it themself.
  if (!event.actor || event.actor.username === 'autoservicio') return null;
  return event.actor.name.split(/\s+/)[0] ?? null;
}

const FINISHED: Report['status'][] = ['resolved', 'closed', 'cancelled'];

type PublicEntry = z.infer<typeof publicReportResponse>['timeline'][number];

/**
 * One timeline event as the customer reads it, or null for what stays among staff: internal
 * notes, assignments that do not change the status, checklist bookkeeping, attachments.
 */
function publicEntry(event: ReportEvent, language: Language): PublicEntry | null {
  const at = event.at.toISOString();
  switch (event.kind) {
    case 'filed':
      return { at, kind: 'filed', text: null, by: firstName(event) };
    case 'status_changed':
      return {
        at,
        kind: `status:${String(event.data.to)}`,
        text: String(event.data.resolution ?? event.data.reason ?? '') || null,
        by: firstName(event),
      };
    case 'assigned': {
      const status = event.data.status as { to?: string } | undefined;
      return status?.to ? { at, kind: `status:${status.to}`, text: null, by: firstName(event) } : null;
    }
    case 'note':
      return event.data.visibility === 'customer'
        ? { at, kind: 'note', text: String(event.data.text ?? ''), by: firstName(event) }
        : null;
    case 'rerouted': {
      const due =
        typeof event.data.to === 'object' && event.data.to !== null
          ? (event.data.to as { dueAt?: string }).dueAt
          : undefined;
      return {
        at,
        kind: 'promise_changed',
        text: due ? promiseText(new Date(due), language) : null,
        by: null,
      };
    }
    default:
      return null;
  }
}

/**
 * What a customer sees of their report: status in plain words, dates, the promise, the
 * documents still asked of them and the customer-visible part of the timeline (filing,
 * status changes with their reasons and the resolution, promise changes, notes written for
 * them). Never internal notes, staff beyond a first name, the department's internal routing
 * or other customers' data.
 */
export function presentPublicReport(
  report: Report,
  language: Language = 'es',
): z.infer<typeof publicReportResponse> {
  const labels = language === 'es' ? STATUS_LABELS_ES : STATUS_LABELS_EN;
  const resolved = [...report.timeline]
    .reverse()
    .find((e) => e.kind === 'status_changed' && e.data.to === 'resolved');
  return {
    number: report.number,
    displayNumber: formatReportNumber(report.number),
    type: report.type,
    status: report.status,
    statusText: labels[report.status],
    createdAt: report.createdAt.toISOString(),
    dueAt: report.dueAt?.toISOString() ?? null,
    // A promise stops meaning anything to the customer once the report is finished.
    promiseText:
      report.dueAt && !FINISHED.includes(report.status) ? promiseText(report.dueAt, language) : null,
    paused: report.status === 'waiting_customer',
    resolution:
      report.status === 'resolved' || report.status === 'closed'
        ? String(resolved?.data.resolution ?? '') || null
        : null,
    // Once the report is finished nothing is still expected of the customer.
    requestedDocuments: FINISHED.includes(report.status)
      ? []
      : report.documents
          .filter((d) => d.receivedAt === null)
          .map((d) => ({ item: d.item, requestedAt: d.requestedAt.toISOString() })),
    timeline: report.timeline.flatMap((event) => publicEntry(event, language) ?? []),
  };
}
