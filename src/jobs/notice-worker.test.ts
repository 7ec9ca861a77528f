import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../test/support/harness.js';
import { InvalidInput } from '../core/errors.js';
import { MAX_NOTICE_ATTEMPTS } from '../core/notices.js';
import { openPostgres } from '../db/dialects/postgres.js';
import { OutboxRepository } from '../db/repositories/outbox.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from '../services/context.js';
import { enqueueNotices, updateNoticeTemplates } from '../services/notices.js';
import { deliverDueNotices, startNoticeWorker } from './notice-worker.js';
import { createSenders, type Senders } from './senders.js';

/*
 * Real parts only: a local SMTP server (smtp-server) receives the e-mail, a local HTTP server
 * plays the SMS provider, and the outbox lives in the test database.
 */
const SMTP_USER = 'folio';
const SMTP_PASSWORD = 'secreto-smtp';
const SMS_TOKEN = 'token-sms-123';

interface ReceivedSms {
  headers: IncomingHttpHeaders;
  body: { to: string; text: string };
}

const mail: ParsedMail[] = [];
const texts: ReceivedSms[] = [];
let rejectRecipients = false;
let smsDelayMs = 0;
let smtp: SMTPServer;
let smsProvider: Server;
let smtpPort = 0;
let smsPort = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: SMTP_USER });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (!rejectRecipients) return callback();
      callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 450 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mail.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  smsProvider = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      setTimeout(() => {
        texts.push({ headers: request.headers, body: JSON.parse(raw) });
        response.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
      }, smsDelayMs);
    });
  });
  await new Promise<void>((resolve) => smsProvider.listen(0, '127.0.0.1', resolve));
  smsPort = (smsProvider.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => smsProvider.close(() => resolve()));
});

const senders = (): Senders =>
  createSenders({
    smtpUrl: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
    mailFrom: 'Servicio al Cliente <avisos@example.mx>',
    smsUrl: `http://127.0.0.1:${smsPort}/messages`,
    smsToken: SMS_TOKEN,
  });

describe.each(databaseKinds)('customer notices on $name', (kind) => {
  let h: Harness;
  let agent: string;

  const deliver = (ctx: ServiceContext = h.ctx, workerId = 'worker-a') =>
    deliverDueNotices(ctx, senders(), { workerId });

  const file = async (type = 'complaint'): Promise<string> => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { cookie: agent },
      payload: {
        customerNumber: '100001',
        channel: 'phone',
        type,
        description: 'El recibo llegó con un cobro que no reconozco.',
      },
    });
    expect(response.statusCode).toBe(201);
    return (response.json() as { number: string }).number;
  };

  /** As the filing will do it: the notice queued in a transaction of its own making. */
  const enqueueFiled = async (
    number: string,
    customer: { email: string | null; phone: string | null } = {
      email: 'maria@example.com',
      phone: '487 873 1703',
    },
  ) => {
    const report = await new ReportsRepository(h.ctx.db).find(number);
    if (!report) throw new Error(`no report ${number}`);
    return h.ctx.db
      .transaction()
      .execute((trx) => enqueueNotices(trx, { report, customer, kind: 'filed', now: h.ctx.now() }));
  };

  const noticeEvents = async (number: string) =>
    (await new ReportsRepository(h.ctx.db).timeline(number)).filter((e) => e.kind.startsWith('notice_'));

  beforeEach(async () => {
    mail.length = 0;
    texts.length = 0;
    rejectRecipients = false;
    smsDelayMs = 0;
    h = await startHarness(kind, '2026-11-26T16:00:00Z'); // Thursday 10:00 in Rioverde
    // Filing queues its own notice; these tests queue exactly the notices they deliver.
    h.ctx.noticeChannels = [];
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    const admin = await h.signIn('admin');
    agent = await h.signIn('agente');
    const response = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      headers: { cookie: admin },
      payload: customerPayload(),
    });
    expect(response.statusCode).toBeLessThan(300);
  });
  afterEach(() => h.close());

  it('queues nothing when the change it tells about rolls back', async () => {
    const number = await file();
    const report = await new ReportsRepository(h.ctx.db).find(number);
    if (!report) throw new Error('report missing');
    await expect(
      h.ctx.db.transaction().execute(async (trx) => {
        const ids = await enqueueNotices(trx, {
          report,
          customer: { email: 'maria@example.com', phone: '487 873 1703' },
          kind: 'filed',
          now: h.ctx.now(),
        });
        expect(ids).toHaveLength(2);
        throw new Error('the filing failed after the notice was queued');
      }),
    ).rejects.toThrow('the filing failed');
    expect(await new OutboxRepository(h.ctx.db).forReport(number)).toEqual([]);
    expect(await deliver()).toEqual({ sent: [], retrying: [], failed: [] });
    expect(mail).toHaveLength(0);
    expect(texts).toHaveLength(0);
  });

  it('queues one notice per channel the customer has, and only for channels switched on', async () => {
    const number = await file();
    const report = await new ReportsRepository(h.ctx.db).find(number);
    if (!report) throw new Error('report missing');
    const queue = (
      customer: { email: string | null; phone: string | null },
      channels?: ('email' | 'sms')[],
    ) =>
      h.ctx.db.transaction().execute((trx) =>
        enqueueNotices(trx, {
          report,
          customer,
          kind: 'filed',
          now: h.ctx.now(),
          ...(channels ? { channels } : {}),
        }),
      );
    expect(await queue({ email: null, phone: null })).toHaveLength(0);
    expect(await queue({ email: 'maria@example.com', phone: null })).toHaveLength(1);
    expect(await queue({ email: null, phone: '873 1703' })).toHaveLength(0); // no SMS to a short local number
    expect(await queue({ email: 'maria@example.com', phone: '487 873 1703' }, ['email'])).toHaveLength(1);
    const channels = (await new OutboxRepository(h.ctx.db).forReport(number)).map((n) => n.channel);
    expect(channels).toEqual(['email', 'email']);
  });

  it('delivers the e-mail and the SMS in Spanish and writes both on the timeline', async () => {
    const number = await file();
    const grouped = `${number.slice(0, 4)}-${number.slice(4, 9)}-${number.slice(9)}`;
    await enqueueFiled(number);

    const result = await deliver();
    expect(result.sent).toHaveLength(2);
    expect(result.retrying).toEqual([]);

    expect(mail).toHaveLength(1);
    const email = mail[0] as ParsedMail;
    expect(email.subject).toBe(`Reporte ${grouped} recibido`);
    expect(email.from?.value).toEqual([{ name: 'Servicio al Cliente', address: 'avisos@example.mx' }]);
    expect((email.to as { text: string }).text).toBe('maria@example.com');
    expect(email.text).toContain(`Recibimos su reporte de queja con el número ${grouped}.`);
    expect(email.text).toContain('Su reporte quedará resuelto');
    expect(email.text).toContain('+52 487 873 1703');
    expect(email.text).not.toContain('Nombre de agente'); // no staff names

    expect(texts).toHaveLength(1);
    const sms = texts[0] as ReceivedSms;
    expect(sms.headers.authorization).toBe(`Bearer ${SMS_TOKEN}`);
    expect(sms.headers['content-type']).toBe('application/json');
    expect(sms.body.to).toBe('+524878731703');
    expect(sms.body.text).toMatch(
      new RegExp(`^Reporte ${grouped} recibido \\(queja\\)\\. Su reporte quedará`),
    );
    expect(Object.keys(sms.body).sort()).toEqual(['text', 'to']);

    const notices = await new OutboxRepository(h.ctx.db).forReport(number);
    expect(notices.map((n) => [n.status, n.attempts, n.sentAt?.toISOString()])).toEqual([
      ['sent', 1, '2026-11-26T16:00:00.000Z'],
      ['sent', 1, '2026-11-26T16:00:00.000Z'],
    ]);
    const events = await noticeEvents(number);
    expect(
      events.map((e) => e.data).sort((a, b) => String(a.channel).localeCompare(String(b.channel))),
    ).toEqual([
      { channel: 'email', noticeKind: 'filed', recipient: 'm***@example.com', attempts: 1 },
      { channel: 'sms', noticeKind: 'filed', recipient: '***1703', attempts: 1 },
    ]);
    expect(events.every((e) => e.actor === null)).toBe(true);

    expect(await deliver()).toEqual({ sent: [], retrying: [], failed: [] }); // nothing twice
    expect(mail).toHaveLength(1);
  });

  it('tries again after a growing pause while the mail server refuses, then delivers', async () => {
    const number = await file();
    await enqueueFiled(number, { email: 'maria@example.com', phone: null });
    const [queued] = await new OutboxRepository(h.ctx.db).forReport(number);
    if (!queued) throw new Error('no notice queued');
    const notice = () => new OutboxRepository(h.ctx.db).find(queued.id);

    rejectRecipients = true;
    const first = await deliver();
    expect(first.retrying).toMatchObject([{ id: queued.id, reportNumber: number, channel: 'email' }]);
    expect(first.retrying[0]?.error).toMatch(/Mailbox temporarily unavailable/);
    expect(await notice()).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date('2026-11-26T16:00:30Z'),
      lastError: expect.stringMatching(/450/),
    });

    h.clock.advance(29_000);
    expect(await deliver()).toEqual({ sent: [], retrying: [], failed: [] }); // not due yet
    h.clock.advance(1_000);
    expect((await deliver()).retrying).toHaveLength(1);
    expect(await notice()).toMatchObject({ attempts: 2, nextAttemptAt: new Date('2026-11-26T16:01:30Z') });

    rejectRecipients = false;
    h.clock.advance(60_000);
    expect((await deliver()).sent).toEqual([queued.id]);
    expect(await notice()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(mail).toHaveLength(1);
    expect((await noticeEvents(number)).map((e) => [e.kind, e.data.attempts])).toEqual([['notice_sent', 3]]);
  });

  it('keeps the notice for later when the mail server is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const number = await file();
    await enqueueFiled(number);
    const down = createSenders({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'avisos@example.mx' });
    const result = await deliverDueNotices(h.ctx, down, { workerId: 'worker-a' });
    expect(result.sent).toEqual([]);
    expect(result.retrying).toMatchObject([
      { channel: 'email', error: expect.stringMatching(/ECONNREFUSED/) },
    ]);
    // SMS is off for this worker: its notice waits, untouched.
    const notices = await new OutboxRepository(h.ctx.db).forReport(number);
    expect(notices.map((n) => [n.channel, n.status, n.attempts]).sort()).toEqual([
      ['email', 'pending', 1],
      ['sms', 'pending', 0],
    ]);
  });

  it('runs in the background until stopped', async () => {
    const number = await file();
    await enqueueFiled(number);
    const logged: string[] = [];
    const worker = startNoticeWorker(h.ctx, senders(), { error: (_obj, msg) => logged.push(msg) }, 20);
    for (let i = 0; i < 250 && (mail.length < 1 || texts.length < 1); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    expect([mail.length, texts.length]).toEqual([1, 1]);
    expect(logged).toEqual([]);
    expect((await noticeEvents(number)).map((e) => e.kind)).toEqual(['notice_sent', 'notice_sent']);
  });

  it('gives up after the last try and says so on the timeline', async () => {
    const number = await file();
    await enqueueFiled(number, { email: 'maria@example.com', phone: null });
    rejectRecipients = true;
    for (let attempt = 1; attempt < MAX_NOTICE_ATTEMPTS; attempt++) {
      expect((await deliver()).retrying).toHaveLength(1);
      h.clock.advance(3_600_000);
    }
    const last = await deliver();
    expect(last.failed).toHaveLength(1);
    const [notice] = await new OutboxRepository(h.ctx.db).forReport(number);
    expect(notice).toMatchObject({ status: 'failed', attempts: MAX_NOTICE_ATTEMPTS, sentAt: null });
    expect(notice?.lastError).toMatch(/Mailbox temporarily unavailable/);

    h.clock.advance(24 * 3_600_000);
    expect(await deliver()).toEqual({ sent: [], retrying: [], failed: [] }); // failed stays failed
    expect((await noticeEvents(number)).map((e) => [e.kind, e.data])).toEqual([
      [
        'notice_failed',
        {
          channel: 'email',
          noticeKind: 'filed',
          recipient: 'm***@example.com',
          attempts: MAX_NOTICE_ATTEMPTS,
        },
      ],
    ]);
    expect(mail).toHaveLength(0);
  });

  it('sends each notice once when two workers race for them', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 6; i++) numbers.push(await file());
    for (const number of numbers) await enqueueFiled(number);
    smsDelayMs = 20; // keeps the first worker busy while the second reaches the same rows

    // On PostgreSQL the second worker has its own pool, as a second server process would.
    const second = kind.name === 'postgres' && h.database.url ? openPostgres(h.database.url).db : h.ctx.db;
    try {
      const ctx2: ServiceContext = { ...h.ctx, db: second };
      const [a, b] = await Promise.all([deliver(h.ctx, 'worker-a'), deliver(ctx2, 'worker-b')]);
      const sent = [...a.sent, ...b.sent];
      expect(new Set(sent).size).toBe(sent.length);
      expect(sent).toHaveLength(12);
      expect(a.retrying.length + b.retrying.length).toBe(0);
    } finally {
      if (second !== h.ctx.db) await second.destroy();
    }

    expect(mail).toHaveLength(6);
    expect(texts).toHaveLength(6);
    const smsNumbers = texts.map((t) => t.body.text.slice('Reporte '.length, 'Reporte '.length + 12));
    expect(new Set(smsNumbers).size).toBe(6);
    for (const number of numbers) {
      expect((await noticeEvents(number)).map((e) => e.kind)).toEqual(['notice_sent', 'notice_sent']);
    }
  });

  it('uses the templates an administrator stored, and refuses unknown placeholders', async () => {
    await updateNoticeTemplates(h.ctx, {
      filed: { subject: 'Folio {{number}} registrado', sms: 'Folio {{number}}: {{promise}}.' },
    });
    await expect(updateNoticeTemplates(h.ctx, { resolved: { text: 'Hola {{nombre}}' } })).rejects.toThrow(
      InvalidInput,
    );
    const number = await file();
    const grouped = `${number.slice(0, 4)}-${number.slice(4, 9)}-${number.slice(9)}`;
    await enqueueFiled(number);
    await deliver();
    expect(mail[0]?.subject).toBe(`Folio ${grouped} registrado`);
    expect(mail[0]?.text).toContain(`Recibimos su reporte de queja con el número ${grouped}.`); // default text kept
    expect(texts[0]?.body.text).toMatch(new RegExp(`^Folio ${grouped}: Su reporte quedará resuelto .+\\.$`));
  });

  it.skipIf(kind.name !== 'postgres')(
    'records the delivery after a change that took the same timeline slot at the same moment',
    async () => {
      const number = await file();
      await enqueueFiled(number);
      const url = h.database.url as string;
      const other = openPostgres(url).db;
      try {
        let delivery: Promise<unknown> = Promise.resolve();
        await other.transaction().execute(async (trx) => {
          // A writer that does not hold the report's row takes the next seq, uncommitted, while
          // the worker records (blocked on that seq until this commits, then told it is taken).
          await new ReportsRepository(trx).record(number, {
            kind: 'comment',
            actorId: null,
            at: h.ctx.now(),
            data: {},
          });
          delivery = deliver();
          await new Promise((resolve) => setTimeout(resolve, 500));
        });
        await delivery;
      } finally {
        await other.destroy();
      }
      const kinds = (await new ReportsRepository(h.ctx.db).timeline(number)).map((e) => [e.seq, e.kind]);
      expect(kinds).toEqual([
        [1, 'filed'],
        [2, 'comment'],
        [3, 'notice_sent'],
        [4, 'notice_sent'],
      ]);
      expect(mail).toHaveLength(1);
    },
  );
});
