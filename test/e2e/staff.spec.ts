import { shot, test, expect, expectAccessible } from './fixtures';

test.describe('first start without KIOSK_ADMIN_PIN', () => {
  test('staff create the admin account on screen, then land in the console', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await page.getByTestId('staff-entry').click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByTestId('setup-name')).toBeVisible();
    await shot(page, 'staff-setup');
    await expectAccessible(page, 'admin setup');

    await page.getByTestId('setup-name').fill('Nguyễn Thị Hoa');
    await page.getByTestId('setup-pin').fill('246813');
    await page.getByTestId('setup-pin2').fill('246813');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('staff-console')).toBeVisible();
    await expect(page.getByTestId('staff-console')).toContainText('Nguyễn Thị Hoa');

    // The setup cannot be repeated: a second visit after sign-out asks to sign in.
    await page.getByTestId('staff-signout').click();
    await expect(page.getByTestId('staff-user')).toBeVisible();
    await expect(page.getByTestId('setup-name')).toHaveCount(0);
  });
});

test.describe('staff sign-in', () => {
  test.use({ appOptions: { env: { KIOSK_ADMIN_PIN: '135790' } } });

  test('a wrong PIN is refused with a clear message; the right one opens the console', async ({
    page,
    app,
  }) => {
    await page.goto(`${app.url}/staff`);
    await expect(page.getByTestId('staff-user')).toBeVisible();
    await shot(page, 'staff-signin');
    await expectAccessible(page, 'staff sign-in');

    await page.getByTestId('staff-user').fill('admin');
    await page.getByTestId('staff-pin').fill('000000');
    await page.getByTestId('staff-submit').click();
    await expect(page.getByTestId('staff-error')).toContainText('không đúng');
    await expect(page.getByTestId('staff-error')).toContainText('Còn 4 lần thử');
    await expect(page.getByTestId('staff-pin')).toHaveValue('');
    await expect(page.getByTestId('staff-user')).toHaveValue('admin');
    await shot(page, 'staff-signin-wrong-pin');
    await expectAccessible(page, 'staff sign-in error');

    await page.getByTestId('staff-pin').fill('135790');
    await page.getByTestId('staff-submit').click();
    await expect(page.getByTestId('staff-console')).toBeVisible();
    await shot(page, 'staff-console');
    await expectAccessible(page, 'staff console');

    await page.getByTestId('staff-signout').click();
    await expect(page.getByTestId('staff-user')).toBeVisible();
  });

  test('the staff console is not reachable by calling the bridge without a session', async ({ app }) => {
    const r = await fetch(`${app.url}/api/staff.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });
});

test('the waiting-room display loads without sign-in', async ({ page, app }) => {
  await page.goto(`${app.url}/display`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await shot(page, 'display');
  await expectAccessible(page, 'display');
});
