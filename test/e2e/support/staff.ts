import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Signs in on the staff page with user and PIN, and waits for the console. */
export async function signInToConsole(page: Page, url: string, pin: string, user = 'admin'): Promise<void> {
  await page.goto(`${url}/staff`);
  await page.getByTestId('staff-user').fill(user);
  await page.getByTestId('staff-pin').fill(pin);
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-console')).toBeVisible();
}
