import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportStatus } from '../../core/report.js';
import { api, isApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { reportKey, reportUrl } from '../reports/report-api.js';

export interface TransitionBody {
  to: ReportStatus;
  reason?: string;
  resolution?: string;
}

/** A status change; `version` is the one the agent saw, sent as `If-Match`. */
export function useTransitionReport(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: TransitionBody & { version: number }) =>
      api.post<Report>(`${reportUrl(number)}/transitions`, body, {
        headers: { 'If-Match': String(version) },
      }),
    onSuccess: (report) => queryClient.setQueryData(reportKey(report.number), report),
  });
}

/** Someone else changed the report first: the page must show what they did before trying again. */
export const isStaleVersion = (error: unknown) => isApiError(error, 'stale_version');
