import { NotFound } from '../core/errors.js';
import { canSeeDepartment, type Role, type StaffUser, worksReportsIn } from '../core/permissions.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { UsersRepository } from '../db/repositories/users.js';
import type { ServiceContext } from './context.js';

export interface DepartmentStaffMember {
  username: string;
  name: string;
  roles: Role[];
}

// One order on SQLite and PostgreSQL alike, and the one a Spanish reader expects ("Ángel" before "Beto").
const byName = new Intl.Collator('es-MX', { sensitivity: 'base' });

/**
 * The people a report of this department can be handed to: its enabled members with a working
 * role, by name. A department the viewer does not see is answered like an unknown one, as
 * reports outside one's departments are.
 */
export async function listDepartmentStaff(
  ctx: ServiceContext,
  viewer: StaffUser,
  department: string,
): Promise<DepartmentStaffMember[]> {
  if (
    !canSeeDepartment(viewer, department) ||
    !(await new ConfigurationRepository(ctx.db).departmentExists(department))
  ) {
    throw new NotFound(`No existe el departamento ${department}.`);
  }
  const members = await new UsersRepository(ctx.db).enabledMembersOf(department);
  // The query settles membership; the same rule as assignment settles the role.
  return members
    .filter((member) => worksReportsIn({ roles: member.roles, departments: [department] }, department))
    .sort((a, b) => byName.compare(a.name, b.name) || (a.username < b.username ? -1 : 1))
    .map(({ username, name, roles }) => ({ username, name, roles }));
}
