import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import {
  customerPayload,
  type Harness,
  sessionCookieOf,
  startHarness,
  TEST_PASSWORD,
} from '../../../test/support/harness.js';
import { promiseText } from '../../core/promise-text.js';
import { composeReportNumber, formatReportNumber } from '../../core/report-number.js';
import { UsersRepository } from '../../db/repositories/users.js';
import type { ServiceContext } from '../../services/context.js';
import { hashPassword } from '../../services/passwords.js';
import { buildApp } from '../app.js';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The text of the PDF's first page (whitespace collapsed) and its size. */
async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
  const page = await document.getPage(1);
  const content = await page.getTextContent();
  const text = content.items
    .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
    .join('')
    .replace(/\s+/g, ' ');
  const [, , width = 0, height = 0] = page.view;
  await document.destroy();
  return { text, width, height };
}

const fault = {
  customerNumber: '100001',
  invoiceNumber: 'F2610-100001',
  channel: 'office',
  type: 'fault',
  description: 'Sin servicio desde anoche en toda la casa.',
  location: { text: 'Poste frente a Centenario 322' },
};

describe.each(databaseKinds)('the report receipt on $name', (kind) => {
  let h: Harness;
  let agent: string;
  let billingClerk: string;
  let faultNumber: string;
  let faultDueAt: Date;
  let billingNumber: string;

  const receipt = (number: string, query = '', cookie: string | null = agent) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${encodeURIComponent(number)}/receipt.pdf${query}`,
      headers: cookie ? { cookie } : {},
    });

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z');
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('facturista', ['backoffice'], ['facturacion']);
    const admin = await h.signIn('admin');
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: admin },
    });
    agent = await h.signIn('agente');
    billingClerk = await h.signIn('facturista');
    const filed = (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: fault,
        headers: { cookie: agent },
      })
    ).json();
    faultNumber = filed.number;
    faultDueAt = new Date(filed.dueAt);
    billingNumber = (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          customerNumber: '100001',
          channel: 'phone',
          type: 'billing_error',
          description: 'Cobro duplicado en el recibo de octubre.',
        },
        headers: { cookie: agent },
      })
    ).json().number;
  });
  afterAll(() => h.close());

  it('answers a letter PDF by default, to open in the browser', async () => {
    const response = await receipt(faultNumber);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="comprobante-${faultNumber}.pdf"`);
    expect(response.headers['cache-control']).toBe('private, no-store');
    // Chrome's PDF viewer is an <embed>: the site-wide object-src 'none' would block it.
    expect(response.headers['content-security-policy']).toContain("object-src 'self'");
    const { text, width, height } = await readPdf(response.rawPayload);
    expect([width, height]).toEqual([612, 792]);
    expect(text).toContain(formatReportNumber(faultNumber));
    expect(text).toContain('Falla');
    expect(text).toContain('María Guadalupe Juárez Hernández');
    expect(text).toContain(promiseText(faultDueAt));
    expect(text).toContain('+52 487 873 1703 o +52 487 101 1684');
    // No FOLIO_PUBLIC_URL here: the status page is on the address the request came to.
    expect(text).toContain('En internet: localhost/seguimiento');
  });

  it('answers the thermal layout, for a number typed with separators', async () => {
    const response = await receipt(formatReportNumber(faultNumber), '?format=thermal');
    expect(response.statusCode).toBe(200);
    const { text, width, height } = await readPdf(response.rawPayload);
    expect(width).toBe(226);
    expect(height).toBeLessThan(792);
    expect(text).toContain(formatReportNumber(faultNumber));
    expect(text).toContain(promiseText(faultDueAt));
  });

  it('prints the office data as an administrator set it', async () => {
    const admin = await h.signIn('admin');
    const office = {
      name: 'Organismo de Agua de Rioverde',
      address: 'Centenario 322, Centro, Rioverde, S.L.P.',
      phones: ['487 872 0000'],
      hours: 'Lunes a viernes de 8:00 a 15:00',
    };
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/office',
      payload: office,
      headers: { cookie: admin },
    });
    expect(put.statusCode).toBe(200);
    const { text } = await readPdf((await receipt(billingNumber, '?format=thermal')).rawPayload);
    expect(text).toContain('Organismo de Agua de Rioverde');
    expect(text).toContain('487 872 0000');
    expect(text).toContain('Error en datos de facturación');
  });

  it('tells a typo, an unknown number and an unknown format apart', async () => {
    const typo = faultNumber.slice(0, 9) + String((Number(faultNumber[9]) + 1) % 10);
    const typoResponse = await receipt(typo);
    expect(typoResponse.statusCode).toBe(400);
    expect(typoResponse.json().error.code).toBe('check_digit_mismatch');
    const unknown = await receipt(composeReportNumber('2001', 99_999));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const a4 = await receipt(faultNumber, '?format=a4');
    expect(a4.statusCode).toBe(400);
    expect(a4.json().error).toMatchObject({ code: 'invalid_input', fields: [{ path: 'format' }] });
    expect((await receipt(faultNumber, '?format=letter&extra=1')).statusCode).toBe(400);
  });

  it('is for signed-in staff who may see the report', async () => {
    const anonymous = await receipt(faultNumber, '', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    // A billing clerk sees billing reports; a fault is answered as if it did not exist.
    const outside = await receipt(faultNumber, '', billingClerk);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('not_found');
    expect((await receipt(billingNumber, '', billingClerk)).statusCode).toBe(200);
  });
});

describe('the receipt behind FOLIO_PUBLIC_URL', () => {
  it('points the customer at the public address, not the one the request came to', async () => {
    const [kind] = databaseKinds;
    if (!kind) throw new Error('no database');
    const database = await kind.open();
    const clock = () => new Date('2026-11-26T16:00:00Z');
    const ctx: ServiceContext = { db: database.dialect.db, now: clock, sessionIdleMs: 3600_000 };
    const app = await buildApp({ ctx, db: ctx.db, publicUrl: 'https://folio.aguasrioverde.mx/' });
    try {
      await new UsersRepository(ctx.db).insert({
        id: randomUUID(),
        username: 'admin',
        name: 'Admin',
        passwordHash: await hashPassword(TEST_PASSWORD),
        roles: ['admin'],
        departments: [],
        mustChangePassword: false,
        now: clock(),
      });
      const session = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
      const cookie = sessionCookieOf(session);
      await app.inject({
        method: 'PUT',
        url: '/api/v1/customers/100001',
        payload: customerPayload(),
        headers: { cookie },
      });
      const { number } = (
        await app.inject({ method: 'POST', url: '/api/v1/reports', payload: fault, headers: { cookie } })
      ).json();
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${number}/receipt.pdf`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      const { text } = await readPdf(response.rawPayload);
      expect(text).toContain('folio.aguasrioverde.mx/seguimiento');
      expect(text).not.toContain('localhost');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
