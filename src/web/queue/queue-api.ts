import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PromiseState } from '../../core/promise.js';
import type { Channel, ReportStatus, ReportType } from '../../core/report.js';
import type { Track } from '../../core/routing.js';
import { api } from '../api/client.js';
import type { Actor } from '../api/types.js';
import { assignReport, MY_FAULTS_KEY, QUEUE_KEY } from '../backoffice/back-office-api.js';
import { reportKey } from '../reports/report-api.js';

/** One row of `GET /api/v1/reports`. */
export interface QueueReport {
  number: string;
  displayNumber: string;
  type: ReportType;
  channel?: Channel;
  status: ReportStatus;
  customerNumber: string;
  customer: { name: string; colonia?: string };
  track: Track | null;
  department: string | null;
  dueAt: string | null;
  promiseState: PromiseState | null;
  createdAt: string;
  assignee: Actor | null;
}

export interface QueuePage {
  reports: QueueReport[];
  nextCursor: string | null;
}

/** The queue for a query (see `queueApiQuery`), a page at a time; "Cargar más" asks for the next. */
export function useQueue(query: string) {
  return useInfiniteQuery({
    queryKey: [...QUEUE_KEY, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<QueuePage>(
        `/api/v1/reports?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new filter keeps the old rows on screen (dimmed) until the answer comes.
    placeholderData: keepPreviousData,
    // Colleagues take reports and the promise watch flags them: the queue stays current.
    refetchInterval: 60_000,
  });
}

export interface AssignOutcome {
  number: string;
  error: unknown | null;
}

/**
 * Assigns several reports, one request each (in order, so the server's per-report checks and
 * the timeline read the same as doing them by hand). One refused report does not stop the rest.
 */
export function useAssignMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ numbers, assignee }: { numbers: string[]; assignee: string }) => {
      const outcomes: AssignOutcome[] = [];
      for (const number of numbers) {
        try {
          const report = await assignReport(number, assignee);
          queryClient.setQueryData(reportKey(report.number), report);
          outcomes.push({ number, error: null });
        } catch (error) {
          outcomes.push({ number, error });
        }
      }
      return outcomes;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
      void queryClient.invalidateQueries({ queryKey: MY_FAULTS_KEY });
    },
  });
}
