import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../test/support/harness.js';

/**
 * Control characters pasted into any field (core/normalize.ts): PostgreSQL refused a U+0000 with
 * a 500, and SQLite's full-text search failed on one in a searched word. They are dropped before
 * validation, on every route.
 */
describe.each(databaseKinds)('control characters in what staff send, on $name', (kind) => {
  let h: Harness;
  let cookie = '';
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    cookie = await h.signIn('admin');
  });
  afterAll(() => h.close());

  it('stores a customer and a report without them, and finds both by words typed with them', async () => {
    const customer = await call(
      'PUT',
      '/api/v1/customers/100001',
      customerPayload({ name: 'María\u0000 Juárez\u0007 Hernández' }),
    );
    expect(customer.statusCode, customer.body).toBeLessThan(300);
    expect(customer.json().name).toBe('María Juárez Hernández');

    const filed = await call('POST', '/api/v1/reports', {
      customerNumber: '100001',
      channel: 'phone',
      type: 'complaint',
      description: 'Cobro\u0000 doble del\u001b transformador\r\nsegunda línea',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().description).toBe('Cobro doble del transformador\r\nsegunda línea');

    const queue = await call('GET', '/api/v1/reports?q=transfor%00mador');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().reports.map((r: { number: string }) => r.number)).toEqual([filed.json().number]);

    const customers = await call('GET', '/api/v1/customers?query=ju%00arez');
    expect(customers.statusCode, customers.body).toBe(200);
    expect(customers.json().customers.map((c: { customerNumber: string }) => c.customerNumber)).toEqual([
      '100001',
    ]);
  });

  it('still answers 400 for a search that is too short once they are gone', async () => {
    const response = await call('GET', '/api/v1/reports?q=%00%00ab');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_input');
  });
});
