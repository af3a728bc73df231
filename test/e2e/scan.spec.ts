import type { Page } from '@playwright/test';
import { test, expect, shot, expectAccessible } from './fixtures';

/** A valid chip ID card QR: province 001 (Hà Nội), digit 4 = 0 (male, 1900s), digits 5–6 = 90. */
const QR = '001090001234||Nguyễn Văn An|01011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';
/** The same card without diacritics: every character is on a US keyboard, so keyboard.type presses keys. */
const QR_ASCII = '001090001234||Nguyen Van An|01011990|Nam|So 1 Trang Tien, Hoan Kiem, Ha Noi|15082021';
/** What a keyboard-wedge scanner makes of the UTF-8 name: Latin-1 mojibake. */
const MANGLED = '001090001234||NguyÃ¡Â»â€¦n';

/**
 * Inject a scan through the test-only bridge method. The page's event socket may still be connecting, so
 * inject again until the page shows it (each inject is one `device.scan`).
 */
async function injectUntil(page: Page, url: string, text: string, testId: string): Promise<void> {
  await expect(async () => {
    const response = await page.request.post(`${url}/api/devices.injectScan`, { data: { text } });
    expect(response.status()).toBe(200);
    await expect(page.getByTestId(testId)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * A wedge scanner's keystrokes, as real key events (keydown with the character), 1 character every few
 * ms. Playwright's keyboard.type sends characters that are not on a US keyboard as insertText, with no
 * keydown, which is not what a scanner does, so this goes through CDP Input.dispatchKeyEvent.
 */
async function wedgeBurst(page: Page, ...lines: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // Every key is queued at once and the browser plays them in order as fast as it can, like a scanner;
  // awaiting each key's round trip made the gaps depend on how busy the machine was.
  // Each key carries the time a scanner would have sent it (5 ms apart, 20 ms between lines), as the OS
  // stamps a real USB scanner's keys on arrival: a busy test machine may deliver them late, but the page
  // sees the scanner's timing (event.timeStamp), not the test driver's.
  const sent: Promise<unknown>[] = [];
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 } as const;
  let at = Date.now() / 1000;
  const stamp = (gapMs: number) => (at += gapMs / 1000);
  for (const text of lines) {
    for (const ch of text) {
      const timestamp = stamp(5);
      sent.push(
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          key: ch,
          text: ch,
          unmodifiedText: ch,
          timestamp,
        }),
      );
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp }));
    }
    const timestamp = stamp(5);
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp }));
    stamp(20);
  }
  await Promise.all(sent);
  await cdp.detach();
}

test.use({ appOptions: { env: { KIOSK_TEST_SCANS: '1' } } });

test.describe('scanning a card on the citizen home', () => {
  test('a scanner event greets the person by name, masks the ID, and offers what to do next', async ({
    page,
    app,
  }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    await injectUntil(page, app.url, QR, 'scan-greeting');
    const greeting = page.getByTestId('scan-greeting');
    await expect(greeting).toContainText('Xin chào Nguyễn Văn An!');
    await expect(page.getByTestId('scan-greeting-id')).toHaveText('••••••••1234');
    await expect(greeting).not.toContainText('001090001234');
    await expect(greeting).toContainText('Lấy số thứ tự');
    await expect(greeting).not.toContainText('Sắp có');
    await shot(page, 'scan-greeting');
    await expectAccessible(page, 'scan greeting');

    await page.getByTestId('scan-dismiss').click();
    await expect(greeting).toHaveCount(0);
    await expect(page.getByTestId('tile-queue')).toBeVisible();
  });

  test('a keystroke burst ending in Enter is a scan: it greets the person', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    // As fast as the driver can send real keystrokes, like a scanner: an added per-key delay made the
    // burst depend on how busy the machine was.
    await wedgeBurst(page, QR_ASCII);
    await expect(page.getByTestId('scan-greeting')).toContainText('Nguyen Van An');
    await expect(page.getByTestId('scan-greeting-id')).toHaveText('••••••••1234');
  });

  test('a wedge MRZ reader typing the three lines of the card back is one scan', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    // The synthetic card of DOMAIN.md; each line ends with Enter, as such readers send it.
    await wedgeBurst(
      page,
      'IDVNM0900001233001090000123<<4',
      '9001011M3001019VNM<<<<<<<<<<<0',
      'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
    );
    await expect(page.getByTestId('scan-greeting')).toContainText('NGUYEN VAN A');
    await expect(page.getByTestId('scan-greeting-id')).toHaveText('••••••••0123');
  });

  test('a burst mangled by a keyboard-mode scanner says to switch to HID-POS mode', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    await wedgeBurst(page, MANGLED);
    const error = page.getByTestId('scan-error');
    await expect(error).toContainText('HID-POS');
    await expect(error).toContainText('Chưa đọc được thẻ');
    await shot(page, 'scan-error');
    await expectAccessible(page, 'scan error');
    await page.getByTestId('scan-dismiss').click();
    await expect(error).toHaveCount(0);
  });

  test('slow typing is not a scan', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    // A burst the page takes for a scan is sent to identity.parseScan from its Enter's keydown.
    const parsed: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/identity.parseScan')) parsed.push(request.postDataJSON());
    });
    await page.keyboard.type('12345678', { delay: 150 });
    await page.keyboard.press('Enter');
    // A real scan after it: keys are handled in order, so once its greeting shows, the slow typing's Enter
    // has been handled too, and had it been taken for a scan its parse request would have gone first.
    await wedgeBurst(page, QR_ASCII);
    await expect(page.getByTestId('scan-greeting')).toContainText('Nguyen Van An');
    expect(parsed).toEqual([{ text: QR_ASCII }]);
    await expect(page.getByTestId('scan-error')).toHaveCount(0);
  });
});

test.describe('staff scanner diagnostics', () => {
  test.use({ appOptions: { env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: '135790' } } });

  test('slow typing into a focused field stays typing', async ({ page, app }) => {
    await page.goto(`${app.url}/staff`);
    const user = page.getByTestId('staff-user');
    await expect(user).toBeVisible();
    await user.click();
    await page.keyboard.type('nguyenvana', { delay: 150 });
    await expect(user).toHaveValue('nguyenvana');
  });

  test('shows the scanner status and the last raw scan with its parse, ID masked', async ({ page, app }) => {
    await page.goto(`${app.url}/staff`);
    await page.getByTestId('staff-user').fill('admin');
    await page.getByTestId('staff-pin').fill('135790');
    await page.getByTestId('staff-submit').click();
    await expect(page.getByTestId('staff-console')).toBeVisible();
    await page.getByTestId('scanner-link').click();
    const panel = page.getByTestId('scan-diagnostics');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('scan-hid')).toBeVisible();

    await expect(async () => {
      await page.request.post(`${app.url}/api/devices.injectScan`, { data: { text: QR } });
      await expect(page.getByTestId('scan-last-raw')).toContainText('••••••••1234', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('scan-last-raw')).not.toContainText('001090001234');
    await expect(page.getByTestId('scan-last-parse')).toContainText('Nguyễn Văn An');
    await expect(page.getByTestId('scan-last-parse')).toContainText('••••••••1234');
    await shot(page, 'scan-diagnostics');
    await expectAccessible(page, 'scanner diagnostics');
  });
});
