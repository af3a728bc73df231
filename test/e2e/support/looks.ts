import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot } from '../fixtures';

/**
 * A new citizen screen as every citizen may see it: Vietnamese and English, text size A and A+, and high
 * contrast; each screenshot goes to test-results/screens/<name>-<look>.png and each look gets an axe pass.
 * The display controls sit in the header; a modal dialog makes them inert, so a dialog is closed, the look
 * set, and the dialog opened again (`dialog`). Leaves the screen as found: Vietnamese, A, normal contrast.
 */
export async function looks(
  page: Page,
  name: string,
  dialog?: { open: () => Promise<void>; close: () => Promise<void> },
): Promise<void> {
  const html = page.locator('html');
  const click = (id: string) => page.getByTestId(id).click();
  const all: [string, () => Promise<void>, () => Promise<void>][] = [
    ['vi', async () => undefined, async () => undefined],
    [
      'en',
      async () => {
        await click('lang-toggle');
        await expect(html).toHaveAttribute('lang', 'en');
      },
      async () => {
        await click('lang-toggle');
        await expect(html).toHaveAttribute('lang', 'vi');
      },
    ],
    [
      'vi-large',
      async () => {
        await click('text-larger');
        await expect(html).toHaveClass(/text-large/);
      },
      () => click('text-normal'),
    ],
    [
      'vi-contrast',
      async () => {
        await click('contrast-toggle');
        await expect(html).toHaveClass(/high-contrast/);
      },
      async () => {
        await click('contrast-toggle');
        await expect(html).not.toHaveClass(/high-contrast/);
      },
    ],
  ];
  for (const [look, on, off] of all) {
    if (dialog && look !== 'vi') await dialog.close();
    await on();
    if (dialog && look !== 'vi') await dialog.open();
    // The controls' colour transitions finished, so a screenshot shows the look and not the change (a
    // spinner's endless animation cannot be finished and is left running).
    await page.evaluate(() => {
      for (const animation of document.getAnimations())
        if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
    });
    await shot(page, `${name}-${look}`);
    await expectAccessible(page, `${name} (${look})`);
    if (dialog && look !== 'vi') await dialog.close();
    await off();
    if (dialog && look !== 'vi') await dialog.open();
  }
}
