import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { type Harness, startHarness } from '../../test/support/harness.js';
import { DEMO_PASSWORD, DEMO_REPORTS } from '../db/demo-data.js';
import { loadDemoData } from './bootstrap.js';

describe.each(databaseKinds)('the demo data on $name', (kind) => {
  let h: Harness;
  let numbers: string[];
  const as = async (username: string) => h.signIn(username, DEMO_PASSWORD);
  const get = async (url: string, cookie: string) => {
    const response = await h.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    // A Thursday afternoon in Rioverde.
    h = await startHarness(kind, '2026-11-26T21:00:00Z');
    // Even with every notice channel switched on.
    const loaded = await loadDemoData({ ...h.ctx, noticeChannels: ['email', 'sms'] });
    numbers = loaded?.reports ?? [];
  });
  afterAll(() => h.close());

  it('files a day’s reports through Folio’s own use cases, each in its state', async () => {
    expect(numbers).toHaveLength(DEMO_REPORTS.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    const supervisor = await as('supervisor');
    const reports = await Promise.all(numbers.map((n) => get(`/api/v1/reports/${n}`, supervisor)));
    expect(reports.map((r) => r.status)).toEqual([
      'assigned',
      'in_progress',
      'new',
      'waiting_customer',
      'new',
      'new',
      'new',
      'new',
      'new',
      'resolved',
    ]);
    expect(reports.map((r) => r.verified)).toEqual(DEMO_REPORTS.map((d) => d.withInvoice));
    expect(reports.map((r) => r.department)).toEqual([
      'soporte_tecnico',
      'soporte_tecnico',
      'soporte_tecnico',
      'facturacion',
      'facturacion',
      // A question about the bill goes to billing; the change of holder to customer service.
      'facturacion',
      'atencion_clientes',
      'atencion_clientes',
      'atencion_clientes',
      'facturacion',
    ]);
    // Filed hours ago, so the queue has every promise state to show.
    expect(reports[1].promiseState).toBe('breached');
    expect(reports[2].promiseState).toBe('on_track');
    expect(reports[1].timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'filed',
      'assigned',
      'status_changed',
      'note',
    ]);
    expect(Date.parse(reports[1].createdAt)).toBe(Date.parse('2026-11-25T19:00:00Z'));
    expect(reports[3].documents.map((d: { item: string }) => d.item)).toEqual([
      'Comprobante del segundo pago',
    ]);
    expect(reports[9].timeline.at(-1).data.resolution).toMatch(/recibo nuevo/);
  });

  it('puts two faults, with their places, in the technician’s hands', async () => {
    const tecnico = await as('tecnico');
    const page = await get(
      '/api/v1/reports?assignee=me&type=fault&status=assigned,in_progress,waiting_customer',
      tecnico,
    );
    expect(page.reports.map((r: { number: string }) => r.number).sort()).toEqual(
      [numbers[0], numbers[1]].sort(),
    );
    const fault = await get(`/api/v1/reports/${numbers[0]}`, tecnico);
    expect(fault.location.text).toMatch(/Casa azul/);
    expect(typeof fault.location.lat).toBe('number');
  });

  it('sends the made-up customers no notices', async () => {
    const queued = await h.ctx.db
      .selectFrom('notice_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBe(0);
  });

  it('is loaded once: a database with customers gets nothing more', async () => {
    expect(await loadDemoData(h.ctx)).toBeNull();
    const count = await h.ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(DEMO_REPORTS.length);
  });
});
