import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness, TEST_PASSWORD } from '../../../test/support/harness.js';
import { buildApp, LOG_REDACTIONS } from '../app.js';

describe.each(databaseKinds)('accounts, sessions and security on $name', (kind) => {
  let h: Harness;
  let admin: string;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    h.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
  const signInAttempt = (username: string, password: string, ip = '10.0.0.1') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password },
      remoteAddress: ip,
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('facturista', ['backoffice'], ['facturacion']);
    admin = await h.signIn('admin');
    await call('PUT', '/api/v1/customers/100001', admin, customerPayload());
  });
  afterAll(() => h.close());

  it('shows a department’s reports only to its staff (others get 404), while agents see all', async () => {
    const agent = await h.signIn('agente');
    const file = async (type: string) =>
      (
        await call('POST', '/api/v1/reports', agent, {
          customerNumber: '100001',
          channel: 'phone',
          type,
          description: 'Descripción de prueba larga.',
          ...(type === 'fault' ? { location: { text: 'Centenario 322' } } : {}),
        })
      ).json().number;
    const billing = await file('billing_error');
    const fault = await file('fault');
    const backoffice = await h.signIn('facturista');
    expect((await call('GET', `/api/v1/reports/${billing}`, backoffice)).statusCode).toBe(200);
    const hidden = await call('GET', `/api/v1/reports/${fault}`, backoffice);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect(
      (await call('POST', `/api/v1/reports/${fault}/transitions`, backoffice, { to: 'in_progress' }))
        .statusCode,
    ).toBe(404);
    const listed = (await call('GET', '/api/v1/reports', backoffice))
      .json()
      .reports.map((r: { department: string }) => r.department);
    expect(new Set(listed)).toEqual(new Set(['facturacion']));
    expect((await call('GET', `/api/v1/reports/${fault}`, agent)).statusCode).toBe(200);
  });

  it('locks a username out after 10 failures in 15 minutes, with Retry-After, then lets it in again', async () => {
    await h.addUser('victima', ['agent']);
    for (let i = 0; i < 10; i++)
      expect((await signInAttempt('victima', 'wrong password', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await signInAttempt('victima', TEST_PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await signInAttempt('victima', TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('locks an address out after 10 failures across usernames', async () => {
    for (let i = 0; i < 10; i++) await signInAttempt(`nadie${i}`, 'wrong password', '10.2.0.1');
    expect((await signInAttempt('agente', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect((await signInAttempt('agente', TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('rejects a cookie-authenticated write from a foreign origin, and accepts Folio’s own', async () => {
    const agent = await h.signIn('agente');
    const body = { invoiceNumber: 'F2610-100001' };
    const forged = await call('POST', '/api/v1/customers/100001/verify', agent, body, {
      origin: 'https://evil.example',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('cross_origin_request');
    const crossSite = await call('POST', '/api/v1/customers/100001/verify', agent, body, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.statusCode).toBe(403);
    const own = await call('POST', '/api/v1/customers/100001/verify', agent, body, {
      origin: 'http://localhost:80',
      host: 'localhost:80',
    });
    expect(own.statusCode).toBe(200);
    const signInFromElsewhere = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(signInFromElsewhere.statusCode).toBe(403);
  });

  it('sends security headers on every answer: the API’s are never stored and load nothing', async () => {
    const agent = await h.signIn('agente');
    for (const [url, cookie] of [
      ['/health', undefined],
      ['/api/v1/session', undefined],
      ['/api/v1/reports/1', undefined],
      ['/api/v1/customers?query=juarez', agent],
    ] as const) {
      const response = await call('GET', url, cookie);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    // Anything else is (or may be) a page: scripts from Folio only.
    const docs = await call('GET', '/');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.headers['x-frame-options']).toBe('DENY');
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS and Secure cookies behind an HTTPS proxy', async () => {
    const app = await buildApp({ ctx: h.ctx, db: h.ctx.db, trustProxy: true });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    await app.close();
  });

  it('creates an account whose first password must be changed, refuses weak passwords, and ends a disabled user’s sessions at once', async () => {
    expect(
      (
        await call('POST', '/api/v1/users', admin, {
          username: 'nueva',
          name: 'Nueva Agente',
          password: 'qwerty123456',
          roles: ['agent'],
        })
      ).json().error.code,
    ).toBe('weak_password');
    const created = await call('POST', '/api/v1/users', admin, {
      username: 'nueva',
      name: 'Nueva Agente',
      password: 'primera clave temporal',
      roles: ['agent'],
      departments: ['atencion_clientes'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'nueva', mustChangePassword: true, disabled: false });
    expect(
      (
        await call('POST', '/api/v1/users', admin, {
          username: 'nueva',
          name: 'Otra',
          password: 'primera clave temporal',
          roles: ['agent'],
        })
      ).statusCode,
    ).toBe(409);

    const first = await h.signIn('nueva', 'primera clave temporal');
    const blocked = await call('GET', '/api/v1/customers?query=ma', first);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await call('GET', '/api/v1/session', first)).json().user.mustChangePassword).toBe(true);
    expect(
      (
        await call('POST', '/api/v1/session/password', first, {
          currentPassword: 'mal',
          newPassword: 'otra frase secreta larga',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/v1/session/password', first, {
          currentPassword: 'primera clave temporal',
          newPassword: 'corta',
        })
      ).json().error.code,
    ).toBe('weak_password');
    expect(
      (
        await call('POST', '/api/v1/session/password', first, {
          currentPassword: 'primera clave temporal',
          newPassword: 'otra frase secreta larga',
        })
      ).statusCode,
    ).toBe(204);
    expect((await call('GET', '/api/v1/customers?query=ma', first)).statusCode).toBe(200);

    const disabled = await call('PATCH', '/api/v1/users/nueva', admin, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await call('GET', '/api/v1/session', first)).statusCode).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'nueva', password: 'otra frase secreta larga' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await call('PATCH', '/api/v1/users/admin', admin, { disabled: true })).json().error.code).toBe(
      'self_lockout',
    );
  });

  it("resets a password: the user's sessions end and the new one must be changed", async () => {
    await h.addUser('olvidadiza', ['agent']);
    const before = await h.signIn('olvidadiza');
    await call('PATCH', '/api/v1/users/olvidadiza', admin, { password: 'clave de reinicio temporal' });
    expect((await call('GET', '/api/v1/session', before)).statusCode).toBe(401);
    const after = await h.signIn('olvidadiza', 'clave de reinicio temporal');
    expect((await call('GET', '/api/v1/session', after)).json().user.mustChangePassword).toBe(true);
  });

  it('signs out everywhere', async () => {
    const a = await h.signIn('agente');
    const b = await h.signIn('agente');
    expect((await call('DELETE', '/api/v1/sessions', a)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/session', b)).statusCode).toBe(401);
  });

  it('gives integrations API tokens limited to their scopes, shown once, revocable', async () => {
    const created = await call('POST', '/api/v1/tokens', admin, {
      name: 'facturación',
      scopes: ['customers:write'],
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json().token as string;
    expect(secret).toMatch(/^folio_/);
    const bearer = { authorization: `Bearer ${secret}` };
    const pushed = await call(
      'PUT',
      '/api/v1/customers/100777',
      undefined,
      customerPayload({ name: 'Por Token' }),
      bearer,
    );
    expect(pushed.statusCode).toBe(201);
    expect((await call('GET', '/api/v1/customers/100777', undefined, undefined, bearer)).statusCode).toBe(
      403,
    );
    expect(
      (await call('POST', '/api/v1/tokens', admin, { name: 'x', scopes: ['users:manage'] })).statusCode,
    ).toBe(400);
    const listed = await call('GET', '/api/v1/tokens', admin);
    expect(listed.body).not.toContain(secret);
    expect(listed.json().tokens[0]).toMatchObject({
      name: 'facturación',
      scopes: ['customers:write'],
      revokedAt: null,
    });
    expect(listed.json().tokens[0].lastUsedAt).not.toBeNull();
    expect((await call('DELETE', `/api/v1/tokens/${created.json().id}`, admin)).statusCode).toBe(204);
    expect(
      (await call('PUT', '/api/v1/customers/100777', undefined, customerPayload(), bearer)).statusCode,
    ).toBe(401);
    expect(
      (
        await call('PUT', '/api/v1/customers/100777', undefined, customerPayload(), {
          authorization: 'Bearer folio_made_up',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('keeps an audit log of sign-ins, account and policy changes, token use and customer reads, for admins only', async () => {
    const agent = await h.signIn('agente');
    await call('GET', '/api/v1/customers/100001', agent);
    await call('PUT', '/api/v1/promise-policy', admin, { technicalHours: 20 });
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: 'nope nope nope' },
      remoteAddress: '10.9.9.9',
    });
    const entries = (await call('GET', '/api/v1/audit?limit=500', admin)).json().entries as {
      action: string;
      actor: string | null;
      targetId: string | null;
      ip: string | null;
    }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'sign_in.succeeded',
      'sign_in.failed',
      'user.created',
      'user.updated',
      'token.created',
      'token.used',
      'token.revoked',
      'promise_policy.updated',
      'customer.viewed',
      'customer.created',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(entries.find((e) => e.action === 'customer.viewed')).toMatchObject({
      actor: 'agente',
      targetId: '100001',
    });
    expect(entries.find((e) => e.action === 'sign_in.failed' && e.ip === '10.9.9.9')).toMatchObject({
      targetId: 'agente',
    });
    const byAgent = (await call('GET', '/api/v1/audit?actor=agente&action=customer.viewed', admin)).json()
      .entries;
    expect(byAgent.every((e: { actor: string }) => e.actor === 'agente')).toBe(true);
    expect((await call('GET', '/api/v1/audit', agent)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/v1/audit', admin)).statusCode).toBe(404);
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);
  });

  it('never writes passwords, tokens, session ids or invoice numbers to the logs', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    const app = await buildApp({
      ctx: h.ctx,
      db: h.ctx.db,
      logger: { level: 'trace', redact: LOG_REDACTIONS, stream: sink },
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: TEST_PASSWORD },
    });
    const cookie = signIn.headers['set-cookie'] as string;
    const sessionId = /folio_session=([^;]+)/.exec(cookie)?.[1] as string;
    await app.inject({
      method: 'POST',
      url: '/api/v1/customers/100001/verify',
      payload: { invoiceNumber: 'F2610-100001' },
      headers: { cookie: `folio_session=${sessionId}` },
    });
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'log', scopes: ['customers:read'] },
        headers: { cookie: admin },
      })
    ).json().token;
    await app.inject({
      method: 'GET',
      url: '/api/v1/customers/100001',
      headers: { authorization: `Bearer ${token}` },
    });
    await app.close();
    expect(logged.length).toBeGreaterThan(100);
    for (const secret of [TEST_PASSWORD, sessionId, token, 'F2610-100001'])
      expect(logged).not.toContain(secret);
  });
});
