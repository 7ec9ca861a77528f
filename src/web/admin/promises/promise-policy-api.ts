import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PromisePolicyRequest } from '../../../core/requests/settings.js';
import { api } from '../../api/client.js';

/** `GET /api/v1/promise-policy`: the promise rules and the office hours they count in. */
export interface PromisePolicySettings {
  technicalHours: number;
  urgentTechnicalHours: number;
  reviewMaxBusinessDays: number;
  minBusinessDaysBeforeBillingPeriod: number;
  externalDefaultDays: number;
  atRiskFraction: number;
  officeOpens: string;
  officeCloses: string;
}

export interface Holiday {
  date: string;
  name: string;
  /** Official rest days (Ley Federal del Trabajo, art. 74) cannot be removed. */
  official: boolean;
}

const policyKey = ['admin', 'promise-policy'] as const;
const holidaysKey = (year: number) => ['admin', 'holidays', year] as const;

export function usePromisePolicy() {
  return useQuery({
    queryKey: policyKey,
    queryFn: ({ signal }) => api.get<PromisePolicySettings>('/api/v1/promise-policy', { signal }),
  });
}

export function useUpdatePromisePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PromisePolicyRequest) =>
      api.put<PromisePolicySettings>('/api/v1/promise-policy', request),
    onSuccess: (policy) => queryClient.setQueryData(policyKey, policy),
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: holidaysKey(year),
    queryFn: ({ signal }) =>
      api.get<{ year: number; holidays: Holiday[] }>(`/api/v1/holidays?year=${year}`, { signal }),
    select: (data) => data.holidays,
  });
}

function useRefreshHolidays() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin', 'holidays'] });
}

export function useAddHoliday() {
  const refresh = useRefreshHolidays();
  return useMutation({
    mutationFn: (holiday: { date: string; name: string }) => api.post<Holiday>('/api/v1/holidays', holiday),
    onSuccess: refresh,
  });
}

export function useRemoveHoliday() {
  const refresh = useRefreshHolidays();
  return useMutation({
    mutationFn: (date: string) => api.delete<void>(`/api/v1/holidays/${date}`),
    onSuccess: refresh,
  });
}
