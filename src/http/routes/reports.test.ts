import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import { composeReportNumber, formatReportNumber, hasValidCheckDigit } from '../../core/report-number.js';

const fault = {
  customerNumber: '100001',
  invoiceNumber: 'F2610-100001',
  channel: 'office',
  type: 'fault',
  description: 'Sin servicio desde anoche en toda la casa.',
  location: { text: 'Poste frente a Centenario 322', lat: 21.9297, lng: -99.9946 },
};

describe.each(databaseKinds)('reports API on $name', (kind) => {
  let h: Harness;
  let agent: string;

  const file = (payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: payload as object,
      headers: { cookie: agent, ...headers },
    });
  const lookup = (number: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${encodeURIComponent(number)}`,
      headers: { cookie: agent },
    });

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z');
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('tecnico', ['technician']);
    const admin = await h.signIn('admin');
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: admin },
    });
    agent = await h.signIn('agente');
  });
  afterAll(() => h.close());

  it('answers a filing with exactly the report a lookup then reads', async () => {
    // Filing builds its answer from what it wrote (no read-back); the two must never drift.
    const requests = [
      fault,
      { ...fault, location: { text: 'Sin coordenadas, casa azul' }, invoiceNumber: 'F0000-000000' },
      {
        customerNumber: '100001',
        channel: 'phone',
        type: 'billing_error',
        description: 'Me cobraron dos veces el mismo recibo de octubre.',
      },
      {
        customerNumber: '100001',
        channel: 'web',
        type: 'fault',
        description: 'Variación de voltaje en la colonia, focos parpadean.',
        location: { text: 'Esquina Hidalgo y Morelos' },
        urgent: true,
      },
    ];
    for (const request of requests) {
      const filed = await file(request);
      expect(filed.statusCode, filed.body).toBe(201);
      const read = await lookup(filed.json().number);
      expect(filed.json()).toEqual(read.json());
    }
  });

  it('files a report and answers with its number, status new, who and when', async () => {
    const response = await file(fault);
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      type: 'fault',
      channel: 'office',
      status: 'new',
      customerNumber: '100001',
      customer: { name: 'María Guadalupe Juárez Hernández' },
      verified: true,
      description: fault.description,
      location: fault.location,
      createdAt: '2026-11-26T16:00:00.000Z',
      createdBy: { username: 'agente' },
    });
    expect(report.number).toMatch(/^2611\d{6}$/);
    expect(hasValidCheckDigit(report.number)).toBe(true);
    expect(report.displayNumber).toBe(formatReportNumber(report.number));
    expect(report.timeline).toEqual([
      expect.objectContaining({
        kind: 'filed',
        at: '2026-11-26T16:00:00.000Z',
        actor: expect.objectContaining({ username: 'agente' }),
      }),
    ]);
  });

  it('marks a report unverified when the invoice is not the latest or not given', async () => {
    expect((await file({ ...fault, invoiceNumber: 'F2609-100001' })).json().verified).toBe(false);
    const { invoiceNumber: _omitted, ...withoutInvoice } = fault;
    expect((await file(withoutInvoice)).json().verified).toBe(false);
  });

  it('trims the description and accepts a report without location when it is not a fault', async () => {
    const response = await file({
      customerNumber: '100001',
      channel: 'phone',
      type: 'clarification',
      description: '   ¿Por qué subió mi recibo?   ',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      description: '¿Por qué subió mi recibo?',
      location: null,
      channel: 'phone',
    });
  });

  it('lists every invalid field at once and writes nothing', async () => {
    const before = await h.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const response = await file({
      customerNumber: '',
      channel: 'fax',
      type: 'fault',
      description: 'corto',
      location: { text: 'x', lat: 91 },
      extra: 1,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('invalid_input');
    const paths = body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'customerNumber',
        'channel',
        'description',
        'location.text',
        'location.lat',
        'extra',
      ]),
    );
    const after = await h.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('requires a location for a fault and limits the description to 5,000 characters', async () => {
    const { location: _omitted, ...noLocation } = fault;
    const missing = await file(noLocation);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { path: 'location', message: 'Para una falla, indique la ubicación exacta.' },
    ]);
    expect((await file({ ...fault, description: 'x'.repeat(5001) })).statusCode).toBe(400);
    expect((await file({ ...fault, description: `  ${'x'.repeat(5000)}  ` })).statusCode).toBe(201);
  });

  it('speaks English to a client that asks for it', async () => {
    const response = await file({ ...fault, description: 'short' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(response.json().error.fields[0].message).toBe(
      'Describe the problem in detail: 10 to 5,000 characters.',
    );
  });

  it('answers 404 for an unknown customer', async () => {
    const response = await file({ ...fault, customerNumber: '999999' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('does not let a technician file reports', async () => {
    const cookie = await h.signIn('tecnico');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: fault,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
  });

  it('returns the same report for a retried request with the same Idempotency-Key', async () => {
    const key = 'retry-7f1c2a';
    const first = await file(fault, { 'idempotency-key': key });
    const second = await file(fault, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().number).toBe(first.json().number);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const reused = await file(
      { ...fault, description: 'Otra descripción distinta.' },
      { 'idempotency-key': key },
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('files one report for concurrent retries of one request', async () => {
    const key = 'concurrent-retry-1';
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => file(fault, { 'idempotency-key': key })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.json().number)).size).toBe(1);
  });

  it('gives concurrent filings distinct, consecutive numbers', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => file(fault)));
    const numbers = responses.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(40);
    const sequences = numbers.map((n) => Number(n.slice(4, 9))).sort((a, b) => a - b);
    expect(Math.max(...sequences) - Math.min(...sequences)).toBe(39);
  });

  it('starts a new counter in a new month (Mexico City time)', async () => {
    h.clock.set('2026-12-01T05:59:00Z'); // still 30 Nov, 23:59 in Rioverde
    agent = await h.signIn('agente');
    expect((await file(fault)).json().number.slice(0, 4)).toBe('2611');
    h.clock.set('2026-12-01T06:00:00Z');
    const december = (await file(fault)).json().number;
    expect(december.slice(0, 9)).toBe('261200001');
    h.clock.set('2026-11-26T16:00:00Z');
    agent = await h.signIn('agente');
  });

  it('finds a report by number with or without separators', async () => {
    const { number } = (await file(fault)).json();
    for (const typed of [
      number,
      formatReportNumber(number),
      `${number.slice(0, 4)} ${number.slice(4, 9)} ${number.slice(9)}`,
    ]) {
      const response = await lookup(typed);
      expect(response.statusCode, typed).toBe(200);
      expect(response.json().number).toBe(number);
      expect(response.json().timeline[0].kind).toBe('filed');
    }
  });

  it('tells a typo (wrong check digit) apart from an unknown number', async () => {
    const { number } = (await file(fault)).json();
    const typo = number.slice(0, 9) + String((Number(number[9]) + 1) % 10);
    const typoResponse = await lookup(typo);
    expect(typoResponse.statusCode).toBe(400);
    expect(typoResponse.json().error.code).toBe('check_digit_mismatch');
    const swapped = number.slice(0, 5) + number[6] + number[5] + number.slice(7);
    if (swapped !== number) expect((await lookup(swapped)).json().error.code).toBe('check_digit_mismatch');
    const neverGiven = await lookup(composeReportNumber('2001', 99_999));
    expect(neverGiven.statusCode).toBe(404);
    expect(neverGiven.json().error.code).toBe('not_found');
    expect((await lookup('hola')).json().error.code).toBe('invalid_report_number');
  });

  it('never answers a 500 to malformed bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const response = await h.app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          headers: { cookie: agent, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.json().error.code).toEqual(expect.any(String));
      }),
      { numRuns: 60 },
    );
    const broken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { cookie: agent, 'content-type': 'application/json' },
      payload: '{"customerNumber":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
  });
});
