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
  const forget = useForgetEverything();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/session'),
    onSettled: forget,
  });
}

/** Whatever the server said, this page forgets everything it knew about the user. */
function useForgetEverything() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    queryClient.setQueryData(sessionKey, null);
  };
}

/** Ends every session of the user, on every device, this one included. */
export function useSignOutEverywhere() {
  const forget = useForgetEverything();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/sessions'),
    onSuccess: forget,
  });
}

/**
 * One's own password: the current one is asked again. Other sessions end; this one goes on,
 * no longer bound to change the password.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/v1/session/password', request),
    onSuccess: () => {
      queryClient.setQueryData<User | null>(sessionKey, (user) =>
        user ? { ...user, mustChangePassword: false } : user,
      );
      return queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
