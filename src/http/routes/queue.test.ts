import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import { formatReportNumber } from '../../core/report-number.js';
import { watchPromises } from '../../jobs/promise-watch.js';

type Json = Record<string, unknown>;
interface Row {
  number: string;
  status: string;
  dueAt: string;
  createdAt: string;
  assignee: { username: string } | null;
  customer: { name: string; colonia: string };
}

describe.each(databaseKinds)('the back-office queue on $name', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  /** The reports filed for this suite, by a name that says what each is. */
  const r: Record<string, string> = {};

  const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) =>
    h.app.inject({ method, url, headers: { cookie: cookies[user] ?? '' }, ...(payload ? { payload } : {}) });
  const at = async (instant: string) => {
    h.clock.set(instant);
    for (const user of Object.keys(cookies)) cookies[user] = await h.signIn(user);
  };
  const file = async (name: string, payload: Json) => {
    const response = await call('agente', 'POST', '/api/v1/reports', {
      channel: 'phone',
      description: 'Descripción suficientemente larga.',
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    r[name] = response.json().number;
  };
  const list = async (query: string, user = 'admin'): Promise<Row[]> => {
    const response = await call(user, 'GET', `/api/v1/reports?limit=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().reports;
  };
  /** The names of the reports a query lists, sorted, to compare as sets. */
  const names = async (query: string, user = 'admin') => {
    const numbers = (await list(query, user)).map((row) => row.number);
    return Object.keys(r)
      .filter((name) => numbers.includes(r[name] as string))
      .sort();
  };

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z'); // Thursday 10:00 in Rioverde
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('ana', ['backoffice'], ['facturacion']);
    await h.addUser('tomas', ['technician'], ['soporte_tecnico']);
    for (const user of ['admin', 'agente', 'ana', 'tomas']) cookies[user] = '';
    await at('2026-11-26T16:00:00Z');
    const customers = [
      ['100001', { name: 'María Guadalupe Juárez Hernández' }],
      [
        '100002',
        { name: 'Pedro Gómez Luna', address: { ...customerPayload().address, colonia: 'San Isidro' } },
      ],
      ['100003', { name: 'Lucía Ramírez Soto' }],
    ] as const;
    for (const [number, overrides] of customers) {
      const response = await call('admin', 'PUT', `/api/v1/customers/${number}`, customerPayload(overrides));
      expect(response.statusCode).toBeLessThan(300);
    }

    await file('billing', {
      customerNumber: '100001',
      type: 'billing_error',
      description: 'Cobro duplicado.',
    });
    await at('2026-11-26T17:00:00Z');
    await file('fault', {
      customerNumber: '100002',
      type: 'fault',
      channel: 'office',
      description: 'Fuga en la banqueta, frente al número 12.',
      location: { text: 'Madero 12' },
    });
    await at('2026-11-26T18:00:00Z');
    await file('accented', {
      customerNumber: '100003',
      type: 'complaint',
      channel: 'office',
      description: 'No llegó la facturación de noviembre.',
    });
    await at('2026-11-26T19:00:00Z');
    await file('urgent', {
      customerNumber: '100001',
      type: 'fault',
      urgent: true,
      description: 'Sin servicio en toda la casa.',
      location: { text: 'Centenario 322' },
    });
    await at('2026-11-27T16:00:00Z'); // Friday
    await file('friday', {
      customerNumber: '100002',
      type: 'clarification',
      description: 'Duda sobre el cargo fijo.',
    });

    expect(
      (await call('ana', 'POST', `/api/v1/reports/${r.billing}/assignment`, { assignee: 'me' })).statusCode,
    ).toBe(200);
    expect(
      (await call('tomas', 'POST', `/api/v1/reports/${r.fault}/assignment`, { assignee: 'me' })).statusCode,
    ).toBe(200);
    expect(
      (await call('ana', 'POST', `/api/v1/reports/${r.friday}/transitions`, { to: 'waiting_customer' }))
        .statusCode,
    ).toBe(200);
    // The urgent fault's 2-hour promise ran out on Thursday.
    await watchPromises(h.ctx);
  });
  afterAll(() => h.close());

  it('lists everything by promise date, soonest first, with the assignee and colonia', async () => {
    const rows = await list('');
    expect(rows).toHaveLength(5);
    const dues = rows.map((row) => row.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect(rows.find((row) => row.number === r.billing)).toMatchObject({
      assignee: { username: 'ana' },
      customer: { name: 'María Guadalupe Juárez Hernández', colonia: 'Centro' },
      status: 'assigned',
    });
  });

  it('narrows by department, status, type, track and channel', async () => {
    expect(await names('department=facturacion')).toEqual(['billing', 'friday']);
    expect(await names('department=soporte_tecnico')).toEqual(['fault', 'urgent']);
    expect(await names('status=assigned')).toEqual(['billing', 'fault']);
    expect(await names('status=new,waiting_customer')).toEqual(['accented', 'friday', 'urgent']);
    expect(await names('status=new&status=waiting_customer')).toEqual(['accented', 'friday', 'urgent']);
    expect(await names('type=fault')).toEqual(['fault', 'urgent']);
    expect(await names('type=complaint,clarification')).toEqual(['accented', 'friday']);
    expect(await names('track=technical')).toEqual(['fault', 'urgent']);
    expect(await names('track=review&department=facturacion')).toEqual(['billing', 'friday']);
    expect(await names('channel=office')).toEqual(['accented', 'fault']);
    expect((await call('admin', 'GET', '/api/v1/reports?status=late')).statusCode).toBe(400);
    expect((await call('admin', 'GET', '/api/v1/reports?type=fault,nada')).statusCode).toBe(400);
  });

  it('narrows by assignee: a username, me, or none', async () => {
    expect(await names('assignee=ana')).toEqual(['billing']);
    expect(await names('assignee=tomas')).toEqual(['fault']);
    expect(await names('assignee=me', 'ana')).toEqual(['billing']);
    expect(await names('assignee=none')).toEqual(['accented', 'friday', 'urgent']);
    expect(await names('assignee=nadie')).toEqual([]);
  });

  it('narrows by the customer’s colonia, the promise state and the filing dates', async () => {
    expect(await names('colonia=San%20Isidro')).toEqual(['fault', 'friday']);
    expect(await names('colonia=Centro')).toEqual(['accented', 'billing', 'urgent']);
    expect(await names('promise=breached')).toEqual(['urgent']);
    expect(await names('createdFrom=2026-11-27')).toEqual(['friday']);
    expect(await names('createdTo=2026-11-26')).toEqual(['accented', 'billing', 'fault', 'urgent']);
    expect(await names('createdFrom=2026-11-26T17:00:00Z&createdTo=2026-11-26T18:00:00Z')).toEqual([
      'accented',
      'fault',
    ]);
    expect((await call('admin', 'GET', '/api/v1/reports?createdFrom=ayer')).statusCode).toBe(400);
  });

  it('finds by free text: names and descriptions without accents, numbers with or without dashes', async () => {
    expect(await names('q=juarez')).toEqual(['billing', 'urgent']);
    expect(await names('q=JUÁREZ')).toEqual(['billing', 'urgent']);
    expect(await names('q=facturacion')).toEqual(['accented']);
    expect(await names('q=banqueta')).toEqual(['fault']);
    expect(await names('q=100002')).toEqual(['fault', 'friday']);
    expect(await names(`q=${encodeURIComponent(formatReportNumber(r.accented as string))}`)).toEqual([
      'accented',
    ]);
    expect(await names(`q=${r.urgent}`)).toEqual(['urgent']);
    expect(await names('q=50%25')).toEqual([]);
    expect(await names('q=juarez&type=fault')).toEqual(['urgent']);
  });

  it('keeps each department’s staff to their own queue', async () => {
    expect(await names('', 'ana')).toEqual(['billing', 'friday']);
    expect(await names('department=soporte_tecnico', 'ana')).toEqual([]);
    expect(await names('q=juarez', 'tomas')).toEqual(['urgent']);
  });

  it('sorts by filing time either way and pages with a cursor of that sort', async () => {
    const oldest = (await list('sort=created')).map((row) => row.number);
    expect(oldest).toEqual([r.billing, r.fault, r.accented, r.urgent, r.friday]);
    const newest = (await list('sort=-created')).map((row) => row.number);
    expect(newest).toEqual([...oldest].reverse());

    for (const sort of ['promise', 'created', '-created']) {
      const all = (await list(`sort=${sort}`)).map((row) => row.number);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { reports: Row[]; nextCursor: string | null } = (
          await call(
            'admin',
            'GET',
            `/api/v1/reports?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          )
        ).json();
        expect(page.reports.length).toBeLessThanOrEqual(2);
        seen.push(...page.reports.map((row) => row.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
    }

    const first = (await call('admin', 'GET', '/api/v1/reports?sort=created&limit=2')).json();
    const mixed = await call('admin', 'GET', `/api/v1/reports?sort=-created&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields[0].path).toBe('cursor');
    expect((await call('admin', 'GET', '/api/v1/reports?sort=oldest')).statusCode).toBe(400);
  });
});
