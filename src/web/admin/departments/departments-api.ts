import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportType } from '../../../core/report.js';
import type { Track } from '../../../core/routing.js';
import { api } from '../../api/client.js';
import type { Department } from '../../api/types.js';

export const departmentsKey = ['admin', 'departments'] as const;
/** The filing form's routing table query (src/web/routing): it also carries the departments. */
const routingKey = ['routing'] as const;

export function useDepartments() {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: ({ signal }) => api.get<{ departments: Department[] }>('/api/v1/departments', { signal }),
    select: (data) => data.departments,
  });
}

function useRefreshDepartments() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: departmentsKey }),
      queryClient.invalidateQueries({ queryKey: routingKey }),
    ]);
}

export function useCreateDepartment() {
  const refresh = useRefreshDepartments();
  return useMutation({
    mutationFn: (department: Department) => api.post<Department>('/api/v1/departments', department),
    onSuccess: refresh,
  });
}

export function useRenameDepartment() {
  const refresh = useRefreshDepartments();
  return useMutation({
    mutationFn: ({ code, name }: Department) =>
      api.patch<Department>(`/api/v1/departments/${encodeURIComponent(code)}`, { name }),
    onSuccess: refresh,
  });
}

export interface RoutingRuleChange {
  track: Track;
  department: string;
  /** `null` takes the special case away. */
  trackWhenDocumentsNeeded: Track | null;
}

export function useUpdateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, rule }: { type: ReportType; rule: RoutingRuleChange }) =>
      api.put<unknown>(`/api/v1/routing/${type}`, rule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routingKey }),
  });
}
