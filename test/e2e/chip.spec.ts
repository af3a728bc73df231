import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, shot, expectAccessible } from './fixtures';
import { signInToConsole } from './support/staff';

/**
 * Chip reading in the browser: the staff chip diagnostics ("Đầu đọc chip") and the citizens' dialog
 * ("Đặt thẻ lên đầu đọc") opened from it, both with the built-in sample card, since the test machine has
 * no PC/SC library or reader. Needs the chip handlers wired into createCore and the diagnostics as a console
 * tab with test id `chip-link`.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The synthetic card of DOMAIN.md, the one the sample card carries. */
const DEMO_MRZ =
  'IDVNM0900001233001090000123<<4\n9001011M3001019VNM<<<<<<<<<<<0\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<';
const PIN = '135790';

async function openChipDiagnostics(page: Page, url: string): Promise<void> {
  await signInToConsole(page, url, PIN);
  await page.getByTestId('chip-link').click();
  await expect(page.getByTestId('chip-diagnostics')).toBeVisible();
  await expect(page.getByTestId('chip-diag-pcsc')).toBeVisible();
}

test.describe('chip reading', () => {
  test.use({ appOptions: { env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: PIN } } });

  test('the contract answers: status without PC/SC, and a read without MRZ asks for it', async ({ app }) => {
    const post = (method: string, body: unknown) =>
      fetch(`${app.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const status = (await (await post('identity.chipStatus', {})).json()) as {
      ok: boolean;
      value: { pcsc: string; readers: unknown[]; note: { vi: string } | null; cscaCount: number };
    };
    expect(status.ok).toBe(true);
    expect(status.value.pcsc).toBe('unavailable');
    expect(status.value.readers).toEqual([]);
    expect(status.value.note?.vi).toMatch(/PC\/SC/);

    const refused = await post('identity.readChip', {});
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { ok: boolean; error: { code: string; vi: string } };
    expect(body.error.code).toBe('chip-mrz-needed');
    expect(body.error.vi).toMatch(/mặt sau thẻ/);

    const noReader = (await (
      await post('identity.readChip', {
        access: { documentNumber: '090000123', birthDate: '1990-01-01', expiryDate: '2030-01-01' },
      })
    ).json()) as { error: { code: string } };
    expect(noReader.error.code).toBe('chip-no-reader');
  });

  test('staff diagnostics: PC/SC state, CSCA, and the sample card read with the ID masked', async ({
    page,
    app,
  }) => {
    await openChipDiagnostics(page, app.url);
    await expect(page.getByTestId('chip-diag-pcsc')).toHaveText('Không dùng được');
    await expect(page.getByTestId('chip-diag-note')).toContainText('pcsclite');
    await expect(page.getByTestId('chip-diag-readers')).toHaveText('Chưa có đầu đọc nào');
    await expect(page.getByTestId('chip-diag-csca')).toContainText('Chưa cài');
    await shot(page, 'chip-diagnostics');
    await expectAccessible(page, 'chip diagnostics');

    await page.getByTestId('chip-diag-demo').click();
    const result = page.getByTestId('chip-diag-result');
    await expect(result).toContainText('Nguyễn Văn A');
    await expect(result).toContainText('••••••••0123');
    await expect(result).not.toContainText('001090000123');
    await expect(result).toContainText('Thẻ mẫu');
    await expect(result).toContainText('Trần Thị C');
    await expect(page.getByTestId('chip-verification')).toHaveText('Chưa kiểm tra chữ ký số của chip');
    await expect(result).not.toContainText('Đã xác thực chip');
    // Never ethnicity, religion or identifying marks.
    await expect(result).not.toContainText('Kinh');
    await expect(result).not.toContainText('Nốt ruồi');
    await shot(page, 'chip-diagnostics-demo');
    await expectAccessible(page, 'chip diagnostics with a result');
  });

  test('the dialog: wrong MRZ refused, then the back of the card scanned and the sample card read', async ({
    page,
    app,
  }) => {
    await openChipDiagnostics(page, app.url);
    await page.getByTestId('chip-diag-dialog').click();
    const dialog = page.getByTestId('chip-dialog');
    await expect(dialog).toHaveAttribute('data-phase', 'mrz');
    await expect(dialog).toContainText('Quét mặt sau thẻ (mã MRZ)');
    await expect(page.getByTestId('chip-demo-note')).toBeVisible();
    await shot(page, 'chip-dialog-mrz');
    await expectAccessible(page, 'chip dialog, MRZ step');

    // Staff type the fields, with a wrong document number: the (sample) card refuses the key.
    await page.getByTestId('chip-type-toggle').click();
    await page.getByTestId('chip-documentNumber').fill('001090000124');
    await page.getByTestId('chip-birthDate').fill('01/01/1990');
    await page.getByTestId('chip-expiryDate').fill('01/01/2030');
    await shot(page, 'chip-dialog-typed');
    await expectAccessible(page, 'chip dialog, typed MRZ');
    await page.getByTestId('chip-typed-submit').click();
    await expect(dialog).toHaveAttribute('data-phase', 'error');
    await expect(page.getByTestId('chip-error')).toContainText('Thông tin MRZ không khớp với thẻ');
    await shot(page, 'chip-dialog-error');
    await expectAccessible(page, 'chip dialog, access denied');

    // Scan the back of the card: the MRZ opens the chip.
    await page.getByTestId('chip-rescan').click();
    await expect(dialog).toHaveAttribute('data-phase', 'mrz');
    await expect(async () => {
      const r = await page.request.post(`${app.url}/api/devices.injectScan`, { data: { text: DEMO_MRZ } });
      expect(r.status()).toBe(200);
      await expect(dialog).toHaveAttribute('data-phase', 'done', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(dialog).toContainText('Đã đọc chip');
    await expect(dialog).toContainText('Nguyễn Văn A');
    await expect(dialog).toContainText('••••••••0123');
    await expect(dialog).not.toContainText('001090000123');
    await expect(dialog.getByTestId('chip-verification')).toHaveText('Chưa kiểm tra chữ ký số của chip');
    await shot(page, 'chip-dialog-done');
    await expectAccessible(page, 'chip dialog, result');

    await page.getByTestId('chip-use').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('chip-diag-result')).toContainText('Nguyễn Văn A');
  });

  test('while reading: the card animation and progress; reduced motion stops the animation', async ({
    page,
    app,
  }) => {
    await openChipDiagnostics(page, app.url);
    // Hold the read's answer so the reading step stays on screen long enough to look at.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/identity.readChip', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('chip-diag-dialog').click();
    await page.getByTestId('chip-demo-read').click();
    const dialog = page.getByTestId('chip-dialog');
    await expect(dialog).toHaveAttribute('data-phase', 'reading');
    await expect(dialog).toContainText('Đặt thẻ lên đầu đọc');
    await expect(page.getByTestId('chip-progress')).toBeVisible();
    await expect(page.getByTestId('chip-animation')).toBeVisible();
    // The renderer's HTTP client gives up after 15 s: everything below must fit well within that.
    // The sample card is "on the reader" at once: the reader's waves pulse, unless motion is reduced.
    const wave = page.locator('.chip-anim-waves span').first();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(wave).toHaveCSS('animation-name', 'none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect(wave).toHaveCSS('animation-name', 'chip-wave');
    await shot(page, 'chip-dialog-reading');
    // Only the dialog (the page behind it is checked in the other tests): a whole-page scan can take
    // long enough on a busy machine to let the held request time out.
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="chip-dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    release();
    await expect(dialog).toHaveAttribute('data-phase', 'done');
    await expect(dialog).toContainText('Thẻ mẫu');
  });
});

test.describe('chip reading with a CSCA certificate installed', () => {
  test.use({
    appOptions: {
      env: { KIOSK_ADMIN_PIN: PIN },
      config: {
        centre: { name: 'UBND phường Thử Nghiệm', unitCode: '000.00.12.H29' },
        chip: { pcsc: false, csca: ['csca.pem'] },
      },
      files: { 'csca.pem': readFileSync(join(root, 'test', 'fixtures', 'chip', 'csca.pem'), 'utf8') },
    },
  });

  test('counts the certificate; the unsigned sample card is "not checked", never verified', async ({
    page,
    app,
  }) => {
    await openChipDiagnostics(page, app.url);
    await expect(page.getByTestId('chip-diag-pcsc')).toHaveText('Đã tắt trong cấu hình');
    await expect(page.getByTestId('chip-diag-csca')).toHaveText('1 chứng thư');
    await page.getByTestId('chip-diag-demo').click();
    await expect(page.getByTestId('chip-verification')).toHaveText('Chưa kiểm tra chữ ký số của chip');
    await expect(page.getByTestId('chip-note')).toContainText('EF.SOD');
    await shot(page, 'chip-diagnostics-csca');
    await expectAccessible(page, 'chip diagnostics with CSCA');
  });
});
