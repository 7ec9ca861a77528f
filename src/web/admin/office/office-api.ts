import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfficeData } from '../../../core/requests/administration.js';
import { api } from '../../api/client.js';

const officeKey = ['admin', 'office'] as const;

export function useOffice() {
  return useQuery({
    queryKey: officeKey,
    queryFn: ({ signal }) => api.get<OfficeData>('/api/v1/office', { signal }),
  });
}

export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (office: OfficeData) => api.put<OfficeData>('/api/v1/office', office),
    onSuccess: (office) => queryClient.setQueryData(officeKey, office),
  });
}
