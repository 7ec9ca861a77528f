/**
 * The back-office writes on a report. Each sends the version the user saw as `If-Match`
 * (409 `stale_version` when someone changed the report since) and puts the report the server
 * answers straight into the cache, so the page shows the result without asking again.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, worksReportsIn } from '../../core/permissions.js';
import type { NoteVisibility } from '../../core/requests/back-office.js';
import { api } from '../api/client.js';
import type { Actor, Report, User } from '../api/types.js';
import { reportKey, reportUrl } from '../reports/report-api.js';
import { rolesOf } from './assignment-options.js';

/** Lists that show reports: they change with any write on one of them. */
export const QUEUE_KEY = ['queue'] as const;
export const MY_FAULTS_KEY = ['my-faults'] as const;

export function storeReport(queryClient: QueryClient, report: Report) {
  queryClient.setQueryData(reportKey(report.number), report);
  void queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
  void queryClient.invalidateQueries({ queryKey: MY_FAULTS_KEY });
}

const ifMatch = (version: number | undefined) =>
  version === undefined ? {} : { headers: { 'If-Match': String(version) } };

interface Versioned {
  /** The version the user saw; left out only where the user never saw one (bulk assign). */
  version?: number;
}

function useReportWrite<T extends Versioned>(send: (body: T) => Promise<Report>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (report) => storeReport(queryClient, report) });
}

/** `me` takes it, a username hands it over, null puts it back in the queue. */
export function assignReport(number: string, assignee: string | null, version?: number) {
  return api.post<Report>(`${reportUrl(number)}/assignment`, { assignee }, ifMatch(version));
}

export function useAssignReport(number: string) {
  return useReportWrite(({ assignee, version }: Versioned & { assignee: string | null }) =>
    assignReport(number, assignee, version),
  );
}

export function useAddNote(number: string) {
  return useReportWrite(({ version, ...note }: Versioned & { text: string; visibility: NoteVisibility }) =>
    api.post<Report>(`${reportUrl(number)}/notes`, note, ifMatch(version)),
  );
}

export function useRequestDocuments(number: string) {
  return useReportWrite(({ version, items }: Versioned & { items: string[] }) =>
    api.post<Report>(`${reportUrl(number)}/documents`, { items }, ifMatch(version)),
  );
}

export function useMarkDocumentReceived(number: string) {
  return useReportWrite(({ version, id }: Versioned & { id: string }) =>
    api.post<Report>(
      `${reportUrl(number)}/documents/${encodeURIComponent(id)}/received`,
      undefined,
      ifMatch(version),
    ),
  );
}

export function uploadAttachment(number: string, file: File, version?: number) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<Report>(`${reportUrl(number)}/attachments`, form, ifMatch(version));
}

export function useUploadAttachment(number: string) {
  return useReportWrite(({ version, file }: Versioned & { file: File }) =>
    uploadAttachment(number, file, version),
  );
}

interface AdminUser extends Actor {
  roles: string[];
  departments: string[];
  disabled: boolean;
}

/**
 * The people a report of this department can be handed to. Only an administrator may list
 * staff accounts (`GET /api/v1/users`); for a supervisor the list is empty and the picker
 * takes a typed username, which the server checks.
 */
export function useAssignableStaff(user: User, department: string | null) {
  const listsUsers = can({ roles: rolesOf(user) }, 'users:manage');
  return useQuery({
    queryKey: ['assignable-staff'],
    queryFn: ({ signal }) => api.get<{ users: AdminUser[] }>('/api/v1/users', { signal }),
    enabled: listsUsers,
    staleTime: 5 * 60_000,
    select: (data) =>
      data.users
        .filter(
          (u) => !u.disabled && worksReportsIn({ roles: rolesOf(u), departments: u.departments }, department),
        )
        .map(({ username, name }): Actor => ({ username, name })),
  });
}
