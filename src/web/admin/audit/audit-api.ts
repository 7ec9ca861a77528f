import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { type AuditFilters, auditSearchParams } from './audit-query.js';

export interface AuditEntry {
  at: string;
  /** The username (or `token:<name>` for an integration); null for the system itself. */
  actor: string | null;
  tokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The log, newest first, for the filters last searched. */
export function useAuditLog(filters: AuditFilters) {
  const query = auditSearchParams(filters).toString();
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => api.get<{ entries: AuditEntry[] }>(`/api/v1/audit?${query}`, { signal }),
    select: (data) => data.entries,
    placeholderData: keepPreviousData,
  });
}
