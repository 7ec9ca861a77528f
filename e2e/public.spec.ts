import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { composeReportNumber } from '../src/core/report-number.js';
import { ADMIN, AGENT } from './env.js';

/** A customer of this spec's own, so the "last invoice" does not depend on today's date. */
const CUSTOMER = {
  number: 'E2E-5501',
  name: 'Martha Patricia Zúñiga Rangel',
  lastInvoice: 'FPUB-2026-10-5501',
};

async function createCustomer(request: APIRequestContext) {
  const signIn = await request.post('/api/v1/session', { data: ADMIN });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const put = await request.put(`/api/v1/customers/${CUSTOMER.number}`, {
    data: {
      name: CUSTOMER.name,
      phone: '487 555 0199',
      address: {
        street: 'Centenario',
        number: '118',
        colonia: 'Centro',
        city: 'Rioverde, S.L.P.',
        postalCode: '79610',
      },
      billingCycleDay: 5,
      invoices: [
        { number: 'FPUB-2026-09-5501', issuedAt: '2026-09-05' },
        { number: CUSTOMER.lastInvoice, issuedAt: '2026-10-05' },
      ],
    },
  });
  expect([200, 201], await put.text()).toContain(put.status());
}

/** The public pages must not ask who is signed in: customers have no session. */
function watchSessionRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/v1/session')) asked.push(request.url());
  });
  return asked;
}

test.describe('customers on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a customer files a fault on the web, then follows it up with the number', async ({
    page,
    request,
  }) => {
    await createCustomer(request);
    const sessionRequests = watchSessionRequests(page);

    await page.goto('/reportar');
    await expect(page.getByRole('heading', { name: 'Reportar un problema', level: 1 })).toBeVisible();
    // No staff sign-in anywhere, and the office in the footer.
    await expect(page.getByRole('heading', { name: /Iniciar sesión/ })).toHaveCount(0);
    const footer = page.getByTestId('public-footer');
    await expect(footer).toContainText('Centenario 322, Rioverde, S.L.P. 79610');
    await expect(footer.getByRole('link', { name: /\+52 487 873 1703/ })).toHaveAttribute(
      'href',
      'tel:+524878731703',
    );
    await expect(footer.getByRole('link', { name: /\+52 487 101 1684/ })).toBeVisible();

    // The honeypot is there for robots, out of sight and out of the tab order.
    const honeypot = page.locator('input[name="website"]');
    await expect(honeypot).toHaveAttribute('tabindex', '-1');
    await expect(honeypot).toHaveAttribute('autocomplete', 'off');
    await expect(honeypot).not.toBeInViewport();

    // Everything empty: each input says what it needs, in Spanish, from the shared schema.
    await page.getByRole('button', { name: 'Enviar reporte' }).click();
    await expect(page.getByText('Este dato es obligatorio.')).toHaveCount(2);
    await expect(page.getByText('Elija el tipo de reporte.')).toBeVisible();
    await expect(page.getByLabel(/Número de cliente/)).toBeFocused();

    // A wrong invoice: refused without saying which number was wrong.
    await page.getByLabel(/Número de cliente/).fill(CUSTOMER.number);
    await page.getByLabel(/Número de su último recibo/).fill('FPUB-2026-09-5501');
    await page.getByLabel(/¿Qué quiere reportar\?/).selectOption({ label: 'Falla' });
    const description =
      'No sale agua desde anoche y se oye una fuga debajo de la banqueta, junto al medidor.';
    await page.getByLabel(/Cuéntenos qué pasa/).fill(description);
    await expect(page.getByText(`${description.length} de 5,000`)).toBeVisible();
    // A fault needs its location.
    await page.getByRole('button', { name: 'Enviar reporte' }).click();
    await expect(page.getByText('Para una falla, indique la ubicación exacta.')).toBeVisible();
    await expect(page.getByLabel(/Ubicación exacta/)).toBeFocused();
    await page.getByLabel(/Ubicación exacta/).fill('Centenario 118 entre Hidalgo y Juárez, casa azul');
    await page.getByRole('button', { name: 'Enviar reporte' }).click();
    await expect(page.getByTestId('self-not-verified')).toHaveText(
      /El número de cliente y el último número de factura no coinciden/,
    );

    // The right invoice (case and spaces do not matter).
    await page.getByLabel(/Número de su último recibo/).fill(` ${CUSTOMER.lastInvoice.toLowerCase()} `);
    await page.getByRole('button', { name: 'Enviar reporte' }).click();

    const filed = page.getByTestId('self-filed');
    await expect(filed.getByRole('heading', { name: /Recibimos su reporte/ })).toBeFocused();
    const bigNumber = filed.getByTestId('self-report-number');
    await expect(bigNumber).toHaveText(/^\d{4}-\d{5}-\d$/);
    await expect(bigNumber).toBeInViewport({ ratio: 1 });
    await expect(filed).toContainText('Guarde este número');
    const promise = filed.getByTestId('self-promise');
    await expect(promise).toHaveText(/^Su reporte quedará resuelto (a más tardar el|antes del) /);
    const promised = (await promise.textContent()) ?? '';
    const grouped = (await bigNumber.textContent()) ?? '';
    const number = grouped.replaceAll('-', '');

    const followLink = filed.getByRole('link', { name: 'Ver cómo va mi reporte' });
    await expect(followLink).toHaveAttribute('href', `/seguimiento?numero=${number}`);

    // Follow-up as the receipt's QR code opens it: the number is filled in.
    await page.goto(`/seguimiento?numero=${number}`);
    await expect(page.getByRole('heading', { name: 'Seguimiento de su reporte', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Número de reporte')).toHaveValue(grouped);
    await expect(page.getByText(`Número completo: ${grouped}`)).toBeVisible();
    await expect(page.getByLabel('Número de cliente')).toBeFocused();

    // A wrong customer number: the same answer as for a number that does not exist.
    await page.keyboard.type('100001');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText(
      'No encontramos un reporte con ese número para ese número de cliente',
    );
    await expect(page.getByTestId('public-report')).toHaveCount(0);

    await page.getByLabel('Número de cliente').fill(CUSTOMER.number);
    await page.getByRole('button', { name: 'Consultar' }).click();
    const result = page.getByTestId('public-report');
    await expect(result.getByRole('heading', { name: `Reporte ${grouped}` })).toBeFocused();
    await expect(result.getByTestId('public-status')).toHaveText('nuevo');
    await expect(result.getByTestId('public-promise')).toHaveText(promised);
    await expect(result.getByTestId('public-type')).toHaveText('Falla');
    await expect(result.getByTestId('public-timeline')).toContainText('Reporte recibido');
    await expect(result.getByTestId('public-paused')).toHaveCount(0);
    // Nothing internal: not the description, not the customer's name.
    await expect(result).not.toContainText(description);
    await expect(result).not.toContainText(CUSTOMER.name);
    if (process.env.FOLIO_E2E_SCREENSHOT_PUBLIC) {
      await page.screenshot({ path: process.env.FOLIO_E2E_SCREENSHOT_PUBLIC, fullPage: true });
    }

    // English on one tap: the answer comes back in English.
    await page.getByTestId('public-language').click();
    await expect(page.getByRole('heading', { name: 'Track your report', level: 1 })).toBeVisible();
    await expect(result.getByTestId('public-status')).toHaveText('received');
    await expect(result.getByTestId('public-promise')).toHaveText(/^Your report will be resolved /);
    await page.getByTestId('public-language').click();
    await expect(result.getByTestId('public-status')).toHaveText('nuevo');

    expect(sessionRequests).toEqual([]);
  });

  test('the report number is checked as it is typed', async ({ page }) => {
    const sessionRequests = watchSessionRequests(page);
    await page.goto('/seguimiento');
    const valid = composeReportNumber('2611', 42);
    const lastDigit = Number(valid.at(-1));
    const mistyped = `${valid.slice(0, 9)}${(lastDigit + 1) % 10}`;

    const input = page.getByLabel('Número de reporte');
    await input.fill(mistyped.slice(0, 6));
    await expect(page.getByText('Son 10 dígitos, por ejemplo 2611-00042-7.')).toBeVisible();
    await expect(page.getByText('revise el número')).toHaveCount(0);
    await input.fill(mistyped);
    await expect(page.getByText('Ese número no es correcto: revise el número.')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');

    // Nothing is asked of the server for a number that cannot be right.
    let lookups = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/public/')) lookups++;
    });
    await page.getByLabel('Número de cliente').fill('100001');
    await page.getByRole('button', { name: 'Consultar' }).click();
    await expect(input).toBeFocused();
    expect(lookups).toBe(0);

    await input.fill(valid);
    await expect(page.getByText('Número completo: 2611-00042-7')).toBeVisible();
    expect(sessionRequests).toEqual([]);
  });
});

test('an agent prints the receipt of a report filed at the counter', async ({ page }) => {
  const signIn = await page.request.post('/api/v1/session', { data: AGENT });
  expect(signIn.status()).toBe(200);
  await page.goto('/');
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();
  await page.keyboard.type('100003');
  await expect(page.getByRole('option', { name: /100003/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Último número de factura')).toBeFocused();
  await page.getByLabel('Tipo de reporte').selectOption({ label: 'Aclaración' });
  await page
    .getByLabel('Descripción del problema')
    .fill('Pide que le expliquen el cargo por reconexión que aparece en su recibo de octubre.');
  await page.getByRole('button', { name: 'Levantar reporte' }).click();

  const filed = page.getByTestId('filed-report');
  await expect(filed).toBeVisible();
  const number = ((await filed.getByTestId('report-number').textContent()) ?? '').replaceAll('-', '');
  expect(number).toMatch(/^\d{10}$/);

  const print = filed.getByRole('link', { name: 'Imprimir comprobante' });
  await expect(print).toHaveAttribute('href', `/api/v1/reports/${number}/receipt.pdf?format=letter`);
  await expect(print).toHaveAttribute('target', '_blank');
  await expect(print).toHaveAttribute('rel', /noopener/);
  await filed.getByText('Ticket 80 mm').click();
  const href = `/api/v1/reports/${number}/receipt.pdf?format=thermal`;
  await expect(print).toHaveAttribute('href', href);

  // The PDF opens in a new tab, the session cookie going along.
  const response = page.context().waitForEvent('response', (r) => r.url().endsWith(href));
  const popup = page.waitForEvent('popup');
  await print.click();
  await popup;
  expect((await response).status()).toBe(200);
  expect((await response).headers()['content-type']).toContain('application/pdf');

  // The report page has the same button, and remembers the chosen size.
  await filed.getByRole('link', { name: 'Ver reporte' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Nuevo');
  await expect(page.getByRole('link', { name: 'Imprimir comprobante' })).toHaveAttribute('href', href);
});
