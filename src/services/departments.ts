import { Conflict, NotFound } from '../core/errors.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';

export function listDepartments(ctx: ServiceContext) {
  return new ConfigurationRepository(ctx.db).departments();
}

export async function createDepartment(
  ctx: ServiceContext,
  actor: Actor,
  department: { code: string; name: string },
) {
  const now = ctx.now();
  if (await new ConfigurationRepository(ctx.db).departmentExists(department.code)) {
    throw new Conflict(`Ya existe el departamento ${department.code}.`, 'department_exists');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('departments')
      .values({ ...department, created_at: now.toISOString() })
      .execute();
    await audit(
      trx,
      actor,
      'department.created',
      { type: 'department', id: department.code },
      { name: department.name },
      now,
    );
  });
  return department;
}

export async function renameDepartment(ctx: ServiceContext, actor: Actor, code: string, name: string) {
  const now = ctx.now();
  const result = await ctx.db
    .updateTable('departments')
    .set({ name })
    .where('code', '=', code)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new NotFound(`No existe el departamento ${code}.`);
  await audit(ctx.db, actor, 'department.updated', { type: 'department', id: code }, { name }, now);
  return { code, name };
}
