import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/support/databases.js';
import { buildApp } from '../app.js';
import { securityHeaders } from './security.js';

describe('serving the web app', () => {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-web-'));
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Folio</title>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    database = await (databaseKinds[0] as (typeof databaseKinds)[number]).open();
    app = await buildApp({
      ctx: { db: database.dialect.db, now: () => new Date(), sessionIdleMs: 1000 },
      db: database.dialect.db,
      webDir,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('answers deep links with the app and serves its assets', async () => {
    const page = await app.inject({ method: 'GET', url: '/reportes/2611000013' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>Folio</title>');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('lets browsers keep the built assets for good, and ask again for the page', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/cola', '/reportes/2611000013']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const favicon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(favicon.headers['cache-control']).not.toContain('immutable');
  });

  it('keeps JSON errors for API paths and missing files', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(401);
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('publishes the OpenAPI document and the browsable docs', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/{number}']),
    );
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    // Not to be framed, by any origin: frame-ancestors is what browsers honour.
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.headers['content-security-policy']).not.toContain("frame-ancestors 'self'");
    // Folio's own page policy (e2e/api-docs.spec.ts shows Swagger UI renders under it): no
    // stylesheet, font or image from other sites.
    expect(docs.headers['content-security-policy']).toBe(securityHeaders()['Content-Security-Policy']);
    expect(docs.headers['content-security-policy']).not.toContain('https:');
  });
});
