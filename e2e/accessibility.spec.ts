import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ADMIN } from './env.js';

/**
 * The main pages against WCAG 2.1 A and AA as axe-core checks them (contrast, names, labels,
 * landmarks…): the staff at the counter and on the phone, the back office, technicians on a phone
 * in the street and customers on the public pages, with their forms' errors shown and a dialog
 * open. The theme owns the colours and the close buttons' names (src/web/theme.ts).
 */
const DEMO_PASSWORD = 'folio-demo-2026';

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
}

async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/v1/session', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
}

test('the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel(/usuario/i)).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
});

test.describe('the customers’ pages, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const path of ['/seguimiento', '/reportar']) {
    test(`${path}, empty and sent empty (every field's error shown)`, async ({ page }) => {
      await page.goto(path);
      const send = page.locator('button[type="submit"]');
      await expect(send).toBeVisible();
      expect(await violationsOn(page)).toEqual([]);
      await send.click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      expect(await violationsOn(page)).toEqual([]);
    });
  }
});

test('the counter, the queue and a report page, for a supervisor', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/');
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  await page.goto('/cola');
  // Rows of every kind among the demo reports: breached (tinted), on track, on hold.
  await expect(page.locator('tbody tr').nth(5)).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  await page.locator('tbody tr a').first().click();
  await expect(page.getByTestId('report-status')).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  // A filled button under the mouse (Mantine's hover made it lighter, under 4.5:1).
  await page.locator('button[data-variant="filled"]').first().hover();
  expect(await violationsOn(page)).toEqual([]);
  // A dialog: its close button must have a name.
  await page.getByRole('button', { name: 'Cancelar' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
});

test('the counter with a customer found and chosen with the keyboard', async ({ page }) => {
  await signIn(page, 'agente');
  await page.goto('/');
  await page.getByTestId('customer-search').fill('100001');
  const chosen = page.locator('[data-combobox-selected]');
  await page.getByTestId('customer-search').press('ArrowDown');
  await expect(chosen).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
  // The address under the name, on the chosen option's dark background, in the option's own
  // light colour (axe does not measure it there; it read grey on blue).
  const colours = await chosen.evaluate((option) => ({
    option: getComputedStyle(option).color,
    detail: getComputedStyle(option.querySelector('.option-detail') ?? option).color,
  }));
  expect(colours.detail).toBe(colours.option);
});

test('the administration page', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/admin');
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the queue and a report page fit its width (WCAG reflow: only the table scrolls sideways)', async ({
    page,
  }) => {
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await signIn(page, 'supervisor');
    await page.goto('/cola');
    await expect(page.locator('tbody tr').first()).toBeVisible();
    expect(await sideways()).toBeLessThanOrEqual(0);
    // The account menu stays on the screen (a wide table had pushed it off).
    await expect(page.getByTestId('signed-in-user')).toBeInViewport();
    await page.locator('tbody tr a').first().click();
    await expect(page.getByTestId('report-status')).toBeVisible();
    expect(await sideways()).toBeLessThanOrEqual(0);
    // The number on one line, as it is read aloud.
    const number = page.getByTestId('report-number');
    const lines = await number.evaluate(
      (element) =>
        element.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(element).lineHeight),
    );
    expect(lines).toBeLessThan(1.5);
  });

  test('the technician’s page', async ({ page }) => {
    await signIn(page, 'tecnico');
    await page.goto('/tecnico');
    await expect(page.getByTestId('technician-page')).toBeVisible();
    await expect(page.getByTestId('fault-status').first()).toBeVisible();
    expect(await violationsOn(page)).toEqual([]);
  });
});
