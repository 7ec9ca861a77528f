import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { type Harness, sessionCookieOf, startHarness, TEST_PASSWORD } from '../../../test/support/harness.js';

describe.each(databaseKinds)('sessions on $name', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('agente', ['agent']);
  });
  afterAll(() => h.close());

  it('signs in with an HttpOnly, SameSite=Lax cookie and tells who is signed in', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'agente', roles: ['agent'] });
    const cookie = response.cookies.find((c) => c.name === 'folio_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: sessionCookieOf(response) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('agente');
  });

  it('notices a session ended outside this process within a second', async () => {
    const cookie = await h.signIn('agente');
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    // As another server process (FOLIO_WORKERS) or an operator would: straight in the database.
    await h.ctx.db.deleteFrom('sessions').execute();
    h.clock.advance(1_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('ends a signed-out session at once, without waiting for the recheck', async () => {
    const cookie = await h.signIn('agente');
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await me()).statusCode).toBe(401);
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'agente', password: 'not the password' },
    });
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nadie', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('unauthenticated');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses every staff route without a session, in the error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/session'],
      ['GET', '/api/v1/customers?query=ju'],
      ['GET', '/api/v1/customers/100001'],
      ['PUT', '/api/v1/customers/100001'],
      ['POST', '/api/v1/customers/100001/verify'],
      ['POST', '/api/v1/reports'],
      ['GET', '/api/v1/reports/2611000013'],
      ['GET', '/api/v1/no-such-route'],
    ] as const) {
      const response = await h.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('signs out: the old cookie no longer works', async () => {
    const cookie = await h.signIn('agente');
    const out = await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('expires an idle session after 8 hours, and keeps a used one alive', async () => {
    const cookie = await h.signIn('agente');
    h.clock.advance(7 * 3600_000);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode,
    ).toBe(200);
    h.clock.advance(7 * 3600_000);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode,
    ).toBe(200);
    h.clock.advance(8 * 3600_000 + 1000);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('rejects a malformed sign-in with the fields named', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: '' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('answers health with the database up', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
