import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { customerRow } from '../../test/support/rows.js';
import { searchKey } from '../core/normalize.js';
import type { StaffUser } from '../core/permissions.js';
import { listReports, type ReportListQuery } from './list-reports.js';

/**
 * The queue's query takes different shapes for speed (rows read in order, a page of keys chosen
 * first, every status read as its closed and open halves, keys found beforehand driving the
 * query); whichever it takes, the pages must be exactly the reports a plain reading of the
 * filters gives, in the view's order, page after page. Checked against that plain reading on
 * a few hundred varied reports, on both databases.
 */
const DEPARTMENTS = ['facturacion', 'atencion_clientes', 'soporte_tecnico', 'administracion', null] as const;
const STATUSES = ['new', 'assigned', 'in_progress', 'waiting_customer', 'resolved', 'closed', 'cancelled'];
const OPEN = ['new', 'assigned', 'in_progress', 'waiting_customer'];
const COLONIAS = ['Centro', 'San Miguel', 'Jardín'];
const NAMES = ['Ana Ibarra Zúñiga', 'Luis Pérez Zuñiga', 'Marta Ibarra Soto', 'Pedro Luna Ruiz'];
const WORDS = ['Sin servicio', 'Medidor dañado', 'Cobro doble', 'Poste del transformador caído'];

interface Stored {
  number: string;
  customer_number: string;
  status: string;
  department_code: string | null;
  created_at: string;
  due_at: string | null;
  promise_state: string;
  assignee_id: string | null;
  search_text: string;
  type: string;
  track: string | null;
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % below;
  };
}

const viewer = (id: string, roles: StaffUser['roles'], departments: string[]): StaffUser => ({
  id,
  username: id,
  name: id,
  roles,
  departments,
  mustChangePassword: false,
});

describe.each(databaseKinds)('the queue query on $name', (kind) => {
  let database: TestDatabase;
  const reports: Stored[] = [];
  const customers = new Map<string, { colonia: string; search_name: string }>();

  beforeAll(async () => {
    database = await kind.open();
    const db = database.dialect.db;
    const at = '2026-11-26T16:00:00.000Z';
    await db
      .insertInto('users')
      .values(
        ['ana', 'tomas'].map((id) => ({
          id,
          username: id,
          name: id,
          password_hash: 'x',
          roles: '["backoffice"]',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    for (let i = 0; i < 12; i++) {
      const number = String(100_001 + i);
      const name = NAMES[i % NAMES.length] as string;
      const colonia = COLONIAS[i % COLONIAS.length] as string;
      customers.set(number, { colonia, search_name: searchKey(name) });
      await db
        .insertInto('customers')
        .values(customerRow(number, name, at, colonia))
        .execute();
    }
    const random = sequence(7);
    for (let i = 0; i < 400; i++) {
      const created = new Date(Date.parse('2026-10-01T00:00:00.000Z') + random(56 * 24) * 3_600_000);
      // Two reports share some instants, so the number breaks ties in both orders.
      if (i % 17 === 0 && reports.length > 0)
        created.setTime(Date.parse((reports.at(-1) as Stored).created_at));
      const month = created.toISOString().slice(2, 7).replace('-', '');
      const status = STATUSES[random(STATUSES.length)] as string;
      const description = `${WORDS[random(WORDS.length)]} en la calle ${i}.`;
      const row: Stored = {
        number: `${month}${String(i).padStart(5, '0')}${random(10)}`,
        customer_number: String(100_001 + random(12)),
        status,
        department_code: DEPARTMENTS[random(DEPARTMENTS.length)] ?? null,
        created_at: created.toISOString(),
        due_at:
          random(10) === 0 ? null : new Date(created.getTime() + random(40 * 24) * 3_600_000).toISOString(),
        promise_state: ['on_track', 'at_risk', 'breached'][random(3)] as string,
        assignee_id: [null, 'ana', 'tomas'][random(3)] ?? null,
        search_text: searchKey(description),
        type: ['fault', 'billing_error', 'complaint'][random(3)] as string,
        // Not from the sequence, so that adding it changed none of the other values.
        track: ['review', 'technical', 'review', 'external', 'immediate'][i % 5] as string,
      };
      // A report with no promise was filed before promises existed: it has no track either.
      if (row.due_at === null) row.track = null;
      reports.push(row);
      await db
        .insertInto('reports')
        .values({
          // On SQLite, rowids ~400 apart: the reports spread over ~40 promise zones (migration
          // 019), so that a word's candidates are read zone by zone, not all in one.
          ...(kind.name === 'sqlite' ? { rowid: 1 + i * 409 + ((i * 37) % 400) } : {}),
          ...row,
          customer_search_name: customers.get(row.customer_number)?.search_name ?? '',
          channel: 'phone',
          description,
          verified: 0,
          created_by: 'ana',
          updated_at: row.created_at,
          version: 1,
          urgent: 0,
          documents_needed: 0,
        })
        .execute();
    }
  });
  afterAll(() => database.close());

  /** The reports a plain reading of the filters gives, in the view's order. */
  function expected(query: ReportListQuery, who: StaffUser): string[] {
    const sort = query.sort ?? 'promise';
    const at = (r: Stored) => (sort === 'promise' ? (r.due_at as string) : r.created_at);
    const text = query.q;
    const digits = text?.replace(/\D/g, '') ?? '';
    const byNumber = text !== undefined && /^(?=(?:\D*\d){3})[\d\s-]{3,20}$/.test(text);
    const rows = reports.filter((r) => {
      const customer = customers.get(r.customer_number);
      if (sort === 'promise' && r.due_at === null) return false;
      if (!who.roles.includes('admin') && !who.departments.includes(r.department_code ?? '')) return false;
      if (query.department && r.department_code !== query.department) return false;
      if (query.status && !query.status.includes(r.status as never)) return false;
      if (query.promise && (r.promise_state !== query.promise || !OPEN.includes(r.status))) return false;
      if (query.type && !query.type.includes(r.type as never)) return false;
      if (query.track && !query.track.includes(r.track as never)) return false;
      if (query.colonia && customer?.colonia !== query.colonia) return false;
      if (query.assignee === 'me' && r.assignee_id !== who.id) return false;
      if (query.assignee === 'none' && r.assignee_id !== null) return false;
      if (query.createdFrom && r.created_at < query.createdFrom) return false;
      if (query.createdTo && r.created_at > query.createdTo) return false;
      if (text !== undefined && byNumber) {
        const low = digits.slice(0, 10).padEnd(10, '0');
        const high = digits.length > 10 ? '' : digits.padEnd(10, '9');
        if (!((r.number >= low && r.number <= high) || [text, digits].includes(r.customer_number)))
          return false;
      } else if (text !== undefined) {
        const key = searchKey(text);
        if (
          !(r.customer_number === text || r.search_text.includes(key) || customer?.search_name.includes(key))
        )
          return false;
      }
      return true;
    });
    const direction = sort === '-created' ? -1 : 1;
    rows.sort((a, b) => direction * (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.number < b.number ? -1 : 1));
    return rows.map((r) => r.number);
  }

  /** Every page of the view, 7 rows a page, by cursor. */
  async function pages(query: ReportListQuery, who: StaffUser): Promise<string[]> {
    const ctx = { db: database.dialect.db, now: () => new Date(), sessionIdleMs: 1 };
    const numbers: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await listReports(ctx, { ...query, limit: 7, ...(cursor ? { cursor } : {}) }, who);
      numbers.push(...result.reports.map((r) => r.number));
      if (!result.nextCursor) return numbers;
      cursor = result.nextCursor;
    }
    throw new Error('more than 100 pages');
  }

  const backoffice = viewer('ana', ['backoffice'], ['facturacion']);
  const twoDepartments = viewer('ana', ['backoffice'], ['facturacion', 'atencion_clientes']);
  const admin = viewer('tomas', ['admin'], []);
  // Every department there is, but not the reports of none (read as one range, not by part).
  const supervisor = viewer(
    'ana',
    ['supervisor'],
    ['facturacion', 'atencion_clientes', 'soporte_tecnico', 'administracion'],
  );
  const open = OPEN as ReportListQuery['status'];
  const views: [string, ReportListQuery, StaffUser][] = [
    ['open, one department', { status: open, department: 'facturacion', limit: 7 }, backoffice],
    ['every status, one department', { department: 'facturacion', limit: 7 }, backoffice],
    ['every status, newest first', { department: 'facturacion', sort: '-created', limit: 7 }, backoffice],
    ['every status, oldest first', { department: 'facturacion', sort: 'created', limit: 7 }, backoffice],
    ['every status, by viewer’s one department', { sort: '-created', limit: 7 }, backoffice],
    ['every status, two departments', { limit: 7 }, twoDepartments],
    ['resolved only, everyone', { status: ['resolved'], limit: 7 }, admin],
    [
      'cancelled only, newest first',
      { status: ['cancelled'], department: 'facturacion', sort: '-created', limit: 7 },
      backoffice,
    ],
    ['every status, two departments, newest first', { sort: '-created', limit: 7 }, twoDepartments],
    ['open, two departments, oldest first', { status: open, sort: 'created', limit: 7 }, twoDepartments],
    ['every status, two departments, a word', { q: 'medidor', limit: 7 }, twoDepartments],
    [
      'every status, two departments, a name, newest first',
      { q: 'zuñiga', sort: '-created', limit: 7 },
      twoDepartments,
    ],
    [
      'an open and a rare closed status, two departments',
      { status: ['new', 'resolved'], limit: 7 },
      twoDepartments,
    ],
    [
      'every status but cancelled, two departments',
      { status: STATUSES.slice(0, 6) as ReportListQuery['status'], limit: 7 },
      twoDepartments,
    ],
    ['every status, everyone', { sort: '-created', limit: 7 }, admin],
    ['every status, every department', { limit: 7 }, supervisor],
    [
      'every status, every department, a word, newest first',
      { q: 'medidor', sort: '-created', limit: 7 },
      supervisor,
    ],
    ['every status, every department, oldest first', { sort: 'created', limit: 7 }, supervisor],
    ['every status, every department, colonia', { colonia: 'Centro', limit: 7 }, supervisor],
    [
      'every status, every department, created range',
      { createdFrom: '2026-10-20T00:00:00.000Z', createdTo: '2026-11-10T00:00:00.000Z', limit: 7 },
      supervisor,
    ],
    ['every status, every department, mine', { assignee: 'me', sort: '-created', limit: 7 }, supervisor],
    ['open, every department, newest first', { status: open, sort: '-created', limit: 7 }, supervisor],
    ['every status, every department, a rare word', { q: 'transformador', limit: 7 }, supervisor],
    [
      'closed statuses only',
      { status: ['resolved', 'closed'], department: 'facturacion', limit: 7 },
      backoffice,
    ],
    ['one open and one closed status', { status: ['new', 'closed'], limit: 7 }, admin],
    [
      'open, created range',
      {
        status: open,
        department: 'facturacion',
        createdFrom: '2026-10-20T00:00:00.000Z',
        createdTo: '2026-11-10T00:00:00.000Z',
        limit: 7,
      },
      backoffice,
    ],
    [
      'every status, created range',
      {
        department: 'facturacion',
        createdFrom: '2026-10-20T00:00:00.000Z',
        createdTo: '2026-11-10T00:00:00.000Z',
        limit: 7,
      },
      backoffice,
    ],
    [
      'every status, created range, newest first',
      { createdFrom: '2026-10-20T00:00:00.000Z', sort: '-created', limit: 7 },
      twoDepartments,
    ],
    [
      'open, colonia',
      { status: open, department: 'facturacion', colonia: 'San Miguel', limit: 7 },
      backoffice,
    ],
    ['every status, colonia', { colonia: 'Jardín', limit: 7 }, admin],
    ['open, at risk', { promise: 'at_risk', limit: 7 }, admin],
    ['open, mine', { status: open, assignee: 'me', limit: 7 }, backoffice],
    ['open, a number prefix', { status: open, department: 'facturacion', q: '2611-0', limit: 7 }, backoffice],
    ['every status, a long number prefix', { department: 'facturacion', q: '2610-00', limit: 7 }, backoffice],
    ['every status, a long number prefix, everyone', { q: '261100', sort: '-created', limit: 7 }, admin],
    ['every status, a customer number', { q: '100003', limit: 7 }, admin],
    ['open, a word', { status: open, q: 'medidor', limit: 7 }, admin],
    ['open, a name', { status: open, q: 'zuñiga', limit: 7 }, admin],
    ['every status, a word', { department: 'facturacion', q: 'transformador', limit: 7 }, backoffice],
    [
      'closed statuses, a word',
      { status: ['resolved', 'closed', 'cancelled'], q: 'transformador', limit: 7 },
      admin,
    ],
    ['every status, a name', { q: 'ibarra zuniga', limit: 7 }, admin],
    // "ana" is in descriptions ("dañado") and in a customer's name: the text index's candidates and
    // the named customer's reports together.
    ['every status, a word of descriptions and names', { q: 'ana', limit: 7 }, twoDepartments],
    ['every status, a word of descriptions and names, everyone', { q: 'Ana', limit: 7 }, admin],
    // A type or track is read value by value from its own index (migration 017).
    [
      'every status, one department, a type',
      { department: 'facturacion', type: ['fault'], limit: 7 },
      backoffice,
    ],
    ['every status, two departments, two types', { type: ['fault', 'complaint'], limit: 7 }, twoDepartments],
    ['open, everyone, a type', { status: open, type: ['billing_error'], limit: 7 }, admin],
    ['every status, everyone, a track', { track: ['external'], limit: 7 }, admin],
    // 5 departments (with none) × 3 types × 4 tracks × 2 halves: over MOST_KIND_PARTS, read as before.
    [
      'every status, everyone, three types',
      { type: ['fault', 'billing_error', 'complaint'], limit: 7 },
      admin,
    ],
    [
      'closed statuses, everyone, a type',
      { status: ['resolved', 'closed', 'cancelled'], type: ['complaint'], limit: 7 },
      admin,
    ],
    [
      'every status, every department, a type and two tracks',
      { type: ['fault'], track: ['technical', 'external'], limit: 7 },
      supervisor,
    ],
    [
      'every status, everyone, a type and a colonia',
      { type: ['complaint'], colonia: 'Centro', limit: 7 },
      admin,
    ],
    [
      'every status, unassigned, a track',
      { department: 'facturacion', assignee: 'none', track: ['review'], limit: 7 },
      backoffice,
    ],
    [
      'open, two statuses, a type',
      { status: ['new', 'assigned'], type: ['fault', 'fault'], limit: 7 },
      admin,
    ],
    ['every status, a type, newest first', { type: ['fault'], sort: '-created', limit: 7 }, twoDepartments],
    [
      'every status, everyone, a type, newest first',
      { type: ['complaint'], sort: '-created', limit: 7 },
      admin,
    ],
    [
      'every status, one department, a track, oldest first',
      { department: 'facturacion', track: ['review'], sort: 'created', limit: 7 },
      backoffice,
    ],
    [
      'open, everyone, two tracks, newest first',
      { status: open, track: ['review', 'external'], sort: '-created', limit: 7 },
      admin,
    ],
    ['resolved only, a type', { status: ['resolved'], type: ['fault'], limit: 7 }, admin],
    [
      'open, mine, two types',
      { status: open, assignee: 'me', type: ['complaint', 'fault'], limit: 7 },
      admin,
    ],
    [
      'every status, a name, one department',
      { department: 'facturacion', q: 'ibarra', sort: '-created', limit: 7 },
      backoffice,
    ],
  ];

  it('finds nothing for a word in no report and no customer, in every status', async () => {
    for (const q of ['nadie escribió esto', 'qqq-zzz']) {
      expect(await pages({ q, limit: 7 }, admin), q).toEqual([]);
      expect(await pages({ q, limit: 7, department: 'facturacion' }, backoffice), q).toEqual([]);
    }
  });

  it('lists nothing of a department the viewer may not see, whatever type, track or order is asked', async () => {
    for (const sort of ['promise', '-created'] as const)
      for (const query of [{ type: ['fault' as const] }, { track: ['review' as const] }, {}])
        expect(await pages({ department: 'soporte_tecnico', sort, ...query, limit: 7 }, backoffice)).toEqual(
          [],
        );
    // The same department for one who may see it: its reports (so the test above tests something).
    expect(
      (await pages({ department: 'soporte_tecnico', type: ['fault'], limit: 7 }, admin)).length,
    ).toBeGreaterThan(0);
  });

  it.each(views)('%s', async (_name, query, who) => {
    const want = expected(query, who);
    expect(want.length).toBeGreaterThan(7); // more than a page, so paging is tested
    expect(await pages(query, who)).toEqual(want);
  });

  // Last, since it changes the reports: promises moved later (a pause) and earlier (a re-routing),
  // and reports moved to another department, leave SQLite's promise zones with bounds that are
  // only lower than they need be (migration 019); the pages must not change from what a plain
  // reading gives.
  it('lists a word by promise exactly after promises and departments change', async () => {
    const db = database.dialect.db;
    const random = sequence(11);
    for (const [i, row] of reports.entries()) {
      if (i % 3 !== 0 || row.due_at === null) continue;
      const moved = {
        due_at: new Date(
          Date.parse(row.due_at) + (random(2) === 0 ? -1 : 1) * random(20 * 24) * 3_600_000,
        ).toISOString(),
        department_code:
          i % 2 === 0 ? (DEPARTMENTS[random(DEPARTMENTS.length)] ?? null) : row.department_code,
      };
      Object.assign(row, moved);
      await db.updateTable('reports').set(moved).where('number', '=', row.number).execute();
    }
    for (const [query, who] of [
      [{ q: 'transformador', limit: 7 }, supervisor],
      [{ q: 'transformador', department: 'facturacion', limit: 7 }, backoffice],
      [{ q: 'transformador', limit: 7 }, twoDepartments],
      [{ q: 'medidor', limit: 7 }, admin],
      [{ q: 'transformador', status: ['resolved', 'closed', 'cancelled'], limit: 7 }, admin],
    ] as [ReportListQuery, StaffUser][]) {
      const want = expected(query, who);
      expect(want.length, JSON.stringify(query)).toBeGreaterThan(7);
      expect(await pages(query, who), JSON.stringify(query)).toEqual(want);
    }
  });
});
