import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PromisePreviewRequest, RerouteRequest } from '../../core/requests/file-report.js';
import { api } from '../api/client.js';
import type { PromisePreview, Report, RoutingTableResponse } from '../api/types.js';
import { useLanguage } from '../i18n/index.js';
import { reportKey, reportUrl } from '../reports/report-api.js';
import { routingTableOf } from './routing-table.js';

export function useRoutingTable() {
  const query = useQuery({
    queryKey: ['routing'],
    queryFn: ({ signal }) => api.get<RoutingTableResponse>('/api/v1/routing', { signal }),
    // An administrator changes it rarely; a page open all day picks a change up within minutes.
    staleTime: 5 * 60_000,
  });
  return { ...query, table: routingTableOf(query.data), departments: query.data?.departments };
}

/**
 * The promise filing now would give, for the options as they stand. `null` while there is
 * nothing to ask yet (no type chosen). The sentence depends on the clock, so it is asked
 * again every minute while the agent is still typing.
 */
export function usePromisePreview(request: PromisePreviewRequest | null) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['promise-preview', language, request],
    queryFn: ({ signal }) => api.post<PromisePreview>('/api/v1/reports/promise-preview', request, { signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** Another track or department for a report, with the reason; `version` is the one the agent saw. */
export function useRerouteReport(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...request }: RerouteRequest & { version: number }) =>
      api.patch<Report>(reportUrl(number), request, { headers: { 'If-Match': String(version) } }),
    onSuccess: (report) => queryClient.setQueryData(reportKey(report.number), report),
  });
}
