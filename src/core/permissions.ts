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
  'reports:list',
  'reports:route',
  'reports:transition',
  'settings:read',
  'settings:write',
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
  'reports:list': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Choosing another track or department (and so another promise) when filing or later.
  'reports:route': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Agents resolve immediate requests at the counter; technicians update their faults.
  'reports:transition': ['agent', 'backoffice', 'technician', 'supervisor', 'admin'],
  'settings:read': ALL_STAFF,
  // Promise policies, routing table and holidays.
  'settings:write': ['admin'],
};

export function can(user: Pick<StaffUser, 'roles'>, action: Action): boolean {
  const allowed = PERMISSIONS[action];
  return user.roles.some((role) => allowed.includes(role));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
