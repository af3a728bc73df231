import type { Page } from '@playwright/test';
import { shot, test, expect, expectAccessible } from './fixtures';
import { api } from './support/contract';
import { signInToConsole } from './support/staff';

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

test.describe('staff accounts', () => {
  const ADMIN_PIN = '135790';
  const LAN_PIN = '555666';
  test.use({ appOptions: { env: { KIOSK_ADMIN_PIN: ADMIN_PIN } } });

  const row = (page: Page, user: string) =>
    page.getByTestId('account-table').locator(`tr[data-user="${user}"]`);
  /** The list is read when the tab opens: open it again to see changes made elsewhere. */
  async function reopen(page: Page): Promise<void> {
    await page.getByTestId('counter-link').click();
    await page.getByTestId('accounts-link').click();
    await expect(page.getByTestId('account-table')).toBeVisible();
  }

  test('an admin creates an account, lifts its lock, sets its PIN and disables it', async ({ page, app }) => {
    test.setTimeout(90_000);
    await signInToConsole(page, app.url, ADMIN_PIN);
    await page.getByTestId('accounts-link').click();
    await expect(row(page, 'admin')).toContainText('Quản trị viên');
    // Nobody manages their own account here.
    await expect(row(page, 'admin').getByRole('button')).toHaveCount(0);

    await page.getByTestId('account-create').click();
    const create = page.getByTestId('account-create-form');
    await create.getByTestId('account-name').fill('Nguyễn Thị Lan');
    await create.getByTestId('account-user').fill('lan');
    await create.getByTestId('account-pin').fill(LAN_PIN);
    await create.getByTestId('account-pin2').fill('555667');
    await create.getByTestId('account-save').click();
    await expect(create.getByTestId('account-form-error')).toContainText('Hai mã PIN chưa giống nhau');
    await create.getByTestId('account-pin2').fill(LAN_PIN);
    await shot(page, 'staff-accounts-create');
    await expectAccessible(page, 'staff accounts: create');
    await create.getByTestId('account-save').click();
    await expect(create).toBeHidden();
    await expect(page.getByTestId('account-notice')).toHaveText('Đã tạo tài khoản “lan”.');
    await expect(row(page, 'lan')).toContainText('Đang dùng');

    // Five wrong PINs at the kiosk lock "lan" there; the admin sees it and lifts it.
    const lanToken = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'lan', pin: LAN_PIN }))
      .token;
    for (let i = 0; i < 5; i++)
      await expect(api(app.url, 'staff.signIn', { user: 'lan', pin: '000000' })).rejects.toThrow();
    await expect(api(app.url, 'staff.signIn', { user: 'lan', pin: LAN_PIN })).rejects.toThrow(
      /account-locked/,
    );
    await reopen(page);
    await expect(row(page, 'lan').getByTestId('account-state')).toContainText(
      'Tạm khoá đăng nhập trên máy ki-ốt đến',
    );
    await shot(page, 'staff-accounts');
    await expectAccessible(page, 'staff accounts');
    await row(page, 'lan').getByTestId('account-unlock').click();
    await expect(page.getByTestId('account-notice')).toHaveText('Đã mở khoá đăng nhập cho “lan”.');
    await expect(row(page, 'lan').getByTestId('account-state')).toHaveText('Đang dùng');
    await expect(row(page, 'lan').getByTestId('account-unlock')).toHaveCount(0);

    // A new PIN: the old one and the open session stop working.
    await row(page, 'lan').getByTestId('account-resetPin').click();
    const reset = page.getByTestId('account-reset-form');
    await expect(reset).toContainText('bị đăng xuất trên mọi máy');
    await reset.getByTestId('account-pin').fill('246802');
    await reset.getByTestId('account-pin2').fill('246802');
    await shot(page, 'staff-accounts-reset-pin');
    await expectAccessible(page, 'staff accounts: reset PIN');
    await reset.getByTestId('account-save').click();
    await expect(reset).toBeHidden();
    await expect(page.getByTestId('account-notice')).toContainText('Đã đặt mã PIN mới cho “lan”');
    await expect(api(app.url, 'staff.me', {}, lanToken)).rejects.toThrow(/401 unauthorized/);
    const again = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'lan', pin: '246802' }))
      .token;

    // Disabling asks first, then ends the session at once.
    await row(page, 'lan').getByTestId('account-disable').click();
    const confirm = page.getByTestId('account-confirm-disable');
    await expect(confirm).toContainText('Vô hiệu hoá tài khoản “lan”?');
    await shot(page, 'staff-accounts-confirm-disable');
    await expectAccessible(page, 'staff accounts: confirm disable');
    await confirm.getByTestId('account-confirm-disable-button').click();
    await expect(confirm).toBeHidden();
    await expect(row(page, 'lan').getByTestId('account-state')).toHaveText('Đã vô hiệu hoá');
    await expect(api(app.url, 'staff.me', {}, again)).rejects.toThrow(/401 unauthorized/);
    await expect(api(app.url, 'staff.signIn', { user: 'lan', pin: '246802' })).rejects.toThrow(
      /wrong-credentials/,
    );
    await row(page, 'lan').getByTestId('account-enable').click();
    await expect(row(page, 'lan').getByTestId('account-state')).toHaveText('Đang dùng');
  });

  test('a staff member changes their own PIN and has no accounts tab', async ({ page, app }) => {
    const admin = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
      .token;
    await api(
      app.url,
      'staff.createUser',
      { user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff', pin: LAN_PIN },
      admin,
    );
    await signInToConsole(page, app.url, LAN_PIN, 'lan');
    await expect(page.getByTestId('accounts-link')).toHaveCount(0);

    await page.getByTestId('change-pin').click();
    const form = page.getByTestId('change-pin-form');
    await form.getByTestId('change-pin-current').fill('000000');
    await form.getByTestId('change-pin-new').fill('864200');
    await form.getByTestId('change-pin-new2').fill('864200');
    await form.getByTestId('account-save').click();
    await expect(form.getByTestId('account-form-error')).toContainText(
      'Mã PIN hiện tại không đúng. Còn 4 lần thử',
    );
    await expect(form.getByTestId('change-pin-current')).toHaveValue('');
    await shot(page, 'staff-change-pin');
    await expectAccessible(page, 'staff change PIN');
    await form.getByTestId('change-pin-current').fill(LAN_PIN);
    await form.getByTestId('account-save').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('change-pin-notice')).toHaveText(
      'Đã đổi mã PIN. Lần đăng nhập sau hãy dùng mã mới.',
    );

    await page.getByTestId('staff-signout').click();
    await page.getByTestId('staff-user').fill('lan');
    await page.getByTestId('staff-pin').fill('864200');
    await page.getByTestId('staff-submit').click();
    await expect(page.getByTestId('staff-console')).toBeVisible();
  });
});

test('the waiting-room display loads without sign-in', async ({ page, app }) => {
  await page.goto(`${app.url}/display`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await shot(page, 'display');
  await expectAccessible(page, 'display');
});
