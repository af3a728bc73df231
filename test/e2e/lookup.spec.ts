import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier, Submitted } from '../../preload/api';
import { api, capturedPng } from './support/contract';
import { lookupSecret } from './support/lookup';
import { expect, expectAccessible, shot, test } from './fixtures';
import { TRANG_TIEN } from './support/addresses';

/**
 * "Tra cứu hồ sơ" end to end: a dossier submitted through the bridge (as the filing screens would), then
 * looked up on the kiosk by typing its code on the on-screen pad (the status only, then the receipt's
 * "Mã tra cứu" on its own pad opens the timeline) and by scanning the receipt's QR (an injected scan:
 * a new receipt's QR carries the secret, so the timeline shows at once; an old one's gives the status),
 * with the ID masked, then rated. Five wrong secrets lock the dossier's details with a plain way out.
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
      nguoiYeuCau: { fullName: 'Nguyễn Văn An', idNumber: ID_NUMBER, address: TRANG_TIEN },
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

/** Found by the code alone: the status and due date, nothing that tells who filed it or what for. */
async function expectStatusOnly(page: Page, submitted: Submitted): Promise<void> {
  const view = page.getByTestId('lookup-status-only');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('lookup-code-value')).toHaveText(submitted.code);
  // Filed alone at the kiosk (Nghị định 118/2025/NĐ-CP): submitted, waiting for an officer, the date dự kiến.
  await expect(page.getByTestId('lookup-status')).toContainText('Đã nộp, chờ tiếp nhận');
  const [y, m, d] = submitted.dueDate.split('-');
  await expect(page.getByTestId('lookup-due')).toContainText(`${d}/${m}/${y} (dự kiến)`);
  for (const hidden of ['Nguyễn', '1234', 'Chứng thực', 'chứng thực'])
    await expect(view.locator('dl')).not.toContainText(hidden);
  await expect(page.getByTestId('lookup-factor')).toContainText('Mã tra cứu trên giấy biên nhận');
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
  const timeline = page.getByTestId('lookup-timeline');
  await expect(timeline.locator('[data-status="submitted"]')).toContainText('Đã nộp, chờ cán bộ tiếp nhận');
  // The officer's reception is the next step; until then the date is dự kiến.
  await expect(timeline.locator('[data-status="received"]')).toHaveAttribute('data-state', 'next');
  await expect(page.getByTestId('lookup-reception')).toContainText('Đang chờ cán bộ tiếp nhận');
  const [y, m, d] = submitted.dueDate.split('-');
  await expect(page.getByTestId('lookup-due')).toContainText(`${d}/${m}/${y} (dự kiến)`);
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
    await expectStatusOnly(page, submitted);
    await expect(page.getByTestId('lookup-result')).toHaveCount(0);
    await shot(page, 'lookup-status-only');
    await expectAccessible(page, 'lookup status only');

    // The date of birth is the other way in: its own pad of digits, the slashes come by themselves.
    await page.getByTestId('factor-mode-birthDate').click();
    for (const ch of '2304199') await page.getByTestId(`factor-key-${ch}`).click();
    await expect(page.getByTestId('lookup-factor-input')).toHaveValue('23/04/199');
    await shot(page, 'lookup-factor-birth');
    await expectAccessible(page, 'lookup birth date');
    await page.getByTestId('factor-mode-secret').click();

    // A wrong secret: plain words, the tries left, the status still there.
    for (const ch of 'ZZZZZZ') await page.getByTestId(`factor-key-${ch}`).click();
    await page.getByTestId('lookup-factor-submit').click();
    await expect(page.getByTestId('lookup-factor-error')).toContainText('Chưa đúng mã tra cứu');
    await expect(page.getByTestId('lookup-factor-error')).toContainText('Còn 4 lần thử');
    await expect(page.getByTestId('lookup-factor-input')).toHaveValue('');
    await shot(page, 'lookup-factor-wrong');
    await expectAccessible(page, 'lookup wrong secret');

    const secret = lookupSecret(app.dataDir, submitted.code);
    for (const ch of secret) await page.getByTestId(`factor-key-${ch}`).click();
    await expect(page.getByTestId('lookup-factor-input')).toHaveValue(secret);
    await page.getByTestId('lookup-factor-submit').click();
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

  test('a new receipt QR scanned shows the whole dossier at once; an old one (code only) the status', async ({
    page,
    app,
  }) => {
    const submitted = await submitDossier(app.url);
    const secret = lookupSecret(app.dataDir, submitted.code);
    await openLookup(page, app.url);
    /** The page's event socket may still be connecting: inject again until `shown` is visible. */
    const scan = async (text: string, shown: string): Promise<void> =>
      expect(async () => {
        const r = await page.request.post(`${app.url}/api/devices.injectScan`, { data: { text } });
        expect(r.status()).toBe(200);
        await expect(page.getByTestId(shown)).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
    await scan(submitted.code, 'lookup-status-only');
    await expectStatusOnly(page, submitted);
    await scan(`${submitted.code}#${secret}`, 'lookup-result');
    await expectResult(page, submitted);
    await shot(page, 'lookup-result-scanned');
  });

  test('five wrong secrets lock the details of that dossier: the status stays, the counter helps', async ({
    page,
    app,
  }) => {
    const submitted = await submitDossier(app.url);
    await openLookup(page, app.url);
    // A physical keyboard in the field: lower case and spaces are cleaned as they are typed.
    await page.getByTestId('lookup-code').fill(submitted.code.toLowerCase());
    await page.getByTestId('lookup-submit').click();
    await expectStatusOnly(page, submitted);
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('lookup-factor-input').fill('zz zzzz');
      await expect(page.getByTestId('lookup-factor-input')).toHaveValue('ZZZZZZ');
      await page.getByTestId('lookup-factor-submit').click();
      await expect(page.getByTestId('lookup-factor-error')).toContainText(
        i < 4 ? `Còn ${4 - i} lần thử` : 'khoá',
      );
    }
    await expect(page.getByTestId('lookup-factor-error')).toContainText('Tạm khoá xem chi tiết');
    await expect(page.getByTestId('lookup-factor-error')).toContainText('quầy');
    // Nothing left to type into: the way out is the counter, or another dossier.
    await expect(page.getByTestId('lookup-factor-submit')).toHaveCount(0);
    await expect(page.getByTestId('lookup-again')).toBeVisible();
    await expect(page.getByTestId('lookup-status')).toBeVisible();
    await shot(page, 'lookup-factor-locked');
    await expectAccessible(page, 'lookup locked');

    // The receipt itself scanned while locked: even its right secret waits; the status and the way out show.
    await page.getByTestId('lookup-again').click();
    const secret = lookupSecret(app.dataDir, submitted.code);
    await expect(async () => {
      const r = await page.request.post(`${app.url}/api/devices.injectScan`, {
        data: { text: `${submitted.code}#${secret}` },
      });
      expect(r.status()).toBe(200);
      await expect(page.getByTestId('lookup-status-only')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('lookup-factor-error')).toContainText('Tạm khoá xem chi tiết');
    await expect(page.getByTestId('lookup-result')).toHaveCount(0);
  });
});
