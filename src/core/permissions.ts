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
  /** Set when the caller is an API token: it may do exactly these actions, whatever its creator's roles. */
  scopes?: Action[];
  tokenId?: string;
}

export const ACTIONS = [
  'session:own',
  'customers:read',
  'customers:write',
  'customers:verify',
  'reports:file',
  'reports:read',
  'reports:list',
  'reports:route',
  'reports:transition',
  'reports:assign',
  'reports:assign_others',
  'reports:note',
  'reports:note_internal',
  'reports:documents',
  'reports:attach',
  'settings:read',
  'settings:write',
  'users:manage',
  'tokens:manage',
  'audit:read',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL_STAFF: readonly Role[] = ROLES;

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  // One's own session: who am I, change my password, sign out everywhere.
  'session:own': ALL_STAFF,
  'customers:read': ALL_STAFF,
  'customers:verify': ['agent', 'backoffice', 'supervisor', 'admin'],
  // The billing system (through an admin account or, later, an API token) owns customer data.
  'customers:write': ['admin'],
  'reports:file': ['agent', 'backoffice', 'supervisor', 'admin'],
  'reports:read': ALL_STAFF,
  // Technicians list their own faults (their departments' reports only, like everyone scoped).
  'reports:list': ['agent', 'backoffice', 'technician', 'supervisor', 'admin'],
  // Choosing another track or department (and so another promise) when filing or later.
  'reports:route': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Agents resolve immediate requests at the counter; technicians update their faults.
  'reports:transition': ['agent', 'backoffice', 'technician', 'supervisor', 'admin'],
  // Taking a report (or giving it back): whoever works reports in a department.
  'reports:assign': ['backoffice', 'technician', 'supervisor', 'admin'],
  // Handing a report to someone else, or taking it off them.
  'reports:assign_others': ['supervisor', 'admin'],
  // A note the customer will read: agents write these while on the phone or at the counter.
  'reports:note': ALL_STAFF,
  // Notes between staff, never shown to the customer.
  'reports:note_internal': ['backoffice', 'technician', 'supervisor', 'admin'],
  // Asking the customer for documents and ticking them off as they arrive.
  'reports:documents': ALL_STAFF,
  // Files on a report: what the customer brings to the counter, a technician's photo.
  'reports:attach': ALL_STAFF,
  'settings:read': ALL_STAFF,
  // Promise policies, routing table, holidays, departments, office data.
  'settings:write': ['admin'],
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin'],
};

/** What an integration's API token may be given: reading and the billing system's customer push. */
export const TOKEN_SCOPES = [
  'customers:read',
  'customers:write',
  'reports:read',
  'reports:list',
] as const satisfies readonly Action[];

export function can(user: Pick<StaffUser, 'roles' | 'scopes'>, action: Action): boolean {
  if (user.scopes) return user.scopes.includes(action);
  const allowed = PERMISSIONS[action];
  return user.roles.some((role) => allowed.includes(role));
}

/** Roles that serve any customer about any report, whatever its department. */
const EVERY_DEPARTMENT: readonly Role[] = ['agent', 'admin'];

/**
 * Whether a report of this department is any of the user's business. Counter and phone agents
 * look up every report (customers call about any of them); back office, technicians and
 * supervisors see their own departments'. Outside it, a report is answered as not found.
 */
export function canSeeDepartment(
  user: Pick<StaffUser, 'roles' | 'departments' | 'scopes'>,
  department: string | null,
): boolean {
  if (user.scopes) return user.scopes.includes('reports:read');
  if (user.roles.some((role) => EVERY_DEPARTMENT.includes(role))) return true;
  return department !== null && user.departments.includes(department);
}

/** The roles that work reports in their departments' queues, and so can be assigned one. */
export const WORKING_ROLES: readonly Role[] = ['backoffice', 'technician', 'supervisor'];

/** Whether a report of this department can be assigned to the user. */
export function worksReportsIn(user: Pick<StaffUser, 'roles' | 'departments'>, department: string | null) {
  return (
    department !== null &&
    user.departments.includes(department) &&
    user.roles.some((role) => WORKING_ROLES.includes(role))
  );
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
