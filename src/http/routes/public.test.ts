import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';

describe.each(databaseKinds)('customers following up and filing on the web, on $name', (kind) => {
  let h: Harness;
  let agent: string;
  let number: string;

  const lookup = (payload: object, ip = '192.0.2.1') =>
    h.app.inject({ method: 'POST', url: '/api/v1/public/reports/lookup', payload, remoteAddress: ip });
  const selfFile = (payload: object, ip = '198.51.100.1') =>
    h.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload, remoteAddress: ip });

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    const admin = await h.signIn('admin');
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: admin },
    });
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100002',
      payload: customerPayload({ name: 'Otro Cliente' }),
      headers: { cookie: admin },
    });
    agent = await h.signIn('agente');
    const filed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        customerNumber: '100001',
        channel: 'office',
        type: 'billing_error',
        description: 'Me cobraron dos veces el mes.',
      },
      headers: { cookie: agent },
    });
    number = filed.json().number;
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${number}/transitions`,
      payload: { to: 'waiting_customer', reason: 'Traiga copia de su recibo de octubre.' },
      headers: { cookie: agent },
    });
  });
  afterAll(() => h.close());

  it('shows the customer their report in plain words, without staff details', async () => {
    const response = await lookup({
      number: `${number.slice(0, 4)}-${number.slice(4, 9)}-${number.slice(9)}`,
      customerNumber: '100001',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      number,
      type: 'billing_error',
      status: 'waiting_customer',
      statusText: 'en espera del cliente',
      paused: true,
    });
    expect(body.promiseText).toMatch(/^Su reporte quedará resuelto/);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'status:waiting_customer']);
    expect(body.timeline[1]).toMatchObject({ text: 'Traiga copia de su recibo de octubre.', by: 'Nombre' });
    expect(response.body).not.toContain('agente');
    expect(response.body).not.toContain('de agente');
    expect(response.body).not.toContain('facturacion');
  });

  it('answers a wrong pair exactly as an unknown number, and a typo as a typo', async () => {
    const wrongPair = await lookup({ number, customerNumber: '100002' });
    const { composeReportNumber } = await import('../../core/report-number.js');
    const unknown = await lookup({ number: composeReportNumber('2001', 12), customerNumber: '100001' });
    expect(wrongPair.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(wrongPair.json());
    const typo = await lookup({
      number: `${number.slice(0, 9)}${(Number(number[9]) + 1) % 10}`,
      customerNumber: '100001',
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.code).toBe('check_digit_mismatch');
  });

  it('limits lookups to 20 a minute per address, with Retry-After', async () => {
    h.clock.advance(61_000); // the earlier lookups of this number leave the window
    for (let i = 0; i < 20; i++)
      expect((await lookup({ number, customerNumber: '100001' }, '203.0.113.9')).statusCode).toBe(200);
    const limited = await lookup({ number, customerNumber: '100001' }, '203.0.113.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(61_000);
    expect((await lookup({ number, customerNumber: '100001' }, '203.0.113.9')).statusCode).toBe(200);
  });

  it('limits lookups of one report number from many addresses', async () => {
    h.clock.advance(61_000);
    const statuses = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await lookup({ number, customerNumber: '100002' }, `198.18.0.${i}`)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('files a report for a customer who gives both numbers right, on the web channel', async () => {
    const response = await selfFile({
      customerNumber: '100001',
      invoiceNumber: 'F2610-100001',
      type: 'fault',
      description: 'No tengo servicio desde la mañana.',
      location: { text: 'Centenario 322, frente a la plaza' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ type: 'fault', status: 'new', statusText: 'nuevo' });
    expect(response.json().promiseText).toMatch(/^Su reporte quedará resuelto/);
    const staffView = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/reports/${response.json().number}`,
        headers: { cookie: agent },
      })
    ).json();
    expect(staffView).toMatchObject({
      channel: 'web',
      verified: true,
      createdBy: { username: 'autoservicio' },
    });
  });

  it('refuses a wrong customer or invoice number without saying which', async () => {
    const wrongInvoice = await selfFile({
      customerNumber: '100001',
      invoiceNumber: 'F2609-100001',
      type: 'complaint',
      description: 'Queja por la atención recibida.',
    });
    const wrongCustomer = await selfFile({
      customerNumber: '999999',
      invoiceNumber: 'F2610-100001',
      type: 'complaint',
      description: 'Queja por la atención recibida.',
    });
    expect(wrongInvoice.statusCode).toBe(422);
    expect(wrongInvoice.json()).toEqual(wrongCustomer.json());
    expect(wrongInvoice.json().error.code).toBe('customer_not_verified');
  });

  it('turns away bots that fill the hidden field, and limits filing per address', async () => {
    const bot = await selfFile(
      {
        customerNumber: '100001',
        invoiceNumber: 'F2610-100001',
        type: 'complaint',
        description: 'Spam spam spam spam.',
        website: 'http://spam.example',
      },
      '198.51.100.77',
    );
    expect(bot.statusCode).toBe(400);
    const statuses = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (
          await selfFile(
            {
              customerNumber: '999999',
              invoiceNumber: 'x',
              type: 'complaint',
              description: `Intento número ${i} de prueba.`,
            },
            '198.51.100.88',
          )
        ).statusCode,
      );
    expect(statuses.every((s) => s === 422)).toBe(true);
    expect(
      (
        await selfFile(
          {
            customerNumber: '100001',
            invoiceNumber: 'F2610-100001',
            type: 'complaint',
            description: 'Queja por la atención recibida.',
          },
          '198.51.100.88',
        )
      ).statusCode,
    ).toBe(429);
  });

  it('needs no session, and refuses forms posted from other sites', async () => {
    const forged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/lookup',
      payload: { number, customerNumber: '100001' },
      headers: { origin: 'https://evil.example' },
      remoteAddress: '192.0.2.200',
    });
    expect(forged.statusCode).toBe(403);
  });
});
