import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import { openPostgres } from '../../db/dialects/postgres.js';
import { watchPromises } from '../../jobs/promise-watch.js';

type Json = Record<string, unknown>;

describe.each(databaseKinds)('routing and promises on $name', (kind) => {
  let h: Harness;
  let agent: string;
  let admin: string;

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Json,
    headers: Record<string, string> = {},
    cookie = agent,
  ) => h.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie, ...headers } });
  const file = async (payload: Json) => {
    const response = await call('POST', '/api/v1/reports', {
      customerNumber: '100001',
      channel: 'phone',
      description: 'Descripción suficientemente larga.',
      ...payload,
    });
    return response;
  };
  const at = async (instant: string) => {
    h.clock.set(instant);
    agent = await h.signIn('agente');
    admin = await h.signIn('admin');
  };

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z'); // Thursday 10:00 in Rioverde
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await at('2026-11-26T16:00:00Z');
    await call('PUT', '/api/v1/customers/100001', customerPayload({ billingCycleDay: 12 }), {}, admin);
    await call(
      'PUT',
      '/api/v1/customers/100002',
      customerPayload({ billingCycleDay: 12, nextBillingDate: '2026-11-27', billingPeriodMonths: 2 }),
      {},
      admin,
    );
  });
  afterAll(() => h.close());

  it('routes each type by the default table and states the promise', async () => {
    await at('2026-11-26T16:00:00Z');
    const fault = (await file({ type: 'fault', location: { text: 'Centenario 322' } })).json();
    expect(fault).toMatchObject({
      track: 'technical',
      department: 'soporte_tecnico',
      departmentName: 'Soporte técnico',
      dueAt: '2026-11-27T16:00:00.000Z',
      promiseState: 'on_track',
    });
    expect(fault.promiseText).toBe(
      'Su reporte quedará resuelto a más tardar el viernes 27 de noviembre de 2026 a las 10:00',
    );
    expect(
      (await file({ type: 'fault', urgent: true, location: { text: 'Centenario 322' } })).json().dueAt,
    ).toBe('2026-11-26T18:00:00.000Z');
    const billing = (await file({ type: 'billing_error' })).json();
    expect(billing).toMatchObject({
      track: 'review',
      department: 'facturacion',
      dueAt: '2026-12-12T06:00:00.000Z',
    });
    const admin = (await file({ type: 'administrative_change' })).json();
    expect(admin).toMatchObject({
      track: 'immediate',
      department: 'atencion_clientes',
      dueAt: '2026-11-27T00:00:00.000Z',
    });
    expect((await file({ type: 'administrative_change', documentsNeeded: true })).json().track).toBe(
      'review',
    );
    expect((await file({ type: 'complaint' })).json()).toMatchObject({
      track: 'review',
      department: 'atencion_clientes',
    });
    expect(fault.timeline[0].data).toMatchObject({
      track: 'technical',
      department: 'soporte_tecnico',
      dueAt: '2026-11-27T16:00:00.000Z',
    });
  });

  it('promises Monday 18:00 for an immediate request filed on Friday evening, Tuesday when Monday is a rest day', async () => {
    await at('2026-11-28T01:30:00Z'); // Friday 27 Nov, 19:30
    expect((await file({ type: 'administrative_change' })).json().dueAt).toBe('2026-12-01T00:00:00.000Z');
    await at('2026-11-14T01:00:00Z'); // Friday 13 Nov, 19:00; Monday 16 Nov is the Revolution holiday
    expect((await file({ type: 'administrative_change' })).json().dueAt).toBe('2026-11-18T00:00:00.000Z');
  });

  it('counts the period after a billing period that starts tomorrow, and 30 business days across year end', async () => {
    await at('2026-11-26T16:00:00Z');
    const response = await file({ customerNumber: '100002', type: 'clarification' });
    expect(response.json().dueAt).toBe('2027-01-12T00:00:00.000Z');
  });

  it('promises 1 to 7 days for external faults, with a cause', async () => {
    await at('2026-11-26T16:00:00Z');
    const external = (
      await file({
        type: 'fault',
        track: 'external',
        externalCause: 'natural_disaster',
        location: { text: 'Río Verde, orilla' },
      })
    ).json();
    expect(external).toMatchObject({
      track: 'external',
      externalDays: 7,
      externalCause: 'natural_disaster',
      dueAt: '2026-12-03T16:00:00.000Z',
    });
    expect(external.promiseText).toBe(
      'Su reporte quedará resuelto a más tardar el jueves 3 de diciembre de 2026 a las 10:00',
    );
    const three = (
      await file({
        type: 'fault',
        track: 'external',
        externalDays: 3,
        externalCause: 'third_party_incident',
        location: { text: 'x y z' },
      })
    ).json();
    expect(three.dueAt).toBe('2026-11-29T16:00:00.000Z');
    for (const days of [0, 8, 2.5]) {
      const bad = await file({
        type: 'fault',
        track: 'external',
        externalDays: days,
        externalCause: 'natural_disaster',
        location: { text: 'x y z' },
      });
      expect(bad.statusCode, String(days)).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('externalDays');
    }
    const noCause = await file({ type: 'fault', track: 'external', location: { text: 'x y z' } });
    expect(noCause.statusCode).toBe(400);
    expect(noCause.json().error.fields).toEqual([expect.objectContaining({ path: 'externalCause' })]);
    const misplaced = await file({ type: 'billing_error', urgent: true, externalDays: 3 });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'externalDays',
      'urgent',
    ]);
    expect((await file({ type: 'complaint', department: 'no_existe' })).json().error.fields[0].path).toBe(
      'department',
    );
  });

  it('previews exactly the promise filing gives', async () => {
    await at('2026-11-26T16:00:00Z');
    const preview = await call('POST', '/api/v1/reports/promise-preview', {
      customerNumber: '100001',
      type: 'billing_error',
    });
    expect(preview.statusCode).toBe(200);
    const filed = (await file({ type: 'billing_error' })).json();
    expect(preview.json()).toMatchObject({
      track: 'review',
      department: 'facturacion',
      dueAt: filed.dueAt,
      promiseText: filed.promiseText,
    });
    const before = await h.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await call('POST', '/api/v1/reports/promise-preview', { customerNumber: '100001', type: 'fault' });
    const after = await h.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('re-routes with a reason, recomputing from the filing time, on the timeline', async () => {
    await at('2026-11-26T16:00:00Z');
    const complaint = (await file({ type: 'complaint' })).json();
    await at('2026-11-27T16:00:00Z');
    const noReason = await call('PATCH', `/api/v1/reports/${complaint.number}`, { track: 'technical' });
    expect(noReason.statusCode).toBe(400);
    const stale = await call(
      'PATCH',
      `/api/v1/reports/${complaint.number}`,
      { track: 'technical', reason: 'Es una falla' },
      { 'if-match': '"99"' },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const rerouted = await call(
      'PATCH',
      `/api/v1/reports/${complaint.number}`,
      { track: 'technical', department: 'soporte_tecnico', reason: 'En realidad es una falla del servicio.' },
      { 'if-match': String(complaint.version) },
    );
    expect(rerouted.statusCode).toBe(200);
    expect(rerouted.json()).toMatchObject({
      track: 'technical',
      department: 'soporte_tecnico',
      dueAt: '2026-11-27T16:00:00.000Z',
      version: complaint.version + 1,
    });
    const event = rerouted.json().timeline.at(-1);
    expect(event).toMatchObject({
      kind: 'rerouted',
      actor: { username: 'agente' },
      data: {
        reason: 'En realidad es una falla del servicio.',
        from: { track: 'review', department: 'atencion_clientes' },
        to: { track: 'technical', department: 'soporte_tecnico' },
      },
    });
  });

  it('stops the clock while waiting on the customer: business time for review, plain time for technical', async () => {
    await at('2026-11-27T16:00:00Z'); // Friday 10:00
    const review = (await file({ type: 'billing_error' })).json();
    expect(review.dueAt).toBe('2026-12-12T06:00:00.000Z');
    await at('2026-11-27T23:00:00Z'); // Friday 17:00
    const paused = await call('POST', `/api/v1/reports/${review.number}/transitions`, {
      to: 'waiting_customer',
      reason: 'Falta copia del recibo',
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({
      status: 'waiting_customer',
      paused: true,
      pauses: [{ from: '2026-11-27T23:00:00.000Z', to: null }],
    });
    await at('2026-11-30T16:00:00Z'); // Monday 10:00: one office hour on Friday + one on Monday
    const resumed = (
      await call('POST', `/api/v1/reports/${review.number}/transitions`, { to: 'in_progress' })
    ).json();
    expect(resumed).toMatchObject({
      status: 'in_progress',
      paused: false,
      pauses: [{ from: '2026-11-27T23:00:00.000Z', to: '2026-11-30T16:00:00.000Z' }],
    });
    expect(resumed.dueAt).toBe('2026-12-14T17:00:00.000Z'); // Monday 14 Dec, 09:00 + 2 office hours
    expect(resumed.timeline.at(-1)).toMatchObject({
      kind: 'status_changed',
      data: {
        from: 'waiting_customer',
        to: 'in_progress',
        previousDueAt: '2026-12-12T06:00:00.000Z',
        dueAt: '2026-12-14T17:00:00.000Z',
      },
    });

    await at('2026-11-26T16:00:00Z');
    const fault = (await file({ type: 'fault', location: { text: 'Centenario 322' } })).json();
    await at('2026-11-27T00:00:00Z');
    await call('POST', `/api/v1/reports/${fault.number}/transitions`, { to: 'waiting_customer' });
    await at('2026-11-27T06:00:00Z');
    const back = (
      await call('POST', `/api/v1/reports/${fault.number}/transitions`, { to: 'in_progress' })
    ).json();
    expect(back.dueAt).toBe('2026-11-27T22:00:00.000Z');
  });

  it('records on resolving whether the promise was kept, and refuses transitions the workflow forbids', async () => {
    await at('2026-11-26T16:00:00Z');
    const fault = (await file({ type: 'fault', urgent: true, location: { text: 'Centenario 322' } })).json();
    const noResolution = await call('POST', `/api/v1/reports/${fault.number}/transitions`, {
      to: 'resolved',
    });
    expect(noResolution.statusCode).toBe(400);
    await at('2026-11-26T19:00:00Z'); // an hour after the 2-hour promise
    const resolved = (
      await call('POST', `/api/v1/reports/${fault.number}/transitions`, {
        to: 'resolved',
        resolution: 'Se cambió el fusible del poste.',
      })
    ).json();
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-26T19:00:00.000Z',
      promiseKept: false,
      promiseState: 'breached',
    });
    const forbidden = await call('POST', `/api/v1/reports/${fault.number}/transitions`, {
      to: 'waiting_customer',
    });
    expect(forbidden.statusCode).toBe(422);
    expect(forbidden.json().error.code).toBe('invalid_transition');
    expect(forbidden.json().error.message).toContain('resuelto');
    const kept = (await file({ type: 'fault', location: { text: 'Centenario 322' } })).json();
    const done = (
      await call('POST', `/api/v1/reports/${kept.number}/transitions`, {
        to: 'resolved',
        resolution: 'Listo.',
      })
    ).json();
    expect(done).toMatchObject({ promiseKept: true, promiseState: 'on_track' });
    expect(done.timeline.at(-1).data).toMatchObject({ resolution: 'Listo.', promiseKept: true });
  });

  it('keeps holidays an admin adds, and counts them in promises', async () => {
    await at('2026-11-26T16:00:00Z');
    const year = (await call('GET', '/api/v1/holidays?year=2026')).json();
    expect(year.holidays).toEqual(
      expect.arrayContaining([{ date: '2026-11-16', name: expect.any(String), official: true }]),
    );
    expect(
      (await call('POST', '/api/v1/holidays', { date: '2026-11-27', name: 'Día de la empresa' })).statusCode,
    ).toBe(403);
    const added = await call(
      'POST',
      '/api/v1/holidays',
      { date: '2026-11-27', name: 'Día de la empresa' },
      {},
      admin,
    );
    expect(added.statusCode).toBe(201);
    expect(
      (await call('POST', '/api/v1/holidays', { date: '2026-11-27', name: 'Otra vez' }, {}, admin))
        .statusCode,
    ).toBe(409);
    await at('2026-11-27T01:00:00Z'); // Thursday 19:00: tomorrow is now a holiday
    expect((await file({ type: 'administrative_change' })).json().dueAt).toBe('2026-12-01T00:00:00.000Z');
    expect((await call('DELETE', '/api/v1/holidays/2026-11-16', undefined, {}, admin)).statusCode).toBe(422);
    expect((await call('DELETE', '/api/v1/holidays/2026-11-27', undefined, {}, admin)).statusCode).toBe(204);
    expect((await call('DELETE', '/api/v1/holidays/2026-11-27', undefined, {}, admin)).statusCode).toBe(404);
    expect(
      (await call('POST', '/api/v1/holidays', { date: '2026-02-30', name: 'x' }, {}, admin)).statusCode,
    ).toBe(400);
    expect((await file({ type: 'administrative_change' })).json().dueAt).toBe('2026-11-28T00:00:00.000Z');
  });

  it('lets an admin change the policy and the routing table, and nobody else', async () => {
    await at('2026-11-26T16:00:00Z');
    expect((await call('PUT', '/api/v1/promise-policy', { technicalHours: 12 })).statusCode).toBe(403);
    const policy = await call('PUT', '/api/v1/promise-policy', { technicalHours: 12 }, {}, admin);
    expect(policy.json()).toMatchObject({
      technicalHours: 12,
      urgentTechnicalHours: 2,
      officeCloses: '18:00',
    });
    expect((await file({ type: 'fault', location: { text: 'Centenario 322' } })).json().dueAt).toBe(
      '2026-11-27T04:00:00.000Z',
    );
    expect(
      (
        await call(
          'PUT',
          '/api/v1/promise-policy',
          { officeOpens: '19:00', officeCloses: '08:00' },
          {},
          admin,
        )
      ).statusCode,
    ).toBe(400);
    await call('PUT', '/api/v1/promise-policy', { technicalHours: 24 }, {}, admin);

    expect(
      (await call('PUT', '/api/v1/routing/complaint', { track: 'review', department: 'facturacion' }))
        .statusCode,
    ).toBe(403);
    const rule = await call(
      'PUT',
      '/api/v1/routing/complaint',
      { track: 'review', department: 'facturacion' },
      {},
      admin,
    );
    expect(rule.statusCode).toBe(200);
    expect((await file({ type: 'complaint' })).json().department).toBe('facturacion');
    expect(
      (await call('PUT', '/api/v1/routing/complaint', { track: 'review', department: 'nada' }, {}, admin))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call(
          'PUT',
          '/api/v1/routing/unknown_type',
          { track: 'review', department: 'facturacion' },
          {},
          admin,
        )
      ).statusCode,
    ).toBe(400);
    await call(
      'PUT',
      '/api/v1/routing/complaint',
      { track: 'review', department: 'atencion_clientes' },
      {},
      admin,
    );
    expect((await call('GET', '/api/v1/routing')).json().rules.complaint.departmentCode).toBe(
      'atencion_clientes',
    );
  });

  it('marks at-risk and breached reports once each, skips those waiting on the customer, and lists them', async () => {
    await at('2026-12-07T16:00:00Z'); // Monday 10:00
    const fault = (await file({ type: 'fault', location: { text: 'Centenario 322' } })).json();
    const waiting = (await file({ type: 'fault', location: { text: 'Madero 10' } })).json();
    await call('POST', `/api/v1/reports/${waiting.number}/transitions`, { to: 'waiting_customer' });

    h.clock.set('2026-12-08T11:00:00Z'); // 79 % of 24 h
    expect((await watchPromises(h.ctx)).atRisk).not.toContain(fault.number);
    h.clock.set('2026-12-08T12:00:00Z'); // 83 %
    const first = await watchPromises(h.ctx);
    expect(first.atRisk).toContain(fault.number);
    expect((await watchPromises(h.ctx)).atRisk).not.toContain(fault.number);
    h.clock.set('2026-12-08T16:00:01Z');
    expect((await watchPromises(h.ctx)).breached).toContain(fault.number);
    expect((await watchPromises(h.ctx)).breached).not.toContain(fault.number);

    await at('2026-12-08T16:00:01Z');
    const report = (await call('GET', `/api/v1/reports/${fault.number}`)).json();
    expect(report.promiseState).toBe('breached');
    expect(report.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'filed',
      'promise_at_risk',
      'promise_breached',
    ]);
    const stillWaiting = (await call('GET', `/api/v1/reports/${waiting.number}`)).json();
    expect(stillWaiting.timeline.map((e: { kind: string }) => e.kind)).toEqual(['filed', 'status_changed']);

    const breached = (await call('GET', '/api/v1/reports?promise=breached')).json();
    expect(breached.reports.map((r: { number: string }) => r.number)).toContain(fault.number);
    expect(breached.reports.map((r: { number: string }) => r.number)).not.toContain(waiting.number);
    expect((await call('GET', '/api/v1/reports?promise=late')).statusCode).toBe(400);
  });

  it.runIf(kind.name === 'postgres')(
    'marks each report once when two server processes watch one PostgreSQL',
    async () => {
      await at('2026-12-14T16:00:00Z'); // Monday 10:00
      const numbers: string[] = [];
      for (let i = 0; i < 12; i++)
        numbers.push((await file({ type: 'fault', location: { text: `Poste ${i}` } })).json().number);
      // A second process: its own connection pool on the same database.
      const other = openPostgres(h.database.url as string);
      try {
        h.clock.set('2026-12-15T17:00:00Z'); // past every promise
        const otherCtx = { ...h.ctx, db: other.db };
        const [a, b] = await Promise.all([watchPromises(h.ctx), watchPromises(otherCtx)]);
        const breached = [...a.breached, ...b.breached].filter((n) => numbers.includes(n));
        expect(breached.sort()).toEqual([...numbers].sort());
        const events = await h.ctx.db
          .selectFrom('report_events')
          .select(['report_number'])
          .where('kind', '=', 'promise_breached')
          .where('report_number', 'in', numbers)
          .execute();
        expect(events).toHaveLength(12);
      } finally {
        await other.db.destroy();
      }
    },
  );

  it('closes resolved reports after 7 days, and they can still be reopened within 30', async () => {
    await at('2026-12-01T16:00:00Z');
    const fault = (await file({ type: 'fault', location: { text: 'Centenario 322' } })).json();
    await call('POST', `/api/v1/reports/${fault.number}/transitions`, {
      to: 'resolved',
      resolution: 'Reparado.',
    });
    h.clock.set('2026-12-08T15:59:00Z');
    expect((await watchPromises(h.ctx)).closed).not.toContain(fault.number);
    h.clock.set('2026-12-08T16:00:00Z');
    expect((await watchPromises(h.ctx)).closed).toContain(fault.number);
    await at('2026-12-10T16:00:00Z');
    const reopened = await call('POST', `/api/v1/reports/${fault.number}/transitions`, {
      to: 'in_progress',
      reason: 'Volvió a fallar.',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'in_progress', resolvedAt: null, promiseKept: null });
  });

  it('pages the list by promise date with a cursor', async () => {
    await at('2026-11-26T16:00:00Z');
    const first = (await call('GET', '/api/v1/reports?limit=3')).json();
    expect(first.reports).toHaveLength(3);
    const second = (await call('GET', `/api/v1/reports?limit=3&cursor=${first.nextCursor}`)).json();
    const dues = [...first.reports, ...second.reports].map((r: { dueAt: string }) => r.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect(new Set([...first.reports, ...second.reports].map((r: { number: string }) => r.number)).size).toBe(
      6,
    );
    expect((await call('GET', '/api/v1/reports?cursor=garbage')).statusCode).toBe(400);
  });
});
