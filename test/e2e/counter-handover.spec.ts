import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier, Submitted, Ticket } from '../../preload/api';
import { NGUYEN_HUE } from './support/addresses';
import { api, capturedPng } from './support/contract';
import { ADMIN_PIN, openCounter, queueConfig } from './support/queue';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * From ticket to counter (issue 22), the counter's side. A citizen who started a draft at the kiosk and
 * took a ticket with it is called, and one tap at the counter opens that draft in the assisted wizard
 * with what they typed; a ticket taken with a receipt's QR opens the dossier's reception ("Tiếp nhận",
 * Mẫu 01), and that receipt scanned at the counter afterwards opens its paper; a card scanned at the
 * counter lists the draft its holder set aside. The citizen takes the ticket on the kiosk screen ("Nhờ cán
 * bộ giúp"); the other citizens' parts (a dossier filed, a draft set aside) are set up over the bridge.
 */

const config = { ...queueConfig({ prefix: 'H' }), kioskId: 'K04' };
test.use({ appOptions: { config, env: { KIOSK_TEST_SCANS: '1', KIOSK_ADMIN_PIN: ADMIN_PIN } } });

const KHAI_SINH = 'dang-ky-khai-sinh';
const CHUNG_THUC = 'chung-thuc-ban-sao-tu-ban-chinh';
/** The citizen's chip ID card QR: ID 001090001234, born 01/01/1990. */
const CARD = '001090001234||Nguyễn Văn An|01011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';

/** What the citizen typed into their birth registration: their own details and the child's name. */
async function typeKhaiSinh(url: string, id: string, draftToken: string): Promise<void> {
  await api<Dossier>(url, 'dossier.update', {
    id,
    draftToken,
    data: {
      nguoiYeuCau: { fullName: 'Nguyễn Văn An', idNumber: '001090001234', address: NGUYEN_HUE },
      tre: { fullName: 'Nguyễn Minh Anh' },
    },
  });
}

/** A birth registration begun at the kiosk, over the contract. */
async function startKhaiSinh(url: string): Promise<CreatedDraft> {
  const draft = await api<CreatedDraft>(url, 'dossier.create', { procedureId: KHAI_SINH });
  await typeKhaiSinh(url, draft.id, draft.draftToken);
  return draft;
}

/** A certified copy the citizen filed alone at the kiosk: it waits for an officer (pending). */
async function fileChungThuc(url: string): Promise<Submitted> {
  const draft = await api<CreatedDraft>(url, 'dossier.create', { procedureId: CHUNG_THUC });
  const { id, draftToken } = draft;
  await api<Dossier>(url, 'dossier.update', {
    id,
    draftToken,
    data: {
      nguoiYeuCau: { fullName: 'Trần Thị Bình', idNumber: '079190005678', address: NGUYEN_HUE },
      giayTo: { tenGiayTo: 'Giấy khai sinh', soTrang: 1, soBan: 1 },
    },
  });
  await api<Dossier>(url, 'dossier.attach', {
    id,
    draftToken,
    componentId: 'ban-chinh',
    source: { kind: 'capture', dataBase64: capturedPng([{ text: 'GIẤY KHAI SINH', x: 40, y: 120 }]) },
  });
  return api<Submitted>(url, 'dossier.submit', { id, draftToken });
}

/** The page's event socket may still be connecting: inject again until the page shows the scan's effect. */
async function scanUntil(page: Page, url: string, text: string, testId: string): Promise<void> {
  await expect(async () => {
    const response = await page.request.post(`${url}/api/devices.injectScan`, { data: { text } });
    expect(response.status()).toBe(200);
    await expect(page.getByTestId(testId)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Screenshot and axe in Vietnamese, then the same in English, and back to Vietnamese. */
async function bothLanguages(page: Page, name: string, visible: string, at?: string): Promise<void> {
  const focus = at === undefined ? page.getByTestId(visible).first() : page.locator(at);
  await focus.scrollIntoViewIfNeeded();
  await shot(page, `${name}-vi`);
  await expectAccessible(page, `${name} (vi)`);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId(visible)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await focus.scrollIntoViewIfNeeded();
  await shot(page, `${name}-en`);
  await expectAccessible(page, `${name} (en)`);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
}

test('a draft taken to the counter with a ticket opens there in one tap, with what the citizen typed', async ({
  page,
  app,
  browser,
}) => {
  // At the kiosk: the citizen starts a birth registration; what they typed is put in over the contract
  // (the form is not what this test is about), then the page resumes it and they ask for staff's help.
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await page.getByTestId(`procedure-${KHAI_SINH}`).click();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
  const stored = await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'));
  const { id, draftToken } = JSON.parse(stored ?? '{}') as { id: string; draftToken: string };
  // The page leaves first, so its own autosave of the still empty form cannot land after what is put in
  // over the contract (it did, now and then); the same tab keeps the draft's handle and comes back to it.
  await page.goto('about:blank');
  await typeKhaiSinh(app.url, id, draftToken);
  await page.goto(`${app.url}/`);
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Nguyễn Văn An');
  await page.getByTestId('wizard-ask-staff').click();
  await expect(page.getByTestId('queue-link')).toBeVisible();
  await page.getByTestId('service-ho-tich').click();
  await expect(page.getByTestId('ticket')).toBeVisible();
  const number = (await page.getByTestId('ticket-number').innerText()).replace(/\s+/g, '');

  const staffContext = await browser.newContext();
  try {
    const staff = await staffContext.newPage();
    await openCounter(staff, app.url, 1);
    await staff.getByTestId('call-next').click();
    await expect(staff.getByTestId('current-ticket')).toContainText(number);
    await expect(staff.getByTestId('linked-dossier')).toContainText(
      'Hồ sơ kèm theo: Đăng ký khai sinh (đang làm dở)',
    );
    await bothLanguages(staff, 'counter-linked-draft', 'linked-dossier');

    // One tap: the assisted wizard on the citizen's own draft, at the form, with what they typed.
    await staff.getByTestId('linked-dossier-open').click();
    await expect(staff.getByTestId('wizard-host').getByTestId('wizard')).toBeVisible();
    await expect(staff.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Nguyễn Văn An');
    await expect(staff.locator('#root_tre_fullName')).toHaveValue('Nguyễn Minh Anh');
    await bothLanguages(staff, 'counter-linked-draft-wizard', 'wizard', '#root_nguoiYeuCau_fullName');

    // "G" (call the next number) pressed while the wizard is open calls nobody: back at the counter, the
    // citizen's ticket is still the one served and the next one still waits.
    const next = await api<Ticket>(app.url, 'queue.issueTicket', { serviceId: 'ho-tich' });
    await staff.locator('#console-title').click();
    await staff.keyboard.press('g');
    await staff.waitForTimeout(500);
    await staff.getByTestId('wizard-exit').click();
    await expect(staff.getByTestId(`waiting-${next.number}`)).toBeVisible();
    await expect(staff.getByTestId('current-ticket')).toContainText(number);
  } finally {
    await staffContext.close();
  }
});

test('a ticket taken with a receipt QR opens the pending reception; the receipt scanned later opens its paper', async ({
  page,
  app,
}) => {
  const filed = await fileChungThuc(app.url);
  expect(filed.reception).toBe('pending');
  const secret = filed.lookupSecret ?? '';
  const ticket = await api<Ticket>(app.url, 'queue.issueTicket', {
    serviceId: 'ho-tich',
    receipt: { code: filed.code, secret },
  });
  expect(ticket.dossier).toMatchObject({ status: 'submitted', code: filed.code });

  await openCounter(page, app.url, 1);
  await page.getByTestId('call-next').click();
  const linked = page.getByTestId('linked-dossier');
  await expect(linked).toContainText(`(đã nộp, chờ tiếp nhận) ${filed.code}`);
  await linked.scrollIntoViewIfNeeded();
  await shot(page, 'counter-linked-receipt-vi');

  await page.getByTestId('linked-dossier-open').click();
  const reception = page.getByTestId('dossier-reception');
  await expect(reception.locator(`[data-code="${filed.code}"]`)).toBeVisible();
  await expect(reception.getByTestId('pending-receive')).toBeVisible();
  await bothLanguages(page, 'counter-linked-reception', 'dossier-reception');
  await reception.getByTestId('pending-receive').click();
  await expect(reception.getByTestId('pending-received')).toBeVisible();
  await expect(reception.getByTestId('form-outcome')).toHaveAttribute('data-paper', 'receipt');

  // The same receipt's QR scanned at the counter now opens its paper (Mẫu 01) to print again or view.
  await page.getByTestId('handover-back').click();
  await expect(page.getByTestId('card-scan')).toBeVisible();
  await scanUntil(page, app.url, `${filed.code}#${secret}`, 'receipt-paper');
  await expect(page.getByTestId('receipt-paper')).toHaveAttribute('data-reception', 'received');
  await expect(page.getByTestId('receipt-paper-reprint')).toHaveText('In lại Mẫu 01');
  await bothLanguages(page, 'counter-scanned-receipt', 'receipt-paper');
});

test('a card scanned at the counter lists the draft its holder set aside, and opens it in one tap', async ({
  page,
  app,
}) => {
  const draft = await startKhaiSinh(app.url);
  // The citizen walked away mid-filing: the kiosk set the draft aside for the day.
  expect(
    await api<{ kept: boolean }>(app.url, 'dossier.setAside', { id: draft.id, draftToken: draft.draftToken }),
  ).toEqual({ kept: true });

  await openCounter(page, app.url, 1);
  await expect(page.getByTestId('card-scan')).toBeVisible();
  await scanUntil(page, app.url, CARD, 'card-scan-drafts');
  const rows = page.getByTestId('card-scan-draft');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Đăng ký khai sinh');
  // Nothing personal beyond what the card's holder handed over: not the ID number.
  await expect(page.getByTestId('card-scan')).not.toContainText('001090001234');
  await bothLanguages(page, 'counter-card-drafts', 'card-scan-drafts');

  await rows.getByTestId('card-scan-open').click();
  await expect(page.getByTestId('wizard-host').getByTestId('wizard')).toBeVisible();
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Nguyễn Văn An');
  await page.locator('#root_nguoiYeuCau_fullName').scrollIntoViewIfNeeded();
  await shot(page, 'counter-card-draft-wizard-vi');
});
