import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileReportRequest } from '../../core/requests/file-report.js';
import { ApiError, api } from '../api/client.js';
import type { Report } from '../api/types.js';

export const reportPath = (number: string) => `/reportes/${number}`;
export const reportKey = (number: string) => ['report', number] as const;
export const reportUrl = (number: string) => `/api/v1/reports/${encodeURIComponent(number)}`;

export function useReport(number: string | null) {
  return useQuery({
    queryKey: reportKey(number ?? ''),
    queryFn: ({ signal }) => api.get<Report>(reportUrl(number ?? ''), { signal }),
    enabled: number !== null,
    // Someone else may move it along, and the promise watch marks it at risk or overdue.
    refetchInterval: (query) => (query.state.status === 'success' ? 60_000 : false),
    // A missing or mistyped number will not appear by asking again.
    retry: (failures, error) =>
      !(error instanceof ApiError && error.status < 500 && error.status > 0) && failures < 2,
  });
}

export function useFileReport(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: FileReportRequest) =>
      api.post<Report>('/api/v1/reports', request, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (report) => queryClient.setQueryData(reportKey(report.number), report),
  });
}

/**
 * One key per form fill: a double click, or a retry after the network dropped, sends the same
 * key, so the server files the report once. `crypto.randomUUID` only exists on secure origins
 * (https or localhost); an office LAN served over plain http still needs a key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
