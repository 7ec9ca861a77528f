import { type Action, can, isRole } from '../../core/permissions.js';

/**
 * The administration pages and the action each one needs, as the permission table names it.
 * The page hides what a user could not use; the server checks every request anyway.
 */
export const ADMIN_SECTIONS = [
  { path: 'usuarios', key: 'users', action: 'users:manage' },
  { path: 'departamentos', key: 'departments', action: 'settings:write' },
  { path: 'promesas', key: 'promises', action: 'settings:write' },
  { path: 'oficina', key: 'office', action: 'settings:write' },
  { path: 'tokens', key: 'tokens', action: 'tokens:manage' },
  { path: 'auditoria', key: 'audit', action: 'audit:read' },
] as const satisfies readonly { path: string; key: string; action: Action }[];

export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Whether a signed-in user (roles as the API sends them) may do this. Unknown roles grant nothing. */
export function userCan(user: { roles: readonly string[] }, action: Action): boolean {
  return can({ roles: user.roles.filter(isRole) }, action);
}

export function adminSectionsFor(user: { roles: readonly string[] }): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => userCan(user, section.action));
}

/** Whether the user may use any section: the header's link and the account menu's item show then. */
export function usesAdministration(user: { roles: readonly string[] }): boolean {
  return adminSectionsFor(user).length > 0;
}
