import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { customerRow, reportRow, userRow } from '../../test/support/rows.js';
import type { StaffUser } from '../core/permissions.js';
import { REPORT_TYPES } from '../core/report.js';
import { TRACKS } from '../core/routing.js';
import { FEW_CUSTOMERS } from '../db/queue/queue-text.js';
import { listReports, type ReportListQuery } from './list-reports.js';

const sqlite = databaseKinds.find((kind) => kind.name === 'sqlite');
const OPEN = ['new', 'assigned', 'in_progress', 'waiting_customer'] as ReportListQuery['status'];

const viewer = (roles: StaffUser['roles'], departments: string[]): StaffUser => ({
  id: 'viewer',
  username: 'viewer',
  name: 'Viewer',
  roles,
  departments,
  mustChangePassword: false,
});

/**
 * The queue's default view, "still to be worked" in promise order, must be read from an index
 * in that order and stop after a page; sorting every open report of a million took 60–75 ms.
 */
describe('queue query plans (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!sqlite) throw new Error('SQLite is always tested');
    database = await sqlite.open();
  });
  afterAll(() => database.close());

  /** The list query's SQL (the statement that reads the page) as listReports wrote it last. */
  let lastSql = '';

  async function planOf(query: ReportListQuery, who: StaffUser): Promise<string> {
    const queries: CompiledQuery[] = [];
    const db = database.dialect.db.withPlugin({
      transformQuery: (args) => {
        queries.push(database.dialect.db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await listReports({ db, now: () => new Date(), sessionIdleMs: 1 }, query, who);
    // One statement; a subquery built by its own builder is compiled once more on its own.
    const query0 = queries.at(-1) as CompiledQuery;
    lastSql = query0.sql;
    expect(queries.filter((q) => q.sql.includes('"customers"."name"'))).toHaveLength(1);
    const { rows } = await database.dialect.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query0.sql}`, [...query0.parameters]),
    );
    return rows.map((row) => row.detail).join('\n');
  }

  it("reads a department's open reports in promise order from one index", async () => {
    const plan = await planOf(
      { status: OPEN, department: 'facturacion', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(
      /USING (COVERING )?INDEX reports_open_department \(department_code=\? AND is_open=\?/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('reads every open report in promise order for those who see all departments', async () => {
    const plan = await planOf({ status: OPEN, limit: 50 }, viewer(['agent'], []));
    expect(plan).toMatch(/USING (COVERING )?INDEX reports_open \(is_open=\?/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("reads a department's open reports newest first from one index", async () => {
    const plan = await planOf(
      { status: OPEN, department: 'facturacion', sort: '-created', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(
      /USING (COVERING )?INDEX reports_open_department_created \(department_code=\? AND is_open=\?/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("reads someone's own open reports in promise order from one index", async () => {
    const plan = await planOf(
      { status: OPEN, assignee: 'me', limit: 50 },
      viewer(['technician'], ['soporte_tecnico']),
    );
    expect(plan).toMatch(/USING (COVERING )?INDEX reports_open_assignee \(assignee_id=\? AND is_open=\?/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("reads the technician's page (three of the open statuses) from the same index", async () => {
    const plan = await planOf(
      {
        status: ['assigned', 'in_progress', 'waiting_customer'],
        assignee: 'me',
        type: ['fault'],
        limit: 100,
      },
      viewer(['technician'], ['soporte_tecnico']),
    );
    expect(plan).toMatch(/USING (COVERING )?INDEX reports_open_assignee \(assignee_id=\? AND is_open=\?/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('reads at-risk open reports in promise order from one index', async () => {
    const plan = await planOf(
      { promise: 'at_risk', department: 'facturacion', limit: 50 },
      viewer(['supervisor'], ['facturacion']),
    );
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('reads a filing-date range from one index and sorts its entries, not whole rows', async () => {
    const plan = await planOf(
      {
        status: OPEN,
        department: 'facturacion',
        createdFrom: '2026-11-19',
        createdTo: '2026-11-25',
        limit: 50,
      },
      viewer(['backoffice'], ['facturacion']),
    );
    // The page's keys from the range (promise dates are in the index entries), then 51 rows by
    // rowid: the table's own b-tree, not the number's index and then the table.
    expect(plan).toMatch(
      /SEARCH reports USING (COVERING )?INDEX reports_open_department_created \(department_code=\? AND is_open=\? AND created_at>\? AND created_at<\?\)/,
    );
    expect(plan).toMatch(/^SEARCH reports USING INTEGER PRIMARY KEY \(rowid=\?\)\nLIST SUBQUERY/);
    expect(plan).not.toMatch(/sqlite_autoindex_reports_1/);
    // The subquery does not join the customer (nothing in it reads one).
    expect(plan.match(/SEARCH customers/g)).toHaveLength(1);
  });

  it('reads the same range for every status, open and closed, not the whole department', async () => {
    const plan = await planOf(
      { department: 'facturacion', createdFrom: '2026-11-19', createdTo: '2026-11-25', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(
      /USING (COVERING )?INDEX reports_open_department_created \(department_code=\? AND is_open=\? AND created_at>\? AND created_at<\?\)/,
    );
  });

  it('reads a report-number prefix in promise order from one index', async () => {
    const plan = await planOf(
      { status: OPEN, department: 'facturacion', q: '2611-0', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(
      /USING (COVERING )?INDEX reports_open_department \(department_code=\? AND is_open=\? AND due_at>\?\)/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("tests each candidate's colonia in one customer index", async () => {
    const plan = await planOf(
      { status: OPEN, department: 'facturacion', colonia: 'San Miguel', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(
      /USING (COVERING )?INDEX reports_open_department \(department_code=\? AND is_open=\? AND due_at>\?\)/,
    );
    expect(plan).toMatch(
      /SEARCH customers USING INDEX customers_number_colonia \(customer_number=\? AND colonia=\?\)/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('reads every status of a department as its closed and open halves, each in order', async () => {
    const EVERY = [...(OPEN ?? []), 'resolved', 'closed', 'cancelled'] as ReportListQuery['status'];
    // The filter cleared, or every status ticked: the same reading.
    for (const status of [undefined, EVERY]) {
      const plan = await planOf(
        { department: 'facturacion', status, limit: 50 },
        viewer(['backoffice'], ['facturacion']),
      );
      expect(plan).toMatch(/UNION ALL/);
      expect(
        plan.match(/INDEX reports_open_department \(department_code=\? AND is_open=\? AND due_at>\?\)/g),
      ).toHaveLength(2);
    }
  });

  it("reads a type's or a track's reports part by part, each in promise order, not the department's", async () => {
    // A type rare in the department (none of facturación's reports is a fault) read the
    // department's every report to find none: 319 ms on 1,000,000.
    const kind =
      /INDEX reports_kind_promise \(department_code=\? AND type=\? AND track=\? AND is_open=\? AND due_at>\?\)/g;
    const backOffice = viewer(['backoffice'], ['facturacion']);
    const types = await planOf(
      { department: 'facturacion', type: ['fault', 'complaint'], limit: 50 },
      backOffice,
    );
    // Two types, each on the four tracks, closed and open: 16 short ranges.
    expect(types.match(kind)).toHaveLength(2 * TRACKS.length * 2);
    expect(types).not.toMatch(/reports_open_department|reports_queue_department/);
    // The viewer's departments are still tested, on each entry, as an expression.
    expect(lastSql).toMatch(/\("reports"\."department_code" \|\| ''\) = \?/);
    // Every department's open reports on a track: that track of each type in each department
    // there is, and in none (unrouted), open only.
    const departments = await database.dialect.db.selectFrom('departments').select('code').execute();
    const track = await planOf({ status: OPEN, track: ['external'], limit: 50 }, viewer(['agent'], []));
    expect(track.match(kind)).toHaveLength((departments.length + 1) * REPORT_TYPES.length);
    expect(lastSql).toMatch(/"reports"\."department_code" is null/);
    // Each part's limit is written into the statement: bound (`limit ?`), each empty part took
    // ~19 µs instead of ~7 µs (and ~1 µs inside the union), 60 parts 1.14 ms instead of 0.07.
    expect(lastSql).toMatch(/limit 51\)/);
    expect(lastSql).not.toMatch(/limit \?/);
    // A type and a colonia: the colonia tested on each report read, from the customers' index.
    const colonia = await planOf(
      { department: 'facturacion', type: ['fault'], track: ['technical'], colonia: 'San Miguel', limit: 50 },
      backOffice,
    );
    expect(colonia.match(kind)).toHaveLength(2);
    expect(colonia).toMatch(
      /SEARCH customers USING (COVERING )?INDEX customers_number_colonia \(customer_number=\? AND colonia=\?\)/,
    );
  });

  it("keeps a person's own reports on their own index when a type is asked for", async () => {
    const technician = viewer(['technician'], ['soporte_tecnico']);
    const own = await planOf({ status: OPEN, assignee: 'me', type: ['fault'], limit: 50 }, technician);
    expect(own).toMatch(/INDEX reports_open_assignee \(assignee_id=\?/);
    expect(own).not.toMatch(/reports_kind_promise/);
  });

  it("reads a type's reports newest first part by part from the filing-time index", async () => {
    // An agent's every-status `track=external`, newest first, read everything newest first to
    // find none: 692 ms on 1,000,000 reports.
    const newest = await planOf(
      { department: 'soporte_tecnico', type: ['fault'], sort: '-created', limit: 50 },
      viewer(['technician'], ['soporte_tecnico']),
    );
    // The four tracks and the reports with none (filed before promises), closed and open.
    expect(
      newest.match(
        /INDEX reports_kind_created \(department_code=\? AND type=\? AND track=\? AND is_open=\?\)/g,
      ),
    ).toHaveLength((TRACKS.length + 1) * 2);
    expect(newest).not.toMatch(/reports_open_department_created|reports_kind_promise/);
    expect(lastSql).toMatch(/"reports"\."track" is null/);
  });

  it('reads a list of open and rare closed statuses status by status, not the closed half in order', async () => {
    // The closed half would skip every closed report to find the few resolved ones
    // (300 ms on 1,000,000 reports); the status index reads just those.
    const plan = await planOf(
      { department: 'facturacion', status: ['new', 'resolved'], limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    expect(plan).toMatch(/INDEX reports_queue_department \(department_code=\? AND status=\?/);
    expect(plan).not.toMatch(/UNION ALL|reports_open_department/);
  });

  it("reads a supervisor's every-status queue department by department, each half in order", async () => {
    const supervisor = viewer(['supervisor'], ['facturacion', 'soporte_tecnico', 'atencion_clientes']);
    for (const sort of ['promise', '-created'] as const) {
      const plan = await planOf({ sort, limit: 50 }, supervisor);
      const index = sort === 'promise' ? 'reports_open_department' : 'reports_open_department_created';
      // Three departments, a closed and an open half each: six short ranges, none sorted whole.
      expect(
        plan.match(new RegExp(`INDEX ${index} \\(department_code=\\? AND is_open=\\?`, 'g')),
      ).toHaveLength(6);
      expect(plan).not.toMatch(/INDEX reports_(due|created|queue_status)\b/);
    }
  });

  it('reads every status of a supervisor of every department as one range in order', async () => {
    const supervisor = viewer(
      ['supervisor'],
      ['facturacion', 'soporte_tecnico', 'atencion_clientes', 'administracion'],
    );
    // (A common word searched adds conditions on the row that no index serves: the same plan.)
    for (const sort of ['promise', '-created'] as const) {
      const plan = await planOf({ sort, limit: 50 }, supervisor);
      expect(plan).toMatch(new RegExp(`INDEX ${sort === 'promise' ? 'reports_due' : 'reports_created'}\\b`));
      expect(plan).not.toMatch(/UNION ALL|reports_open_department|reports_queue_department/);
    }
    // Open reports only: the open indexes hold every department in order already.
    const open = await planOf({ status: OPEN, limit: 50 }, supervisor);
    expect(open).toMatch(/INDEX reports_open \(is_open=\?/);
    expect(open).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('reads open reports of several departments by filing date department by department', async () => {
    const plan = await planOf(
      { status: OPEN, sort: 'created', limit: 50 },
      viewer(['supervisor'], ['facturacion', 'soporte_tecnico']),
    );
    expect(
      plan.match(/INDEX reports_open_department_created \(department_code=\? AND is_open=\?\)/g),
    ).toHaveLength(2);
  });

  it("tests the colonia on each report read, not starting from the colonia's customers", async () => {
    const supervisor = viewer(['supervisor'], ['facturacion', 'soporte_tecnico']);
    const open = await planOf({ status: OPEN, colonia: 'San Miguel', limit: 50 }, supervisor);
    expect(open).toMatch(/INDEX reports_open \(is_open=\?/);
    const everyone = await planOf(
      { colonia: 'San Miguel', sort: '-created', limit: 50 },
      viewer(['admin'], []),
    );
    for (const plan of [open, everyone]) expect(plan).not.toMatch(/customers_colonia/);
  });

  it('reads resolved reports (a week of them, at the newest end) by status, not the closed half', async () => {
    const plan = await planOf({ status: ['resolved'], limit: 50 }, viewer(['admin'], []));
    expect(plan).toMatch(/INDEX reports_queue_status \(status=\?/);
    expect(plan).not.toMatch(/INDEX reports_open \(is_open=\?/);
  });
  it("tests a common name over a department's every status on index entries alone", async () => {
    // More customers named so than a search fetches by key: the name is common, and each
    // report is tested as the department's halves are read in promise order.
    const at = new Date().toISOString();
    const customers = Array.from({ length: FEW_CUSTOMERS + 1 }, (_, i) =>
      customerRow(String(300_000 + i), `Cliente Zúñiga ${i}`, at),
    );
    for (let i = 0; i < customers.length; i += 500)
      await database.dialect.db
        .insertInto('customers')
        .values(customers.slice(i, i + 500))
        .execute();
    const plan = await planOf(
      { department: 'facturacion', q: 'zuniga', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    // Both halves read from the index in promise order, and the name (and the customer number
    // it could be) is on its entries (migration 015): SQLite tests an entry before it seeks the
    // report's row (a deferred seek), so only the rows of entries that pass are read. (Not shown
    // as COVERING: `is_open` is a virtual column.)
    expect(
      plan.match(/INDEX reports_open_department \(department_code=\? AND is_open=\? AND due_at>\?\)/g),
    ).toHaveLength(2);
    const { rows } = await database.dialect.db.executeQuery<{ name: string }>(
      CompiledQuery.raw(`select name from pragma_index_info('reports_open_department')`),
    );
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['due_at', 'number', 'customer_number', 'customer_search_name']),
    );
  });

  it("sorts a rare name's reports by promise on index entries alone", async () => {
    const at = new Date().toISOString();
    await database.dialect.db
      .insertInto('customers')
      .values(customerRow('400001', 'Rosa Ibarra Zúñiga', at))
      .execute();
    const plan = await planOf({ q: 'ibarra zuniga', limit: 50 }, viewer(['agent'], []));
    expect(plan).toMatch(/SEARCH reports USING COVERING INDEX reports_customer \(customer_number=\?\)/);
  });
  it("tests a word's candidates for the viewer's department before the word", async () => {
    const at = new Date().toISOString();
    await database.dialect.db
      .insertInto('customers')
      .values(customerRow('400002', 'Pedro Rangel', at))
      .execute();
    await database.dialect.db
      .insertInto('users')
      .values(userRow(at, 'u1', ['agent']))
      .execute();
    await database.dialect.db
      .insertInto('reports')
      .values({
        ...(reportRow('2611000901', '400002', 'Transformador quemado en la esquina.', at) as object),
        department_code: 'facturacion',
        due_at: at,
      } as never)
      .execute();
    const plan = await planOf(
      { department: 'facturacion', q: 'transformador', limit: 50 },
      viewer(['backoffice'], ['facturacion']),
    );
    // The query starts from the candidates (those of the promise zones read: promise-zones.ts)
    // and reads each report by rowid: no temporary index of the candidates for `rowid in (…)`,
    // no OR of indexes.
    expect(plan).toMatch(
      /SCAN (candidate|json_each VIRTUAL TABLE INDEX \d+:)\nSEARCH reports USING INTEGER PRIMARY KEY \(rowid=\?\)/,
    );
    expect(plan).not.toMatch(/MULTI-INDEX OR/);
    // On each, the department first, then the word; the department once (the one asked for is
    // the viewer's).
    expect(lastSql).toMatch(
      /\("reports"\."department_code" \|\| ''\) = \? and "reports"\."search_text" like \?/,
    );
    expect(lastSql).not.toMatch(/"department_code" \|\| ''\) in/);
  });
});
