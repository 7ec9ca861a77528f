import { randomUUID } from 'node:crypto';
import { Conflict, InvalidInput, NotFound, RuleBroken } from '../core/errors.js';
import type { Role, StaffUser } from '../core/permissions.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { SessionsRepository } from '../db/repositories/sessions.js';
import { UsersRepository } from '../db/repositories/users.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { hashPassword } from './passwords.js';
import { checkNewPassword, forgetSessions } from './sessions.js';

export interface NewUserRequest {
  username: string;
  name: string;
  password: string;
  roles: Role[];
  departments: string[];
}

export interface UserChanges {
  name?: string | undefined;
  roles?: Role[] | undefined;
  departments?: string[] | undefined;
  disabled?: boolean | undefined;
  /** An admin's reset: the user must choose a new one at the next sign-in. */
  password?: string | undefined;
}

async function requireDepartments(ctx: ServiceContext, codes: string[]): Promise<void> {
  const known = new Set((await new ConfigurationRepository(ctx.db).departments()).map((d) => d.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new InvalidInput(`Departamentos desconocidos: ${unknown.join(', ')}.`, [
      { path: 'departments', message: `No existen: ${unknown.join(', ')}.` },
    ]);
  }
}

export function listUsers(ctx: ServiceContext) {
  return new UsersRepository(ctx.db).list();
}

/** A new staff account; its first password is temporary: it must be changed at the first sign-in. */
export async function createUser(
  ctx: ServiceContext,
  actor: Actor,
  request: NewUserRequest,
): Promise<StaffUser> {
  const users = new UsersRepository(ctx.db);
  if (await users.findByUsername(request.username))
    throw new Conflict(`Ya existe el usuario ${request.username}.`, 'username_taken');
  checkNewPassword(request.password, request.username, 'password');
  await requireDepartments(ctx, request.departments);
  const now = ctx.now();
  const id = randomUUID();
  const passwordHash = await hashPassword(request.password);
  await ctx.db.transaction().execute(async (trx) => {
    await new UsersRepository(trx).insert({ id, ...request, passwordHash, mustChangePassword: true, now });
    await audit(
      trx,
      actor,
      'user.created',
      { type: 'user', id: request.username },
      { roles: request.roles, departments: request.departments },
      now,
    );
  });
  return {
    id,
    username: request.username,
    name: request.name,
    roles: request.roles,
    departments: request.departments,
    mustChangePassword: true,
  };
}

/**
 * Edits an account. Disabling it or resetting its password ends its sessions at once, on
 * every server process (sessions live in the database).
 */
export async function updateUser(ctx: ServiceContext, actor: Actor, username: string, changes: UserChanges) {
  const users = new UsersRepository(ctx.db);
  const user = await users.findByUsername(username);
  if (!user) throw new NotFound(`No existe el usuario ${username}.`);
  if (
    actor.user?.id === user.id &&
    (changes.disabled || (changes.roles && !changes.roles.includes('admin') && user.roles.includes('admin')))
  ) {
    throw new RuleBroken(
      'No puede desactivarse ni quitarse el rol de administrador a sí mismo.',
      'self_lockout',
    );
  }
  if (changes.password !== undefined) checkNewPassword(changes.password, username, 'password');
  if (changes.departments) await requireDepartments(ctx, changes.departments);
  const now = ctx.now();
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  await ctx.db.transaction().execute(async (trx) => {
    const repo = new UsersRepository(trx);
    await repo.update(
      user.id,
      {
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.roles === undefined ? {} : { roles: changes.roles }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
        ...(passwordHash === undefined ? {} : { passwordHash, mustChangePassword: true }),
      },
      now,
    );
    if (changes.departments) await repo.setDepartments(user.id, changes.departments);
    if (changes.disabled || passwordHash) await new SessionsRepository(trx).deleteForUser(user.id);
    const recorded: Record<string, unknown> = {};
    if (changes.name !== undefined) recorded.name = changes.name;
    if (changes.roles) recorded.roles = { from: user.roles, to: changes.roles };
    if (changes.departments) recorded.departments = { from: user.departments, to: changes.departments };
    if (changes.disabled !== undefined) recorded.disabled = changes.disabled;
    if (passwordHash) recorded.passwordReset = true;
    await audit(trx, actor, 'user.updated', { type: 'user', id: username }, recorded, now);
  });
  // Roles, departments and names are read with the session: the next request must see these.
  forgetSessions(ctx);
  const updated = await users.findByUsername(username);
  if (!updated) throw new NotFound(`No existe el usuario ${username}.`);
  const { passwordHash: _h, ...rest } = updated;
  return rest;
}
