import { X509Certificate } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';
import { signInToConsole } from './support/staff';

/**
 * The "Mạng nội bộ" tab: with the LAN on, an admin reads the fingerprint of the kiosk's CA to compare on
 * a counter PC before trusting it. The fingerprint on screen must be the one of the certificate the kiosk
 * hands out at /ca.crt; without the LAN the tab says so and what to do.
 */
const PIN = '135790';
const centre = { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' };

async function signIn(page: Page, url: string): Promise<void> {
  await signInToConsole(page, url, PIN);
  await page.getByTestId('lan-link').click();
}

test.describe('with the LAN on', () => {
  test.use({ appOptions: { config: { centre, bridge: { lan: true } }, env: { KIOSK_ADMIN_PIN: PIN } } });

  test('the console shows the fingerprint of the CA the kiosk hands to counter PCs', async ({
    page,
    app,
  }) => {
    const res = await fetch(`${app.url}/ca.crt`);
    expect(res.status).toBe(200);
    const ca = new X509Certificate(await res.text());
    await signIn(page, app.url);
    const shown = page.getByTestId('lan-fingerprint');
    await expect(shown).toBeVisible();
    expect((await shown.innerText()).replace(/\s+/g, ':')).toBe(ca.fingerprint256);
    await shot(page, 'staff-lan');
    await expectAccessible(page, 'staff LAN tab');
  });
});

test.describe('with the LAN off', () => {
  test.use({ appOptions: { config: { centre }, env: { KIOSK_ADMIN_PIN: PIN } } });

  test('the tab says the kiosk is reachable on this machine only, and how to change it', async ({
    page,
    app,
  }) => {
    await signIn(page, app.url);
    await expect(page.getByTestId('lan-off')).toContainText('bridge.lan');
    await shot(page, 'staff-lan-off');
    await expectAccessible(page, 'staff LAN tab, off');
  });
});
