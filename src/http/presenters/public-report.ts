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

/**
 * What a customer sees of their report: status in plain words, dates, the promise and the
 * customer-visible part of the timeline (filing, status changes with their reasons and the
 * resolution, promise changes). Never internal notes, staff beyond a first name, the
 * department's internal routing or other customers' data.
 */
export function presentPublicReport(
  report: Report,
  language: Language = 'es',
): z.infer<typeof publicReportResponse> {
  const labels = language === 'es' ? STATUS_LABELS_ES : STATUS_LABELS_EN;
  const visible = report.timeline.filter(
    (e) => e.kind === 'filed' || e.kind === 'status_changed' || e.kind === 'rerouted',
  );
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
    timeline: visible.map((event) => ({
      at: event.at.toISOString(),
      kind:
        event.kind === 'rerouted'
          ? 'promise_changed'
          : event.kind === 'status_changed'
            ? `status:${String(event.data.to)}`
            : 'filed',
      text:
        event.kind === 'status_changed'
          ? String(event.data.resolution ?? event.data.reason ?? '') || null
          : event.kind === 'rerouted' && typeof event.data.to === 'object' && event.data.to !== null
            ? (() => {
                const due = (event.data.to as { dueAt?: string }).dueAt;
                return due ? promiseText(new Date(due), language) : null;
              })()
            : null,
      by: event.kind === 'rerouted' ? null : firstName(event),
    })),
  };
}
