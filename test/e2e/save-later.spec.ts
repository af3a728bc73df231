import type { Page } from '@playwright/test';
import type { CreatedDraft, Dossier } from '../../preload/api';
import { expect, test } from './fixtures';
import { api } from './support/contract';
import { listPdfs, PRINTER_QUEUE, waitForNewPdf } from './support/cups';
import { typeOnScreen } from './support/keyboard';
import { looks } from './support/looks';
import { queueConfig } from './support/queue';
import { typeDigitsOnScreen } from './support/taps';

/**
 * "Lưu lại, làm tiếp sau" at the portrait kiosk (issue 22), as a citizen does it: a chứng thực filing
 * started and typed on the on-screen keyboard, saved for later (what happens said first, the birth date
 * asked since no card named one), the slip printed on the ticket printer (a real CUPS queue, cups-pdf)
 * with the code shown very large; "Xong" ends the session with nothing left in the page's storage. Then
 * "Làm tiếp hồ sơ đã lưu" from "Nộp hồ sơ": the code and the birth date open the draft with what was
 * typed. Five wrong birth dates on a code send the citizen to the counter, even with the right one after.
 */

const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
const config = queueConfig({ printer: { id: 'cups', kind: 'system', queue: PRINTER_QUEUE }, prefix: 'L' });

test.use({ viewport: { width: 1080, height: 1920 }, appOptions: { config } });

const DRAFT_KEY = 'kiosk.dossierDraft';

async function openFiling(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await expect(page.getByTestId('catalogue')).toBeVisible();
  await page.getByTestId(`procedure-${PROCEDURE}`).click();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

async function openResume(page: Page): Promise<void> {
  await page.getByTestId('tile-dossier').click();
  await page.getByTestId('resume-saved').click();
  await expect(page.getByTestId('keep-resume')).toBeVisible();
}

/** The code on the letter keyboard (no Telex there), the birth date on the number pad, then "Mở hồ sơ". */
async function resumeWith(page: Page, code: string, birthDigits: string): Promise<void> {
  await page.locator('#keep-code').fill('');
  await page.locator('#keep-code').click();
  await typeOnScreen(page, code.toLowerCase());
  await expect(page.locator('#keep-code')).toHaveValue(code);
  const birth = page.locator('#keep-resume-birth');
  await birth.fill('');
  await birth.click();
  await typeDigitsOnScreen(page, birthDigits);
  await page.getByTestId('keep-resume-open').click();
}

test('saved for later: the slip prints with the code; the code and the birth date take the draft back', async ({
  page,
  app,
}) => {
  test.setTimeout(300_000);
  await openFiling(page, app.url);
  await page.locator('#root_giayTo_tenGiayTo').click();
  await typeOnScreen(page, 'Giaays khai sinh');
  await expect(page.locator('#root_giayTo_tenGiayTo')).toHaveValue('Giấy khai sinh');

  // What happens is said before anything is done.
  const saveLater = page.getByTestId('wizard-save-later');
  await saveLater.click();
  const confirm = page.getByTestId('keep-confirm');
  await expect(confirm).toContainText('phiếu có mã');
  await expect(confirm).toContainText('ngày sinh');
  await looks(page, 'save-later-confirm', {
    open: async () => {
      await saveLater.click();
      await expect(confirm).toBeVisible();
    },
    close: async () => {
      await page.getByTestId('keep-cancel').click();
      await expect(confirm).toBeHidden();
    },
  });

  // No card named the applicant's birth date: it is asked, on the number pad.
  await page.getByTestId('keep-confirm-save').click();
  const birth = page.getByTestId('keep-birth');
  await expect(birth).toBeVisible();
  await looks(page, 'save-later-birth', {
    open: async () => {
      await saveLater.click();
      await page.getByTestId('keep-confirm-save').click();
      await expect(birth).toBeVisible();
    },
    close: async () => {
      await page.getByTestId('keep-birth-cancel').click();
      await expect(birth).toBeHidden();
    },
  });
  await birth.locator('input').click();
  await typeDigitsOnScreen(page, '05091990');
  await expect(birth.locator('input')).toHaveValue('05/09/1990');
  const before = listPdfs();
  await page.getByTestId('keep-birth-save').click();

  const saved = page.getByTestId('keep-saved');
  await expect(saved).toBeVisible({ timeout: 15_000 });
  const code = (await page.getByTestId('keep-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  await expect(page.getByTestId('keep-until')).toContainText(/Giữ đến hết ngày \d\d\/\d\d\/\d{4}/);
  await expect(page.getByTestId('keep-print')).toHaveAttribute('data-printed', 'true');
  // The slip, on the ticket printer, carries the code.
  const slip = await waitForNewPdf(before, (text) => text.includes(code), 60_000);
  await test.info().attach('save-slip.pdf', { path: slip.path, contentType: 'application/pdf' });
  await looks(page, 'save-later-saved');

  // "Xong": the session ends; the page keeps no handle on the draft (it is parked, not wiped).
  await page.getByTestId('keep-done').click();
  await expect(page.getByTestId('tile-dossier')).toBeVisible();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toBeNull();

  // Back later: "Nộp hồ sơ" → "Làm tiếp hồ sơ đã lưu", the code and the birth date.
  await openResume(page);
  await looks(page, 'resume-by-code');
  await resumeWith(page, code, '01011990');
  await expect(page.getByTestId('keep-resume-error')).toHaveAttribute('data-problem', 'wrong');
  await expect(page.getByTestId('keep-resume-error')).toContainText('Mã hoặc ngày sinh không đúng');
  await looks(page, 'resume-by-code-wrong');
  await resumeWith(page, code, '05091990');
  await expect(page.getByTestId('step-form')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#root_giayTo_tenGiayTo')).toHaveValue('Giấy khai sinh');
});

test('five wrong birth dates on a code: the citizen is sent to the counter, even with the right one', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  // A draft saved for later as the wizard would (the screens are the first test's).
  const draft = await api<CreatedDraft>(app.url, 'dossier.create', { procedureId: PROCEDURE });
  await api<Dossier>(app.url, 'dossier.update', {
    id: draft.id,
    draftToken: draft.draftToken,
    data: { giayTo: { tenGiayTo: 'Giấy khai sinh' } },
  });
  const { parkCode } = await api<{ parkCode: string }>(app.url, 'dossier.saveForLater', {
    id: draft.id,
    draftToken: draft.draftToken,
    birthDate: '1990-09-05',
  });

  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await openResume(page);
  const error = page.getByTestId('keep-resume-error');
  for (let i = 0; i < 5; i += 1) {
    await resumeWith(page, parkCode, `0${i + 1}011980`);
    await expect(error).toHaveAttribute('data-problem', /wrong|locked/);
  }
  await resumeWith(page, parkCode, '05091990');
  await expect(error).toHaveAttribute('data-problem', 'locked');
  await expect(error).toContainText('Vui lòng nhờ cán bộ tại quầy');
  await expect(page.getByTestId('keep-resume')).toBeVisible();
  await looks(page, 'resume-by-code-locked');
});

test('the saved code leaves the screen after the short wait, not the wizard’s three minutes', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // The page's clock is the test's: the minutes pass in a moment.
  await page.clock.install();
  await openFiling(page, app.url);
  await page.locator('#root_giayTo_tenGiayTo').fill('Giấy khai sinh');
  await page.getByTestId('wizard-save-later').click();
  await page.getByTestId('keep-confirm-save').click();
  const birth = page.getByTestId('keep-birth');
  await birth.locator('input').fill('05/09/1990');
  await page.getByTestId('keep-birth-save').click();
  await expect(page.getByTestId('keep-saved')).toBeVisible({ timeout: 15_000 });

  // Someone walks away without "Xong": the warning comes after the home screens' 70 s (90 − 20), not
  // the wizard's 160 s, and then the code is gone.
  const dialog = page.getByTestId('idle-dialog');
  await page.clock.fastForward(60_000);
  await expect(dialog).toBeHidden();
  await page.clock.fastForward(11_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(page.getByTestId('tile-dossier')).toBeVisible();
  await expect(page.getByTestId('keep-code')).toHaveCount(0);
});
