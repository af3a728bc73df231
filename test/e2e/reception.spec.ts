import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier } from '../../preload/api';
import { api, capturedPng } from './support/contract';
import { listPdfs, PRINTER_QUEUE, waitForNewPdf } from './support/cups';
import { scanInto } from './support/keyboard';
import { signInToConsole } from './support/staff';
import { NGUYEN_HUE } from './support/addresses';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * Receiving dossiers under Nghị định 118/2025/NĐ-CP and the forms of Thông tư 03/2025/TT-VPCP, end to end
 * on a real CUPS queue (cups-pdf), each printed form read back with pdftotext:
 *   - staff filing with a citizen whose dossier is incomplete print Mẫu 02 (every missing paper at once)
 *     from the completeness check, then refuse to receive it with a reason (Mẫu 03);
 *   - a citizen filing alone gets a submission slip and is told the dossier waits for an officer; staff
 *     receive it in "Chờ tiếp nhận" (Mẫu 01); the citizen's lookup then shows it received; Mẫu 06/07 export.
 */

const ADMIN_PIN = '135790';
const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
const PAPER = [{ text: 'GIẤY KHAI SINH – Bản chính', x: 40, y: 120 }];

test.use({
  appOptions: {
    config: {
      centre: {
        name: 'UBND phường Bến Nghé',
        unitCode: '000.00.12.H29',
        address: '29 Lê Duẩn, Quận 1',
        receivingUnit: 'Bộ phận Một cửa phường Bến Nghé',
      },
      kioskId: 'K03',
      printers: [{ id: 'cups', kind: 'system', queue: PRINTER_QUEUE }],
      dossier: { receiptPrinter: 'cups', receiptFormat: 'a4', receiptCopies: 1, formsPrinter: 'cups' },
      // Nothing listens on port 9: the kiosk works offline, dossiers wait to be sent.
      portal: { url: 'http://127.0.0.1:9/', token: 'kiosk-token-e2e' },
    },
    env: { KIOSK_ADMIN_PIN: ADMIN_PIN, KIOSK_TEST_SCANS: '1' },
  },
});

/** pdftotext's lines folded into one, so a phrase broken over two lines still reads as one. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** A draft of the copy certification; with `attach`, its original paper too (complete). */
async function draft(
  url: string,
  name: string,
  options: { token?: string; attach: boolean },
): Promise<CreatedDraft> {
  const created = await api<CreatedDraft>(url, 'dossier.create', { procedureId: PROCEDURE }, options.token);
  const { id, draftToken } = created;
  await api<Dossier>(
    url,
    'dossier.update',
    {
      id,
      draftToken,
      data: {
        nguoiYeuCau: { fullName: name, idNumber: '079190005678', address: NGUYEN_HUE },
        giayTo: { tenGiayTo: 'Giấy khai sinh', soTrang: 1, soBan: 1 },
      },
    },
    options.token,
  );
  if (options.attach)
    await api<Dossier>(
      url,
      'dossier.attach',
      {
        id,
        draftToken,
        componentId: 'ban-chinh',
        source: { kind: 'capture', dataBase64: capturedPng(PAPER) },
      },
      options.token,
    );
  return created;
}

/** The screen fits its width (no sideways scrolling) at this size. */
async function fits(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 0 };
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll, `${name}: no sideways scrolling at ${width} px`).toBeLessThanOrEqual(width);
}

async function screen(page: Page, name: string, label: string): Promise<void> {
  await fits(page, label);
  await shot(page, `reception-${name}`);
  await expectAccessible(page, label);
}

test('assisted: an incomplete dossier prints Mẫu 02 with every missing paper, then a refusal prints Mẫu 03', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const token = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
    .token;
  // Filed with staff, without the original paper: the check finds it missing. Parked, to be resumed.
  const filed = await draft(app.url, 'Đỗ Thị Hạnh', { token, attach: false });
  const parked = await api<Dossier>(app.url, 'dossier.park', { id: filed.id }, token);

  await signInToConsole(page, app.url, ADMIN_PIN);
  await page.getByTestId('dossiers-link').click();
  await expect(page.getByTestId('pending-dossiers')).toBeVisible();
  await page.getByTestId('park-code').fill(parked.parkCode ?? '');
  await page.getByTestId('park-resume').click();
  await expect(page.getByTestId('wizard')).toBeVisible();
  await page.getByTestId('wizard-step-check').click();
  await expect(page.getByTestId('check-problems')).toBeVisible();
  const problems = (await page.getByTestId('check-problem').allInnerTexts()).map((p) => p.trim());
  expect(problems.length).toBeGreaterThan(0);
  const counter = page.getByTestId('counter-check');
  await expect(counter).toBeVisible();
  await counter.scrollIntoViewIfNeeded();
  await screen(page, '01-check-incomplete', 'assisted check with Mẫu 02/03');

  // Mẫu 02: every problem of the check at once, and the officer's own note, on the forms printer.
  const note = 'Bản sao trang 2 bị mờ';
  let before = listPdfs();
  await page.getByTestId('check-supplement').click();
  const supplement = page.getByTestId('supplement-dialog');
  await expect(supplement).toBeVisible();
  await expect(page.getByTestId('supplement-note')).toBeFocused();
  await page.getByTestId('supplement-note').fill(note);
  await screen(page, '02-supplement-dialog', 'Mẫu 02 dialog');
  await page.getByTestId('supplement-send').click();
  await expect(page.getByTestId('supplement-done')).toBeVisible({ timeout: 20_000 });
  const items = await page.getByTestId('supplement-items').locator('li').allInnerTexts();
  expect(items.length).toBeGreaterThanOrEqual(problems.length);
  await expect(supplement.getByTestId('form-outcome')).toHaveAttribute('data-printing', 'true');
  await screen(page, '03-supplement-printing', 'Mẫu 02 printing');
  const form02 = await waitForNewPdf(
    before,
    (text) => flat(text).includes('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ') && flat(text).includes(note),
    60_000,
  );
  const text02 = flat(form02.text);
  // Every item the screen listed is on the paper (each item's paper name: its first words).
  for (const item of items) {
    const paper = flat(item).split(':')[0]?.split(' ').slice(0, 4).join(' ') ?? '';
    expect(text02, `Mẫu 02 lists “${paper}”`).toContain(paper);
  }
  expect(text02).toContain('Bản chính giấy tờ');
  expect(text02).toContain('Đỗ Thị Hạnh');
  await page.getByTestId('supplement-close').click();
  await expect(supplement).toHaveCount(0);

  // Mẫu 03: no reason, no refusal (said in words); with one, printed with it.
  await page.getByTestId('check-refuse').click();
  const refuse = page.getByTestId('refuse-dialog');
  await expect(page.getByTestId('refuse-reason')).toBeFocused();
  await page.getByTestId('refuse-send').click();
  await expect(page.getByTestId('refuse-error')).toContainText('Vui lòng ghi lý do từ chối');
  await expect(page.getByTestId('refuse-reason')).toHaveAttribute('aria-invalid', 'true');
  await screen(page, '04-refuse-no-reason', 'Mẫu 03 dialog without a reason');
  const reason = 'Giấy tờ không thuộc thẩm quyền chứng thực của phường';
  await page.getByTestId('refuse-reason').fill(reason);
  before = listPdfs();
  await page.getByTestId('refuse-send').click();
  await expect(page.getByTestId('refuse-done')).toBeVisible({ timeout: 20_000 });
  await screen(page, '05-refused', 'refused');
  const form03 = await waitForNewPdf(
    before,
    (text) => flat(text).includes('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ') && flat(text).includes(reason),
    60_000,
  );
  expect(flat(form03.text)).toContain('Đỗ Thị Hạnh');
  expect(flat(form03.text)).toContain('03/2025/TT-VPCP');
  const refusedCode = /(\S+)\.$/.exec(await page.getByTestId('refuse-done').innerText())?.[1] ?? '';
  expect(refusedCode).toMatch(/^000\.00\.12\.H29-/);
  // Back to the list: the refused dossier is kept, marked so; its reprint is Mẫu 03.
  await refuse.getByTestId('refuse-close').click();
  await expect(page.getByTestId('dossiers')).toBeVisible();
  const refusedRow = page.getByTestId('day-dossiers').locator(`tr[data-code="${refusedCode}"]`);
  await expect(refusedRow.getByTestId('dossier-reception')).toHaveAttribute('data-reception', 'refused');
  await expect(refusedRow.getByTestId('dossier-reprint')).toHaveText('In lại Mẫu 03');
  await refusedRow.scrollIntoViewIfNeeded();
  await screen(page, '06-day-list-refused', 'day list with a refused dossier');
});

test('self-service: a slip and “chờ tiếp nhận”, staff receive it (Mẫu 01), the lookup shows it received; Mẫu 06/07 export', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1080, height: 1920 });
  // The citizen's draft, filled through the bridge; the screens do the rest (as dossier.spec's fee case).
  const filed = await draft(app.url, 'Trần Thị Bình', { attach: true });
  await page.goto(`${app.url}/`);
  await page.evaluate(
    ({ id, draftToken, procedureId }) =>
      sessionStorage.setItem('kiosk.dossierDraft', JSON.stringify({ id, procedureId, draftToken })),
    { id: filed.id, draftToken: filed.draftToken, procedureId: PROCEDURE },
  );
  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await page.getByTestId('wizard-step-check').click();
  await expect(page.getByTestId('check-complete')).toBeVisible();
  // A citizen alone is offered no counter actions.
  await expect(page.getByTestId('counter-check')).toHaveCount(0);
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-review')).toBeVisible();
  let before = listPdfs();
  await page.getByTestId('wizard-next').click();

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible({ timeout: 20_000 });
  await expect(receipt).toHaveAttribute('data-reception', 'pending');
  await expect(page.locator('#receipt-title')).toContainText('Hồ sơ đã được nộp, đang chờ cán bộ tiếp nhận');
  await expect(receipt).toContainText('Ngày hẹn trả kết quả (dự kiến)');
  await expect(page.getByTestId('receipt-next')).toContainText('Mẫu 01');
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  await expect(page.getByTestId('receipt-print')).toContainText(/phiếu xác nhận nộp hồ sơ/i);
  await screen(page, '10-citizen-slip', 'receipt: submitted, waiting for an officer');
  await page.getByTestId('receipt-next').scrollIntoViewIfNeeded();
  await shot(page, 'reception-10b-citizen-slip-next');
  const slip = await waitForNewPdf(before, (text) => flat(text).includes(code), 60_000);
  expect(flat(slip.text)).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ');
  expect(flat(slip.text)).toContain('dự kiến');
  expect(flat(slip.text)).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  await expect(page.getByTestId('receipt-print')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  // The lookup before an officer received it: "Đã nộp, chờ tiếp nhận", the date dự kiến.
  await page.getByTestId('receipt-done').click();
  await expect(page.getByTestId('tile-tracking')).toBeVisible();
  await scanInto(page, app.url, `${code}#${secret}`, async () => {
    await expect(page.getByTestId('lookup-result')).toBeVisible({ timeout: 2_000 });
  });
  await expect(page.getByTestId('lookup-status')).toContainText('Đã nộp, chờ tiếp nhận');
  await expect(page.getByTestId('lookup-reception')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('lookup-due')).toContainText('(dự kiến)');
  await screen(page, '11-lookup-pending', 'lookup: waiting for an officer');

  // Staff receive it in "Chờ tiếp nhận": Mẫu 01 prints, with the 2025 circular.
  const staff = await page.context().newPage();
  await signInToConsole(staff, app.url, ADMIN_PIN);
  await staff.getByTestId('dossiers-link').click();
  const row = staff.getByTestId('pending-row').filter({ hasText: code });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('pending-due')).toContainText('(dự kiến)');
  await screen(staff, '12-staff-pending', 'Chờ tiếp nhận');
  before = listPdfs();
  await row.getByTestId('pending-receive').click();
  await expect(row.getByTestId('pending-received')).toContainText('Đã tiếp nhận. Hẹn trả kết quả:');
  await expect(row.getByTestId('form-outcome')).toContainText(
    'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) đang được in.',
  );
  await expect(row.getByTestId('pending-receive')).toHaveCount(0);
  const form01 = await waitForNewPdf(
    before,
    (text) => flat(text).includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ') && flat(text).includes(code),
    60_000,
  );
  expect(flat(form01.text)).toContain('03/2025/TT-VPCP');
  // The day list: filed alone at the kiosk, now received; its reprint is Mẫu 01.
  const dayRow = staff.getByTestId('day-dossiers').locator(`tr[data-code="${code}"]`);
  await expect(dayRow.getByTestId('dossier-channel')).toHaveAttribute('data-channel', 'kiosk');
  await expect(dayRow.getByTestId('dossier-reception')).toHaveAttribute('data-reception', 'received', {
    timeout: 15_000,
  });
  await expect(dayRow.getByTestId('dossier-reprint')).toHaveText('In lại Mẫu 01');
  await dayRow.scrollIntoViewIfNeeded();
  await screen(staff, '13-staff-received', 'received at the counter');

  // Mẫu 06/07 of today's dossiers, as CSV and PDF downloads.
  await staff.getByTestId('report-link').click();
  const exporter = staff.getByTestId('tracking-export');
  await exporter.scrollIntoViewIfNeeded();
  await screen(staff, '14-tracking-export', 'Mẫu 06/07 export');
  const [csv] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByTestId('tracking-book-csv').click(),
  ]);
  const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(csvText).toContain(code);
  await expect(staff.getByTestId('tracking-status')).toContainText(csv.suggestedFilename());
  const [pdf] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByTestId('tracking-control-pdf').click(),
  ]);
  expect(
    readFileSync((await pdf.path()) ?? '')
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await staff.close();

  // The citizen looks it up again: received, the date no longer dự kiến.
  await page.goto(`${app.url}/`);
  await expect(page.getByTestId('tile-tracking')).toBeVisible();
  await scanInto(page, app.url, `${code}#${secret}`, async () => {
    await expect(page.getByTestId('lookup-result')).toBeVisible({ timeout: 2_000 });
  });
  await expect(page.getByTestId('lookup-reception')).toHaveAttribute('data-state', 'received');
  await expect(page.getByTestId('lookup-reception')).toContainText('Đã tiếp nhận lúc');
  await expect(page.getByTestId('lookup-estimated')).toHaveCount(0);
  await screen(page, '15-lookup-received', 'lookup: received');
});
