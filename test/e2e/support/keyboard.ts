import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

// What a citizen does with their hands at the kiosk: the on-screen keyboard, and a card shown to the
// scanner (a scan injected through the test-only bridge method, as the scanner would deliver it).

const SYMBOLS: Record<string, string> = { ',': 'comma', '.': 'dot', '-': 'dash', '/': 'slash', '@': 'at' };

/** Types on the on-screen letter keyboard by clicking its keys, as a finger would. */
export async function typeOnScreen(page: Page, keys: string): Promise<void> {
  const osk = page.getByTestId('osk');
  await expect(osk).toHaveAttribute('data-kind', 'text');
  for (const ch of keys) {
    if (ch === ' ') await page.getByTestId('osk-space').click();
    else if (/[A-Z]/.test(ch)) {
      await page.getByTestId('osk-shift').click();
      await page.getByTestId(`osk-key-${ch.toLowerCase()}`).click();
    } else await page.getByTestId(`osk-key-${SYMBOLS[ch] ?? ch}`).click();
  }
}

/** The page's event socket may still be connecting: inject until the form shows the scan. */
export async function scanInto(
  page: Page,
  url: string,
  text: string,
  check: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    const response = await page.request.post(`${url}/api/devices.injectScan`, { data: { text } });
    expect(response.status()).toBe(200);
    await check();
  }).toPass({ timeout: 15_000 });
}
