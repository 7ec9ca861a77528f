import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReportStatus, ReportType } from '../../core/report.js';
import type { SelfServiceReportRequest } from '../../core/requests/file-report.js';
import type { Language } from '../../core/validation-messages.js';
import { ApiError, api } from '../api/client.js';

/** One line of the customer-visible history. */
export interface PublicTimelineEntry {
  at: string;
  /** `filed`, `status:<status>` or `promise_changed`. */
  kind: string;
  /** The reason or resolution of a status change, or the new promise sentence. */
  text: string | null;
  /** A staff member's first name, or null. */
  by: string | null;
}

/** What `/api/v1/public/reports…` answers: nothing beyond what the customer may see. */
export interface PublicReport {
  number: string;
  displayNumber: string;
  type: ReportType;
  status: ReportStatus;
  /** The status in plain words, in the language of the request. */
  statusText: string;
  createdAt: string;
  dueAt: string | null;
  promiseText: string | null;
  /** Waiting on the customer: the promise clock is stopped. */
  paused: boolean;
  resolution: string | null;
  timeline: PublicTimelineEntry[];
}

export interface PublicLookup {
  number: string;
  customerNumber: string;
}

/**
 * The follow-up answer for one pair of numbers. The language is part of the key: switching it
 * asks again, so the status words and the promise sentence come back in the new language.
 */
export function usePublicReport(lookup: PublicLookup | null, language: Language) {
  return useQuery({
    queryKey: ['public-report', lookup?.number ?? '', lookup?.customerNumber ?? '', language],
    queryFn: ({ signal }) => api.post<PublicReport>('/api/v1/public/reports/lookup', lookup, { signal }),
    enabled: lookup !== null,
    // Lookups are rate limited; a second look at the same answer need not cost one.
    staleTime: 30_000,
    retry: (failures, error) => !(error instanceof ApiError && error.status > 0) && failures < 1,
  });
}

export function useFileSelfServiceReport() {
  return useMutation({
    mutationFn: (request: SelfServiceReportRequest) =>
      api.post<PublicReport>('/api/v1/public/reports', request),
  });
}
