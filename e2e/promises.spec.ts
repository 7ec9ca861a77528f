import { expect, type Page, test } from '@playwright/test';
import { AGENT } from './env.js';

async function signInAsAgent(page: Page) {
  const response = await page.request.post('/api/v1/session', { data: AGENT });
  expect(response.status()).toBe(200);
  await page.goto('/');
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();
}

async function chooseCustomer(page: Page, customerNumber: string) {
  await page.keyboard.type(customerNumber);
  await expect(page.getByRole('option', { name: new RegExp(customerNumber) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Último número de factura')).toBeFocused();
}

/** The preview once it matches the options on screen (not a previous answer shown dimmed). */
async function settledPreview(page: Page) {
  const preview = page.getByTestId('promise-preview');
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  return preview;
}

async function changeStatus(page: Page, button: string, text?: { label: string; value: string }) {
  await page.getByTestId('workflow-actions').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (text) await dialog.getByLabel(text.label).fill(text.value);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('the promise read to the customer before filing is the one filed, and pauses and resolving keep it', async ({
  page,
}) => {
  await signInAsAgent(page);
  await chooseCustomer(page, '100007');

  const preview = page.getByTestId('promise-preview');
  await expect(preview).toContainText('Elija el tipo de reporte para ver la promesa.');
  await page.getByLabel('Tipo de reporte').selectOption({ label: 'Error en datos de facturación' });
  await settledPreview(page);
  const sentence = preview.getByTestId('promise-preview-text');
  await expect(sentence).toHaveText(
    /^Su reporte quedará resuelto (a más tardar el|antes del) \S+ \d+ de \S+ de \d{4}/,
  );
  await expect(preview.getByTestId('promise-preview-route')).toHaveText('Revisión o trámite · Facturación');
  const promised = (await sentence.textContent()) ?? '';

  await page
    .getByLabel('Descripción del problema')
    .fill('El recibo de octubre trae un consumo de 80 m³ y la lectura real del medidor es de 18 m³.');
  await page.getByRole('button', { name: 'Levantar reporte' }).click();

  const filed = page.getByTestId('filed-report');
  await expect(filed).toBeVisible();
  await expect(filed.getByTestId('promise-text')).toHaveText(promised);
  await expect(filed).toContainText('Facturación');
  await filed.getByRole('link', { name: 'Ver reporte' }).click();

  // The report page: the same promise, counting down in green, on the review track.
  await expect(page.getByTestId('report-status')).toHaveText('Nuevo');
  await expect(page.getByTestId('promise-text')).toHaveText(promised);
  const standing = page.getByTestId('promise-standing');
  await expect(standing).toHaveText(/^Faltan /);
  await expect(standing).toHaveAttribute('data-standing', 'on_track');
  await expect(page.getByTestId('report-track')).toHaveText('Revisión o trámite');
  await expect(page.getByTestId('report-department')).toHaveText('Facturación');
  // Only what the workflow table allows from "nuevo" (assigning is not offered here).
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText([
    'Iniciar',
    'En espera del cliente',
    'Resolver',
    'Cancelar',
    'Canalizar',
  ]);

  // Waiting on the customer: the clock stops.
  await changeStatus(page, 'En espera del cliente', {
    label: 'Motivo (opcional)',
    value: 'Traerá una foto del medidor con la lectura',
  });
  await expect(page.getByTestId('report-status')).toHaveText('En espera del cliente');
  await expect(standing).toHaveText('Reloj detenido: en espera del cliente');
  await expect(page.getByTestId('pauses-list').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('pauses-list')).toContainText('(en curso)');
  const timeline = page.getByTestId('report-timeline');
  await expect(timeline).toContainText('En espera del cliente');
  await expect(timeline).toContainText('Motivo: Traerá una foto del medidor con la lectura');
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText([
    'Reanudar',
    'Resolver',
    'Cancelar',
    'Canalizar',
  ]);

  // The customer answered: the clock runs again.
  await changeStatus(page, 'Reanudar');
  await expect(page.getByTestId('report-status')).toHaveText('En proceso');
  await expect(standing).toHaveText(/^Faltan /);
  await expect(page.getByTestId('pauses-list')).not.toContainText('(en curso)');
  await expect(timeline).toContainText('Reanudado; nueva promesa');

  // Resolving asks for what was done, then records the promise as kept.
  await page.getByTestId('workflow-actions').getByRole('button', { name: 'Resolver', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Resolver', exact: true }).click();
  await expect(dialog.getByText('Describa qué se hizo para resolverlo.')).toBeVisible();
  await dialog.getByLabel('Resolución').fill('Se corrigió la lectura a 18 m³ y se emitió un recibo nuevo.');
  await dialog.getByRole('button', { name: 'Resolver', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('report-status')).toHaveText('Resuelto');
  await expect(standing).toHaveText(/Promesa cumplida/);
  await expect(timeline).toContainText(
    'Resuelto: Se corrigió la lectura a 18 m³ y se emitió un recibo nuevo. — promesa cumplida',
  );
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText(['Cerrar', 'Reabrir']);
});

test('a fault outside the company asks for the cause next to the option and promises the chosen days', async ({
  page,
}) => {
  await signInAsAgent(page);
  await chooseCustomer(page, '100012');
  await page.getByLabel('Tipo de reporte').selectOption({ label: 'Falla' });
  const preview = await settledPreview(page);
  await expect(preview.getByTestId('promise-preview-route')).toHaveText('Soporte técnico · Soporte técnico');
  await expect(page.getByLabel('Urgente (sin servicio)')).toBeVisible();

  await page.getByLabel('Ajena a la empresa').check();
  await expect(page.getByLabel('Urgente (sin servicio)')).toHaveCount(0);
  await expect(page.getByLabel('Días prometidos')).toHaveValue('7');
  // The server wants a cause for the external track; its message sits next to the cause.
  await expect(
    page.getByText('Indique la causa: responsabilidad del cliente, desastre natural o siniestro.'),
  ).toBeVisible();
  await expect(preview).toContainText('Revise las opciones marcadas');

  await page.getByLabel('Causa').selectOption({ label: 'Responsabilidad del cliente' });
  await page.getByLabel('Días prometidos').selectOption('3');
  await settledPreview(page);
  await expect(preview.getByTestId('promise-preview-route')).toHaveText(
    'Fuera del servicio de la empresa · Soporte técnico',
  );
  const promised = (await preview.getByTestId('promise-preview-text').textContent()) ?? '';
  expect(promised).toMatch(/^Su reporte quedará resuelto/);

  await page
    .getByLabel('Descripción del problema')
    .fill('La toma interior del domicilio está rota; la fuga es dentro del predio del cliente.');
  await page.getByLabel('Ubicación exacta').fill('Calle Juárez 12, interior del patio');
  await page.getByRole('button', { name: 'Levantar reporte' }).click();
  await expect(page.getByTestId('filed-report')).toContainText('Fuera del servicio de la empresa');
  await page.getByRole('link', { name: 'Ver reporte' }).click();
  await expect(page.getByTestId('promise-panel')).toContainText('Responsabilidad del cliente · 3 días');
});

test('re-routing needs a reason and shows on the timeline; a change made meanwhile by someone else is caught', async ({
  page,
}) => {
  await signInAsAgent(page);
  await chooseCustomer(page, '100021');
  await page.getByLabel('Tipo de reporte').selectOption({ label: 'Queja' });
  await settledPreview(page);
  await page
    .getByLabel('Descripción del problema')
    .fill('El técnico dejó la banqueta abierta después de cambiar el medidor hace dos semanas.');
  await page.getByRole('button', { name: 'Levantar reporte' }).click();
  await page.getByTestId('filed-report').getByRole('link', { name: 'Ver reporte' }).click();
  await expect(page.getByTestId('report-department')).toHaveText('Atención a clientes');
  const number = new URL(page.url()).pathname.split('/').at(-1) ?? '';

  await page.getByTestId('workflow-actions').getByRole('button', { name: 'Canalizar' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Vía de atención').selectOption({ label: 'Soporte técnico' });
  await dialog.getByLabel('Departamento').selectOption({ label: 'Soporte técnico' });
  await dialog.getByRole('button', { name: 'Canalizar' }).click();
  await expect(dialog.getByText('Explique el motivo (de 3 a 1,000 caracteres).')).toBeVisible();
  await dialog.getByLabel('Motivo').fill('Requiere cuadrilla para cerrar la banqueta');
  await dialog.getByRole('button', { name: 'Canalizar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('report-department')).toHaveText('Soporte técnico');
  await expect(page.getByTestId('report-timeline')).toContainText(
    'Canalizado a Soporte técnico (técnica): Requiere cuadrilla para cerrar la banqueta',
  );

  // Another agent starts it while this one has the "Iniciar" dialog open.
  await page.getByTestId('workflow-actions').getByRole('button', { name: 'Iniciar' }).click();
  await expect(dialog).toBeVisible();
  const current = await page.request.get(`/api/v1/reports/${number}`);
  const { version } = (await current.json()) as { version: number };
  const elsewhere = await page.request.post(`/api/v1/reports/${number}/transitions`, {
    data: { to: 'waiting_customer', reason: 'Otra ventanilla' },
    headers: { 'If-Match': String(version) },
  });
  expect(elsewhere.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Iniciar' }).click();
  await expect(page.getByTestId('stale-version')).toContainText(
    'Otra persona modificó este reporte; vuelva a cargarlo.',
  );
  await expect(page.getByTestId('report-status')).toHaveText('En espera del cliente');
});
