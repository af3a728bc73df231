import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier, Submitted } from '../../preload/api';
import { api, capturedPng } from './support/contract';
import { expect, expectAccessible, shot, startApp, test } from './fixtures';
import { startFakePrinter } from './support/fake-printer';
import { signInToConsole } from './support/staff';
import { NGUYEN_HUE } from './support/addresses';

/**
 * The staff console's "Hồ sơ" and "Đồng bộ" tabs end to end: the day's dossiers (one filed by a citizen,
 * one by staff), a receipt reprinted to a thermal printer's raw port and viewed on screen, a parked
 * draft resumed by its code, filing for a citizen, the sync screen with an unreachable portal, and the
 * day's satisfaction in the report.
 */

const ADMIN_PIN = '135790';
const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
/** What the captured "photo" of the paper shows. */
const PAPER = [{ text: 'GIẤY KHAI SINH – Bản chính', x: 40, y: 120 }];

/** A draft filled through the contract, with the token its creator got (staff also have their session). */
async function fileDraft(
  baseUrl: string,
  name: string,
  token?: string,
): Promise<{ id: string; draftToken: string }> {
  const draft = await api<CreatedDraft>(baseUrl, 'dossier.create', { procedureId: PROCEDURE }, token);
  const { draftToken } = draft;
  await api<Dossier>(
    baseUrl,
    'dossier.update',
    {
      id: draft.id,
      draftToken,
      data: {
        nguoiYeuCau: { fullName: name, idNumber: '079190005678', address: NGUYEN_HUE },
        giayTo: { tenGiayTo: 'Giấy khai sinh', soTrang: 1, soBan: 1 },
      },
    },
    token,
  );
  await api<Dossier>(
    baseUrl,
    'dossier.attach',
    {
      id: draft.id,
      draftToken,
      componentId: 'ban-chinh',
      source: { kind: 'capture', dataBase64: capturedPng(PAPER) },
    },
    token,
  );
  return { id: draft.id, draftToken };
}

const signIn = (page: Page, baseUrl: string): Promise<void> => signInToConsole(page, baseUrl, ADMIN_PIN);

/** A kiosk with a thermal printer for receipts and a portal that never answers (it works offline). */
async function startKiosk() {
  const printer = await startFakePrinter();
  const app = await startApp({
    config: {
      centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '29 Lê Duẩn, Quận 1' },
      kioskId: 'K02',
      printers: [{ id: 'thermal', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port }],
      dossier: { receiptPrinter: 'thermal', receiptFormat: '80mm', receiptCopies: 1 },
      // Nothing listens on port 9: the kiosk works offline, dossiers wait.
      portal: { url: 'http://127.0.0.1:9/', token: 'kiosk-token-e2e' },
    },
    env: { KIOSK_ADMIN_PIN: ADMIN_PIN },
  });
  const token = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
    .token;
  // One dossier filed by a citizen, one by staff on a citizen's behalf; the receipts of both print.
  const byCitizen = await api<Submitted>(
    app.url,
    'dossier.submit',
    await fileDraft(app.url, 'Trần Thị Bình'),
  );
  const byStaff = await api<Submitted>(
    app.url,
    'dossier.submit',
    { id: (await fileDraft(app.url, 'Lê Văn Cường', token)).id },
    token,
  );
  await printer.nextJob(20_000);
  await printer.nextJob(20_000);
  return {
    app,
    printer,
    token,
    byCitizen,
    byStaff,
    stop: async () => {
      await app.stop();
      await printer.close();
    },
  };
}

test('staff see the day’s dossiers, reprint and view a receipt, resume a parked draft, file for a citizen, and read the satisfaction', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { app, printer, token, byCitizen, byStaff, stop } = await startKiosk();
  try {
    const me = await api<{ user: { displayName: string } }>(app.url, 'staff.me', {}, token);
    // A draft parked for a citizen who went home to fetch a paper.
    const parked = await api<Dossier>(
      app.url,
      'dossier.park',
      { id: (await fileDraft(app.url, 'Phạm Thị Dung', token)).id },
      token,
    );
    expect(parked.parkCode).toMatch(/^[0-9A-Z]{4,8}$/);
    await api(app.url, 'feedback.rate', {
      context: 'submit',
      code: byCitizen.code,
      rating: 'very-satisfied',
    });
    await api(app.url, 'feedback.rate', {
      context: 'lookup',
      rating: 'unsatisfied',
      reason: 'Chờ lâu; Máy khó dùng',
    });

    await signIn(page, app.url);
    await page.getByTestId('dossiers-link').click();
    const table = page.getByTestId('day-dossiers-table');
    await expect(table).toBeVisible();
    const citizenRow = table.locator(`[data-code="${byCitizen.code}"]`);
    const staffRow = table.locator(`[data-code="${byStaff.code}"]`);
    await expect(citizenRow).toContainText('Chứng thực bản sao');
    // Filed alone at the kiosk: waiting for an officer, its paper the submission slip; filed at the
    // counter: received there and then, its paper Mẫu 01 (Nghị định 118/2025/NĐ-CP).
    await expect(citizenRow.getByTestId('dossier-channel')).toHaveText('Tự nộp tại ki-ốt');
    await expect(citizenRow.getByTestId('dossier-reception')).toHaveText('Chờ tiếp nhận');
    await expect(citizenRow.getByTestId('dossier-reprint')).toHaveText('In lại phiếu nộp');
    await expect(staffRow).toContainText(me.user.displayName);
    await expect(staffRow.getByTestId('dossier-channel')).toContainText('Tại quầy');
    await expect(staffRow.getByTestId('dossier-reception')).toHaveText('Đã tiếp nhận');
    await expect(staffRow.getByTestId('dossier-reprint')).toHaveText('In lại Mẫu 01');
    // The citizen's dossier waits in "Chờ tiếp nhận" too.
    await expect(page.getByTestId('pending-table').locator(`[data-code="${byCitizen.code}"]`)).toBeVisible();
    await expect(citizenRow.getByTestId('dossier-sync')).toHaveText(/Chờ gửi|Đang gửi/);
    await expect(table).not.toContainText('079190005678');
    await expect(page.getByTestId('parked-drafts')).toContainText(parked.parkCode ?? '');
    await shot(page, 'staff-dossiers');
    await expectAccessible(page, 'staff dossiers');

    // Reprint: a print job reaches the thermal printer and the notice says it printed.
    await citizenRow.getByTestId('dossier-reprint').click();
    const job = await printer.nextJob(20_000);
    expect(job.commands.at(-1)?.op).toBe('cut');
    await expect(page.getByTestId('reprint-notice')).toHaveAttribute('data-view', 'done', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('reprint-notice')).toContainText(byCitizen.code);
    await expect(page.getByTestId('reprint-notice')).toHaveAttribute('data-paper', 'slip');

    // View: the receipt PDF in a dialog, with a download of the same file.
    await citizenRow.getByTestId('dossier-view').click();
    const dialog = page.getByTestId('receipt-dialog');
    await expect(dialog).toBeVisible();
    // Shown in a frame where the CSP allows blob: frames; else the dialog says so and offers the download.
    const csp = (await fetch(`${app.url}/staff`)).headers.get('content-security-policy') ?? '';
    if (/frame-src[^;]*blob:/.test(csp)) await expect(page.getByTestId('receipt-frame')).toBeVisible();
    else await expect(page.getByTestId('receipt-blocked')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('receipt-download').click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe(`bien-nhan-${byCitizen.code}.pdf`);
    await shot(page, 'staff-receipt-view');
    await expectAccessible(page, 'staff receipt view');
    await page.getByTestId('receipt-close').click();
    await expect(dialog).toHaveCount(0);

    // Resume the parked draft by its code: the filing wizard opens on it.
    await page.getByTestId('park-code').fill((parked.parkCode ?? '').toLowerCase());
    await page.getByTestId('park-resume').click();
    await expect(page.getByTestId('wizard-host').getByTestId('wizard')).toBeVisible();
    await shot(page, 'staff-dossier-resumed');
    await expectAccessible(page, 'staff resumed draft');

    // Filing for a citizen: choose the procedure, then the wizard. Pressing the tab again leaves the wizard.
    await page.getByTestId('dossiers-link').click();
    await expect(page.getByTestId('day-dossiers')).toBeVisible();
    await page.getByTestId('file-for-citizen').click();
    await expect(page.getByTestId('procedure-picker')).toBeVisible();
    await page.getByTestId('picker-search').fill('chung thuc ban sao');
    await expect(page.getByTestId(`pick-${PROCEDURE}`)).toBeVisible();
    await shot(page, 'staff-procedure-picker');
    await expectAccessible(page, 'staff procedure picker');
    await page.getByTestId(`pick-${PROCEDURE}`).click();
    await expect(page.getByTestId('wizard-host').getByTestId('wizard')).toBeVisible();
    await shot(page, 'staff-file-for-citizen');

    // The day report carries the day's satisfaction.
    await page.getByTestId('report-link').click();
    const satisfaction = page.getByTestId('satisfaction');
    await expect(satisfaction).toContainText('2 lượt đánh giá');
    await expect(page.getByTestId('satisfaction-unsatisfied')).toContainText('50%');
    await expect(page.getByTestId('satisfaction-reasons')).toContainText('Chờ lâu; Máy khó dùng');
    await satisfaction.scrollIntoViewIfNeeded();
    await shot(page, 'staff-report-satisfaction');
    await expectAccessible(page, 'staff report with satisfaction');
  } finally {
    await stop();
  }
});

test('the sync tab shows the portal unreachable, the dossiers waiting, and accepts "Thử lại ngay"', async ({
  page,
}) => {
  const { app, stop } = await startKiosk();
  try {
    await signIn(page, app.url);
    // Sync: the portal is unreachable, both dossiers wait; "Thử lại ngay" is accepted.
    await page.getByTestId('sync-link').click();
    const panel = page.getByTestId('sync-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('sync-connection')).toContainText('Chưa kết nối được với cổng');
    // Both dossiers are waiting (one may be between attempts as "sending"): neither is lost nor refused.
    await expect(async () => {
      const waiting = Number(await page.getByTestId('sync-count-waiting').locator('dd').innerText());
      const sending = Number(await page.getByTestId('sync-count-sending').locator('dd').innerText());
      expect(waiting + sending).toBe(2);
    }).toPass({ timeout: 10_000 });
    await expect(page.getByTestId('sync-attention-empty')).toBeVisible();
    await shot(page, 'staff-sync');
    await expectAccessible(page, 'staff sync');
    await page.getByTestId('sync-retry-all').click();
    await expect(panel.locator('.sync-notice')).toContainText('Đã yêu cầu gửi ngay');
  } finally {
    await stop();
  }
});
