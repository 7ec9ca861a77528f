import { expect, type Page, test } from '@playwright/test';
import { ADMIN, AGENT } from './env.js';

async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: /Iniciar sesión/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Signs in from the home page; the header's account button then bears `name`, and is returned. */
async function signInAs(page: Page, user: { username: string; password: string }, name: string) {
  await page.goto('/');
  await signIn(page, user.username, user.password);
  const account = page.getByTestId('signed-in-user');
  await expect(account).toHaveText(name);
  return account;
}

/** A choice in one of Mantine's multi-selects (its options open in a portal). */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // The list stays open for more choices; leaving the input closes it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('option', { name: option, exact: true })).toHaveCount(0);
}

test('an admin creates an agent, who must change the temporary password before reaching the desk', async ({
  page,
}) => {
  const agent = {
    username: `agente.${Date.now()}`,
    name: 'Marisol Cárdenas (ventanilla)',
    temporary: 'Temporal-Rioverde-2026',
    chosen: 'nopal verde con sal de Rioverde',
  };

  // The administrator signs in and opens the users page from the header.
  await signInAs(page, ADMIN, 'Administrador');
  await page.getByRole('link', { name: 'Administración' }).click();
  await expect(page).toHaveURL(/\/admin\/usuarios$/);
  await expect(page.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
  await expect(page.getByTestId('user-row-agente')).toContainText('Ana López (ventanilla)');

  // A new agent with a temporary password.
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Usuario', exact: true }).fill(agent.username);
  await dialog.getByRole('textbox', { name: 'Nombre', exact: true }).fill(agent.name);
  await dialog.getByLabel('Contraseña temporal').fill(agent.temporary);
  await expect(dialog.getByText('Contraseña aceptable.')).toBeVisible();
  await choose(page, 'Roles', 'Agente');
  await choose(page, 'Departamentos', 'Atención a clientes');
  await dialog.getByRole('button', { name: 'Crear usuario' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('admin-notice')).toContainText(`Se creó el usuario ${agent.username}`);

  const row = page.getByTestId(`user-row-${agent.username}`);
  await expect(row).toContainText(agent.name);
  await expect(row).toContainText('Agente');
  await expect(row).toContainText('Atención a clientes');
  await expect(row.getByTestId('user-state')).toHaveText('Debe cambiar contraseña');
  if (process.env.FOLIO_E2E_ADMIN_SCREENSHOT)
    await page.screenshot({ path: process.env.FOLIO_E2E_ADMIN_SCREENSHOT, fullPage: true });

  // Sign out from the user menu.
  await page.getByRole('button', { name: 'Administrador' }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión', exact: true }).click();

  // The agent's first sign-in: only the change-password screen.
  await signIn(page, agent.username, agent.temporary);
  await expect(page.getByRole('heading', { name: 'Cambie su contraseña' })).toBeVisible();
  await expect(page.getByLabel('Buscar cliente')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Administración' })).toHaveCount(0);

  // A common password is refused as it is typed, again when sent, and by the server itself.
  const weak = 'Password2026!';
  const refusal = 'Esa contraseña es de las más usadas; elija otra más difícil de adivinar.';
  await page.getByLabel('Contraseña actual').fill(agent.temporary);
  await page.getByRole('textbox', { name: 'Contraseña nueva', exact: true }).fill(weak);
  await expect(page.getByTestId('password-feedback')).toHaveText(refusal);
  await page.getByLabel('Repita la contraseña nueva').fill(weak);
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Contraseña nueva', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Contraseña nueva', exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Cambie su contraseña' })).toBeVisible();

  const direct = await page.request.post('/api/v1/session/password', {
    data: { currentPassword: agent.temporary, newPassword: weak },
  });
  expect(direct.status()).toBe(400);
  const body = await direct.json();
  expect(body.error.code).toBe('weak_password');
  expect(body.error.fields).toEqual([{ path: 'newPassword', message: refusal }]);
  // Until it is changed, the rest of the API stays closed.
  const blocked = await page.request.get('/api/v1/customers?q=juarez');
  expect(blocked.status()).toBe(403);
  expect((await blocked.json()).error.code).toBe('password_change_required');

  // A good one: straight on to the desk.
  await page.getByRole('textbox', { name: 'Contraseña nueva', exact: true }).fill(agent.chosen);
  await expect(page.getByTestId('password-feedback')).toHaveText('✓ Contraseña aceptable.');
  await page.getByLabel('Repita la contraseña nueva').fill(agent.chosen);
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();

  await expect(page.getByLabel('Buscar cliente')).toBeVisible();
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();
  await expect(page.getByTestId('signed-in-user')).toHaveText(agent.name);
  await expect(page.getByRole('link', { name: 'Administración' })).toHaveCount(0);

  // It holds after a reload, and the administration pages stay closed to an agent.
  await page.goto('/admin/usuarios');
  await expect(page.getByText('Su cuenta no tiene permiso para esta sección.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByLabel('Buscar cliente')).toBeFocused();
});

test.describe('on a phone: the administration, and the header', () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  test('every section fits the screen, and the account menu stays reachable and leads there', async ({
    page,
  }) => {
    const account = await signInAs(page, ADMIN, 'Administrador');

    // The header's link gives way to the account; its menu has the administration instead.
    await expect(page.getByRole('link', { name: 'Administración' })).toBeHidden();
    await account.click();
    await page.getByRole('menuitem', { name: 'Administración' }).click();
    await expect(page).toHaveURL(/\/admin\/usuarios$/);

    const width = page.viewportSize()?.width ?? 0;
    for (const [path, heading] of [
      ['/admin/usuarios', 'Usuarios'],
      ['/admin/departamentos', 'Departamentos y canalización'],
      ['/admin/promesas', 'Promesas y días inhábiles'],
      ['/admin/oficina', 'Datos de la oficina'],
      ['/admin/tokens', 'Tokens de API'],
      ['/admin/auditoria', 'Bitácora de auditoría'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      // Nothing runs past the screen's edge: wide tables scroll within their own box, and the
      // sections' navigation sits above the page rather than beside it.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, path).toBeLessThanOrEqual(width);
      const box = await account.boundingBox();
      expect(box && box.x + box.width, `${path}: the account's menu`).toBeLessThanOrEqual(width);
      // The sections' navigation across the screen, above the page (beside it, it left the page a
      // third of the screen).
      const nav = await page.getByRole('navigation', { name: 'Administración' }).boundingBox();
      const title = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(nav?.width ?? 0, `${path}: the navigation's width`).toBeGreaterThan(width * 0.8);
      expect(
        (nav?.y ?? 0) + (nav?.height ?? 0),
        `${path}: the navigation above the page`,
      ).toBeLessThanOrEqual(title?.y ?? 0);
    }
  });

  test("a long name in the header is cut short, and the account's menu stays on the screen", async ({
    page,
  }) => {
    await signInAs(page, AGENT, 'Ana López (ventanilla)');
    const width = page.viewportSize()?.width ?? 0;
    const button = page.getByRole('button', { name: /Ana López/ });
    const box = await button.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    await button.click();
    await expect(page.getByRole('menuitem', { name: 'Cerrar sesión', exact: true })).toBeVisible();
  });
});
