import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { composeReportNumber } from '../src/core/report-number.js';
import { ADMIN, AGENT } from './env.js';

const CUSTOMER = {
  number: 'E2E-7710',
  name: 'Rosa Elena Juárez Ibarra',
  lastInvoice: 'FAC-2026-10-7710',
};

/** What the billing system would push: a customer with two invoices, the newest last. */
async function createCustomer(request: APIRequestContext) {
  const signIn = await request.post('/api/v1/session', { data: ADMIN });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const put = await request.put(`/api/v1/customers/${CUSTOMER.number}`, {
    data: {
      name: CUSTOMER.name,
      phone: '487 555 0142',
      address: {
        street: 'Zaragoza',
        number: '214',
        colonia: 'El Refugio',
        city: 'Rioverde, S.L.P.',
        postalCode: '79610',
      },
      billingCycleDay: 12,
      invoices: [
        { number: 'FAC-2026-09-7710', issuedAt: '2026-09-12' },
        { number: CUSTOMER.lastInvoice, issuedAt: '2026-10-12' },
      ],
    },
  });
  expect([200, 201], await put.text()).toContain(put.status());
}

async function signInAsAgent(page: Page) {
  const response = await page.request.post('/api/v1/session', { data: AGENT });
  expect(response.status()).toBe(200);
  await page.goto('/');
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();
}

test('an agent files a fault by keyboard alone and finds it again by its number', async ({
  page,
  request,
}) => {
  await createCustomer(request);
  await page.goto('/');

  // Sign in: the username field has focus, Tab moves on, Enter submits.
  await expect(page.getByRole('heading', { name: /Iniciar sesión/ })).toBeVisible();
  await expect(page.getByLabel('Usuario')).toBeFocused();
  await page.keyboard.type(AGENT.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(AGENT.password);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('signed-in-user')).toHaveText('Ana López (ventanilla)');
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();

  // Accent-less name search; arrows move through the results, Enter chooses.
  await page.keyboard.type('juarez');
  const wanted = page.getByRole('option', { name: new RegExp(CUSTOMER.name) });
  await expect(wanted).toBeVisible();
  const highlighted = page.locator('[role="option"][data-combobox-selected]');
  await expect(highlighted).toHaveCount(1);
  for (let step = 0; step < 20 && !(await highlighted.textContent())?.includes(CUSTOMER.name); step++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(highlighted).toContainText(CUSTOMER.name);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: CUSTOMER.name })).toBeVisible();
  await expect(page.getByText('Zaragoza 214')).toBeVisible();
  await expect(page.getByText('Col. El Refugio')).toBeVisible();
  await expect(page.getByText('Rioverde, S.L.P., C.P. 79610')).toBeVisible();
  await expect(page.getByText('Día 12 de cada mes')).toBeVisible();

  // The last invoice: focus is already there.
  await expect(page.getByLabel('Último número de factura')).toBeFocused();
  await page.keyboard.type(CUSTOMER.lastInvoice);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Factura verificada')).toBeVisible();

  // The form: type by typing its name into the focused select, then Tab through.
  const typeSelect = page.getByLabel('Tipo de reporte');
  await expect(typeSelect).toBeFocused();
  await page.keyboard.type('Falla');
  await expect(typeSelect.locator('option:checked')).toHaveText('Falla');
  await page.keyboard.press('Tab'); // channel: Oficina by default
  await expect(page.getByRole('radio', { name: 'Oficina' })).toBeChecked();
  await page.keyboard.press('Tab');
  const description =
    'Sin servicio desde las 7 de la mañana; el medidor no marca consumo y hay fuga en la banqueta.';
  await expect(page.getByLabel('Descripción del problema')).toBeFocused();
  await page.keyboard.type(description);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Ubicación exacta')).toBeFocused();
  await page.keyboard.type('Zaragoza 214 entre Hidalgo y Morelos, frente a la tienda');
  await page.keyboard.press('Enter');

  // The number, large and grouped, to read to the customer.
  await expect(page.getByText('Reporte levantado').first()).toBeVisible();
  const bigNumber = page.getByTestId('report-number');
  await expect(bigNumber).toHaveText(/^\d{4}-\d{5}-\d$/);
  const grouped = (await bigNumber.textContent()) ?? '';
  await expect(page.getByTestId('filed-report')).toContainText(CUSTOMER.name);
  await expect(page.getByTestId('filed-report')).toContainText('Falla');
  if (process.env.FOLIO_E2E_SCREENSHOT) await page.screenshot({ path: process.env.FOLIO_E2E_SCREENSHOT });

  // Any time: "/" jumps to "buscar reporte"; Enter opens the report.
  await page.keyboard.press('/');
  const lookup = page.getByLabel('Buscar reporte');
  await expect(lookup).toBeFocused();
  await page.keyboard.type(grouped);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/reportes/${grouped.replaceAll('-', '')}$`));
  await expect(page.getByTestId('report-number')).toHaveText(grouped);
  await expect(page.getByTestId('report-description')).toHaveText(description);
  await expect(page.getByTestId('report-status')).toHaveText('Nuevo');
  await expect(page.getByText(`${CUSTOMER.number} · ${CUSTOMER.name}`)).toBeVisible();
  await expect(page.getByText('Verificado con factura')).toBeVisible();
  await expect(page.getByTestId('report-timeline')).toContainText('Reporte levantado');
  await expect(page.getByTestId('report-timeline')).toContainText('Ana López (ventanilla)');
});

test('a number with a wrong check digit is caught as it is typed and opens nothing', async ({ page }) => {
  await signInAsAgent(page);
  const valid = composeReportNumber('2611', 42);
  const lastDigit = Number(valid.at(-1));
  const mistyped = `${valid.slice(0, 4)}-${valid.slice(4, 9)}-${(lastDigit + 1) % 10}`;

  await page.keyboard.press('Alt+B');
  const lookup = page.getByLabel('Buscar reporte');
  await expect(lookup).toBeFocused();
  await page.keyboard.type(mistyped.slice(0, 6));
  await expect(page.getByText('10 dígitos, p. ej. 2611-00042-7')).toBeVisible();
  await expect(page.getByText('Dígito verificador incorrecto, revise el número.')).toHaveCount(0);

  await page.keyboard.type(mistyped.slice(6));
  await expect(page.getByText('Dígito verificador incorrecto, revise el número.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Dígito verificador incorrecto, revise el número.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Atender cliente' })).toBeVisible();
});

test('a too-short description is refused with the Spanish message, and nothing is filed', async ({
  page,
}) => {
  await signInAsAgent(page);
  await page.keyboard.type('100001');
  await expect(page.getByRole('option', { name: /100001/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Último número de factura')).toBeFocused();

  await page.getByLabel('Tipo de reporte').selectOption({ label: 'Queja' });
  await page.getByLabel('Descripción del problema').fill('Muy mal');
  await page.getByRole('button', { name: 'Levantar reporte' }).click();

  await expect(
    page.getByText('Describa el problema con detalle: entre 10 y 5,000 caracteres.'),
  ).toBeVisible();
  await expect(page.getByLabel('Descripción del problema')).toBeFocused();
  await expect(page.getByLabel('Descripción del problema')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('report-number')).toHaveCount(0);
});
