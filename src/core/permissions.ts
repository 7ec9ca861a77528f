/**
 * Who may do what: one table, checked on the server by every route (each route names its
 * action). The web page reads the same table only to hide buttons a user could not use.
 */
export const ROLES = ['agent', 'backoffice', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  departments: string[];
  mustChangePassword: boolean;
}

export const ACTIONS = [
  'customers:read',
  'customers:write',
  'customers:verify',
  'reports:file',
  'reports:read',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL_STAFF: readonly Role[] = ROLES;

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'customers:read': ALL_STAFF,
  'customers:verify': ['agent', 'backoffice', 'supervisor', 'admin'],
  // The billing system (through an admin account or, later, an API token) owns customer data.
  'customers:write': ['admin'],
  'reports:file': ['agent', 'backoffice', 'supervisor', 'admin'],
  'reports:read': ALL_STAFF,
};

export function can(user: Pick<StaffUser, 'roles'>, action: Action): boolean {
  const allowed = PERMISSIONS[action];
  return user.roles.some((role) => allowed.includes(role));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
