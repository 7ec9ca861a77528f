import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';

describe.each(databaseKinds)('customer notices queued with each change, on $name', (kind) => {
  let h: Harness;
  let agent: string;
  let admin: string;

  const outbox = (number: string) =>
    h.ctx.db
      .selectFrom('notice_outbox')
      .select(['kind', 'channel', 'recipient', 'body'])
      .where('report_number', '=', number)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    admin = await h.signIn('admin');
    agent = await h.signIn('agente');
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload({ email: 'maria@example.com', phone: '487 873 1703' }),
      headers: { cookie: admin },
    });
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100002',
      payload: customerPayload({ email: undefined, phone: undefined }),
      headers: { cookie: admin },
    });
  });
  afterAll(() => h.close());

  const file = async (customerNumber: string) =>
    (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          customerNumber,
          channel: 'phone',
          type: 'billing_error',
          description: 'Cobro duplicado en el recibo.',
        },
        headers: { cookie: agent },
      })
    ).json();
  const move = (number: string, payload: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${number}/transitions`,
      payload,
      headers: { cookie: agent },
    });

  it('queues an e-mail and an SMS when a report is filed, documents are requested, the promise moves and it is resolved', async () => {
    const report = await file('100001');
    let queued = await outbox(report.number);
    expect(queued.map((n) => [n.kind, n.channel, n.recipient])).toEqual([
      ['filed', 'email', 'maria@example.com'],
      ['filed', 'sms', '+524878731703'],
    ]);
    expect(queued[0]?.body).toContain(report.displayNumber);
    expect(queued[0]?.body).toContain(report.promiseText);

    await move(report.number, { to: 'waiting_customer', reason: 'Traiga su recibo de octubre.' });
    h.clock.advance(3_600_000);
    await move(report.number, { to: 'in_progress' });
    await move(report.number, { to: 'resolved', resolution: 'Se canceló el cobro duplicado.' });
    queued = await outbox(report.number);
    expect(queued.filter((n) => n.channel === 'email').map((n) => n.kind)).toEqual([
      'filed',
      'documents_requested',
      'promise_moved',
      'resolved',
    ]);
    expect(queued.find((n) => n.kind === 'documents_requested')?.body).toContain(
      'Traiga su recibo de octubre.',
    );
    expect(queued.find((n) => n.kind === 'resolved')?.body).toContain('Se canceló el cobro duplicado.');
    for (const notice of queued) expect(notice.body).not.toContain('Nombre de agente');
  });

  it('queues nothing for a customer without e-mail or phone, and nothing for a refused change', async () => {
    const report = await file('100002');
    expect(await outbox(report.number)).toEqual([]);
    const other = await file('100001');
    const before = (await outbox(other.number)).length;
    expect((await move(other.number, { to: 'resolved' })).statusCode).toBe(400);
    expect((await outbox(other.number)).length).toBe(before);
  });

  it('lets an admin edit the notice texts, with known placeholders only', async () => {
    const current = await h.app.inject({
      method: 'GET',
      url: '/api/v1/notice-templates',
      headers: { cookie: agent },
    });
    expect(current.json().filed.text).toContain('{{number}}');
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: '/api/v1/notice-templates',
          payload: { filed: { subject: 'x', text: 'y' } },
          headers: { cookie: agent },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/notice-templates',
      payload: { filed: { subject: 'Reporte {{number}}', text: 'Hola {{customerName}}' } },
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
    const good = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/notice-templates',
      payload: {
        filed: { subject: 'Reporte {{number}}', text: 'Recibimos su reporte {{number}}. {{promise}}.' },
      },
      headers: { cookie: admin },
    });
    expect(good.statusCode).toBe(200);
    const report = await file('100001');
    expect((await outbox(report.number))[0]?.body).toBe(
      `Recibimos su reporte ${report.displayNumber}. ${report.promiseText}.`,
    );
  });
});
