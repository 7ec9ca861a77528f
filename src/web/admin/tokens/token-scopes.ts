import { TOKEN_SCOPES } from '../../../core/permissions.js';

export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** i18next reads `:` as a namespace separator, so a scope's messages sit under a key without it. */
export const SCOPE_MESSAGE_KEYS = {
  'customers:read': 'customers_read',
  'customers:write': 'customers_write',
  'reports:read': 'reports_read',
  'reports:list': 'reports_list',
} as const satisfies Record<TokenScope, string>;

export function isTokenScope(scope: string): scope is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(scope);
}
