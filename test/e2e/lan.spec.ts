import { X509Certificate } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';
import { signInToConsole } from './support/staff';
import { lanPeer, netnsUnavailable } from '../support/netns';

/**
 * The "Mạng nội bộ" tab: with the LAN on, an admin reads the fingerprint of the kiosk's CA to compare on
 * a counter PC before trusting it. The fingerprint on screen must be the one of the certificate the kiosk
 * hands out at /ca.crt; without the LAN the tab says so and what to do.
 *
 * Pairing: the admin makes a code for a device's role and name; a browser the kiosk does not know shows
 * the pairing screen, takes the code, and then the screen of its role. The test makes itself a
 * non-loopback address (a veth pair, as root) and reaches the kiosk over it as a LAN device would
 * (loopback is the kiosk's own window), so the whole pairing runs for real; the pairing screen is also
 * rendered with the bridge's answers intercepted, so its wrong-code and role cases run without root.
 */
const PIN = '135790';
const centre = { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' };

/** The bridge's own words (main/core/pairing/messages.ts), as an unpaired browser gets them. */
const NOT_PAIRED = {
  code: 'device-not-paired',
  vi: 'Thiết bị này chưa được ghép nối với ki-ốt. Nhập mã ghép nối do quản trị viên đưa cho bạn.',
  en: 'This device is not paired with the kiosk. Enter the pairing code an administrator gives you.',
};
const WRONG_CODE = {
  code: 'pairing-code-invalid',
  vi: 'Mã ghép nối không đúng hoặc đã hết hạn. Vui lòng xem lại 6 chữ số trên màn hình ki-ốt; nếu mã đã hết hạn, nhờ quản trị viên tạo mã mới.',
  en: 'The pairing code is wrong or has expired. Check the 6 digits on the kiosk screen; if the code has expired, ask an administrator for a new one.',
  field: 'code',
};

/**
 * A non-loopback address of this machine that the test makes for itself: the kiosk's end of a veth pair
 * (test/support/netns.ts). A browser connecting to it is a LAN client to the kiosk, and no traffic goes
 * to any network this machine is really on. Made before the kiosk starts, so its certificate covers it.
 */
const peer = netnsUnavailable() === null ? lanPeer('mck-e2e') : null;

/** A separate browser, as on another machine: a counter PC's screen, trusting the kiosk's HTTPS. */
async function lanBrowser(browser: Browser, viewport = { width: 1366, height: 768 }) {
  return browser.newContext({
    ignoreHTTPSErrors: true,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** No sideways scrolling at a counter PC's 1366×768 and a portrait kiosk's 1080×1920; back to 1920×1080. */
async function fitsNarrowScreens(page: Page, name: string): Promise<void> {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1080, height: 1920 },
  ]) {
    await page.setViewportSize(viewport);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${name} at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.width);
  }
  await shot(page, `${name}-1080`);
  await page.setViewportSize({ width: 1920, height: 1080 });
}

/** Types a code on the pairing screen's own number pad. */
async function tapCode(page: Page, code: string): Promise<void> {
  const pad = page.getByTestId('pairing').getByRole('group', { name: 'Bàn phím số' });
  for (const digit of code) await pad.getByRole('button', { name: digit, exact: true }).click();
}

async function signIn(page: Page, url: string): Promise<void> {
  await signInToConsole(page, url, PIN);
  await page.getByTestId('lan-link').click();
}

test.describe('with the LAN on', () => {
  test.use({ appOptions: { config: { centre, bridge: { lan: true } }, env: { KIOSK_ADMIN_PIN: PIN } } });

  test('the console shows the fingerprint of the CA the kiosk hands to counter PCs', async ({
    page,
    app,
  }) => {
    const res = await fetch(`${app.url}/ca.crt`);
    expect(res.status).toBe(200);
    const ca = new X509Certificate(await res.text());
    await signIn(page, app.url);
    const shown = page.getByTestId('lan-fingerprint');
    await expect(shown).toBeVisible();
    expect((await shown.innerText()).replace(/\s+/g, ':')).toBe(ca.fingerprint256);
    // The certificate section is below the devices now: the screenshot shows it.
    await page.getByRole('heading', { name: 'Chứng chỉ HTTPS của ki-ốt' }).scrollIntoViewIfNeeded();
    await shot(page, 'staff-lan');
    await expectAccessible(page, 'staff LAN tab');
  });
});

test.describe('pairing a device, with the LAN on', () => {
  test.use({ appOptions: { config: { centre, bridge: { lan: true } }, env: { KIOSK_ADMIN_PIN: PIN } } });
  test.beforeAll(() => peer?.up());
  test.afterAll(() => peer?.down());

  test('an admin makes a code; a counter PC enters it (a wrong one first), gets the staff console; revoked, it asks again', async ({
    page,
    app,
    browser,
  }) => {
    await signIn(page, app.url);
    await expect(page.getByTestId('lan-devices-empty')).toBeVisible();
    await expect(page.getByTestId('lan-role-counter').getByRole('radio')).toBeChecked();
    await page.getByTestId('lan-role-display').click();
    await page.getByTestId('lan-role-counter').click();
    await page.getByTestId('lan-device-name').fill('Quầy 3');
    await page.getByTestId('lan-start-pairing').click();
    const shown = page.getByTestId('lan-pairing-code');
    await expect(shown).toHaveText(/^\d{3}\s*\d{3}$/);
    const code = (await shown.innerText()).replace(/\s+/g, '');
    await expect(page.getByTestId('lan-code-card')).toContainText(
      'Mã ghép nối cho “Quầy 3” (Máy tính tại quầy)',
    );
    await expect(page.getByTestId('lan-countdown')).toHaveText(/^Còn [45]:[0-5]\d để nhập mã$/);
    await shot(page, 'staff-lan-pairing');
    await expectAccessible(page, 'staff LAN tab, pairing code');
    await fitsNarrowScreens(page, 'staff-lan-pairing');

    const address = peer?.kioskIp;
    test.skip(!address, `no LAN address of its own for the test: ${netnsUnavailable() ?? ''}`);
    const pc = await lanBrowser(browser);
    try {
      const device = await pc.newPage();
      const sockets: string[] = [];
      device.on('websocket', (ws) => sockets.push(ws.url()));
      await device.goto(`https://${address}:${new URL(app.url).port}/`);
      await expect(device.getByRole('heading', { level: 1 })).toHaveText('Ghép nối thiết bị với ki-ốt');
      // Nothing listens to events before pairing, so no socket is tried (it would be refused).
      expect(sockets).toEqual([]);

      // A wrong code: the kiosk's own words, whatever they are, and an empty field for the next try.
      const wrong = code === '000000' ? '111111' : '000000';
      await tapCode(device, wrong);
      const answered = device.waitForResponse((r) => r.url().endsWith('/api/lan.pair'));
      await device.getByTestId('pairing-submit').click();
      const refusal = (await (await answered).json()) as {
        ok: boolean;
        error?: { code: string; vi: string };
      };
      expect(refusal.ok).toBe(false);
      expect(refusal.error?.code).toBe('pairing-code-invalid');
      await expect(device.getByTestId('pairing-error')).toHaveText(refusal.error?.vi ?? '');
      await expect(device.getByTestId('pairing-code')).toHaveValue('');

      // The right one, typed on the PC's keyboard: '/' opens the staff console for a counter PC.
      await device.getByTestId('pairing-code').fill(code);
      await device.getByTestId('pairing-submit').click();
      await expect(device.getByTestId('staff-user')).toBeVisible();
      await expect(device).toHaveURL(/\/staff$/);
      await expect(device.getByTestId('device-name')).toHaveText('Thiết bị: Quầy 3');
      // No way back to citizen screens from a counter PC.
      await expect(device.getByText('Về màn hình ki-ốt')).toHaveCount(0);
      await shot(device, 'counter-pc-paired');
      await expectAccessible(device, 'counter PC after pairing');

      // The console notices the device arrive, and lists it.
      await expect(page.getByTestId('lan-notice')).toContainText('Đã ghép nối “Quầy 3”');
      const row = page.getByTestId('lan-device-row').filter({ hasText: 'Quầy 3' });
      await expect(row).toContainText('Máy tính tại quầy');
      await expect(row).toContainText('bởi admin');
      await expect(row).toContainText(`từ ${address}`);
      await expect(row.getByTestId('lan-device-state')).toHaveText('Đang dùng');
      await shot(page, 'staff-lan-devices');
      await expectAccessible(page, 'staff LAN tab, devices');
      await fitsNarrowScreens(page, 'staff-lan-devices');

      // Revoking asks first, then takes effect at once.
      await row.getByTestId('lan-revoke').click();
      const confirm = page.getByTestId('lan-revoke-confirm');
      await expect(confirm).toContainText('Thu hồi thiết bị “Quầy 3”?');
      await expect(confirm).toContainText('có hiệu lực ngay');
      await shot(page, 'staff-lan-revoke-confirm');
      await expectAccessible(page, 'staff LAN tab, revoke confirmation');
      await page.getByTestId('lan-revoke-confirm-button').click();
      await expect(page.getByTestId('lan-notice')).toContainText('Đã thu hồi “Quầy 3”');
      await expect(row.getByTestId('lan-device-state')).toContainText('Đã thu hồi');
      await expect(row.getByTestId('lan-revoke')).toHaveCount(0);

      // The counter PC's next call is refused: it shows the pairing screen again, saying why.
      await device.getByTestId('staff-user').fill('admin');
      await device.getByTestId('staff-pin').fill(PIN);
      await device.getByTestId('staff-submit').click();
      await expect(device.getByTestId('pairing')).toBeVisible();
      await expect(device.getByTestId('pairing-error')).toContainText('không còn được ghép nối');
    } finally {
      await pc.close();
    }
  });
});

test.describe('the pairing screen, with the bridge answered by the test', () => {
  test.use({ appOptions: { config: { centre }, env: { KIOSK_ADMIN_PIN: PIN } } });

  /**
   * The browser is told it is not paired until the right code (246810) is sent; then `app.info` is the
   * kiosk's, naming a waiting-room display. Returns the codes sent.
   */
  async function unpaired(page: Page, role: 'display' | 'counter' = 'display'): Promise<string[]> {
    const codes: string[] = [];
    let paired = false;
    const device = { id: 'd-0a1b2c3d4e', name: role === 'display' ? 'Màn hình sảnh' : 'Quầy 3', role };
    await page.route('**/api/app.info', async (route) => {
      if (!paired) return route.fulfill({ status: 401, json: { ok: false, error: NOT_PAIRED } });
      const response = await route.fetch();
      const body = (await response.json()) as { value: Record<string, unknown> };
      return route.fulfill({ response, json: { ...body, value: { ...body.value, device } } });
    });
    await page.route('**/api/lan.pair', async (route) => {
      const { code } = route.request().postDataJSON() as { code: string };
      codes.push(code);
      if (code !== '246810') return route.fulfill({ status: 422, json: { ok: false, error: WRONG_CODE } });
      paired = true;
      return route.fulfill({ json: { ok: true, value: { device } } });
    });
    return codes;
  }

  test('asks for the code, says a wrong one is wrong and clears it; paired as a display, it shows the board', async ({
    page,
    app,
  }) => {
    const codes = await unpaired(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${app.url}/staff`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ghép nối thiết bị với ki-ốt');
    await expect(page.getByTestId('pairing')).toContainText(
      'Bảng điều khiển → Mạng nội bộ → Ghép thiết bị mới',
    );
    await expect(page.getByTestId('pairing-submit')).toBeDisabled();
    await expect(page).toHaveTitle('Ghép nối thiết bị với ki-ốt · Một Cửa Kiosk');
    await shot(page, 'pairing');
    await expectAccessible(page, 'pairing screen');

    await tapCode(page, '135790');
    await expect(page.getByTestId('pairing-code')).toHaveValue('135790');
    await shot(page, 'pairing-typed');
    await page.getByTestId('pairing-submit').click();
    await expect(page.getByTestId('pairing-error')).toHaveText(WRONG_CODE.vi);
    await expect(page.getByTestId('pairing-code')).toHaveValue('');
    await expect(page.getByTestId('pairing-code')).toBeFocused();
    await shot(page, 'pairing-wrong');
    await expectAccessible(page, 'pairing screen, wrong code');

    // In English, the kiosk's English words.
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pair this device with the kiosk');
    await expect(page.getByTestId('pairing-error')).toHaveText(WRONG_CODE.en);
    await shot(page, 'pairing-wrong-en');
    await page.getByTestId('lang-toggle').click();

    // Pasted with a space, as read aloud in two halves.
    await page.getByTestId('pairing-code').fill('246 810');
    await expect(page.getByTestId('pairing-code')).toHaveValue('246810');
    expect(sockets, 'no event socket before pairing').toEqual([]);
    await page.getByTestId('pairing-submit').click();
    // A display shows the board whatever path it opened, and the address says so.
    await expect(page.getByTestId('display-board')).toBeVisible();
    await expect(page).toHaveURL(/\/display$/);
    expect(codes).toEqual(['135790', '246810']);
  });

  test('fits a portrait kiosk and a counter PC screen without scrolling sideways', async ({ page, app }) => {
    await unpaired(page);
    for (const [name, viewport] of [
      ['pairing-portrait', { width: 1080, height: 1920 }],
      ['pairing-counter-pc', { width: 1366, height: 768 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.url}/`);
      await expect(page.getByTestId('pairing')).toBeVisible();
      await tapCode(page, '135790');
      await page.getByTestId('pairing-submit').click();
      await expect(page.getByTestId('pairing-error')).toHaveText(WRONG_CODE.vi);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${name}: no sideways scrolling`).toBeLessThanOrEqual(viewport.width);
      // The whole form, its message and its button are on screen at once.
      const button = await page.getByTestId('pairing-submit').boundingBox();
      expect(button && button.y + button.height, `${name}: the button is in view`).toBeLessThanOrEqual(
        viewport.height,
      );
      await shot(page, name);
      await expectAccessible(page, name);
    }
  });

  test('a counter PC opening the kiosk address goes to the staff console, named in its header', async ({
    page,
    app,
  }) => {
    await unpaired(page, 'counter');
    await page.goto(`${app.url}/`);
    await page.getByTestId('pairing-code').fill('246810');
    await page.getByTestId('pairing-submit').click();
    await expect(page.getByTestId('staff-user')).toBeVisible();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByTestId('device-name')).toHaveText('Thiết bị: Quầy 3');
  });
});

test.describe('with the LAN off', () => {
  test.use({ appOptions: { config: { centre }, env: { KIOSK_ADMIN_PIN: PIN } } });

  test('the tab says the kiosk is reachable on this machine only, and how to change it', async ({
    page,
    app,
  }) => {
    await signIn(page, app.url);
    await expect(page.getByTestId('lan-off')).toContainText('bridge.lan');
    await shot(page, 'staff-lan-off');
    await expectAccessible(page, 'staff LAN tab, off');
  });
});
