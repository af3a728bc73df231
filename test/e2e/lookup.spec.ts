import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier, Submitted } from '../../preload/api';
import { api, capturedPng } from './support/contract';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * "Tra cứu hồ sơ" end to end: a dossier submitted through the bridge (as the filing screens would), then
 * looked up on the kiosk by typing its code on the on-screen pad and by scanning the receipt's QR
 * (an injected scan), with the ID masked and the timeline shown, then rated.
 */

const ADMIN_PIN = '135790';
const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
/** What the captured "photo" of the paper shows. */
const PAPER = [
  { text: 'BẰNG TỐT NGHIỆP THPT', x: 60, y: 120 },
  { text: 'Bản chính', x: 60, y: 200 },
];
const ID_NUMBER = '001090001234';
const CONFIG = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '29 Lê Duẩn, Quận 1' },
  kioskId: 'K01',
};

/** Files a chứng thực dossier through the contract, the way the filing screens do, and submits it. */
async function submitDossier(baseUrl: string): Promise<Submitted> {
  const draft = await api<CreatedDraft>(baseUrl, 'dossier.create', { procedureId: PROCEDURE });
  const { draftToken } = draft;
  await api<Dossier>(baseUrl, 'dossier.update', {
    id: draft.id,
    draftToken,
    data: {
      nguoiYeuCau: { fullName: 'Nguyễn Văn An', idNumber: ID_NUMBER, address: 'Số 1 Tràng Tiền, Hà Nội' },
      giayTo: { tenGiayTo: 'Bằng tốt nghiệp trung học phổ thông', soTrang: 1, soBan: 2 },
    },
  });
  await api<Dossier>(baseUrl, 'dossier.attach', {
    id: draft.id,
    draftToken,
    componentId: 'ban-chinh',
    source: { kind: 'capture', dataBase64: capturedPng(PAPER) },
  });
  const check = await api<{ complete: boolean; problems: unknown[] }>(baseUrl, 'dossier.check', {
    id: draft.id,
    draftToken,
  });
  expect(check.problems).toEqual([]);
  return api<Submitted>(baseUrl, 'dossier.submit', { id: draft.id, draftToken });
}

async function openLookup(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-tracking').click();
  await expect(page.getByTestId('lookup')).toBeVisible();
}

/** Types a code on the screen's own pad: the unit-id key, then one key per character. */
async function typeOnPad(page: Page, code: string, unitPrefix: string): Promise<void> {
  expect(code.startsWith(unitPrefix)).toBe(true);
  await page.getByTestId('code-key-prefix').click();
  for (const ch of code.slice(unitPrefix.length)) await page.getByTestId(`code-key-${ch}`).click();
}

async function expectResult(page: Page, submitted: Submitted): Promise<void> {
  const result = page.getByTestId('lookup-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('lookup-code-value')).toHaveText(submitted.code);
  await expect(page.getByTestId('lookup-id')).toHaveText('••••••••1234');
  await expect(result).not.toContainText(ID_NUMBER);
  // On a public screen main shortens the applicant's given names (e.g. "Nguyễn V. A."): the family name shows.
  await expect(page.getByTestId('lookup-applicant')).toContainText('Nguyễn');
  const received = page.locator('[data-testid="lookup-timeline"] [data-status="received"]');
  await expect(received).toContainText('Ki-ốt đã tiếp nhận hồ sơ');
  const [y, m, d] = submitted.dueDate.split('-');
  await expect(page.getByTestId('lookup-due')).toContainText(`${d}/${m}/${y}`);
}

test.use({ appOptions: { config: CONFIG, env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: ADMIN_PIN } } });

test.describe('looking up a dossier on the kiosk', () => {
  test('typed on the pad: the timeline with the masked ID, then a rating that staff see', async ({
    page,
    app,
  }) => {
    // Thirty key presses and four accessibility passes: more than the default minute on a busy machine.
    test.setTimeout(120_000);
    const submitted = await submitDossier(app.url);
    expect(submitted.provisional).toBe(true);

    await openLookup(page, app.url);
    await shot(page, 'lookup-entry');
    await expectAccessible(page, 'lookup entry');

    // A code that does not exist, typed on a keyboard: plain words, and where to get help.
    await page.getByTestId('lookup-code').fill('000.00.12.h29-k01-200101-0001');
    await expect(page.getByTestId('lookup-code')).toHaveValue('000.00.12.H29-K01-200101-0001');
    await page.getByTestId('lookup-submit').click();
    await expect(page.getByTestId('lookup-error')).toContainText('Chưa tìm thấy hồ sơ');
    await expect(page.getByTestId('lookup-error')).toContainText('giấy biên nhận');
    await shot(page, 'lookup-not-found');
    await expectAccessible(page, 'lookup not found');

    await page.getByTestId('code-key-clear').click();
    await expect(page.getByTestId('lookup-code')).toHaveValue('');
    await typeOnPad(page, submitted.code, '000.00.12.H29-');
    await expect(page.getByTestId('lookup-code')).toHaveValue(submitted.code);
    await page.getByTestId('lookup-submit').click();
    await expectResult(page, submitted);
    await shot(page, 'lookup-result');
    await expectAccessible(page, 'lookup result');

    await page.getByTestId('rate-unsatisfied').click();
    await page.getByTestId('reason-wait').click();
    await shot(page, 'lookup-rating');
    await expectAccessible(page, 'lookup rating');
    await page.getByTestId('rating-send').click();
    await expect(page.getByTestId('rating-thanks')).toContainText('Cảm ơn');
    await shot(page, 'lookup-rating-thanks');

    const token = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
      .token;
    const report = await api<{
      counts: Record<string, number>;
      reasons: { rating: string; reason: string; code: string | null }[];
    }>(app.url, 'feedback.report', {}, token);
    expect(report.counts.unsatisfied).toBe(1);
    expect(report.reasons).toEqual([
      expect.objectContaining({ rating: 'unsatisfied', reason: 'Chờ lâu', code: submitted.code }),
    ]);

    await page.getByTestId('home-button').click();
    await expect(page.getByTestId('tile-tracking')).toBeVisible();
  });

  test('the receipt QR scanned on the lookup screen shows the dossier', async ({ page, app }) => {
    const submitted = await submitDossier(app.url);
    await openLookup(page, app.url);
    // The page's event socket may still be connecting: inject again until the result shows.
    await expect(async () => {
      const r = await page.request.post(`${app.url}/api/devices.injectScan`, {
        data: { text: submitted.code },
      });
      expect(r.status()).toBe(200);
      await expect(page.getByTestId('lookup-result')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expectResult(page, submitted);
    await shot(page, 'lookup-result-scanned');
  });
});
