import { expect, test } from '@playwright/test';

/**
 * The browsable API docs under Folio's own page policy: Swagger UI must render every route
 * without the browser blocking any of its scripts or styles, and without asking another site.
 */
test('the API docs render under Folio’s content security policy, asking no other site', async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL ?? '').origin) elsewhere.push(request.url());
  });

  const answer = await page.goto('/api/docs/');
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The queue and the report, among the documented routes.
  await expect(
    page.locator('.opblock-summary-path', { hasText: '/api/v1/reports/{number}' }).first(),
  ).toBeVisible();
  await expect(page.locator('.opblock').nth(20)).toBeVisible();
  expect(violations).toEqual([]);
  expect(elsewhere).toEqual([]);
});
