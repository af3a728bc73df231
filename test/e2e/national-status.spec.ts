import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { CreatedDraft, Lookup, Submitted } from '../../preload/api';
import { createPortal, DEFAULT_ADMIN_TOKEN, type Portal } from '../portal';
import { api, capturedPng } from './support/contract';
import { lookupSecret } from './support/lookup';
import { signInToConsole } from './support/staff';
import { NGUYEN_HUE } from './support/addresses';
import { expect, expectAccessible, shot, startApp, test } from './fixtures';

/**
 * Issue 21 end to end: a dossier filed with staff (2, Được tiếp nhận) is moved on the reference portal's
 * admin page, as the agency's officer would, 2 → 5 (with a reason) → 4 → 9 → 10. After each move the kiosk
 * pulls it, and the citizen's lookup (the code alone, then the whole dossier) and the staff day list show
 * the status in words with its national code; at 5 the lookup says which papers to bring. Then the
 * "Chỉ số 766" tab shows the day: 1 received, at the counter, on time 1/1.
 */

const ADMIN_PIN = '135790';
const PORTAL_TOKEN = 'kiosk-token-e2e-national';
const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
const UNIT = '000.00.12.H29';
const REASON = 'Bản chụp giấy khai sinh bị mờ, xin mang bản chính để đối chiếu.';

type Status = Lookup['status'];

/** Each step: the admin page's button, then what the citizen and staff read. */
const STEPS: readonly { status: Status; button: string; code: number; citizen: string; staff: string }[] = [
  {
    status: 'supplement',
    button: 'Yêu cầu bổ sung',
    code: 5,
    citizen: 'Cần bổ sung',
    staff: 'Yêu cầu bổ sung',
  },
  { status: 'processing', button: 'Đang xử lý', code: 4, citizen: 'Đang giải quyết', staff: 'Đang xử lý' },
  { status: 'done', button: 'Đã xử lý xong', code: 9, citizen: 'Đã có kết quả', staff: 'Đã xử lý xong' },
  {
    status: 'returned',
    button: 'Đã trả kết quả',
    code: 10,
    citizen: 'Đã trả kết quả',
    staff: 'Đã trả kết quả',
  },
];

async function startPortal(): Promise<{ portal: Portal; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-portal-'));
  const portal = await createPortal({ dataDir, tokens: [PORTAL_TOKEN], port: 0, host: '127.0.0.1' });
  return { portal, dataDir };
}

/** What the portal holds for the kiosk's dossier, through its admin API. */
async function portalCode(portal: Portal, id: string): Promise<string | null> {
  const r = await fetch(`${portal.url}/admin/api/dossiers`, {
    headers: { authorization: `Bearer ${DEFAULT_ADMIN_TOKEN}` },
  });
  const body = (await r.json()) as { dossiers: { code: string; kiosk_dossier_id: string }[] };
  return body.dossiers.find((d) => d.kiosk_dossier_id === id)?.code ?? null;
}

/** A chứng thực dossier filed by staff for a citizen (so received at once, status 2). */
async function fileWithStaff(baseUrl: string, token: string): Promise<Submitted & { id: string }> {
  const draft = await api<CreatedDraft>(baseUrl, 'dossier.create', { procedureId: PROCEDURE }, token);
  const { draftToken } = draft;
  await api(
    baseUrl,
    'dossier.update',
    {
      id: draft.id,
      draftToken,
      data: {
        nguoiYeuCau: { fullName: 'Phạm Thị Dung', idNumber: '079190005678', address: NGUYEN_HUE },
        giayTo: { tenGiayTo: 'Giấy khai sinh', soTrang: 1, soBan: 1 },
      },
    },
    token,
  );
  await api(
    baseUrl,
    'dossier.attach',
    {
      id: draft.id,
      draftToken,
      componentId: 'ban-chinh',
      source: { kind: 'capture', dataBase64: capturedPng([{ text: 'GIẤY KHAI SINH', x: 40, y: 120 }]) },
    },
    token,
  );
  const submitted = await api<Submitted>(baseUrl, 'dossier.submit', { id: draft.id }, token);
  return { ...submitted, id: draft.id };
}

/** The reference portal's admin page, signed in as its operator (HTTP Basic with the admin token). */
async function openAdmin(browser: Browser, portal: Portal): Promise<Page> {
  const context = await browser.newContext({
    httpCredentials: { username: 'admin', password: DEFAULT_ADMIN_TOKEN },
    viewport: { width: 1600, height: 1000 },
  });
  const admin = await context.newPage();
  await admin.goto(`${portal.url}/admin`);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText('quản trị hồ sơ');
  return admin;
}

/** Moves the dossier on the admin page by its button (with a reason when given). */
async function move(admin: Page, code: string, button: string, note?: string): Promise<void> {
  const row = admin
    .locator('tr')
    .filter({ hasText: code })
    .filter({ has: admin.locator('button') })
    .last();
  if (note !== undefined) await row.getByLabel(`Lý do cho ${code}`).fill(note);
  await row.getByRole('button', { name: button, exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toContainText('quản trị hồ sơ');
}

/** Waits until the kiosk has pulled the portal's status (bounded: a pull a second, 30 s at most). */
async function pulled(baseUrl: string, token: string, code: string, status: Status): Promise<void> {
  await expect
    .poll(async () => (await api<Lookup>(baseUrl, 'dossier.lookup', { code }, token)).status, {
      timeout: 30_000,
      intervals: [250, 500, 1_000],
    })
    .toBe(status);
}

/** The citizen looks the code up at the kiosk: the status alone, then the whole dossier by the secret. */
async function lookUp(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-tracking').click();
  await page.getByTestId('lookup-code').fill(code);
  await page.getByTestId('lookup-submit').click();
  await expect(page.getByTestId('lookup-status-only')).toBeVisible();
}

async function openDetail(page: Page, secret: string): Promise<void> {
  await page.getByTestId('lookup-factor-input').fill(secret);
  await page.getByTestId('lookup-factor-submit').click();
  await expect(page.getByTestId('lookup-result')).toBeVisible();
}

test('a dossier through 2 → 5 → 4 → 9 → 10 on the portal: the lookup and the day list follow, and the 766 tab counts it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const { portal, dataDir: portalDir } = await startPortal();
  const app = await startApp({
    config: {
      centre: { name: 'UBND phường Bến Nghé', unitCode: UNIT, address: '29 Lê Duẩn, Quận 1' },
      kioskId: 'K05',
      // Quick turns so the test waits for states, not for the production pace.
      sync: { probeIntervalMs: 250, statusPullSeconds: 1, maxBackoffSeconds: 1, requestTimeoutMs: 10_000 },
    },
    env: { KIOSK_ADMIN_PIN: ADMIN_PIN, KIOSK_PORTAL_URL: portal.url, KIOSK_PORTAL_TOKEN: PORTAL_TOKEN },
  });
  const admin = await openAdmin(browser, portal);
  const staff = await page.context().newPage();
  try {
    const token = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
      .token;
    const filed = await fileWithStaff(app.url, token);
    const secret = lookupSecret(app.dataDir, filed.code);
    await expect.poll(() => portalCode(portal, filed.id), { timeout: 30_000 }).not.toBeNull();
    // The lookup answers by the kiosk's code (the portal's shows beside it).
    const code = filed.code;
    const onPortal = (await portalCode(portal, filed.id)) ?? '';

    // ── 2: received at the counter. ──
    await lookUp(page, app.url, code);
    await expect(page.getByTestId('lookup-status')).toContainText('Đã tiếp nhận');
    await expect(page.getByTestId('lookup-status-code')).toHaveText('Mã trạng thái 2');
    await signInToConsole(staff, app.url, ADMIN_PIN);
    await staff.getByTestId('dossiers-link').click();
    const row = staff.locator(`[data-testid="dossier-row"][data-code="${code}"]`);
    await expect(row.getByTestId('dossier-status')).toHaveText('Được tiếp nhận mã 2');
    await row.scrollIntoViewIfNeeded();
    await shot(staff, 'national-00-staff-received');
    await expectAccessible(staff, 'day list: received (2)');

    for (const [i, step] of STEPS.entries()) {
      await admin.reload();
      await move(admin, onPortal, step.button, step.status === 'supplement' ? REASON : undefined);
      if (i === 0) await shot(admin, 'national-portal-admin-supplement');
      await pulled(app.url, token, code, step.status);
      const n = String(i + 1).padStart(2, '0');

      // The code alone: the status in words, its code, what to do; no note (it may name a person).
      await lookUp(page, app.url, code);
      await expect(page.getByTestId('lookup-status')).toContainText(step.citizen);
      await expect(page.getByTestId('lookup-status-code')).toHaveText(`Mã trạng thái ${step.code}`);
      await expect(page.getByTestId('lookup-advice-note')).toHaveCount(0);
      await shot(page, `national-${n}a-lookup-status-${step.code}`);
      await expectAccessible(page, `lookup status only: ${step.status}`);
      // The whole dossier: the same, and the timeline's current step.
      await openDetail(page, secret);
      await expect(page.getByTestId('lookup-status-code')).toHaveText(`Mã trạng thái ${step.code}`);
      await expect(
        page.getByTestId('lookup-timeline').locator(`[data-status="${step.status}"][data-state="current"]`),
      ).toHaveCount(1);
      if (step.status === 'supplement') {
        await expect(page.getByTestId('lookup-advice')).toContainText(
          'Vui lòng mang các giấy tờ cần bổ sung',
        );
        await expect(page.getByTestId('lookup-advice-note')).toContainText(REASON);
      } else if (step.status === 'done') {
        await expect(page.getByTestId('lookup-advice')).toContainText('đến quầy nhận kết quả');
      } else if (step.status === 'returned') {
        await expect(page.getByTestId('lookup-advice')).toContainText('không cần làm gì thêm');
      } else {
        await expect(page.getByTestId('lookup-advice')).toContainText('quay lại theo ngày hẹn');
        // Papers came and the dossier moved on: the due date was counted again.
        await expect(page.getByTestId('lookup-due-new')).toBeVisible();
      }
      await shot(page, `national-${n}b-lookup-full-${step.code}`);
      await expectAccessible(page, `lookup full: ${step.status}`);

      // Staff: the day list, refreshed, shows the portal's status by its name and code.
      await staff.getByTestId('dossier-refresh').click();
      await expect(row.getByTestId('dossier-status')).toHaveText(`${step.staff} mã ${step.code}`);
      await row.scrollIntoViewIfNeeded();
      await shot(staff, `national-${n}c-staff-${step.code}`);
      await expectAccessible(staff, `day list: ${step.status}`);
    }

    // ── "Chỉ số 766": this month by default, then today; 1 received at the counter, on time 1/1. ──
    await staff.getByTestId('indicators-link').click();
    const indicators = staff.getByTestId('indicators');
    await expect(indicators.getByTestId('indicators-month')).toHaveAttribute('aria-pressed', 'true');
    await expect(indicators.getByTestId('indicator-received')).toContainText('1');
    await staff.getByTestId('indicators-today').click();
    await expect(indicators.getByTestId('indicator-received')).toContainText(
      'tự nộp tại ki-ốt 0 · tại quầy 1 · không tiếp nhận 0',
    );
    await expect(indicators.getByTestId('indicator-onTime')).toContainText('100,0 % (1/1)');
    await expect(indicators.getByTestId('indicators-basis')).toContainText('trạng thái hồ sơ lấy về từ Cổng');
    await expect(indicators.getByTestId('indicators-by-procedure')).toContainText('1');
    await indicators.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(staff, 'national-20-indicators');
    await indicators.getByTestId('indicators-by-procedure').scrollIntoViewIfNeeded();
    await shot(staff, 'national-21-indicators-tables');
    // Nothing wider than the screen: the tables fit the tab.
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
    await expectAccessible(staff, 'Chỉ số 766');
    const download = staff.waitForEvent('download');
    await staff.getByTestId('indicators-csv').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  } finally {
    await admin.context().close();
    await staff.close();
    await app.stop();
    await portal.close();
    rmSync(portalDir, { recursive: true, force: true });
  }
});
