import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';
import { api } from './support/contract';
import { listPdfs, PRINTER_QUEUE, waitForNewPdf } from './support/cups';
import { scanInto, typeOnScreen } from './support/keyboard';
import { signInToConsole } from './support/staff';

/**
 * Addresses after the 2025 reform, at the kiosk: a CCCD whose old commune was split between new ones
 * leads to the citizen's choice, and the chosen commune is on the printed receipt; an old commune merged
 * whole into one fills by itself, and says so; the pickers with the on-screen keyboard, typed without
 * diacritics; and the staff console's administrative-unit data.
 */

const ADMIN_PIN = '246810';
const PROCEDURE = 'cap-ban-sao-trich-luc-ho-tich';

const qr = (address: string): string => `001190001234||Trần Thị Bình|01011990|Nữ|${address}|15082021`;

/** Kim Mã (Ba Đình) went to three new wards: Ba Đình, Ngọc Hà and Giảng Võ. */
const KIM_MA = 'Số 12 ngõ 5 Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội';
/** Yên Phú (Yên Mỹ) went whole into Xã Việt Yên. */
const YEN_PHU = 'Thôn Thiên Lộc, Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên';

const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '29 Lê Duẩn, TP Hồ Chí Minh' },
  services: [],
  counters: [],
  printers: [{ id: 'cups', kind: 'system', queue: PRINTER_QUEUE }],
  dossier: { receiptPrinter: 'cups', receiptCopies: 1 },
};

test.use({ appOptions: { config, env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: ADMIN_PIN } } });

async function step(page: Page, name: string, screen: string): Promise<void> {
  await shot(page, `address-${name}`);
  await expectAccessible(page, screen);
}

/**
 * A draft of the certified extract with everything but the applicant's card filled through the bridge
 * (the typing is covered in dossier.spec), opened on the kiosk page as a reload would.
 */
async function openDraft(page: Page, url: string): Promise<void> {
  const draft = await api<{ id: string; draftToken: string }>(url, 'dossier.create', {
    procedureId: PROCEDURE,
  });
  await api(url, 'dossier.update', {
    id: draft.id,
    draftToken: draft.draftToken,
    data: {
      nguoiYeuCau: { quanHe: 'mẹ' },
      nguoiDuocCap: { fullName: 'Nguyễn Minh Anh', birthDate: '2026-11-10', sex: 'male' },
      suKien: { loaiViec: 'khai-sinh', noiDangKy: 'UBND phường Bến Nghé' },
      soBan: 1,
    },
    contact: { phone: '0912345678' },
  });
  await page.goto(`${url}/`);
  await page.evaluate(
    ({ id, draftToken, procedureId }) =>
      sessionStorage.setItem('kiosk.dossierDraft', JSON.stringify({ id, procedureId, draftToken })),
    { ...draft, procedureId: PROCEDURE },
  );
  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

const addressOf = (page: Page) => page.locator('#root_nguoiYeuCau_address');

test('a card with an old, split ward: the citizen chooses the new one, and it is on the printed receipt', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await openDraft(page, app.url);
  await page.getByTestId('person-slot-nguoiYeuCau').click();
  await scanInto(page, app.url, qr(KIM_MA), async () => {
    await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Trần Thị Bình', { timeout: 1_000 });
  });
  const field = addressOf(page);
  await expect(field.getByTestId('address-as-written')).toHaveText(KIM_MA);
  await expect(field.getByTestId('address-proposal')).toContainText('Địa chỉ trên thẻ (trước 01/7/2025)');
  const message = field.getByTestId('address-message');
  await expect(message).toContainText('Phường Kim Mã cũ nay thuộc một trong các xã/phường');
  await expect(message).toContainText('Vui lòng chọn nơi ở của quý vị');
  const candidates = field.locator('[data-candidate]');
  await expect(candidates).toHaveText([/Phường Ba Đình/, /Phường Ngọc Hà/, /Phường Giảng Võ/].sort(), {
    useInnerText: true,
  });
  // Nothing is chosen for the citizen: no commune yet, only the card's street.
  await expect(field.getByTestId('address-composed')).toHaveCount(0);
  await field.scrollIntoViewIfNeeded();
  await step(page, '01-split-choice', 'split ward: the choice');

  await field.locator('[data-candidate]', { hasText: 'Phường Giảng Võ' }).click();
  await expect(field.getByTestId('address-composed')).toContainText(
    'Số 12 ngõ 5 Kim Mã, Phường Giảng Võ, Thành phố Hà Nội',
  );
  await expect(field.locator('[data-candidate][aria-pressed="true"]')).toContainText('Phường Giảng Võ');
  await step(page, '02-split-chosen', 'split ward: chosen');

  await page.getByTestId('wizard-step-check').click();
  await expect(page.getByTestId('check-complete')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-review')).toBeVisible();
  const before = listPdfs();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  await step(page, '03-receipt', 'receipt with the new address');
  const printed = await waitForNewPdf(before, (text) => text.includes(code), 60_000);
  const paper = printed.text.replace(/\s+/g, ' ');
  expect(paper).toContain('Phường Giảng Võ');
  expect(paper).toContain('Phường Kim Mã');
});

test('a card with an old commune merged whole: filled by itself, and said so', async ({ page, app }) => {
  await openDraft(page, app.url);
  await page.getByTestId('person-slot-nguoiYeuCau').click();
  await scanInto(page, app.url, qr(YEN_PHU), async () => {
    await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Trần Thị Bình', { timeout: 1_000 });
  });
  const field = addressOf(page);
  await expect(field.getByTestId('address-as-written')).toHaveText(YEN_PHU);
  await expect(field.getByTestId('address-composed')).toContainText(
    'Thôn Thiên Lộc, Xã Việt Yên, Tỉnh Hưng Yên',
  );
  await expect(field.getByTestId('address-message')).toContainText('Xã Yên Phú cũ nay là Xã Việt Yên');
  await expect(field.locator('[data-candidate]')).toHaveCount(0);
  await expect(field.locator('#root_nguoiYeuCau_address_provinceCode')).toHaveValue(/^\d{2}$/);
  await field.scrollIntoViewIfNeeded();
  await step(page, '10-whole-merge', 'whole merge: filled');
});

test('the pickers: a province, then a commune typed without diacritics on the on-screen keyboard', async ({
  page,
  app,
}) => {
  await openDraft(page, app.url);
  const field = addressOf(page);
  await field.scrollIntoViewIfNeeded();
  await step(page, '20-empty', 'address: empty');
  await field.locator('#root_nguoiYeuCau_address_provinceCode').selectOption({ label: 'Thành phố Hà Nội' });
  await field.locator('#root_nguoiYeuCau_address_communeCode').click();
  await expect(page.getByTestId('osk')).toBeVisible();
  await typeOnScreen(page, 'giang vo');
  await expect(field.locator('[data-commune]')).toHaveText(['Phường Giảng Võ'], { timeout: 5_000 });
  // What it found shows above the keyboard, not under it.
  const hit = await field.locator('[data-commune]').boundingBox();
  const kb = await page.getByTestId('osk').boundingBox();
  expect(hit && kb && hit.y + hit.height <= kb.y).toBe(true);
  await step(page, '21-search', 'address: commune search');
  await field.locator('[data-commune]').click();
  await field.locator('#root_nguoiYeuCau_address_street').click();
  await typeOnScreen(page, '7 Kim Max');
  await expect(field.getByTestId('address-composed')).toContainText(
    '7 Kim Mã, Phường Giảng Võ, Thành phố Hà Nội',
  );
  await step(page, '22-chosen', 'address: chosen');
});

test('an old address typed by hand is read the same way: a split ward is a choice', async ({ page, app }) => {
  await openDraft(page, app.url);
  const field = addressOf(page);
  await field.getByRole('button', { name: 'Chỉ biết địa chỉ cũ? Nhập địa chỉ cũ' }).click();
  await field
    .getByLabel('Địa chỉ cũ (xã/phường, quận/huyện, tỉnh/thành phố cũ)')
    .fill('p kim ma, q ba dinh, ha noi');
  await field.getByRole('button', { name: 'Tìm địa chỉ mới' }).click();
  await expect(field.getByTestId('address-proposal')).toContainText('Địa chỉ cũ quý vị đã nhập');
  await expect(field.getByTestId('address-as-written')).toHaveText('p kim ma, q ba dinh, ha noi');
  await expect(field.locator('[data-candidate]')).toHaveCount(3);
  await field.scrollIntoViewIfNeeded();
  await step(page, '25-typed-old', 'address: old address typed');
});

test('staff console: the administrative-unit data in use, and a refused file changes nothing', async ({
  page,
  app,
}) => {
  await signInToConsole(page, app.url, ADMIN_PIN);
  await page.getByTestId('addresses-link').click();
  const panel = page.getByTestId('address-datasets');
  await expect(panel.getByTestId('address-dataset-current')).toContainText('hiệu lực từ 01/07/2025');
  await expect(panel.getByTestId('address-dataset-current')).toContainText('34 tỉnh/thành phố, 3321');
  await expect(panel.getByTestId('address-dataset-table').locator('tbody tr')).toHaveCount(1);
  await step(page, '30-staff-datasets', 'staff: administrative units');

  await panel.getByTestId('address-install-file').setInputFiles({
    name: 'dvhc.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ not json'),
  });
  await panel.getByTestId('address-install').click();
  await expect(panel.getByTestId('address-install-error')).toContainText('không phải JSON');
  await expect(panel.getByTestId('address-install-error')).toContainText('Không có gì thay đổi');
  await expect(panel.getByTestId('address-dataset-table').locator('tbody tr')).toHaveCount(1);
  await step(page, '31-staff-refused', 'staff: install refused');
});
