import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.js';
import type { User } from '../api/types.js';

export const sessionKey = ['session'] as const;

/** `null` means "not signed in" — a normal answer, not an error. */
async function fetchSession(): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User }>('/api/v1/session');
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api.post<{ user: User }>('/api/v1/session', credentials),
    onSuccess: ({ user }) => queryClient.setQueryData(sessionKey, user),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/session'),
    onSettled: () => {
      // Whatever the server said, this page forgets everything it knew about the agent.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
