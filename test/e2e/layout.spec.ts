import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * The portrait kiosk (1080×1920) at the largest text size, A+, where two things were out of reach: the
 * queue screen's "Về trang chủ" sat below the fold, and the Telex hint under the on-screen keyboard stayed
 * at a small fixed size while everything else grew.
 */

test.use({ viewport: { width: 1080, height: 1920 } });

async function largeText(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('text-larger').click();
  await expect(page.locator('html')).toHaveClass(/text-large/);
}

/** Wholly inside the viewport as it is now: seen and tapped without scrolling. */
async function expectInViewport(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'laid out').not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, 'top').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom within the screen').toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate(() => window.scrollY), 'no scrolling').toBe(0);
}

test('at A+ the queue screen keeps "Về trang chủ" on screen', async ({ page, app }) => {
  await largeText(page, app.url);
  await page.getByTestId('tile-queue').click();
  await expect(page.getByTestId('queue-services')).toBeVisible();
  const home = page.getByTestId('home-button');
  await expect(home).toBeVisible();
  await expectInViewport(page, home);
  await shot(page, 'layout-queue-large');
  await expectAccessible(page, 'queue services at A+');

  await home.click();
  await expect(page.getByTestId('tile-queue')).toBeVisible();
});

test('at A+ the Telex hint under the on-screen keyboard grows with the text', async ({ page, app }) => {
  const hintPx = async (): Promise<number> =>
    page
      .getByTestId('osk-telex-hint')
      .evaluate((el) => Number.parseFloat(window.getComputedStyle(el).fontSize));

  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await expect(page.getByTestId('catalogue')).toBeVisible();
  await page.locator('#catalogue-query').click();
  await expect(page.getByTestId('osk')).toHaveAttribute('data-kind', 'text');
  await expect(page.getByTestId('osk-telex-hint')).toBeVisible();
  const normal = await hintPx();
  expect(normal, 'at A').toBeGreaterThanOrEqual(16);

  await page.getByTestId('text-larger').click();
  await expect(page.locator('html')).toHaveClass(/text-large/);
  await page.locator('#catalogue-query').click();
  await expect(page.getByTestId('osk-telex-hint')).toBeVisible();
  // The keyboard slides up (osk-up): measured where it comes to rest.
  await page.evaluate(() => {
    for (const animation of document.getAnimations())
      if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
  });
  const large = await hintPx();
  expect(large, 'at A+').toBeGreaterThanOrEqual(16);
  expect(large, 'grows with A+').toBeGreaterThan(normal);
  await expectInViewport(page, page.getByTestId('osk-telex-hint'));
  await shot(page, 'layout-keyboard-large');
  await expectAccessible(page, 'on-screen keyboard at A+');
});
