import type { Page } from '@playwright/test';
import { api } from './support/contract';
import { signInToConsole } from './support/staff';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * The staff console's "Ngày nghỉ lễ" tab end to end: an admin adds a day off and sees due dates move
 * over the bridge, is told to add a year first, adds it, removes a shipped day and restores it; a
 * staff member who is not an admin reads the calendar without any way to change it.
 */

const ADMIN_PIN = '135790';
const STAFF_PIN = '555666';

type Due = { dueDate: string; effectiveReceivedDate: string };

/** Monday 2 March 2026, 09:00 in Hà Nội, one working day: Tuesday 3 March unless that is a day off. */
const dueMarch = (url: string) =>
  api<Due>(url, 'calendar.dueDate', { receivedAt: '2026-03-02T09:00:00+07:00', workingDays: 1 });
/** Friday 28 August 2026: Mon 31/8 (swapped off), Tue 1/9 and Wed 2/9 are days off. */
const dueNationalDay = (url: string) =>
  api<Due>(url, 'calendar.dueDate', { receivedAt: '2026-08-28T10:00:00+07:00', workingDays: 1 });

async function signIn(page: Page, baseUrl: string, user: string, pin: string): Promise<void> {
  await signInToConsole(page, baseUrl, pin, user);
  await page.getByTestId('holidays-link').click();
  await expect(page.getByTestId('holiday-table')).toBeVisible();
}

const row = (page: Page, date: string) =>
  page.getByTestId('holiday-table').locator(`tr[data-date="${date}"]`);

test.use({ appOptions: { env: { KIOSK_ADMIN_PIN: ADMIN_PIN } } });

test('an admin edits the holiday calendar and the next due dates follow it', async ({ page, app }) => {
  test.setTimeout(90_000);
  expect((await dueMarch(app.url)).dueDate).toBe('2026-03-03');
  expect((await dueNationalDay(app.url)).dueDate).toBe('2026-09-03');

  await signIn(page, app.url, 'admin', ADMIN_PIN);
  await expect(page.getByTestId('holiday-year')).toHaveValue('2026');
  await expect(row(page, '2026-04-26')).toContainText('Chủ Nhật');
  await expect(row(page, '2026-04-26').getByTestId('holiday-origin')).toHaveText('Có sẵn');
  await expect(page.getByTestId('holiday-from-now')).toContainText('Hồ sơ đã nộp giữ nguyên ngày hẹn trả');
  await page.getByTestId('holidays').evaluate((el) => el.scrollIntoView());
  await shot(page, 'holidays-admin');
  await expectAccessible(page, 'holidays (admin)');

  // A day off decided locally: Tuesday 3 March 2026.
  await page.getByTestId('holiday-add').click();
  const form = page.getByTestId('holiday-form');
  await expect(form).toBeVisible();
  await form.getByTestId('holiday-date').fill('03/03/2026');
  // Typed and shown day first, as Vietnamese write dates, whatever the browser's locale.
  await expect(form.getByTestId('holiday-date')).toHaveValue('03/03/2026');
  await form.getByTestId('holiday-kind').selectOption('swap-off');
  await form.getByTestId('holiday-nameVi').fill('Nghỉ hoán đổi (theo quyết định của UBND)');
  await form.getByTestId('holiday-nameEn').fill('Swapped day off (local decision)');
  await form.getByTestId('holiday-source').fill('Quyết định số 12/QĐ-UBND ngày 20/2/2026');
  await shot(page, 'holidays-add-form');
  await expectAccessible(page, 'holidays add form');
  await form.getByTestId('holiday-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('holiday-notice')).toHaveText('Đã lưu ngày 03/03/2026.');
  await expect(row(page, '2026-03-03').getByTestId('holiday-origin')).toHaveText('Đã sửa');
  await expect(row(page, '2026-03-03')).toContainText('Quản trị viên');
  expect((await dueMarch(app.url)).dueDate).toBe('2026-03-04');

  // A day in a year the calendar does not cover yet: a clear refusal, the form stays open.
  await page.getByTestId('holiday-add').click();
  await form.getByTestId('holiday-date').fill('03/01/2028');
  await form.getByTestId('holiday-nameVi').fill('Ngày nghỉ thử');
  await form.getByTestId('holiday-nameEn').fill('Test day off');
  await form.getByTestId('holiday-save').click();
  await expect(page.getByTestId('holiday-form-error')).toContainText('Hãy thêm năm 2028 trước');
  await expect(form.getByTestId('holiday-date')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'holidays-year-missing');
  await expectAccessible(page, 'holidays refusal');
  await form.getByTestId('holiday-cancel').click();
  await expect(form).toBeHidden();

  // So the year comes first.
  await page.getByTestId('holiday-add-year').click();
  const yearForm = page.getByTestId('year-form');
  await yearForm.getByTestId('year-year').fill('2028');
  await yearForm.getByTestId('year-note').fill('Thông báo nghỉ lễ, Tết năm 2028 của Bộ Nội vụ');
  await yearForm.getByTestId('holiday-save').click();
  await expect(yearForm).toBeHidden();
  await expect(page.getByTestId('holiday-year')).toHaveValue('2028');
  await expect(page.getByTestId('holiday-year-info')).toContainText('Lịch năm 2028: chính thức');
  const dueIn2028 = await api<Due>(app.url, 'calendar.dueDate', {
    receivedAt: '2028-01-04T09:00:00+07:00',
    workingDays: 1,
  });
  expect(dueIn2028.dueDate).toBe('2028-01-05');

  // Back to 2026: remove the shipped day beside National Day, with a confirmation first.
  await page.getByTestId('holiday-year').selectOption('2026');
  await row(page, '2026-09-01').getByTestId('holiday-remove').click();
  const confirm = page.getByTestId('holiday-confirm-remove');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Bỏ ngày 01/09/2026 khỏi lịch nghỉ?');
  await shot(page, 'holidays-confirm-remove');
  await expectAccessible(page, 'holidays confirm removal');
  await confirm.getByTestId('holiday-confirm-remove-button').click();
  await expect(confirm).toBeHidden();
  await expect(row(page, '2026-09-01').getByTestId('holiday-origin')).toHaveText('Đã bỏ');
  await expect(row(page, '2026-09-01')).toContainText('Không tính');
  expect((await dueNationalDay(app.url)).dueDate).toBe('2026-09-01');
  await row(page, '2026-09-01').scrollIntoViewIfNeeded();
  await shot(page, 'holidays-removed');

  await row(page, '2026-09-01').getByTestId('holiday-restore').click();
  await expect(row(page, '2026-09-01').getByTestId('holiday-origin')).toHaveText('Có sẵn');
  await expect(page.getByTestId('holiday-notice')).toHaveText('Đã khôi phục ngày 01/09/2026.');
  expect((await dueNationalDay(app.url)).dueDate).toBe('2026-09-03');
});

test('staff who are not admins read the calendar but cannot change it', async ({ page, app }) => {
  const admin = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN }))
    .token;
  await api(
    app.url,
    'staff.createUser',
    { user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff', pin: STAFF_PIN },
    admin,
  );
  await signIn(page, app.url, 'lan', STAFF_PIN);
  await expect(page.getByTestId('holiday-readonly')).toContainText(
    'Chỉ tài khoản quản trị mới thay đổi được lịch này',
  );
  await expect(page.getByTestId('holiday-add')).toHaveCount(0);
  await expect(page.getByTestId('holiday-add-year')).toHaveCount(0);
  await expect(page.getByTestId('holiday-remove')).toHaveCount(0);
  await page.getByTestId('holidays').evaluate((el) => el.scrollIntoView());
  await shot(page, 'holidays-staff-readonly');
  await expectAccessible(page, 'holidays (staff, read-only)');

  // The bridge refuses an edit from this session too, whatever the screen shows.
  const staff = (await api<{ token: string }>(app.url, 'staff.signIn', { user: 'lan', pin: STAFF_PIN }))
    .token;
  await expect(api(app.url, 'calendar.removeDay', { date: '2026-09-01' }, staff)).rejects.toThrow(
    /forbidden/,
  );
});
