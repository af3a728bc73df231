import { shot, test, expect, expectAccessible } from './fixtures';

const config = {
  centre: { name: 'UBND phường Thử Nghiệm', unitCode: '000.00.12.H29' },
  idleTimeoutSeconds: 15,
  idleWarningSeconds: 8,
};

test.use({ appOptions: { config } });

test('an idle kiosk counts down visibly, then wipes the citizen session and returns home', async ({
  page,
  app,
}) => {
  test.setTimeout(60_000);
  await page.goto(`${app.url}/`);
  await expect(page.getByTestId('centre-name')).toHaveText('UBND phường Thử Nghiệm');
  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('text-larger').click();
  // No queue services in this centre: the queue tile opens the honest "coming soon" page.
  await page.getByTestId('tile-queue').click();
  await expect(page.getByTestId('coming-soon')).toBeVisible();

  // After 15 − 8 = 7 s of no touch the warning appears with a countdown.
  const dialog = page.getByTestId('idle-dialog');
  await expect(dialog).toBeVisible({ timeout: 12_000 });
  const first = Number((await page.getByTestId('idle-countdown').textContent())?.match(/\d+/)?.[0]);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(8);
  await shot(page, 'idle-warning');
  await expectAccessible(page, 'idle warning');

  // "I'm still here" keeps everything as it was.
  await page.getByTestId('idle-continue').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('coming-soon')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Left alone, the session is wiped: home, Vietnamese, default text size.
  await expect(dialog).toBeVisible({ timeout: 12_000 });
  await expect(page.getByTestId('tile-queue')).toBeVisible({ timeout: 12_000 });
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByTestId('text-larger')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('text-normal')).toHaveAttribute('aria-pressed', 'true');
});
