import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, demoCustomers, demoInvoices } from '../db/demo-data.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { UsersRepository } from '../db/repositories/users.js';
import type { ServiceContext } from './context.js';
import { fileDemoReports } from './demo-reports.js';
import { hashPassword } from './passwords.js';

/**
 * First start: an `admin` user exists once Folio has started. Its password comes from
 * FOLIO_ADMIN_PASSWORD or is generated, returned here once to be printed, and never stored
 * in clear.
 */
export async function ensureAdmin(
  ctx: ServiceContext,
  configuredPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const users = new UsersRepository(ctx.db);
  if (await users.findByUsername('admin')) return { created: false };
  const generated = configuredPassword === undefined ? randomBytes(12).toString('base64url') : undefined;
  await users.insert({
    id: randomUUID(),
    username: 'admin',
    name: 'Administrador',
    passwordHash: await hashPassword(configuredPassword ?? (generated as string)),
    roles: ['admin'],
    departments: [],
    mustChangePassword: false,
    now: ctx.now(),
  });
  return generated ? { created: true, generatedPassword: generated } : { created: true };
}

/**
 * Loads the demo data when the database holds no customers yet — departments, staff, customers
 * with their bills, then a day's worth of reports — and returns the reports' numbers; null
 * when the database already had customers.
 */
export async function loadDemoData(ctx: ServiceContext): Promise<{ reports: string[] } | null> {
  const now = ctx.now();
  const existing = await ctx.db.selectFrom('customers').select('customer_number').limit(1).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    await trx
      .insertInto('departments')
      .values(DEMO_DEPARTMENTS.map((d) => ({ ...d, created_at: at })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const users = new UsersRepository(trx);
    for (const demo of DEMO_USERS) {
      if (await users.findByUsername(demo.username)) continue;
      await users.insert({ id: randomUUID(), ...demo, passwordHash, mustChangePassword: false, now });
    }
    const customers = new CustomersRepository(trx);
    for (const customer of demoCustomers()) {
      await customers.upsert(
        { ...customer, address: { ...customer.address }, nextBillingDate: null, billingPeriodMonths: 1 },
        now,
      );
      await customers.addInvoices(customer.customerNumber, demoInvoices(customer, now), now);
    }
  });
  return { reports: await fileDemoReports(ctx, now) };
}
