import type { Kysely } from 'kysely';
import { isRole, type StaffUser } from '../../core/permissions.js';
import type { Database } from '../schema.js';

export interface UserWithSecret extends StaffUser {
  passwordHash: string;
  disabled: boolean;
}

/** The user as a signed-in request carries it: no password hash, no account flag. */
export function asStaffUser(user: UserWithSecret): StaffUser {
  const { passwordHash: _hash, disabled: _disabled, ...staff } = user;
  return staff;
}

export interface NewUser {
  id: string;
  username: string;
  name: string;
  passwordHash: string;
  roles: string[];
  departments: string[];
  mustChangePassword: boolean;
  now: Date;
}

export function parseRoles(json: string): StaffUser['roles'] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter((r): r is StaffUser['roles'][number] => isRole(String(r)))
    : [];
}

export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByUsername(username: string): Promise<UserWithSecret | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) return undefined;
    const departments = await this.db
      .selectFrom('user_departments')
      .select('department_code')
      .where('user_id', '=', row.id)
      .execute();
    return {
      id: row.id,
      username: row.username,
      name: row.name,
      roles: parseRoles(row.roles),
      departments: departments.map((d) => d.department_code),
      mustChangePassword: row.must_change_password === 1,
      passwordHash: row.password_hash,
      disabled: row.disabled === 1,
    };
  }

  async insert(user: NewUser): Promise<void> {
    const at = user.now.toISOString();
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        name: user.name,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        must_change_password: user.mustChangePassword ? 1 : 0,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (user.departments.length > 0) {
      await this.db
        .insertInto('user_departments')
        .values(user.departments.map((code) => ({ user_id: user.id, department_code: code })))
        .execute();
    }
  }

  async list(): Promise<(StaffUser & { disabled: boolean })[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    const memberships = await this.db.selectFrom('user_departments').selectAll().execute();
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      name: row.name,
      roles: parseRoles(row.roles),
      departments: memberships.filter((m) => m.user_id === row.id).map((m) => m.department_code),
      mustChangePassword: row.must_change_password === 1,
      disabled: row.disabled === 1,
    }));
  }

  /** The enabled accounts that belong to a department, with their roles and nothing secret. */
  async enabledMembersOf(department: string): Promise<Pick<StaffUser, 'username' | 'name' | 'roles'>[]> {
    const rows = await this.db
      .selectFrom('user_departments')
      .innerJoin('users', 'users.id', 'user_departments.user_id')
      .select(['users.username', 'users.name', 'users.roles'])
      .where('user_departments.department_code', '=', department)
      .where('users.disabled', '=', 0)
      .orderBy('users.username')
      .execute();
    return rows.map((row) => ({ username: row.username, name: row.name, roles: parseRoles(row.roles) }));
  }

  async update(
    id: string,
    changes: {
      name?: string;
      roles?: string[];
      disabled?: boolean;
      passwordHash?: string;
      mustChangePassword?: boolean;
    },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        updated_at: now.toISOString(),
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.roles === undefined ? {} : { roles: JSON.stringify(changes.roles) }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
        ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
        ...(changes.mustChangePassword === undefined
          ? {}
          : { must_change_password: changes.mustChangePassword ? 1 : 0 }),
      })
      .where('id', '=', id)
      .execute();
  }

  async setDepartments(id: string, departments: string[]): Promise<void> {
    await this.db.deleteFrom('user_departments').where('user_id', '=', id).execute();
    if (departments.length > 0) {
      await this.db
        .insertInto('user_departments')
        .values(departments.map((code) => ({ user_id: id, department_code: code })))
        .execute();
    }
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
