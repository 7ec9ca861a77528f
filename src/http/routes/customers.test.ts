import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';

describe.each(databaseKinds)('customers API on $name', (kind) => {
  let h: Harness;
  let admin: string;
  let agent: string;

  const put = (number: string, payload: unknown, cookie = admin) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/v1/customers/${number}`,
      payload: payload as object,
      headers: { cookie },
    });
  const search = (query: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/customers?query=${encodeURIComponent(query)}`,
      headers: { cookie: agent },
    });
  const verify = (number: string, invoiceNumber: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${number}/verify`,
      payload: { invoiceNumber },
      headers: { cookie: agent },
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    admin = await h.signIn('admin');
    agent = await h.signIn('agente');
  });
  afterAll(() => h.close());

  it('creates a customer (201), then updates it (200) without duplicating invoices', async () => {
    const created = await put('100001', customerPayload());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      customerNumber: '100001',
      name: 'María Guadalupe Juárez Hernández',
      address: { colonia: 'Centro', postalCode: '79610', number: '322', lat: null },
      billingCycleDay: 12,
    });
    const updated = await put(
      '100001',
      customerPayload({
        phone: '487 101 1684',
        invoices: [
          { number: 'F2610-100001', issuedAt: '2026-10-12' },
          { number: 'F2611-100001', issuedAt: '2026-11-12T10:00:00-06:00' },
        ],
      }),
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json().phone).toBe('487 101 1684');
    const invoices = await h.ctx.db
      .selectFrom('invoices')
      .select('number')
      .where('customer_number', '=', '100001')
      .execute();
    expect(invoices.map((i) => i.number).sort()).toEqual(['F2609-100001', 'F2610-100001', 'F2611-100001']);
  });

  it('never shows invoice numbers with the customer', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/v1/customers/100001',
      headers: { cookie: agent },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('F2611');
    expect(response.json()).toMatchObject({
      customerNumber: '100001',
      billingCycleDay: 12,
      address: { city: 'Rioverde' },
    });
  });

  it('lets only admins write customers', async () => {
    const response = await put('100002', customerPayload(), agent);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/customers/100002', headers: { cookie: agent } }))
        .statusCode,
    ).toBe(404);
  });

  it('lists every bad field of a customer push', async () => {
    const response = await put('100003', {
      name: '',
      phone: 'abc',
      email: 'not-an-email',
      address: { street: 'X', colonia: 'Centro', city: 'Rioverde', postalCode: '7961' },
      billingCycleDay: 31,
      invoices: [{ number: '', issuedAt: 'yesterday' }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'phone',
        'email',
        'address.postalCode',
        'billingCycleDay',
        'invoices.0.number',
      ]),
    );
    expect(response.json().error.fields[0].message).toMatch(/[a-z]/);
  });

  it('refuses a bad customer number in the path', async () => {
    const response = await put('bad%20number!', customerPayload());
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('customerNumber');
  });

  it('finds customers by name without accents or case, by phone digits and by number', async () => {
    await put('100010', customerPayload({ name: 'José Ángel Núñez', phone: '(487) 555-0199', invoices: [] }));
    await put('200010', customerPayload({ name: 'Otra Persona', phone: '444 000 0000', invoices: [] }));
    const byName = await search('juarez');
    expect(byName.statusCode).toBe(200);
    expect(byName.json().customers.map((c: { customerNumber: string }) => c.customerNumber)).toEqual([
      '100001',
    ]);
    expect((await search('NUÑEZ')).json().customers[0].customerNumber).toBe('100010');
    expect((await search('angel nunez')).json().customers[0].customerNumber).toBe('100010');
    expect((await search('5550199')).json().customers[0].customerNumber).toBe('100010');
    expect((await search('487-555-0199')).json().customers[0].customerNumber).toBe('100010');
    const byNumber = (await search('1000'))
      .json()
      .customers.map((c: { customerNumber: string }) => c.customerNumber);
    expect(byNumber).toEqual(expect.arrayContaining(['100001', '100010']));
    expect(byNumber).not.toContain('200010');
    expect((await search('%')).json().customers).toEqual([]);
  });

  it('returns at most 20 matches', async () => {
    for (let i = 0; i < 25; i++) {
      await put(
        `3000${String(i).padStart(2, '0')}`,
        customerPayload({ name: `Cliente Repetido ${i}`, invoices: [] }),
      );
    }
    const response = await search('repetido');
    expect(response.json().customers).toHaveLength(20);
  });

  it('refuses an empty search', async () => {
    const response = await search('   ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('query');
  });

  it('verifies only the most recent invoice, ignoring case and spaces', async () => {
    expect((await verify('100001', 'F2611-100001')).json()).toEqual({ verified: true });
    expect((await verify('100001', ' f2611-100001 ')).json()).toEqual({ verified: true });
    expect((await verify('100001', 'F2610-100001')).json()).toEqual({ verified: false });
    expect((await verify('100001', 'nonsense')).json()).toEqual({ verified: false });
    expect((await verify('100010', 'F2611-100001')).json()).toEqual({ verified: false });
    expect((await verify('999999', 'F2611-100001')).statusCode).toBe(404);
  });
});
