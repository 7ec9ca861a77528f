import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Customer, Report } from '../api/types.js';
import { MY_FAULTS_KEY, storeReport, uploadAttachment } from '../backoffice/back-office-api.js';
import type { QueuePage } from '../queue/queue-api.js';
import { reportUrl } from '../reports/report-api.js';
import { myFaultsQuery } from './field-work.js';

export function useMyFaults() {
  return useQuery({
    queryKey: [...MY_FAULTS_KEY, myFaultsQuery()],
    queryFn: ({ signal }) => api.get<QueuePage>(`/api/v1/reports?${myFaultsQuery()}`, { signal }),
    select: (page) => page.reports,
    // New assignments reach the phone without pulling to refresh.
    refetchInterval: 60_000,
  });
}

export function useCustomer(customerNumber: string) {
  return useQuery({
    queryKey: ['customer', customerNumber],
    queryFn: ({ signal }) =>
      api.get<Customer>(`/api/v1/customers/${encodeURIComponent(customerNumber)}`, { signal }),
    staleTime: 10 * 60_000,
  });
}

export interface FieldStep {
  to: 'in_progress' | 'waiting_customer' | 'resolved';
  resolution?: string;
  /** The photo of the work done, uploaded before resolving (a failed upload resolves nothing). */
  photo?: File | null;
  /** The photo is on the report: trying again must not send it twice. */
  onPhotoSaved?: () => void;
  version: number;
}

/**
 * One step of a visit. Resolving with a photo is two writes: the photo first (so a report is
 * never resolved with its proof lost on the way), then the status, on the version the upload left.
 */
export function useFieldStep(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ to, resolution, photo, onPhotoSaved, version }: FieldStep) => {
      let current = version;
      if (photo) {
        const withPhoto = await uploadAttachment(number, photo, current);
        storeReport(queryClient, withPhoto);
        current = withPhoto.version;
        onPhotoSaved?.();
      }
      return api.post<Report>(
        `${reportUrl(number)}/transitions`,
        { to, ...(resolution ? { resolution } : {}) },
        { headers: { 'If-Match': String(current) } },
      );
    },
    onSuccess: (report) => storeReport(queryClient, report),
  });
}
