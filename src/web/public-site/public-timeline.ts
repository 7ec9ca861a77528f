import { type ReportStatus, STATUSES } from '../../core/report.js';
import type { PublicTimelineEntry } from './public-api.js';

/** One history line as the page words it: which sentence, and what goes under it. */
export type PublicTimelineLine =
  | { key: 'filed'; detail: string | null }
  | { key: 'status'; status: ReportStatus; detail: string | null }
  | { key: 'promiseChanged'; detail: string | null }
  /** A kind this page does not know yet: shown by its detail alone, or not at all. */
  | { key: 'other'; detail: string | null };

const isStatus = (value: string): value is ReportStatus => (STATUSES as readonly string[]).includes(value);

export function describePublicEntry(entry: PublicTimelineEntry): PublicTimelineLine {
  const detail = entry.text?.trim() ? entry.text.trim() : null;
  if (entry.kind === 'filed') return { key: 'filed', detail };
  if (entry.kind === 'promise_changed') return { key: 'promiseChanged', detail };
  if (entry.kind.startsWith('status:')) {
    const status = entry.kind.slice('status:'.length);
    if (isStatus(status)) return { key: 'status', status, detail };
  }
  return { key: 'other', detail };
}
