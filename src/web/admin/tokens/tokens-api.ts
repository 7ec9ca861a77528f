import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTokenRequest } from '../../../core/requests/administration.js';
import { api } from '../../api/client.js';

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/v1/tokens` answers the secret this once; it is stored only hashed. */
export interface CreatedToken extends ApiToken {
  token: string;
}

const tokensKey = ['admin', 'tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ tokens: ApiToken[] }>('/api/v1/tokens', { signal }),
    // Active ones first, then newest first.
    select: (data) =>
      [...data.tokens].sort(
        (a, b) =>
          Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
          b.createdAt.localeCompare(a.createdAt),
      ),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: z.input<typeof createTokenRequest>) =>
      api.post<CreatedToken>('/api/v1/tokens', request),
    // The secret lives only as long as the dialog that shows it, not in the mutation cache.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
