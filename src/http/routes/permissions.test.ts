import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import { can, ROLES } from '../../core/permissions.js';

/**
 * Walks every registered route with every role: 403 exactly where the permission table says
 * the role may not, and never a 403 where it may. Staff routes without a session answer 401.
 */
describe.each(databaseKinds)('the role × route matrix on $name', (kind) => {
  let h: Harness;
  let reportNumber: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const role of ROLES) await h.addUser(`u_${role}`, [role], ['facturacion', 'soporte_tecnico']);
    const admin = await h.signIn('u_admin');
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: admin },
    });
    const filed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        customerNumber: '100001',
        channel: 'office',
        type: 'billing_error',
        description: 'Cobro duplicado en el recibo.',
      },
      headers: { cookie: admin },
    });
    reportNumber = filed.json().number;
  });
  afterAll(() => h.close());

  const concrete = (url: string) =>
    url
      .replace(':customerNumber', '100001')
      .replace(':number', reportNumber)
      .replace(':username', 'u_agent')
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':date', '2026-12-24')
      .replace(':code', 'facturacion')
      .replace(':type', 'complaint');

  it('covers every staff route', () => {
    const staffRoutes = h.app.folioRoutes.filter((r) => r.action);
    expect(staffRoutes.length).toBeGreaterThanOrEqual(30);
    for (const route of h.app.folioRoutes.filter((r) => r.url.startsWith('/api/v1/') && !r.action)) {
      expect(
        route.url === '/api/v1/session' || route.url.startsWith('/api/v1/public/'),
        `${route.method} ${route.url} is public`,
      ).toBe(true);
    }
  });

  it('answers 403 exactly where the table says no', async () => {
    const routes = h.app.folioRoutes.filter((r) => r.action);
    const mismatches: string[] = [];
    for (const role of ROLES) {
      for (const route of routes) {
        const cookie = await h.signIn(`u_${role}`);
        const response = await h.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { cookie },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed = can({ roles: [role] }, route.action as NonNullable<typeof route.action>);
        const forbidden = response.statusCode === 403;
        if (forbidden === allowed || response.statusCode === 401 || response.statusCode >= 500) {
          mismatches.push(
            `${role} ${route.method} ${route.url} → ${response.statusCode} (${allowed ? 'allowed' : 'forbidden'})`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers 401 on every staff route without a session', async () => {
    for (const route of h.app.folioRoutes.filter((r) => r.action)) {
      const response = await h.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
