import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, sqliteWithReadThreads } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';
import type { StaffUser } from '../../core/permissions.js';
import { formatReportNumber } from '../../core/report-number.js';
import { FEW_CUSTOMERS, FEW_REPORTS } from '../../db/queue/queue-text.js';
import { watchPromises } from '../../jobs/promise-watch.js';
import { listReports } from '../../services/list-reports.js';

type Json = Record<string, unknown>;
interface Row {
  number: string;
  status: string;
  dueAt: string;
  createdAt: string;
  assignee: { username: string } | null;
  customer: { name: string; colonia: string };
}

describe.each([...databaseKinds, sqliteWithReadThreads])('the back-office queue on $name', (kind) => {
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

  it('reads on read threads exactly where the database has them (the server’s context, as main.ts builds it)', () => {
    expect(h.ctx.reads !== undefined).toBe(kind.name === 'sqlite-read-threads');
  });

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

describe.each([...databaseKinds, sqliteWithReadThreads])('the queue’s word search on $name', (kind) => {
  let h: Harness;
  let cookie = '';
  const r: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const file = async (name: string, customerNumber: string, description: string) => {
    const response = await call('POST', '/api/v1/reports', {
      customerNumber,
      type: 'complaint',
      channel: 'phone',
      description,
    });
    expect(response.statusCode, response.body).toBe(201);
    r[name] = response.json().number;
  };
  const rename = async (customerNumber: string, name: string) => {
    const response = await call('PUT', `/api/v1/customers/${customerNumber}`, customerPayload({ name }));
    expect(response.statusCode, response.body).toBeLessThan(300);
  };
  /** Every report a search lists, page after page; `filters` as they go on the URL (`&status=…`). */
  const everyNumber = async (q: string, filters = '', limit = 200) => {
    const numbers: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(
        'GET',
        `/api/v1/reports?sort=created&limit=${limit}&q=${encodeURIComponent(q)}${filters}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page: { reports: Row[]; nextCursor: string | null } = response.json();
      numbers.push(...page.reports.map((row) => row.number));
      cursor = page.nextCursor;
    } while (cursor);
    return numbers;
  };
  /** `byName`'s row, to write others like it straight into the table, as an import would. */
  const importTemplate = async () => {
    const [stored] = await h.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('number', '=', r.byName as string)
      .execute();
    // is_open is computed by the database and cannot be written.
    const { is_open: _computed, ...template } = stored ?? ({} as NonNullable<typeof stored>);
    return template;
  };
  const writeStraight = async (changes: Record<string, unknown>) => {
    await h.ctx.db
      .insertInto('reports')
      .values({ ...(await importTemplate()), ...changes } as never)
      .execute();
  };
  const names = async (q: string, filters = '') => {
    const numbers = await everyNumber(q, filters);
    return Object.keys(r)
      .filter((name) => numbers.includes(r[name] as string))
      .sort();
  };

  beforeAll(async () => {
    h = await startHarness(kind, '2026-11-26T16:00:00Z');
    await h.addUser('admin', ['admin']);
    cookie = await h.signIn('admin');
    await rename('100001', 'María Guadalupe Juárez Hernández');
    await rename('100002', 'Pedro Gómez Luna');
    await rename('100003', 'Rosa Tzab Canul');
    await file('byName', '100001', 'Cobro duplicado en el recibo de octubre.');
    await file('byDescription', '100002', 'La fuga está frente a la casa de la señora Juárez.');
    await file('percent', '100002', 'Le cobraron el 50% del cargo_fijo este mes.');
    await file('plain', '100002', 'Le cobraron 500 pesos del cargo fijo este mes.');
    await file('renamed', '100003', 'Poste caído sobre la banqueta.');
  });
  afterAll(() => h.close());

  it('finds a word in the customer’s name or the description, accents and case aside', async () => {
    for (const q of ['juarez', 'Juárez', 'JUAREZ', 'JUÁREZ']) {
      expect(await names(q), q).toEqual(['byDescription', 'byName']);
      expect(await names(q, '&status=new'), q).toEqual(['byDescription', 'byName']);
    }
    expect(await names('poste caido')).toEqual(['renamed']);
    expect(await names('gomez luna')).toEqual(['byDescription', 'percent', 'plain']);
  });

  it('finds part of a word, anywhere in it', async () => {
    expect(await names('uare')).toEqual(['byDescription', 'byName']);
    expect(await names('uplicad')).toEqual(['byName']);
    expect(await names('ernand')).toEqual(['byName']);
    expect(await names('aído')).toEqual(['renamed']);
  });

  it('takes % and _ in a term literally', async () => {
    expect(await names('50%')).toEqual(['percent']);
    expect(await names('cargo_fijo')).toEqual(['percent']);
    expect(await names('cargo fijo')).toEqual(['plain']);
    expect(await names('5_0')).toEqual([]);
    expect(await names('%%%')).toEqual([]);
  });

  it('finds a report filed a moment ago', async () => {
    expect(await names('transformador')).toEqual([]);
    await file('justFiled', '100001', 'El transformador de la esquina hace ruido.');
    expect(await names('transformador')).toEqual(['justFiled']);
  });

  it('finds a renamed customer by the new name, not the old one', async () => {
    // Every status looks the name up among customers; open reports only test the name each
    // report carries (migration 014), which filing wrote and the rename must rewrite.
    const open = '&status=new,assigned,in_progress,waiting_customer';
    for (const filters of ['', open]) expect(await names('tzab', filters), filters).toEqual(['renamed']);
    await rename('100003', 'Rosa Méndez Canul');
    for (const filters of ['', open]) {
      expect(await names('tzab', filters), filters).toEqual([]);
      expect(await names('mendez', filters), filters).toEqual(['renamed']);
      expect(await names('canul', filters), filters).toEqual(['renamed']);
    }
  });

  it('asks for 3 characters at least, which the text indexes need', async () => {
    for (const q of ['a', 'Ek', 'ñu', '  ab  ']) {
      const response = await call('GET', `/api/v1/reports?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'q', message: expect.stringContaining('3') }],
      });
    }
    // Three are enough ("Ana"), and a number of three digits or more goes by number.
    expect((await call('GET', '/api/v1/reports?q=Ana')).statusCode).toBe(200);
    expect(await names('100003')).toEqual(['renamed']);
  });

  it('lists every match of a word found in thousands of reports or customers', async () => {
    // Written straight to the tables, as an import would: more than the few a search fetches by
    // key, so the queue tests each row instead.
    const at = h.clock.now();
    const template = await importTemplate();
    const rows = Array.from({ length: FEW_REPORTS + 1 }, (_, i) => ({
      ...template,
      number: `2611${String(50_000 + i).padStart(5, '0')}0`,
      description: 'Sin luz en toda la cuadra.',
      search_text: 'sin luz en toda la cuadra.',
      created_at: new Date(at.getTime() + i * 1000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await h.ctx.db
        .insertInto('reports')
        .values(rows.slice(i, i + 500) as never)
        .execute();
    }
    const customers = Array.from({ length: FEW_CUSTOMERS + 1 }, (_, i) => ({
      customer_number: String(200_000 + i),
      name: `Cliente Común ${i}`,
      search_name: `cliente comun ${i}`,
      street: 'Madero',
      colonia: 'Centro',
      city: 'Rioverde',
      postal_code: '79610',
      billing_cycle_day: 1,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    }));
    for (let i = 0; i < customers.length; i += 500) {
      await h.ctx.db
        .insertInto('customers')
        .values(customers.slice(i, i + 500))
        .execute();
    }
    await file('common', '200007', 'Medidor sin sello.');

    const found = await everyNumber('sin luz');
    expect(found).toHaveLength(rows.length);
    expect(found).toEqual(rows.map((row) => row.number));
    expect(await everyNumber('comun')).toEqual([r.common]);
  });

  it('lists a report once when its word, its customer’s number and its customer’s name all match', async () => {
    // Customer numbers may hold letters: "canul" is a customer number, a name and a word here.
    await rename('canul', 'Tomás Canul Pech');
    await file('canulEverywhere', 'canul', 'El medidor de la familia Canul marca de más.');
    await file('canulNumberOnly', 'canul', 'Recibo sin fecha de corte.');
    await file('canulWordOnly', '100002', 'El vecino Canul reporta una fuga.');
    const all = [r.renamed, r.canulEverywhere, r.canulNumberOnly, r.canulWordOnly];
    // Pages of one and of two: a row read twice would take a place on a page, and end the
    // list early.
    expect(await everyNumber('canul', '', 1)).toEqual(all);
    expect(await everyNumber('canul', '', 2)).toEqual(all);
    expect(await everyNumber('canul', '&type=complaint&status=new')).toEqual([
      r.renamed,
      r.canulEverywhere,
      r.canulNumberOnly,
      r.canulWordOnly,
    ]);
  });

  it('finds a report written straight to the table (an import) by a rare word', async () => {
    // Nothing files a report after it, so no filing's transaction indexes its text: the search
    // itself must (text-index.ts).
    await writeStraight({
      number: '2611090009',
      description: 'Importado: acometida subterránea dañada.',
      search_text: 'importado: acometida subterranea danada.',
    });
    expect(await everyNumber('subterranea')).toEqual(['2611090009']);
  });

  it('finds a report written without the copy of its customer’s name by that name', async () => {
    // An import straight into the table need not know of `customer_search_name` (migration 014):
    // such a report is found by its customer's own name, in an open queue and over every status.
    await rename('100044', 'Eustolia Barragán Ocampo');
    await writeStraight({
      number: '2611090017',
      customer_number: '100044',
      customer_search_name: null,
      description: 'Importado: lectura estimada.',
      search_text: 'importado: lectura estimada.',
    });
    expect(await everyNumber('barragan', '&status=new')).toEqual(['2611090017']);
    expect(await everyNumber('barragan')).toEqual(['2611090017']);
  });

  it.runIf(kind.name === 'sqlite')('reads the text indexes, not every report, for a word', async () => {
    const queries: CompiledQuery[] = [];
    const db = h.ctx.db.withPlugin({
      transformQuery: (args) => {
        queries.push(h.ctx.db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const admin = {
      id: 'x',
      username: 'admin',
      name: 'Admin',
      roles: ['admin'],
      departments: [],
      mustChangePassword: false,
    } satisfies StaffUser;
    const { reports } = await listReports({ ...h.ctx, db }, { q: 'poste caído', limit: 50 }, admin);
    expect(reports.map((report) => report.number)).toEqual([r.renamed]);
    // Leaving out the text index's catch-up check (src/db/text-index.ts) and the trigram
    // samples (src/db/text-search.ts: the newest rows, once an hour), not searches.
    // A subquery is compiled once more on its own; it is explained as part of its statement.
    const searches = queries.filter(
      (query) =>
        !query.sql.includes('text_index_progress') &&
        !/order by "\w+"\."rowid" desc limit \?$/.test(query.sql) &&
        !queries.some((other) => other !== query && other.sql.includes(query.sql)),
    );
    const plans = await Promise.all(
      searches.map(async (query) => {
        const explained = CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]);
        const { rows } = await h.ctx.db.executeQuery<{ detail: string }>(explained);
        return rows.map((row) => row.detail).join('\n');
      }),
    );
    // The two lookups in the FTS tables (side by side, in either order), the promise zones of the
    // keys they gave (promise-zones.ts), then the queue by those keys.
    expect(plans).toHaveLength(4);
    expect(plans.slice(0, 2).sort()).toEqual([
      expect.stringMatching(/SCAN customers_search VIRTUAL TABLE INDEX \d+:M/),
      expect.stringMatching(/SCAN reports_search VIRTUAL TABLE INDEX \d+:M/),
    ]);
    expect(plans[2]).toMatch(/report_promise_zones/);
    expect(plans[3]).toMatch(/SEARCH reports USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (reports|customers)\b(?!_search)/);
  });
});
