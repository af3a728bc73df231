import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';
import { scanInto } from './support/keyboard';

/**
 * Issue 22, "Continuity" and "Nothing lost to a timeout", at the kiosk: a card scanned on the home screen
 * fills the applicant of the filing that follows; a session that ends mid-filing clears the screen but
 * keeps the draft, which the same card takes back at the home screen, and no other card does.
 */

/** Nguyễn Văn An's chip ID card QR (ID 001090001234, born 01/01/1990). */
const AN = '001090001234||Nguyễn Văn An|01011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';
/** Another citizen's card. */
const BINH = '001190001234||Trần Thị Bình|01011990|Nữ|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';

const config = { centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' }, services: [] };
// The kiosk's portrait screen.
test.use({
  appOptions: { config, env: { KIOSK_TEST_SCANS: '1' } },
  viewport: { width: 1080, height: 1920 },
});

async function greet(page: Page, url: string, card: string): Promise<void> {
  await scanInto(page, url, card, async () => {
    await expect(page.getByTestId('scan-greeting')).toBeVisible({ timeout: 1_000 });
  });
}

/** The home screen's card, then "Nộp hồ sơ", khai sinh and the privacy notice: the form. */
async function fileAfterScan(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await greet(page, url, AN);
  await expect(page.getByTestId('scan-greeting')).toContainText('Xin chào Nguyễn Văn An!');
  await page.getByTestId('scan-greeting').getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  await expect(page.getByTestId('step-privacy')).toBeVisible();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

async function look(page: Page, name: string, screen: string): Promise<void> {
  await shot(page, `continuity-${name}`);
  await expectAccessible(page, screen);
}

test('a card scanned at home fills the applicant; "Không phải người nộp" takes it out and asks whose it is', async ({
  page,
  app,
}) => {
  await fileAfterScan(page, app.url);
  const line = page.getByTestId('carried-card');
  await expect(line).toHaveText(
    /Đã điền thông tin từ thẻ của Nguyễn Văn An cho mục Người yêu cầu\.\s*Không phải người nộp/,
  );
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Nguyễn Văn An');
  await expect(page.locator('#root_nguoiYeuCau_idNumber')).toHaveValue('001090001234');
  // Nobody else was filled: the card is the applicant's unless the citizen says otherwise.
  await expect(page.locator('#root_me_fullName')).toHaveValue('');
  await line.scrollIntoViewIfNeeded();
  await look(page, 'carried-vi', 'carried card line');

  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('text-larger').click();
  await expect(line).toContainText(
    'The details from the card of Nguyễn Văn An were filled in for Applicant.',
  );
  await line.scrollIntoViewIfNeeded();
  await look(page, 'carried-en-large', 'carried card line, English, A+');
  await page.getByTestId('contrast-toggle').click();
  await line.scrollIntoViewIfNeeded();
  await look(page, 'carried-en-large-contrast', 'carried card line, English, A+, high contrast');

  await page.getByTestId('carried-not-applicant').click();
  await expect(line).toBeHidden();
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('');
  await expect(page.locator('#root_nguoiYeuCau_idNumber')).toHaveValue('');
  // "Thẻ này của ai?": the same card can go elsewhere, here the father.
  await page.getByTestId('ask-who-cha').click();
  await expect(page.locator('#root_cha_fullName')).toHaveValue('Nguyễn Văn An');
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('');
});

test('a session ending mid-filing keeps the draft for the same card, shown to nobody else', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // The page's clock is the test's: the wizard's three minutes pass in a moment.
  await page.clock.install();
  await fileAfterScan(page, app.url);
  await expect(page.locator('#root_nguoiYeuCau_idNumber')).toHaveValue('001090001234');
  await page.locator('#root_tre_fullName').fill('Nguyễn Minh Anh');
  await expect(page.getByTestId('wizard-save')).toContainText('Đã lưu', { timeout: 10_000 });

  // In the wizard the warning comes after 3 minutes (not 90 s), and gives 20 s.
  const dialog = page.getByTestId('idle-dialog');
  await page.clock.fastForward(150_000);
  await expect(dialog).toBeHidden();
  await page.clock.fastForward(11_000);
  await expect(dialog).toBeVisible();
  await look(page, 'idle-wizard-vi', 'idle warning in the wizard');
  await page.clock.fastForward(20_000);

  // The screen clears: home, nothing of the draft in the page, nothing printed for someone who left.
  await expect(page.getByTestId('tile-dossier')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'))).toBeNull();
  await expect(page.getByText('Nguyễn Minh Anh')).toHaveCount(0);
  await expect(page.getByTestId('scan-resume')).toHaveCount(0);

  // Another card: a greeting, and no draft.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/dossier.resumeByCard'));
  await greet(page, app.url, BINH);
  expect(((await (await answer).json()) as { value?: unknown[] }).value).toEqual([]);
  await expect(page.getByTestId('scan-greeting')).toContainText('Trần Thị Bình');
  await expect(page.getByTestId('scan-resume')).toHaveCount(0);
  await page.getByTestId('scan-dismiss').click();

  // The same card: "Làm tiếp hồ sơ đang dở", with the procedure and when it was started, nothing more.
  await greet(page, app.url, AN);
  const resume = page.getByTestId('scan-resume-draft');
  await expect(resume).toHaveCount(1);
  await expect(resume).toContainText('Làm tiếp hồ sơ đang dở: Đăng ký khai sinh');
  await expect(resume).toContainText('Bắt đầu lúc');
  await expect(page.getByTestId('scan-greeting')).not.toContainText('Nguyễn Minh Anh');
  await look(page, 'resume-vi', 'greeting with a draft to take back');
  await page.getByTestId('scan-dismiss').click();

  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('text-larger').click();
  await page.getByTestId('contrast-toggle').click();
  await greet(page, app.url, AN);
  await expect(resume).toContainText('Continue the unfinished dossier: Đăng ký khai sinh');
  await look(page, 'resume-en-large-contrast', 'greeting with a draft, English, A+, high contrast');

  // One tap: the wizard on that draft, with what was typed; a reload keeps it.
  await resume.click();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await expect(page.locator('#root_tre_fullName')).toHaveValue('Nguyễn Minh Anh');
  await expect(page.locator('#root_nguoiYeuCau_fullName')).toHaveValue('Nguyễn Văn An');
  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await expect(page.locator('#root_tre_fullName')).toHaveValue('Nguyễn Minh Anh');
});
