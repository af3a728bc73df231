import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

// What a citizen does with their hands at the kiosk: the on-screen keyboard, and a card shown to the
// scanner (a scan injected through the test-only bridge method, as the scanner would deliver it).

const SYMBOLS: Record<string, string> = { ',': 'comma', '.': 'dot', '-': 'dash', '/': 'slash', '@': 'at' };

/**
 * Types on the on-screen letter keyboard by clicking its keys, as a finger would: Shift before a capital
 * unless the keyboard has put it on by itself (a name field's word start), and once to take that off
 * before a small letter.
 */
export async function typeOnScreen(page: Page, keys: string): Promise<void> {
  const osk = page.getByTestId('osk');
  await expect(osk).toHaveAttribute('data-kind', 'text');
  const shift = page.getByTestId('osk-shift');
  const shifted = async (): Promise<boolean> => (await shift.getAttribute('aria-pressed')) === 'true';
  for (const ch of keys) {
    if (ch === ' ') await page.getByTestId('osk-space').click();
    else if (/[A-Za-z]/.test(ch)) {
      if (/[A-Z]/.test(ch) !== (await shifted())) await shift.click();
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
