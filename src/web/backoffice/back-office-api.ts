/**
 * The back-office writes on a report. Each sends the version the user saw as `If-Match`
 * (409 `stale_version` when someone changed the report since) and puts the report the server
 * answers straight into the cache, so the page shows the result without asking again.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../core/permissions.js';
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

/** `GET /api/v1/departments/{code}/staff`: who a report of the department can be handed to. */
export interface DepartmentStaff {
  staff: (Actor & { roles: string[] })[];
}

/**
 * The people a report of this department can be handed to, by name, for those who hand
 * reports to others (supervisors, administrators). Reports of several departments (null) have
 * no one list: the picker then takes a typed username, which the server checks.
 */
export function useAssignableStaff(user: User, department: string | null) {
  const assignsOthers = can({ roles: rolesOf(user) }, 'reports:assign_others');
  return useQuery({
    queryKey: ['assignable-staff', department],
    queryFn: ({ signal }) =>
      api.get<DepartmentStaff>(`/api/v1/departments/${encodeURIComponent(department ?? '')}/staff`, {
        signal,
      }),
    enabled: assignsOthers && department !== null,
    staleTime: 5 * 60_000,
    select: (data) => data.staff.map(({ username, name }): Actor => ({ username, name })),
  });
}
