import { crc32, deflateSync } from 'node:zlib';
import {
  type APIRequestContext,
  expect,
  type Locator,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { AGENT } from './env.js';

const DEMO_PASSWORD = 'folio-demo-2026';
const BACK_OFFICE = { username: 'facturacion', password: DEMO_PASSWORD };
const TECHNICIAN = { username: 'tecnico', password: DEMO_PASSWORD };
const SUPERVISOR = { username: 'supervisor', password: DEMO_PASSWORD };

/** A real PNG (a blue square with a white stripe), small enough to write here. */
function pngFile(size = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < size; x++) {
      const stripe = Math.abs(y - size / 2) < size / 8;
      rows.push(...(stripe ? [255, 255, 255] : [34, 102, 204]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A signed-in API client of its own (its own cookies), for what other people do meanwhile. */
/** Whether a badge's label is cut short (Mantine ends a label that does not fit with "…"). */
function labelIsCut(badge: Locator): Promise<boolean> {
  return badge.evaluate((element) => {
    const label = element.querySelector('.mantine-Badge-label') ?? element;
    return label.scrollWidth > label.clientWidth + 1;
  });
}

async function apiAs(baseURL: string | undefined, user: { username: string; password: string }) {
  const context = await playwrightRequest.newContext({ baseURL });
  const signIn = await context.post('/api/v1/session', { data: user });
  expect(signIn.status(), await signIn.text()).toBe(200);
  return context;
}

async function fileReport(api: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const response = await api.post('/api/v1/reports', { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).number;
}

async function signIn(page: Page, user: { username: string; password: string }) {
  const response = await page.request.post('/api/v1/session', { data: user });
  expect(response.status()).toBe(200);
}

const grouped = (number: string) => `${number.slice(0, 4)}-${number.slice(4, 9)}-${number.slice(9)}`;

test('back office takes a billing report from the queue, asks for a document, attaches it and resolves', async ({
  page,
  baseURL,
}) => {
  // The agent at the counter files it.
  const agent = await apiAs(baseURL, AGENT);
  const number = await fileReport(agent, {
    customerNumber: '100031',
    channel: 'office',
    type: 'billing_error',
    description: 'El recibo de noviembre cobra dos veces el cargo por reconexión.',
  });
  await agent.dispose();

  await signIn(page, BACK_OFFICE);
  await page.goto('/');
  await page.getByTestId('nav-queue').click();
  // Rosa works one department: the queue opens on it.
  await expect(page).toHaveURL(/\/cola\/facturacion$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cola · Facturación');

  // Two letters are too few for a word search: the page says so and does not ask.
  await page.getByTestId('queue-search').fill('ju');
  await expect(page.getByText('Escriba al menos 3 caracteres para buscar.')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page).not.toHaveURL(/q=ju/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Filters live in the address bar.
  await page.getByTestId('queue-search').fill(number);
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await page.getByLabel('Responsable', { exact: true }).selectOption({ label: 'Sin asignar' });
  await expect(page).toHaveURL(/assignee=none/);
  const row = page.locator(`tr[data-number="${number}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId('queue-table').locator('tbody tr')).toHaveCount(1);
  await expect(row).toContainText('Sin asignar');
  await expect(row).toContainText('En tiempo');

  // The same queue after a reload, from the address alone.
  await page.reload();
  await expect(page.getByTestId('queue-search')).toHaveValue(number);
  await expect(row).toBeVisible();

  // By keyboard: ↓ onto the row, T takes it.
  await page.getByTestId('queue-table').locator('tbody tr').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(row).toBeFocused();
  await page.keyboard.press('t');
  await expect(page.getByTestId('assign-outcome')).toContainText('Tomó 1 reporte.');
  // Taken, it no longer matches "sin asignar"; under "mías" it is there, and Enter opens it.
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.getByLabel('Responsable', { exact: true }).selectOption({ label: 'Mías' });
  await expect(row).toContainText('Usted');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/reportes/${number}$`));

  await expect(page.getByTestId('report-status')).toHaveText('Asignado');
  await expect(page.getByTestId('assignee-name')).toHaveText('Rosa Méndez (usted)');

  // Notes: one for staff, one the customer reads, each visibly marked.
  const notes = page.getByTestId('notes-panel');
  await notes.getByLabel('Nueva nota').fill('Revisar el historial de reconexiones en el sistema comercial.');
  await notes.getByRole('button', { name: 'Agregar nota' }).click();
  await expect(notes.getByTestId('notes-list').locator('li')).toHaveCount(1);
  await notes.getByLabel('Nueva nota').fill('Estamos revisando su recibo; le pediremos su identificación.');
  await notes.getByText('Visible para el cliente').click();
  await notes.getByRole('button', { name: 'Agregar nota' }).click();
  const noteItems = notes.getByTestId('notes-list').locator('li');
  await expect(noteItems).toHaveCount(2);
  await expect(noteItems.nth(0)).toHaveAttribute('data-visibility', 'customer');
  await expect(noteItems.nth(0)).toContainText('Visible para el cliente');
  await expect(noteItems.nth(1)).toHaveAttribute('data-visibility', 'internal');
  await expect(noteItems.nth(1)).toContainText('Interna');
  await expect(page.getByTestId('report-timeline')).toContainText(
    'Nota interna: Revisar el historial de reconexiones',
  );

  // Ask for a copy of the ID: the report waits on the customer, the clock stops.
  const documents = page.getByTestId('documents-panel');
  await documents.getByLabel('Copia de identificación').check();
  await documents.getByRole('button', { name: 'Solicitar documentos' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('En espera del cliente');
  await expect(documents.getByTestId('documents-list')).toContainText('Copia de identificación');
  await expect(documents).toContainText('1 pendiente');
  await expect(page.getByTestId('promise-standing')).toHaveText('Reloj detenido: en espera del cliente');
  // In the queue the longest status reads whole, not cut to "En espera del clie…", on a
  // 1024-pixel screen too (where the table squeezes its columns).
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/cola/facturacion?assignee=me');
  const queueStatus = page.locator(`tr[data-number="${number}"]`).getByTestId('queue-status');
  await expect(queueStatus).toHaveText('En espera del cliente');
  expect(await labelIsCut(queueStatus)).toBe(false);
  // Nor is the report number broken at a dash onto two lines.
  const queueNumber = page.locator(`tr[data-number="${number}"]`).getByTestId('queue-number');
  const { height, lineHeight } = await queueNumber.evaluate((element) => ({
    height: element.getBoundingClientRect().height,
    lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
  }));
  expect(height).toBeLessThan(lineHeight * 1.5);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goBack();
  await expect(page.getByTestId('report-status')).toHaveText('En espera del cliente');

  // The customer brings it; it is scanned and attached.
  const attachments = page.getByTestId('attachments-panel');
  await attachments.locator('input[type="file"]').setInputFiles({
    name: 'identificacion.png',
    mimeType: 'image/png',
    buffer: pngFile(),
  });
  const thumbnail = attachments.getByTestId('attachment-thumbnail');
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute('alt', 'identificacion.png');
  // Drawn from the download address under the page's CSP.
  await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48);
  await expect(page.getByTestId('report-timeline')).toContainText('Archivo adjunto: identificacion.png');

  await documents.getByRole('button', { name: 'Marcar como recibido: Copia de identificación' }).click();
  await expect(documents).toContainText('Todos recibidos');
  await expect(documents.getByTestId('documents-list').locator('li')).toHaveAttribute(
    'data-received',
    'true',
  );
  await expect(page.getByTestId('report-timeline')).toContainText(
    'Documento recibido: Copia de identificación',
  );

  // Resolved, with what was done for the customer to read.
  await page.getByTestId('workflow-actions').getByRole('button', { name: 'Resolver', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Resolución')
    .fill('Se canceló el cargo duplicado; el saldo se ajusta en el próximo recibo.');
  await dialog.getByRole('button', { name: 'Resolver', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('report-status')).toHaveText('Resuelto');
  // A finished report offers no more assignment nor document requests.
  await expect(page.getByTestId('assignee-panel').getByRole('button')).toHaveCount(0);
  await expect(documents.getByRole('button', { name: 'Solicitar documentos' })).toHaveCount(0);

  const saved = await (await page.request.get(`/api/v1/reports/${number}`)).json();
  expect(saved.status).toBe('resolved');
  expect(saved.assignee.username).toBe('facturacion');
  expect(saved.attachments).toHaveLength(1);
  expect(saved.attachments[0].contentType).toBe('image/png');
  expect(saved.documents[0].receivedAt).not.toBeNull();
});

test('a supervisor ticks reports in the queue and hands them all to a technician', async ({
  page,
  baseURL,
}) => {
  const agent = await apiAs(baseURL, AGENT);
  const marker = `poste${Date.now().toString(36)}`;
  const numbers = [];
  for (const customerNumber of ['100043', '100044']) {
    numbers.push(
      await fileReport(agent, {
        customerNumber,
        channel: 'phone',
        type: 'fault',
        description: `Sin servicio en la cuadra; cable caído del ${marker}.`,
        location: { text: 'Esquina con la calle Morelos' },
      }),
    );
  }
  await agent.dispose();

  await signIn(page, SUPERVISOR);
  await page.goto(`/cola/soporte_tecnico?q=${marker}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cola · Soporte técnico');
  const rows = page.getByTestId('queue-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Marcar todos los reportes mostrados').check();
  const bulk = page.getByTestId('bulk-assign');
  await expect(bulk).toContainText('2 reportes marcados');
  await bulk.getByLabel('Asignar a').fill('tecnico');
  await bulk.getByRole('button', { name: 'Asignar', exact: true }).click();
  await expect(page.getByTestId('assign-outcome')).toContainText('Se asignaron 2 reportes a tecnico.');
  await expect(bulk).toHaveCount(0);
  for (const number of numbers) {
    await expect(page.locator(`tr[data-number="${number}"]`)).toContainText('Jorge Ramírez');
    await expect(page.locator(`tr[data-number="${number}"]`)).toContainText('Asignado');
  }
});

test('a supervisor hands a report to someone of its department, chosen by keyboard from "Asignar a…"', async ({
  page,
  baseURL,
}) => {
  const agent = await apiAs(baseURL, AGENT);
  const number = await fileReport(agent, {
    customerNumber: '100033',
    channel: 'phone',
    type: 'billing_error',
    description: 'El recibo de octubre trae un cargo por instalación que nunca se hizo.',
  });
  await agent.dispose();

  await signIn(page, SUPERVISOR);
  await page.goto(`/reportes/${number}`);
  const panel = page.getByTestId('assignee-panel');
  await expect(panel.getByTestId('assignee-name')).toHaveText(
    'Sin asignar: está en la cola del departamento.',
  );
  await panel.getByRole('button', { name: 'Asignar a…' }).click();

  // Facturación's people are offered by name, with nothing to remember or type.
  const input = panel.getByLabel('Asignar a', { exact: true });
  await input.focus();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveText([/^Carmen Torres\s*supervisor$/, /^Rosa Méndez\s*facturacion$/]);
  await expect(panel).not.toContainText('Escriba el usuario');

  // Part of a name (no accent needed) narrows the list; ↓ and Enter choose, Enter again assigns.
  await page.keyboard.type('mendez');
  await expect(options).toHaveText([/^Rosa Méndez/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('facturacion');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.keyboard.press('Enter');

  await expect(panel.getByTestId('assignee-name')).toHaveText('Rosa Méndez');
  await expect(page.getByTestId('report-status')).toHaveText('Asignado');
  await expect(input).toHaveCount(0);
  const saved = await (await page.request.get(`/api/v1/reports/${number}`)).json();
  expect(saved.assignee).toEqual({ username: 'facturacion', name: 'Rosa Méndez' });
});

test.describe('on a phone', () => {
  // 360 pixels: the narrowest phone screen in common use (many Android phones); 390 is an iPhone's.
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  test('the technician starts his fault and resolves it with a photo', async ({ page, baseURL }) => {
    const agent = await apiAs(baseURL, AGENT);
    const number = await fileReport(agent, {
      customerNumber: '100042',
      channel: 'phone',
      type: 'fault',
      urgent: true,
      description: 'Sin servicio desde la mañana; el módem no enciende la luz de línea.',
      location: { text: 'Casa de dos pisos, portón verde, junto a la tienda', lat: 21.93421, lng: -99.99015 },
    });
    await agent.dispose();

    // The supervisor hands it to Jorge.
    const supervisor = await apiAs(baseURL, SUPERVISOR);
    const assigned = await supervisor.post(`/api/v1/reports/${number}/assignment`, {
      data: { assignee: 'tecnico' },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);
    await supervisor.dispose();

    // Signing in on the phone lands on his faults.
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Usuario' }).fill(TECHNICIAN.username);
    await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(TECHNICIAN.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page).toHaveURL(/\/tecnico$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mis fallas');

    const card = page.locator(`[data-testid="fault-card"][data-number="${number}"]`);
    await expect(card).toBeVisible();
    await expect(card).toContainText(grouped(number));
    await expect(card.getByTestId('fault-status')).toHaveText('Asignado');
    expect(await labelIsCut(card.getByTestId('fault-status'))).toBe(false);
    const customer = await (await page.request.get('/api/v1/customers/100042')).json();
    await expect(card.getByTestId('fault-customer')).toHaveText(customer.name);
    await expect(card.getByTestId('fault-address')).toContainText(`Col. ${customer.address.colonia}`);
    await expect(card.getByTestId('fault-location')).toContainText('portón verde');
    await expect(card.getByTestId('fault-call')).toHaveAttribute(
      'href',
      `tel:${customer.phone.replace(/\D/g, '')}`,
    );
    await expect(card.getByTestId('fault-map')).toHaveAttribute(
      'href',
      'geo:21.93421,-99.99015?q=21.93421,-99.99015',
    );
    await expect(card.getByTestId('fault-map-web')).toHaveAttribute(
      'href',
      'https://www.google.com/maps?q=21.93421,-99.99015',
    );
    // Nothing spills sideways on a phone, and the buttons are thumb-sized.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const start = card.getByRole('button', { name: 'Iniciar' });
    expect((await start.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);

    await start.tap();
    await expect(card.getByTestId('fault-status')).toHaveText('En proceso');
    expect(await labelIsCut(card.getByTestId('fault-status'))).toBe(false);
    await expect(card.getByRole('button', { name: 'Iniciar' })).toHaveCount(0);

    await card.getByRole('button', { name: 'Resolver' }).tap();
    const form = card.getByTestId('resolve-form');
    const photo = form.getByTestId('resolve-photo');
    await expect(photo).toHaveAttribute('accept', 'image/*');
    await expect(photo).toHaveAttribute('capture', 'environment');
    // Without saying what was done, nothing is sent.
    await form.getByRole('button', { name: 'Resolver' }).tap();
    await expect(form).toContainText('Describa qué se hizo para resolverlo.');
    await form
      .getByLabel('¿Qué se hizo?')
      .fill('Se cambió el conector dañado en el poste; el servicio quedó restablecido.');
    await photo.setInputFiles({ name: 'poste.png', mimeType: 'image/png', buffer: pngFile(64) });
    await expect(form.getByRole('img', { name: 'Foto elegida' })).toBeVisible();
    await form.getByRole('button', { name: 'Resolver' }).tap();

    await expect(page.getByTestId('fault-resolved')).toHaveText(`Reporte ${grouped(number)} resuelto.`);
    await expect(card).toHaveCount(0);

    const saved = await (await page.request.get(`/api/v1/reports/${number}`)).json();
    expect(saved.status).toBe('resolved');
    expect(saved.attachments).toHaveLength(1);
    expect(saved.attachments[0]).toMatchObject({ name: 'poste.png', contentType: 'image/png' });
    expect(saved.attachments[0].uploadedBy.username).toBe('tecnico');
    const resolvedEvent = saved.timeline.find(
      (e: { kind: string; data: { to?: string } }) => e.data.to === 'resolved',
    );
    expect(resolvedEvent.data.resolution).toContain('conector dañado');
  });
});
