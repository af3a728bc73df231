import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import * as badFiles from '../unit/dossier/corpus';
import { expect, expectAccessible, shot, test } from './fixtures';
import { api } from './support/contract';
import { listPdfs, PRINTER_QUEUE, waitForNewPdf } from './support/cups';
import { scanInto, typeOnScreen } from './support/keyboard';
import { lookupSecret } from './support/lookup';
import { TRANG_TIEN } from './support/addresses';

/**
 * Filing a birth registration (đăng ký khai sinh, the seed's `dang-ky-khai-sinh`) at the kiosk, from the
 * home screen to the printed receipt, the way a citizen does it: the mother's ID card scanned into her
 * place in the form, the child's details typed on the on-screen keyboard with Telex, a JPEG and a PDF
 * attached from the USB folder, the completeness check catching the missing birth certificate, and the
 * receipt on screen and on a real CUPS printer (cups-pdf). Plus the refusals a person can meet: a program
 * renamed .pdf, a 200 MB file, a file swapped for a link out of the folder, markup typed into a name.
 */

const MOTHER_QR = '001190001234||Trần Thị Bình|01011990|Nữ|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';

/** The USB drive: files made here, before the app starts, in a folder the config names. */
const usb = mkdtempSync(join(tmpdir(), 'kiosk-usb-'));
const outside = mkdtempSync(join(tmpdir(), 'kiosk-outside-'));

async function jpeg(text: string): Promise<Buffer> {
  const canvas = createCanvas(600, 800);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 600, 800);
  ctx.fillStyle = '#123a7a';
  ctx.font = '40px sans-serif';
  ctx.fillText(text, 40, 120);
  ctx.strokeRect(30, 30, 540, 740);
  return canvas.encode('jpeg', 85);
}

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 60, y: 760, size: 22, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

test.beforeAll(async () => {
  writeFileSync(join(usb, 'cccd-mat-truoc.jpg'), await jpeg('CCCD mat truoc'));
  writeFileSync(join(usb, 'cccd-mat-sau.pdf'), await pdf('CCCD mat sau'));
  // A Windows program with a .pdf name: "MZ" header.
  writeFileSync(
    join(usb, 'hoa-don.pdf'),
    Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2048)]),
  );
  // 200 MB, sparse: costs no disk, and is refused by its size before a byte is read.
  writeFileSync(join(usb, 'video-200mb.pdf'), '');
  truncateSync(join(usb, 'video-200mb.pdf'), 200 * 1024 * 1024);
  // Listed as an ordinary file; swapped for a link out of the folder just before the tap (below).
  writeFileSync(join(usb, 'giay-to-khac.pdf'), await pdf('Khac'));
  writeFileSync(join(outside, 'kiosk-secret.pdf'), await pdf('Secret'));
  // A photo cut short (the first 100 bytes of a PNG: this hung the kiosk for good before the file
  // worker), and a PDF that runs JavaScript when opened.
  writeFileSync(join(usb, 'anh-bi-cat.png'), (await badFiles.png()).subarray(0, 100));
  writeFileSync(join(usb, 'to-khai-co-ma.pdf'), await badFiles.javascriptPdf());
});

/** The centre's account for level-4 fees (a test account: VietQR payloads only, nothing is paid). */
const payment = { bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND PHUONG BEN NGHE' };

const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '29 Lê Duẩn, TP Hồ Chí Minh' },
  services: [],
  counters: [],
  printers: [{ id: 'cups', kind: 'system', queue: PRINTER_QUEUE }],
  dossier: {
    importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: usb }],
    receiptPrinter: 'cups',
    receiptCopies: 1,
  },
  payment,
};

test.use({ appOptions: { config, env: { KIOSK_TEST_SCANS: '1' } } });

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────

/** Types digits on the on-screen number pad. */
async function typeDigits(page: Page, digits: string): Promise<void> {
  const osk = page.getByTestId('osk');
  await expect(osk).toHaveAttribute('data-kind', 'numeric');
  for (const d of digits) await osk.getByRole('button', { name: d, exact: true }).click();
}

async function field(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await expect(page.getByTestId('osk')).toBeVisible();
}

async function step(page: Page, name: string, screen: string): Promise<void> {
  await shot(page, `dossier-${name}`);
  await expectAccessible(page, screen);
}

async function startFiling(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await expect(page.getByTestId('catalogue')).toBeVisible();
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  await expect(page.getByTestId('step-privacy')).toBeVisible();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

// ── the whole filing ─────────────────────────────────────────────────────────────────────────────

test('a birth registration from the home screen to the printed receipt', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('tile-dossier')).not.toContainText('Sắp có');
  await step(page, '01-home', 'home');

  // Choose the procedure: search on the on-screen keyboard.
  await page.getByTestId('tile-dossier').click();
  await expect(page.getByTestId('catalogue')).toBeVisible();
  await field(page, 'catalogue-query');
  await typeOnScreen(page, 'khai sinh');
  await expect(page.getByTestId('catalogue-query')).toHaveValue('khai sinh');
  await expect(page.getByTestId('procedure-dang-ky-khai-sinh')).toBeVisible();
  await step(page, '02-choose-procedure', 'choose procedure with keyboard');

  // The privacy notice comes before anything personal.
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  const privacy = page.getByTestId('step-privacy');
  await expect(privacy).toContainText('91/2025/QH15');
  await expect(privacy).toContainText('356/2025/NĐ-CP');
  await step(page, '03-privacy', 'privacy notice');
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await step(page, '04-form', 'e-form');

  // The mother's card, scanned into her place; then the same card for the applicant (she files it).
  await page.getByTestId('person-slot-me').click();
  await expect(page.getByTestId('person-chosen')).toContainText('Mẹ');
  await scanInto(page, app.url, MOTHER_QR, async () => {
    await expect(page.locator('#root_me_fullName')).toHaveValue('Trần Thị Bình', { timeout: 1_000 });
  });
  await expect(page.locator('#root_me_idNumber')).toHaveValue('001190001234');
  await expect(page.locator('#root_me_birthDate')).toHaveValue('01/01/1990');
  await expect(page.locator('[data-field="root_me_fullName"]')).toHaveClass(/is-filled/);
  // The card's old address (Tràng Tiền, Hoàn Kiếm) is now Phường Hoàn Kiếm: filled, the card's text kept.
  await expect(page.locator('#root_me_address').getByTestId('address-composed')).toContainText(
    'Số 1 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội',
  );
  await expect(page.getByTestId('wizard-notice')).toContainText('Trần Thị Bình');
  await step(page, '05-mother-scanned', 'mother filled from the card');

  await page.getByTestId('person-slot-nguoiYeuCau').click();
  await scanInto(page, app.url, MOTHER_QR, async () => {
    await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Trần Thị Bình', { timeout: 1_000 });
  });
  await field(page, 'root_nguoiYeuCau_quanHe');
  await typeOnScreen(page, 'mej');
  await expect(page.locator('#root_nguoiYeuCau_quanHe')).toHaveValue('mẹ');

  // The child, on the on-screen keyboard with Telex.
  await field(page, 'root_tre_fullName');
  await typeOnScreen(page, 'Nguyeenx Minh Anh');
  await expect(page.locator('#root_tre_fullName')).toHaveValue('Nguyễn Minh Anh');
  await shot(page, 'dossier-06-keyboard-telex');
  await expectAccessible(page, 'on-screen keyboard');
  // The field being typed stays above the keyboard.
  const box = await page.locator('#root_tre_fullName').boundingBox();
  const kb = await page.getByTestId('osk').boundingBox();
  expect(box && kb && box.y + box.height <= kb.y).toBe(true);

  await field(page, 'root_tre_birthDate');
  await typeDigits(page, '10112026');
  await expect(page.locator('#root_tre_birthDate')).toHaveValue('10/11/2026');
  await shot(page, 'dossier-07-number-pad');
  await page.locator('#root_tre_sex').getByText('Nam', { exact: true }).click();
  await field(page, 'root_tre_ethnicity');
  await typeOnScreen(page, 'Kinh');
  await field(page, 'root_tre_nationality');
  await typeOnScreen(page, 'Vieejt Nam');
  await expect(page.locator('#root_tre_nationality')).toHaveValue('Việt Nam');
  await field(page, 'root_tre_birthPlace');
  await typeOnScreen(page, 'Beenhj vieenj Tuwf Dux');
  await expect(page.locator('#root_tre_birthPlace')).toHaveValue('Bệnh viện Từ Dũ');
  await field(page, 'root_me_ethnicity');
  await typeOnScreen(page, 'Kinh');
  await field(page, 'root_me_nationality');
  await typeOnScreen(page, 'Vieejt Nam');

  // Markup in a name is refused, clearly, and nothing goes on until it is fixed.
  await page.locator('#root_tre_hometown').fill('<script>alert(1)</script>');
  // The keyboard slides up for the field; let it settle before tapping on.
  await expect(page.getByTestId('osk')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('save-error')).not.toBeEmpty();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await expect(page.locator('[data-field="root_tre_hometown"] .df-errors')).toBeVisible();
  await shot(page, 'dossier-08-markup-refused');
  await expectAccessible(page, 'markup refused');
  await page.locator('#root_tre_hometown').fill('');
  await expect(page.getByTestId('osk')).toBeVisible();
  await page.getByTestId('wizard-next').click();

  // Papers: the identity card (a JPEG and a PDF), but not the birth certificate yet.
  await expect(page.getByTestId('step-attachments')).toBeVisible({ timeout: 15_000 });
  await step(page, '09-papers', 'papers');
  await page.getByTestId('add-giay-to-tuy-than').click();
  const chooser = page.getByTestId('file-chooser');
  await expect(chooser.getByTestId('chooser-files')).toBeVisible();
  await step(page, '10-chooser', 'file chooser');

  // A program renamed .pdf, a 200 MB file, a file swapped for a link out of the folder: refused.
  await chooser.getByTestId('file-hoa-don.pdf').click();
  await expect(chooser.getByTestId('attach-error')).toContainText('Chưa nhận được tệp');
  await shot(page, 'dossier-11-exe-refused');
  await expectAccessible(page, 'program refused');
  const exeMessage = await chooser.getByTestId('attach-error').innerText();
  await chooser.getByTestId('file-video-200mb.pdf').click();
  await expect(chooser.getByTestId('attach-error')).not.toHaveText(exeMessage);
  await shot(page, 'dossier-12-too-large-refused');
  const sizeMessage = await chooser.getByTestId('attach-error').innerText();
  unlinkSync(join(usb, 'giay-to-khac.pdf'));
  symlinkSync(join(outside, 'kiosk-secret.pdf'), join(usb, 'giay-to-khac.pdf'));
  await chooser.getByTestId('file-giay-to-khac.pdf').click();
  await expect(chooser.getByTestId('attach-error')).not.toHaveText(sizeMessage);
  await expect(chooser.getByTestId('attach-error')).toContainText('Chưa nhận được tệp');
  await shot(page, 'dossier-13-outside-refused');
  await chooser.getByTestId('file-anh-bi-cat.png').click();
  await expect(chooser.getByTestId('attach-error')).toContainText('bị hỏng');
  await shot(page, 'dossier-13c-truncated-picture-refused');
  await chooser.getByTestId('file-to-khai-co-ma.pdf').click();
  await expect(chooser.getByTestId('attach-error')).toContainText('JavaScript');
  await shot(page, 'dossier-13d-pdf-with-script-refused');
  await expectAccessible(page, 'pdf with script refused');

  // The camera: this browser has none (or may not use it); the person is told kindly what to do instead.
  await chooser.getByTestId('chooser-camera').click();
  await chooser.getByTestId('camera-start').click();
  await expect(chooser.getByTestId('camera-status')).toContainText(/USB|máy quét/);
  await shot(page, 'dossier-13b-camera-unavailable');
  await expectAccessible(page, 'camera unavailable');
  await chooser.getByRole('button', { name: 'Từ USB hoặc máy quét' }).click();
  await chooser.getByTestId('file-cccd-mat-truoc.jpg').click();
  await expect(chooser).toHaveCount(0);
  await expect(page.getByTestId('attachment-giay-to-tuy-than-0')).toContainText('cccd-mat-truoc.jpg');
  await page.getByTestId('add-giay-to-tuy-than').click();
  await page.getByTestId('file-chooser').getByTestId('file-cccd-mat-sau.pdf').click();
  await expect(page.getByTestId('attachment-giay-to-tuy-than-1')).toContainText('cccd-mat-sau.pdf');
  await expect(page.getByTestId('attachment-giay-to-tuy-than-0').locator('img')).toBeVisible();
  // Reorder with the buttons: the PDF goes first.
  await page
    .getByTestId('attachment-giay-to-tuy-than-1')
    .getByRole('button', { name: /Đưa lên/ })
    .click();
  await expect(page.getByTestId('attachment-giay-to-tuy-than-0')).toContainText('cccd-mat-sau.pdf');
  await step(page, '14-papers-attached', 'papers attached');
  await page.getByTestId('wizard-next').click();

  // Result at the counter; a phone number on the number pad (level 4 needs a way to reach the citizen).
  await expect(page.getByTestId('step-delivery')).toBeVisible();
  await field(page, 'contact-phone');
  await typeDigits(page, '0912345678');
  await step(page, '15-delivery', 'delivery');
  await page.getByTestId('wizard-next').click();

  // The completeness check names the missing birth certificate; its button leads to it.
  await expect(page.getByTestId('step-check')).toBeVisible();
  const problems = page.getByTestId('check-problems');
  await expect(problems).toContainText('Giấy chứng sinh');
  await step(page, '16-check-missing', 'completeness check');
  await problems.locator('[data-component="giay-chung-sinh"]').click();
  await expect(page.getByTestId('step-attachments')).toBeVisible();
  await expect(page.getByTestId('paper-giay-chung-sinh')).toBeFocused();
  await page.getByTestId('add-giay-chung-sinh').click();
  // The birth certificate is scanned only now, with the list open: it appears without "Tải lại".
  const scanned = page.getByTestId('file-chooser').getByTestId('file-giay-chung-sinh.pdf');
  await expect(page.getByTestId('file-chooser').getByTestId('chooser-files')).toBeVisible();
  await expect(scanned).toHaveCount(0);
  writeFileSync(join(usb, 'giay-chung-sinh.pdf'), await pdf('Giay chung sinh'));
  await expect(scanned).toBeVisible({ timeout: 10_000 });
  await scanned.click();
  await expect(page.getByTestId('attachment-giay-chung-sinh-0')).toContainText('giay-chung-sinh.pdf');
  await page.getByTestId('wizard-step-check').click();
  await expect(page.getByTestId('check-complete')).toBeVisible();
  await step(page, '17-check-complete', 'complete');
  await page.getByTestId('wizard-next').click();

  // Review and submit.
  await expect(page.getByTestId('step-review')).toBeVisible();
  await expect(page.getByTestId('review-person-me')).toContainText('Trần Thị Bình');
  await step(page, '18-review', 'review');
  const before = listPdfs();
  await page.getByTestId('wizard-next').click();

  // The receipt: the code, the due date, the QR, the print state; and the same on paper.
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  expect(code).toMatch(/^000\.00\.12\.H29-(K\d{2}-)?\d{6}-\d{4}$/);
  const due = (await page.getByTestId('receipt-due').locator('strong').innerText()).trim();
  expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(page.getByTestId('receipt-qr')).toBeVisible();
  // The lookup secret is on the screen as on the paper: a receipt the printer lost does not lose it.
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  expect(secret).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  await step(page, '19-receipt', 'receipt');
  // Filed alone (Nghị định 118/2025/NĐ-CP): submitted, not yet received; the paper is the submission slip,
  // Mẫu 01 comes when an officer receives it.
  await expect(receipt).toHaveAttribute('data-reception', 'pending');
  await expect(page.getByTestId('receipt-next')).toContainText('Mẫu 01');
  const printed = await waitForNewPdf(before, (text) => text.includes(code), 60_000);
  expect(printed.text).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ');
  expect(printed.text).toContain(due);
  expect(printed.text).toContain(secret);
  await expect(page.getByTestId('receipt-print')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await shot(page, 'dossier-20-receipt-printed');
  await page.getByTestId('receipt-done').click();
  await expect(page.getByTestId('tile-dossier')).toBeVisible();
});

// ── smaller cases ────────────────────────────────────────────────────────────────────────────────

test('procedures: search with or without diacritics, browse by field, the information page', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-procedures').click();
  await expect(page.getByTestId('catalogue-results')).toBeVisible();
  await step(page, '30-procedures', 'procedures');
  for (const query of ['dang ky khai sinh', 'KHAI SINH', 'khai sinh']) {
    await page.getByTestId('catalogue-query').fill(query);
    await expect(page.getByTestId('procedure-dang-ky-khai-sinh')).toBeVisible();
  }
  await page.getByTestId('catalogue-query').fill('');
  await page.getByTestId('catalogue-field-Hộ tịch').click();
  await expect(page.getByTestId('procedure-dang-ky-khai-sinh')).toBeVisible();
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  const info = page.getByTestId('procedure-info');
  await expect(info).toContainText('Giấy chứng sinh');
  await expect(info).toContainText('Bản chính');
  await expect(info).toContainText('Chỉ cần khi');
  await expect(page.getByTestId('info-cutoff')).toContainText('15:00');
  await expect(page.getByTestId('info-fee')).toContainText('Miễn phí');
  await step(page, '31-procedure-info', 'procedure information');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'dossier-32-procedure-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('info-file').click();
  await expect(page.getByTestId('step-privacy')).toBeVisible();
});

test('a card never overwrites what the person typed without asking', async ({ page, app }) => {
  await startFiling(page, app.url);
  await page.locator('#root_me_fullName').fill('Tran Thi Binh');
  await page.getByTestId('person-slot-me').click();
  await scanInto(page, app.url, MOTHER_QR, async () => {
    await expect(page.getByTestId('fill-conflict')).toBeVisible({ timeout: 1_000 });
  });
  await expect(page.getByTestId('fill-conflict')).toContainText('Tran Thi Binh');
  await expect(page.locator('#root_me_idNumber')).toHaveValue('001190001234');
  await step(page, '40-fill-conflict', 'fill conflict');
  await page.getByTestId('conflict-keep').click();
  await expect(page.locator('#root_me_fullName')).toHaveValue('Tran Thi Binh');
  // No greeting from the home screen while filing.
  await expect(page.getByTestId('scan-greeting')).toHaveCount(0);
});

test('a reloaded page resumes the draft; leaving asks, then wipes it', async ({ page, app }) => {
  await startFiling(page, app.url);
  await page.locator('#root_tre_fullName').fill('Nguyễn Minh Anh');
  await expect(page.getByTestId('wizard-save')).toContainText('Đã lưu', { timeout: 10_000 });
  const draft = await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'));
  expect(draft).not.toBeNull();
  const { id, draftToken } = JSON.parse(draft ?? '{}') as { id: string; draftToken: string };
  expect(draftToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // The id alone opens nothing: the bridge answers as for an id that does not exist.
  const bare = await page.request.post(`${app.url}/api/dossier.get`, { data: { id } });
  expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('dossier-not-found');

  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await expect(page.locator('#root_tre_fullName')).toHaveValue('Nguyễn Minh Anh');
  await expect(page.getByTestId('wizard-notice')).toContainText('mở lại');

  await page.getByTestId('wizard-exit').click();
  await expect(page.getByTestId('exit-confirm')).toBeVisible();
  await step(page, '50-exit-confirm', 'leave confirm');
  await page.getByTestId('exit-confirm-button').click();
  await expect(page.getByTestId('tile-dossier')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'))).toBeNull();
  const gone = await page.request.post(`${app.url}/api/dossier.get`, { data: { id, draftToken } });
  expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('dossier-not-found');
});

test('a level-4 fee: the receipt shows the fee, “Chưa thanh toán” and a VietQR; its QR opens the lookup', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // The form filled through the bridge (the typing is covered above); the screens do the rest.
  const draft = await api<{ id: string; draftToken: string }>(app.url, 'dossier.create', {
    procedureId: 'cap-ban-sao-trich-luc-ho-tich',
  });
  await api(app.url, 'dossier.update', {
    id: draft.id,
    draftToken: draft.draftToken,
    data: {
      nguoiYeuCau: {
        fullName: 'Trần Thị Bình',
        idNumber: '001190001234',
        address: TRANG_TIEN,
        quanHe: 'mẹ',
      },
      nguoiDuocCap: { fullName: 'Nguyễn Minh Anh', birthDate: '2026-11-10', sex: 'male' },
      suKien: { loaiViec: 'khai-sinh', noiDangKy: 'UBND phường Bến Nghé' },
      soBan: 1,
    },
    contact: { phone: '0912345678' },
  });
  // The kiosk page finds the citizen's draft id and token as a reload would, and opens it again.
  await page.goto(`${app.url}/`);
  await page.evaluate(
    ({ id, draftToken }) =>
      sessionStorage.setItem(
        'kiosk.dossierDraft',
        JSON.stringify({ id, procedureId: 'cap-ban-sao-trich-luc-ho-tich', draftToken }),
      ),
    draft,
  );
  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await expect(page.locator('#root_nguoiDuocCap_fullName')).toHaveValue('Nguyễn Minh Anh');
  await page.getByTestId('wizard-step-check').click();
  await expect(page.getByTestId('check-complete')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-review')).toContainText('8.000 đồng');
  await page.getByTestId('wizard-next').click();

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  await expect(page.getByTestId('receipt-fee')).toContainText('8.000 đồng');
  await expect(page.getByTestId('receipt-paid')).toHaveText('Chưa thanh toán');
  const qr = page.getByTestId('receipt-vietqr');
  await expect(qr).toBeVisible();
  await qr.scrollIntoViewIfNeeded();
  await shot(page, 'dossier-60-receipt-vietqr');
  await expectAccessible(page, 'receipt with VietQR');

  // The VietQR on screen is the EMVCo payload for this account, amount and dossier code.
  const work = mkdtempSync(join(tmpdir(), 'kiosk-vietqr-'));
  try {
    const png = join(work, 'vietqr.png');
    await qr.screenshot({ path: png });
    const payload = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    expect(payload.startsWith('000201')).toBe(true);
    expect(payload).toContain('A000000727');
    expect(payload).toContain(payment.accountNumber);
    expect(payload).toContain('54048000');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // Back home, the receipt's QR (the code and its lookup secret) scanned opens the whole dossier.
  await page.getByTestId('receipt-done').click();
  await expect(page.getByTestId('tile-tracking')).toBeVisible();
  await scanInto(page, app.url, `${code}#${lookupSecret(app.dataDir, code)}`, async () => {
    await expect(page.getByTestId('lookup-result')).toBeVisible({ timeout: 2_000 });
  });
  await expect(page.getByTestId('lookup-code-value')).toContainText(code);
});

test.describe('a citizen who walks away', () => {
  test.use({ appOptions: { config: { ...config, idleTimeoutSeconds: 15, idleWarningSeconds: 5 } } });

  test('the idle reset takes their unsubmitted draft off the screen: its token ends', async ({
    page,
    app,
  }) => {
    test.setTimeout(90_000);
    // The page's clock is the test's: the wizard's 3 minutes (its own timeout) pass in a moment.
    await page.clock.install();
    await startFiling(page, app.url);
    await page.locator('#root_tre_fullName').fill('Nguyễn Minh Anh');
    await expect(page.getByTestId('wizard-save')).toContainText('Đã lưu', { timeout: 10_000 });
    const { id, draftToken } = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'))) ?? '{}',
    ) as { id: string; draftToken: string };
    // Nobody touches the screen: the warning, then home. The draft is set aside for the citizen's card
    // (continuity.spec.ts), never again opened by this screen's token.
    await page.clock.fastForward(165_000);
    await expect(page.getByTestId('idle-dialog')).toBeVisible();
    await page.clock.fastForward(20_000);
    await expect(page.getByTestId('tile-dossier')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'))).toBeNull();
    await expect(async () => {
      const gone = await page.request.post(`${app.url}/api/dossier.get`, { data: { id, draftToken } });
      expect(((await gone.json()) as { error?: { code: string } }).error?.code).toBe('dossier-not-found');
    }).toPass({ timeout: 10_000 });
  });
});

test('in English and high contrast, the form and its keyboard stay readable', async ({ page, app }) => {
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('button', { name: 'Tương phản cao' })
    .or(page.getByRole('button', { name: /contrast/i }))
    .click();
  await page.getByTestId('tile-dossier').click();
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  await expect(page.getByTestId('step-privacy')).toContainText('Personal Data Protection Law');
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('person-picker')).toContainText('Scan the ID card of:');
  await expect(page.locator('#root_tre_fullName__label')).toContainText('Full name');
  // Help lines, choice labels and placeholders are English too, not only the titles.
  await expect(page.locator('[data-field="root_tre_birthPlace"]')).toContainText(
    'Name of the hospital or health centre, commune or ward, province or city',
  );
  await expect(page.locator('#root_tre_sex')).toContainText('Female');
  await expect(page.locator('#root_tre_sex')).not.toContainText('Nữ');
  await expect(page.locator('#root_me_idNumber')).toHaveAttribute('placeholder', '12 digits');
  await page.locator('[data-field="root_tre_birthPlace"]').scrollIntoViewIfNeeded();
  await step(page, '69-english-contrast-form', 'English, high contrast, form');
  await field(page, 'root_tre_fullName');
  await typeOnScreen(page, 'Nguyeenx');
  await expect(page.locator('#root_tre_fullName')).toHaveValue('Nguyễn');
  await step(page, '70-english-contrast-keyboard', 'English, high contrast, keyboard');
  await field(page, 'root_tre_birthDate');
  await step(page, '71-english-contrast-numbers', 'English, high contrast, number pad');
});

test('“Tiếp tục” on an empty form marks every missing field at once, in words', async ({ page, app }) => {
  await startFiling(page, app.url);
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('form-errors')).toContainText('ô cần sửa');
  const childName = page.locator('[data-field="root_tre_fullName"]');
  await expect(childName).toHaveClass(/has-error/);
  await expect(childName.locator('.df-errors')).not.toBeEmpty();
  await expect(page.locator('[data-field="root_me_birthDate"]')).toHaveClass(/has-error/);
  // The first field to fix has focus, and its keyboard is up.
  await expect(page.getByTestId('osk')).toBeVisible();
  await step(page, '45-form-errors', 'form errors');
  // Typing in a field takes its error away.
  await page.locator('#root_tre_fullName').fill('Nguyễn Minh Anh');
  await expect(childName).not.toHaveClass(/has-error/);
});
