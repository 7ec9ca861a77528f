/**
 * What each timeline event says, as keys of `timeline` in the message catalogue and the
 * values to put in them. Formatting (dates, names, durations) comes in as a vocabulary, so
 * this stays a pure function of the event.
 */
import { type ReportStatus, STATUSES } from '../../core/report.js';
import type { TimelineEvent } from '../api/types.js';
import type { Messages } from '../i18n/es.js';
import { transitionKind } from '../workflow/workflow-actions.js';

export type TimelineTextKey = keyof Messages['timeline'];

export interface TimelineLine {
  key: TimelineTextKey;
  values?: Record<string, string>;
}

export interface TimelineText {
  title: TimelineLine;
  details: TimelineLine[];
}

export interface TimelineVocabulary {
  date(iso: string): string;
  /** Short, lower-case track name for running text: "revisión". */
  track(track: string): string;
  department(code: string): string;
  status(status: ReportStatus): string;
  duration(ms: number): string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const isStatus = (value: unknown): value is ReportStatus =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** `null` for a kind this page has no sentence for; the page then shows the kind's name. */
export function describeEvent(event: TimelineEvent, say: TimelineVocabulary): TimelineText | null {
  const data = event.data;
  const details: TimelineLine[] = [];
  const reason = text(data.reason);
  const dueAt = text(data.dueAt);

  switch (event.kind) {
    case 'filed': {
      const track = text(data.track);
      const department = text(data.department);
      if (track && department) {
        details.push({
          key: 'routedTo',
          values: { department: say.department(department), track: say.track(track) },
        });
      }
      if (dueAt) details.push({ key: 'promise', values: { dueAt: say.date(dueAt) } });
      return { title: { key: 'filed' }, details };
    }
    case 'rerouted': {
      const to = record(data.to);
      const department = text(to.department);
      const track = text(to.track);
      const newDueAt = text(to.dueAt);
      if (newDueAt) details.push({ key: 'newPromise', values: { dueAt: say.date(newDueAt) } });
      return {
        title: {
          key: 'rerouted',
          values: {
            department: department ? say.department(department) : '—',
            track: track ? say.track(track) : '—',
            reason: reason ?? '—',
          },
        },
        details,
      };
    }
    case 'status_changed':
      return describeStatusChange(data, say);
    case 'promise_at_risk':
    case 'promise_breached':
      if (dueAt) details.push({ key: 'promise', values: { dueAt: say.date(dueAt) } });
      return {
        title: { key: event.kind === 'promise_at_risk' ? 'promiseAtRisk' : 'promiseBreached' },
        details,
      };
    case 'assigned': {
      const name = text(record(data.to).name);
      return { title: name ? { key: 'assignedTo', values: { name } } : { key: 'unassigned' }, details };
    }
    case 'note': {
      const note = text(data.text) ?? '—';
      // Only a note said to be for the customer reads as one; anything else stays internal.
      const key = data.visibility === 'customer' ? 'noteCustomer' : 'noteInternal';
      return { title: { key, values: { text: note } }, details };
    }
    case 'documents_requested': {
      const items = Array.isArray(data.items)
        ? data.items.map((item) => text(record(item).item) ?? text(item)).filter((item) => item !== undefined)
        : [];
      return { title: { key: 'documentsRequested', values: { items: items.join(', ') || '—' } }, details };
    }
    case 'document_received':
      return { title: { key: 'documentReceived', values: { item: text(data.item) ?? '—' } }, details };
    case 'attachment_added':
      return { title: { key: 'attachmentAdded', values: { name: text(data.name) ?? '—' } }, details };
    default:
      return null;
  }
}

function describeStatusChange(data: Record<string, unknown>, say: TimelineVocabulary): TimelineText {
  const { from, to } = data;
  const reason = text(data.reason);
  const details: TimelineLine[] = [];
  const withReason = (title: TimelineLine): TimelineText => {
    if (reason) details.push({ key: 'reason', values: { reason } });
    return { title, details };
  };
  if (!isStatus(from) || !isStatus(to)) return withReason({ key: 'statusChangedPlain' });

  let kind: ReturnType<typeof transitionKind> | undefined;
  try {
    kind = transitionKind(from, to);
  } catch {
    // An edge since taken out of the workflow table still happened: it is told plainly.
  }
  switch (kind) {
    case 'start':
      return withReason({ key: 'started' });
    case 'pause':
      return withReason({ key: 'paused' });
    case 'resume': {
      const dueAt = text(data.dueAt);
      if (typeof data.pausedMs === 'number') {
        details.push({ key: 'clockStopped', values: { duration: say.duration(data.pausedMs) } });
      }
      return withReason(
        dueAt ? { key: 'resumed', values: { dueAt: say.date(dueAt) } } : { key: 'resumedPlain' },
      );
    }
    case 'resolve': {
      const resolution = text(data.resolution) ?? '—';
      const key =
        data.promiseKept === true
          ? 'resolvedKept'
          : data.promiseKept === false
            ? 'resolvedMissed'
            : 'resolved';
      return withReason({ key, values: { resolution } });
    }
    case 'close':
      return withReason({ key: 'closed' });
    case 'cancel':
      return { title: { key: 'cancelled', values: { reason: reason ?? '—' } }, details };
    case 'reopen':
      return { title: { key: 'reopened', values: { reason: reason ?? '—' } }, details };
    default:
      return withReason({ key: 'statusChanged', values: { from: say.status(from), to: say.status(to) } });
  }
}
