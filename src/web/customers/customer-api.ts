import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Customer } from '../api/types.js';

export function useCustomerSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['customers', 'search', trimmed],
    queryFn: ({ signal }) =>
      api.get<{ customers: Customer[] }>(`/api/v1/customers?query=${encodeURIComponent(trimmed)}`, {
        signal,
      }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    select: (data) => data.customers,
  });
}

export function useVerifyInvoice(customerNumber: string) {
  return useMutation({
    mutationFn: (invoiceNumber: string) =>
      api.post<{ verified: boolean }>(`/api/v1/customers/${encodeURIComponent(customerNumber)}/verify`, {
        invoiceNumber,
      }),
  });
}
