import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import { OutboxRepository } from '../../db/repositories/outbox.js';
import { UsersRepository } from '../../db/repositories/users.js';

type Json = Record<string, unknown>;
interface Event {
  kind: string;
  data: Json;
  actor: { username: string } | null;
}

describe.each(databaseKinds)('working a report in the back office on $name', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};

  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: Json, headers: Json = {}) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: cookies[user] ?? '', ...(headers as Record<string, string>) },
      ...(payload ? { payload } : {}),
    });
  const file = async (type = 'billing_error', extra: Json = {}) => {
    const response = await call('agente', 'POST', '/api/v1/reports', {
      customerNumber: '100001',
      channel: 'phone',
      type,
      description: 'Me cobraron dos veces el recibo de octubre.',
      ...(type === 'fault' ? { location: { text: 'Centenario 322' } } : {}),
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const assign = (user: string, number: string, assignee: string | null, headers: Json = {}) =>
    call(user, 'POST', `/api/v1/reports/${number}/assignment`, { assignee }, headers);
  /** Moves the clock; sessions idle past 8 hours end, so everyone signs in again. */
  const at = async (instant: string) => {
    h.clock.set(instant);
    for (const user of Object.keys(cookies)) cookies[user] = await h.signIn(user);
  };
  const lookup = (number: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/lookup',
      payload: { number, customerNumber: '100001' },
    });

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z'); // Thursday 10:00 in Rioverde
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('ana', ['backoffice'], ['facturacion']);
    await h.addUser('beto', ['backoffice'], ['facturacion']);
    await h.addUser('sofia', ['supervisor'], ['facturacion']);
    await h.addUser('tomas', ['technician'], ['soporte_tecnico']);
    for (const user of ['admin', 'agente', 'ana', 'beto', 'sofia', 'tomas']) cookies[user] = '';
    await at('2026-11-26T16:00:00Z');
    const customer = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: cookies.admin ?? '' },
    });
    expect(customer.statusCode).toBeLessThan(300);
  });
  afterAll(() => h.close());

  describe('assignment', () => {
    it('lets back-office staff take a new report: assigned, in one event', async () => {
      const report = await file();
      const taken = await assign('ana', report.number, 'me', { 'if-match': String(report.version) });
      expect(taken.statusCode).toBe(200);
      expect(taken.json()).toMatchObject({
        status: 'assigned',
        assignee: { username: 'ana', name: 'Nombre de ana' },
        version: report.version + 1,
      });
      const timeline: Event[] = taken.json().timeline;
      expect(timeline.map((e) => e.kind)).toEqual(['filed', 'assigned']);
      expect(timeline[1]).toMatchObject({
        actor: { username: 'ana' },
        data: {
          from: null,
          to: { username: 'ana', name: 'Nombre de ana' },
          status: { from: 'new', to: 'assigned' },
        },
      });
      // Taking it again changes nothing, not even the version.
      const again = await assign('ana', report.number, 'ana');
      expect(again.json()).toMatchObject({ version: report.version + 1 });
      expect(again.json().timeline).toHaveLength(2);
    });

    it('keeps colleagues from snatching a report or handing it to others; supervisors may', async () => {
      const report = await file();
      await assign('ana', report.number, 'me');
      const snatch = await assign('beto', report.number, 'me');
      expect(snatch.statusCode).toBe(403);
      expect(snatch.json().error.code).toBe('assign_forbidden');
      const handOver = await assign('beto', report.number, 'sofia');
      expect(handOver.statusCode).toBe(403);
      const giveAway = await assign('ana', report.number, 'beto');
      expect(giveAway.statusCode).toBe(403);

      const reassigned = await assign('sofia', report.number, 'beto');
      expect(reassigned.statusCode).toBe(200);
      expect(reassigned.json()).toMatchObject({ status: 'assigned', assignee: { username: 'beto' } });
      const event = reassigned.json().timeline.at(-1);
      expect(event).toMatchObject({
        kind: 'assigned',
        actor: { username: 'sofia' },
        data: { from: { username: 'ana' }, to: { username: 'beto' } },
      });
      expect(event.data.status).toBeUndefined();

      // The assignee gives it back: the report returns to its department's queue.
      const back = await assign('beto', report.number, null);
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ status: 'new', assignee: null });
      expect(back.json().timeline.at(-1).data).toMatchObject({
        from: { username: 'beto' },
        to: null,
        status: { from: 'assigned', to: 'new' },
      });
    });

    it('refuses assignees outside the department, unknown or without a working role', async () => {
      const report = await file();
      const wrongDepartment = await assign('sofia', report.number, 'tomas');
      expect(wrongDepartment.statusCode).toBe(422);
      expect(wrongDepartment.json().error.code).toBe('assignee_not_in_department');
      const agent = await assign('sofia', report.number, 'agente');
      expect(agent.statusCode).toBe(422);
      const unknown = await assign('sofia', report.number, 'nadie');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0].path).toBe('assignee');
      const bad = await assign('sofia', report.number, 'no válido');
      expect(bad.statusCode).toBe(400);
      // An administrator hands reports to anyone who works them, but works none itself.
      expect((await assign('admin', report.number, 'me')).statusCode).toBe(422);
      expect((await assign('admin', report.number, 'ana')).json().assignee.username).toBe('ana');
      const unchanged = await call('sofia', 'GET', `/api/v1/reports/${report.number}`);
      expect(unchanged.json().timeline.filter((e: Event) => e.kind === 'assigned')).toHaveLength(1);
    });

    it('hides the report from staff of other departments and keeps agents out', async () => {
      const report = await file();
      const outsider = await assign('tomas', report.number, 'me');
      expect(outsider.statusCode).toBe(404);
      expect((await assign('agente', report.number, 'me')).statusCode).toBe(403);
      const fault = await file('fault');
      const technician = await assign('tomas', fault.number, 'me');
      expect(technician.statusCode).toBe(200);
      expect(technician.json().assignee.username).toBe('tomas');
    });

    it('answers 409 stale_version to a writer who saw an older version', async () => {
      const report = await file();
      const first = await assign('sofia', report.number, 'ana', { 'if-match': `"${report.version}"` });
      expect(first.statusCode).toBe(200);
      const second = await assign('sofia', report.number, 'beto', { 'if-match': `"${report.version}"` });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('stale_version');
      expect(second.json().error.message).toContain(String(report.version + 1));
      const now = (await call('sofia', 'GET', `/api/v1/reports/${report.number}`)).json();
      expect(now.assignee.username).toBe('ana');
    });

    it('keeps the status of work under way, and refuses finished reports', async () => {
      const report = await file();
      await assign('ana', report.number, 'me');
      await call('ana', 'POST', `/api/v1/reports/${report.number}/transitions`, { to: 'in_progress' });
      const moved = await assign('sofia', report.number, 'beto');
      expect(moved.json()).toMatchObject({ status: 'in_progress', assignee: { username: 'beto' } });
      await call('beto', 'POST', `/api/v1/reports/${report.number}/transitions`, {
        to: 'resolved',
        resolution: 'Se canceló el cobro duplicado.',
      });
      const finished = await assign('sofia', report.number, 'ana');
      expect(finished.statusCode).toBe(422);
      expect(finished.json().error.code).toBe('report_not_open');
    });
  });

  describe('notes', () => {
    it('shows customer notes on the public page and never internal ones', async () => {
      const report = await file();
      const customerNote = await call('agente', 'POST', `/api/v1/reports/${report.number}/notes`, {
        text: 'Le llamamos el lunes para confirmar el reembolso.',
        visibility: 'customer',
      });
      expect(customerNote.statusCode).toBe(200);
      expect(customerNote.json().timeline.at(-1)).toMatchObject({
        kind: 'note',
        actor: { username: 'agente' },
        data: { text: 'Le llamamos el lunes para confirmar el reembolso.', visibility: 'customer' },
      });
      const agentInternal = await call('agente', 'POST', `/api/v1/reports/${report.number}/notes`, {
        text: 'Nota interna de un agente.',
        visibility: 'internal',
      });
      expect(agentInternal.statusCode).toBe(403);
      const internal = await call('ana', 'POST', `/api/v1/reports/${report.number}/notes`, {
        text: 'Revisar con cobranza antes de reembolsar.',
        visibility: 'internal',
      });
      expect(internal.statusCode).toBe(200);
      expect(internal.json().version).toBe(report.version + 2);
      expect(internal.json().timeline.at(-1).data).toEqual({
        text: 'Revisar con cobranza antes de reembolsar.',
        visibility: 'internal',
      });

      const publicView = await lookup(report.number);
      expect(publicView.statusCode).toBe(200);
      const notes = publicView.json().timeline.filter((e: { kind: string }) => e.kind === 'note');
      expect(notes).toEqual([
        {
          at: expect.any(String),
          kind: 'note',
          text: 'Le llamamos el lunes para confirmar el reembolso.',
          by: 'Nombre',
        },
      ]);
      expect(publicView.body).not.toContain('cobranza');
      expect(publicView.body).not.toContain('internal');
    });

    it('refuses empty notes and unknown visibilities', async () => {
      const report = await file();
      const url = `/api/v1/reports/${report.number}/notes`;
      expect((await call('ana', 'POST', url, { text: '   ', visibility: 'internal' })).statusCode).toBe(400);
      expect((await call('ana', 'POST', url, { text: 'Hola', visibility: 'public' })).statusCode).toBe(400);
      expect((await call('tomas', 'POST', url, { text: 'Hola', visibility: 'internal' })).statusCode).toBe(
        404,
      );
    });
  });

  describe('requested documents', () => {
    it('moves the report to waiting on the customer, stops the clock, and ticks items off', async () => {
      await at('2026-11-26T16:00:00Z');
      const report = await file();
      await at('2026-11-26T18:00:00Z'); // Thursday 12:00
      const requested = await call(
        'ana',
        'POST',
        `/api/v1/reports/${report.number}/documents`,
        { items: ['copia de identificación', 'comprobante de domicilio', 'Copia de identificación'] },
        { 'if-match': String(report.version) },
      );
      expect(requested.statusCode).toBe(200);
      const body = requested.json();
      expect(body).toMatchObject({
        status: 'waiting_customer',
        paused: true,
        pauses: [{ from: '2026-11-26T18:00:00.000Z', to: null }],
      });
      expect(body.documents).toEqual([
        {
          id: expect.any(String),
          item: 'copia de identificación',
          requestedAt: '2026-11-26T18:00:00.000Z',
          receivedAt: null,
        },
        {
          id: expect.any(String),
          item: 'comprobante de domicilio',
          requestedAt: '2026-11-26T18:00:00.000Z',
          receivedAt: null,
        },
      ]);
      const timeline: Event[] = body.timeline;
      expect(timeline.map((e) => e.kind)).toEqual(['filed', 'status_changed', 'documents_requested']);
      expect(timeline[1]?.data).toMatchObject({
        to: 'waiting_customer',
        reason: 'Documentos solicitados: copia de identificación, comprobante de domicilio',
      });
      const notices = await new OutboxRepository(h.ctx.db).forReport(report.number);
      expect(notices.filter((n) => n.kind === 'documents_requested').length).toBeGreaterThan(0);

      // Asked again while waiting: the checklist grows, the status stays.
      const more = (
        await call('ana', 'POST', `/api/v1/reports/${report.number}/documents`, {
          items: ['recibo de octubre'],
        })
      ).json();
      expect(more.documents).toHaveLength(3);
      expect(more.timeline.filter((e: Event) => e.kind === 'status_changed')).toHaveLength(1);

      const id: string = more.documents[0].id;
      await at('2026-11-27T16:00:00Z'); // Friday 10:00
      const received = await call('ana', 'POST', `/api/v1/reports/${report.number}/documents/${id}/received`);
      expect(received.statusCode).toBe(200);
      expect(received.json().documents[0]).toMatchObject({ receivedAt: '2026-11-27T16:00:00.000Z' });
      expect(received.json().timeline.at(-1)).toMatchObject({
        kind: 'document_received',
        actor: { username: 'ana' },
        data: { id, item: 'copia de identificación' },
      });
      const twice = await call('ana', 'POST', `/api/v1/reports/${report.number}/documents/${id}/received`);
      expect(twice.json().version).toBe(received.json().version);
      expect(twice.json().timeline).toHaveLength(received.json().timeline.length);
      const unknown = await call(
        'ana',
        'POST',
        `/api/v1/reports/${report.number}/documents/00000000-0000-4000-8000-000000000000/received`,
      );
      expect(unknown.statusCode).toBe(404);

      // The customer sees what is still missing, not what already arrived.
      const publicView = (await lookup(report.number)).json();
      expect(publicView.requestedDocuments.map((d: { item: string }) => d.item)).toEqual([
        'comprobante de domicilio',
        'recibo de octubre',
      ]);
      expect(publicView.paused).toBe(true);

      // The day waited on the customer (Thursday 12:00 to Friday 10:00) does not count.
      const resumed = (
        await call('ana', 'POST', `/api/v1/reports/${report.number}/transitions`, { to: 'in_progress' })
      ).json();
      expect(new Date(resumed.dueAt).getTime()).toBeGreaterThan(new Date(report.dueAt).getTime());
      expect(resumed.pauses).toEqual([{ from: '2026-11-26T18:00:00.000Z', to: '2026-11-27T16:00:00.000Z' }]);
    });

    it('asks nothing of a report that can no longer wait on the customer', async () => {
      await at('2026-11-26T16:00:00Z');
      const report = await file();
      await call('ana', 'POST', `/api/v1/reports/${report.number}/transitions`, {
        to: 'resolved',
        resolution: 'Se aplicó la corrección.',
      });
      const refused = await call('ana', 'POST', `/api/v1/reports/${report.number}/documents`, {
        items: ['copia de identificación'],
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('invalid_transition');
      const after = (await call('ana', 'GET', `/api/v1/reports/${report.number}`)).json();
      expect(after.documents).toEqual([]);
      const stale = await call(
        'ana',
        'POST',
        `/api/v1/reports/${(await file()).number}/documents`,
        { items: ['copia de identificación'] },
        { 'if-match': '99' },
      );
      expect(stale.statusCode).toBe(409);
      expect(
        (await call('ana', 'POST', `/api/v1/reports/${report.number}/documents`, { items: [] })).statusCode,
      ).toBe(400);
    });
  });

  describe('who a report can be handed to', () => {
    const staffOf = (user: string, department: string) =>
      call(user, 'GET', `/api/v1/departments/${department}/staff`);

    beforeAll(async () => {
      const users = new UsersRepository(h.ctx.db);
      const change = async (username: string, changes: { name?: string; disabled?: boolean }) => {
        const user = await users.findByUsername(username);
        if (!user) throw new Error(`no user ${username}`);
        await users.update(user.id, changes, h.clock.now());
      };
      // Named so that only a Spanish collation puts them in order (Á sorts after Z by code point).
      await h.addUser('angel', ['agent', 'backoffice'], ['facturacion']);
      await change('angel', { name: 'Ángel Pérez' });
      await h.addUser('zoila', ['technician'], ['facturacion', 'soporte_tecnico']);
      await change('zoila', { name: 'Zoila Ruiz' });
      // Members who cannot be assigned a report: disabled, or without a working role.
      await h.addUser('dora', ['backoffice'], ['facturacion']);
      await change('dora', { disabled: true });
      await h.addUser('alma', ['agent'], ['facturacion']);
      await h.addUser('adan', ['admin'], ['facturacion']);
      await h.addUser('sergio', ['supervisor'], ['soporte_tecnico']);
      cookies.sergio = '';
      await at('2026-11-26T16:00:00Z');
    });

    it('lists the department’s enabled working staff by name, and nothing else about them', async () => {
      const response = await staffOf('sofia', 'facturacion');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        staff: [
          { username: 'angel', name: 'Ángel Pérez', roles: ['agent', 'backoffice'] },
          { username: 'ana', name: 'Nombre de ana', roles: ['backoffice'] },
          { username: 'beto', name: 'Nombre de beto', roles: ['backoffice'] },
          { username: 'sofia', name: 'Nombre de sofia', roles: ['supervisor'] },
          { username: 'zoila', name: 'Zoila Ruiz', roles: ['technician'] },
        ],
      });
      // An administrator lists any department's, without belonging to it.
      expect((await staffOf('admin', 'facturacion')).json()).toEqual(response.json());
      const support = await staffOf('sergio', 'soporte_tecnico');
      expect(support.json().staff.map((p: { username: string }) => p.username)).toEqual([
        'sergio',
        'tomas',
        'zoila',
      ]);
    });

    it('answers 404 for a department the supervisor does not see, as for an unknown one', async () => {
      for (const [user, department] of [
        ['sergio', 'facturacion'],
        ['sofia', 'soporte_tecnico'],
        ['sofia', 'no_existe'],
        ['admin', 'no_existe'],
      ] as const) {
        const response = await staffOf(user, department);
        expect(response.statusCode, `${user} ${department}`).toBe(404);
        expect(response.json()).toEqual({
          error: { code: 'not_found', message: `No existe el departamento ${department}.` },
        });
      }
      expect((await staffOf('sofia', 'No Válido')).statusCode).toBe(400);
    });

    it('is for those who hand reports to others: 403 to the rest, 401 without a session', async () => {
      for (const user of ['ana', 'tomas', 'agente']) {
        const response = await staffOf(user, 'facturacion');
        expect(response.statusCode, user).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
      const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/departments/facturacion/staff' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthenticated');
    });
  });
});
