import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CreatedDraft, Dossier, Submitted, Ticket } from '../../preload/api';
import { expect, test } from './fixtures';
import { api, capturedPng } from './support/contract';
import { PRINTER_QUEUE } from './support/cups';
import { scanInto, typeOnScreen } from './support/keyboard';
import { looks } from './support/looks';
import { queueConfig, staffToken } from './support/queue';
import { TRANG_TIEN } from './support/addresses';

/**
 * From the citizen's filing to a ticket the counter can open it from (issue 22), citizen side: "Nhờ cán
 * bộ giúp" in the wizard takes a ticket linked to the draft; a receipt QR scanned on the queue's picker
 * links the next ticket to that dossier, said before the service is chosen; "Lấy số gặp cán bộ" on the
 * receipt does the same without a scan. Each ticket says the officer opens the dossier, and the queue's
 * own list (what a counter reads) carries it.
 */

const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
const MOTHER_QR = '001190001234||Trần Thị Bình|01011990|Nữ|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';
const usb = mkdtempSync(join(tmpdir(), 'kiosk-ticket-link-'));

test.beforeAll(async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Giay khai sinh', {
    x: 60,
    y: 760,
    size: 22,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  writeFileSync(join(usb, 'giay-khai-sinh-ban-chinh.pdf'), Buffer.from(await doc.save()));
});

const config = {
  ...queueConfig({ printer: { id: 'cups', kind: 'system', queue: PRINTER_QUEUE }, prefix: 'T' }),
  kioskId: 'K01',
  dossier: {
    importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: usb }],
    receiptPrinter: 'cups',
    receiptCopies: 1,
  },
};

test.use({
  viewport: { width: 1080, height: 1920 },
  appOptions: { config, env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: '135790' } },
});

async function openFiling(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await page.getByTestId(`procedure-${PROCEDURE}`).click();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

/** The ticket as the counter's list has it (queue.waiting, staff). */
async function waitingTicket(url: string, number: string): Promise<Ticket> {
  const token = await staffToken(url);
  const { waiting } = await api<{ waiting: Ticket[] }>(url, 'queue.waiting', { counterId: 1 }, token);
  const ticket = waiting.find((t) => t.number === number);
  if (!ticket) throw new Error(`ticket ${number} is not waiting at counter 1`);
  return ticket;
}

async function takeLinkedTicket(page: Page): Promise<string> {
  await page.getByTestId('service-ho-tich').click();
  await expect(page.getByTestId('ticket')).toBeVisible();
  return (await page.getByTestId('ticket-number').innerText()).replace(/\s+/g, '');
}

/** Files a chứng thực dossier through the contract, the way the filing screens do, and submits it. */
async function submitDossier(url: string): Promise<Submitted> {
  const draft = await api<CreatedDraft>(url, 'dossier.create', { procedureId: PROCEDURE });
  const { draftToken } = draft;
  await api<Dossier>(url, 'dossier.update', {
    id: draft.id,
    draftToken,
    data: {
      nguoiYeuCau: { fullName: 'Nguyễn Văn An', idNumber: '001090001234', address: TRANG_TIEN },
      giayTo: { tenGiayTo: 'Bằng tốt nghiệp trung học phổ thông', soTrang: 1, soBan: 2 },
    },
  });
  await api<Dossier>(url, 'dossier.attach', {
    id: draft.id,
    draftToken,
    componentId: 'ban-chinh',
    source: { kind: 'capture', dataBase64: capturedPng([{ text: 'BẢN CHÍNH', x: 60, y: 120 }]) },
  });
  return api<Submitted>(url, 'dossier.submit', { id: draft.id, draftToken });
}

test('"Nhờ cán bộ giúp": a ticket linked to the draft, which the page then lets go of', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await openFiling(page, app.url);
  await page.locator('#root_giayTo_tenGiayTo').click();
  await typeOnScreen(page, 'Giaays khai sinh');
  await expect(page.locator('#root_giayTo_tenGiayTo')).toHaveValue('Giấy khai sinh');
  const stored = await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'));
  const draftId = (JSON.parse(stored ?? '{}') as { id?: string }).id;
  expect(draftId).toBeTruthy();

  await page.getByTestId('wizard-ask-staff').click();
  await expect(page.getByTestId('queue-link')).toHaveAttribute('data-kind', 'draft');
  await looks(page, 'ticket-link-picker-draft');

  // "Quay lại hồ sơ" keeps filing, with what was typed.
  await page.getByTestId('queue-back-dossier').click();
  await expect(page.locator('#root_giayTo_tenGiayTo')).toHaveValue('Giấy khai sinh');
  await page.getByTestId('wizard-ask-staff').click();

  const number = await takeLinkedTicket(page);
  await expect(page.getByTestId('ticket-dossier')).toContainText(
    `Cán bộ sẽ mở hồ sơ của Quý vị khi gọi số ${number}`,
  );
  await looks(page, 'ticket-link-ticket-draft');
  expect(await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'))).toBeNull();
  expect((await waitingTicket(app.url, number)).dossier?.id).toBe(draftId);
});

test('a receipt QR scanned at the queue links the next ticket to that dossier', async ({ page, app }) => {
  test.setTimeout(120_000);
  const submitted = await submitDossier(app.url);
  expect(submitted.lookupSecret).toBeTruthy();
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-queue').click();
  await expect(page.getByTestId('queue-services')).toBeVisible();

  await scanInto(page, app.url, `${submitted.code}#${submitted.lookupSecret ?? ''}`, async () => {
    await expect(page.getByTestId('queue-link')).toContainText(`Vé này gắn với hồ sơ ${submitted.code}`, {
      timeout: 1_000,
    });
  });
  // Not the lookup: the picker read the scan itself.
  await expect(page.getByTestId('queue-services')).toBeVisible();
  await looks(page, 'ticket-link-picker-receipt');

  const number = await takeLinkedTicket(page);
  await expect(page.getByTestId('ticket-dossier')).toContainText(`Vé này gắn với hồ sơ ${submitted.code}`);
  await looks(page, 'ticket-link-ticket-receipt');
  expect((await waitingTicket(app.url, number)).dossier).toMatchObject({
    id: submitted.id,
    code: submitted.code,
  });
});

test('"Lấy số gặp cán bộ" on the receipt takes a ticket linked to the dossier just filed', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await openFiling(page, app.url);
  await scanInto(page, app.url, MOTHER_QR, async () => {
    await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Trần Thị Bình', { timeout: 1_000 });
  });
  await page.locator('#root_giayTo_tenGiayTo').fill('Giấy khai sinh');
  await page.locator('#root_giayTo_soTrang').fill('1');
  await page.locator('#root_giayTo_soBan').fill('2');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-attachments')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('add-ban-chinh').click();
  await page.getByTestId('file-chooser').getByTestId('file-giay-khai-sinh-ban-chinh.pdf').click();
  await expect(page.getByTestId('attachment-ban-chinh-0')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-delivery')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('check-complete')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-review')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 20_000 });
  const code = (await page.getByTestId('receipt-code').innerText()).trim();

  await page.getByTestId('receipt-ticket').click();
  await expect(page.getByTestId('queue-link')).toContainText(`Vé này gắn với hồ sơ ${code}`);
  const number = await takeLinkedTicket(page);
  await expect(page.getByTestId('ticket-dossier')).toContainText(`Vé này gắn với hồ sơ ${code}`);
  expect((await waitingTicket(app.url, number)).dossier?.code).toBe(code);
});
