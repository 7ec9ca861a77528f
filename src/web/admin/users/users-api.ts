import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserRequest, updateUserRequest } from '../../../core/requests/administration.js';
import { api } from '../../api/client.js';

/** A staff account as `GET /api/v1/users` lists it. */
export interface StaffAccount {
  username: string;
  name: string;
  roles: string[];
  departments: string[];
  mustChangePassword: boolean;
  disabled: boolean;
}

export type AccountState = 'active' | 'disabled' | 'must_change_password';

/** What the list shows: a disabled account cannot sign in at all, whatever else is true of it. */
export function accountState(account: Pick<StaffAccount, 'disabled' | 'mustChangePassword'>): AccountState {
  if (account.disabled) return 'disabled';
  return account.mustChangePassword ? 'must_change_password' : 'active';
}

const usersKey = ['admin', 'users'] as const;
const userUrl = (username: string) => `/api/v1/users/${encodeURIComponent(username)}`;

export function useStaffAccounts() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api.get<{ users: StaffAccount[] }>('/api/v1/users', { signal }),
    select: (data) => [...data.users].sort((a, b) => a.username.localeCompare(b.username)),
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: z.input<typeof createUserRequest>) =>
      api.post<StaffAccount>('/api/v1/users', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Edit, disable or enable, or reset the password (`{password}`: must be changed at next sign-in). */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, changes }: { username: string; changes: z.input<typeof updateUserRequest> }) =>
      api.patch<StaffAccount>(userUrl(username), changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
