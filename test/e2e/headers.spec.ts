import { test, expect } from './fixtures';

/**
 * Chromium parses the Permissions-Policy header on every document and logs a console warning for each
 * feature name it does not know ("Unrecognized feature: 'bluetooth'"): noise on every page load that
 * hides real warnings. The header must hold only features this Chromium recognises.
 */
test.describe('response headers', () => {
  test('no page logs a Permissions-Policy warning', async ({ page, app }) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'log' && m.type() !== 'debug' && m.type() !== 'info') messages.push(m.text());
    });
    for (const path of ['/', '/staff', '/display']) {
      await page.goto(`${app.url}${path}`);
      await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    }
    expect(messages.filter((text) => /permissions.policy|unrecognized feature/i.test(text))).toEqual([]);
  });
});
