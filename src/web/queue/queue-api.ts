import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { PromiseState } from '../../core/promise.js';
import type { Channel, ReportStatus, ReportType } from '../../core/report.js';
import type { Track } from '../../core/routing.js';
import { api } from '../api/client.js';
import type { Actor } from '../api/types.js';
import { QUEUE_KEY } from '../backoffice/back-office-api.js';

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
