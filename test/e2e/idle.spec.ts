import { shot, test, expect, expectAccessible } from './fixtures';

// A configuration written before the 20 s floor: a 15 s timeout and an 8 s warning. The kiosk still starts,
// with the floors applied (30 s, and at least 20 s to answer "Tôi vẫn đang dùng", WCAG 2.2.1).
const config = {
  centre: { name: 'UBND phường Thử Nghiệm', unitCode: '000.00.12.H29' },
  idleTimeoutSeconds: 15,
  idleWarningSeconds: 8,
};

test.use({ appOptions: { config } });

test('an idle kiosk warns for at least 20 s, then wipes the citizen session and returns home', async ({
  page,
  app,
}) => {
  // The page's clock (Date.now, setInterval) is the test's: minutes pass in a moment, none are waited.
  await page.clock.install();
  await page.goto(`${app.url}/`);
  await expect(page.getByTestId('centre-name')).toHaveText('UBND phường Thử Nghiệm');
  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('text-larger').click();
  // No queue services in this centre: the queue tile opens the honest "coming soon" page.
  await page.getByTestId('tile-queue').click();
  await expect(page.getByTestId('coming-soon')).toBeVisible();

  // 30 − 20 = 10 s without a touch: nothing yet just before, then the warning with its countdown.
  const dialog = page.getByTestId('idle-dialog');
  await page.clock.fastForward(9_000);
  await expect(dialog).toBeHidden();
  await page.clock.fastForward(1_500);
  await expect(dialog).toBeVisible();
  const first = Number((await page.getByTestId('idle-countdown').textContent())?.match(/\d+/)?.[0]);
  expect(first).toBeGreaterThanOrEqual(19);
  expect(first).toBeLessThanOrEqual(20);
  await expect(page.getByTestId('idle-continue')).toHaveText('I am still here');
  await shot(page, 'idle-warning');
  await expectAccessible(page, 'idle warning');

  // "I'm still here" keeps everything as it was.
  await page.getByTestId('idle-continue').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('coming-soon')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Left alone again: the warning, still there 15 s into it, then the wipe: home, Vietnamese, default size.
  await page.clock.fastForward(11_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(15_000);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('coming-soon')).toBeVisible();
  await page.clock.fastForward(6_000);
  await expect(page.getByTestId('tile-queue')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByTestId('text-larger')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('text-normal')).toHaveAttribute('aria-pressed', 'true');
});

test('the warning in Vietnamese, at A+ and in high contrast: one large "Tôi vẫn đang dùng"', async ({
  page,
  app,
}) => {
  await page.clock.install();
  await page.goto(`${app.url}/`);
  await expect(page.getByTestId('centre-name')).toBeVisible();
  await page.getByTestId('text-larger').click();
  await page.getByTestId('contrast-toggle').click();
  await page.clock.fastForward(10_500);
  await expect(page.getByTestId('idle-dialog')).toBeVisible();
  const button = page.getByTestId('idle-continue');
  await expect(button).toHaveText('Tôi vẫn đang dùng');
  await expect(button).toBeFocused();
  // Large enough for any hand.
  expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(64);
  await shot(page, 'idle-warning-vi-large-contrast');
  await expectAccessible(page, 'idle warning, A+, high contrast');
});
