import { expectAccessible, shot, test, expect } from './fixtures';

test.describe('citizen home screen', () => {
  test('shows the centre, the clock and four large tiles in Vietnamese, with no console errors', async ({
    page,
    app,
  }) => {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('centre-name')).toContainText('Trung tâm Phục vụ hành chính công');
    await expect(page.getByTestId('clock')).toContainText(/\d{2}:\d{2}/);
    for (const [id, label] of [
      ['tile-queue', 'Lấy số thứ tự'],
      ['tile-procedures', 'Tra cứu thủ tục'],
      ['tile-dossier', 'Nộp hồ sơ'],
      ['tile-tracking', 'Tra cứu hồ sơ'],
    ] as const) {
      const tile = page.getByTestId(id);
      await expect(tile).toContainText(label);
      // All four are built and switched on in the demo centre: none says "coming soon".
      await expect(tile).not.toContainText('Sắp có');
      const box = await tile.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(64);
      expect(box!.width).toBeGreaterThanOrEqual(64);
    }
    await shot(page, 'home-vi');
    await expectAccessible(page, 'home (vi)');
    expect(problems, 'console errors (CSP violations included)').toEqual([]);
  });

  test('every control a citizen can touch is at least 64 px', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    const small = await page.$$eval('button, a, [role="button"], input, select', (elements) =>
      elements
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.width < 64 || r.height < 64);
        })
        .map((el) => el.getAttribute('data-testid') ?? el.textContent?.trim() ?? el.tagName),
    );
    expect(small).toEqual([]);
  });

  test('switches to English and back', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('tile-queue')).toContainText(/queue|ticket/i);
    await expect(page.getByTestId('tile-queue')).not.toContainText('Lấy số thứ tự');
    await shot(page, 'home-en');
    await expectAccessible(page, 'home (en)');
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('tile-queue')).toContainText('Lấy số thứ tự');
  });

  test('makes text larger and smaller, and turns on high contrast', async ({ page, app }) => {
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    const rootSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    await page.getByTestId('text-larger').click();
    await expect(page.getByTestId('text-larger')).toHaveAttribute('aria-pressed', 'true');
    expect(await rootSize()).toBeGreaterThan(normal);
    await shot(page, 'home-text-larger');
    await page.getByTestId('text-smaller').click();
    expect(await rootSize()).toBeLessThan(normal);
    await page.getByTestId('text-normal').click();
    expect(await rootSize()).toBe(normal);

    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    await page.getByTestId('contrast-toggle').click();
    await expect(page.getByTestId('contrast-toggle')).toHaveAttribute('aria-pressed', 'true');
    expect(await background()).not.toBe(before);
    await shot(page, 'home-high-contrast');
    await expectAccessible(page, 'home (high contrast)');
  });

  test.describe('a centre without queue services', () => {
    test.use({ appOptions: { config: { centre: { name: 'UBND xã Thử', unitCode: '000.00.12.H29' } } } });

    test('a tile whose feature is switched off says so honestly and leads home', async ({ page, app }) => {
      await page.goto(`${app.url}/`);
      await expect(page.getByTestId('tile-queue')).toContainText('Sắp có');
      await expect(page.getByTestId('tile-dossier')).not.toContainText('Sắp có');
      await page.getByTestId('tile-queue').click();
      await expect(page.getByTestId('coming-soon')).toBeVisible();
      await shot(page, 'coming-soon');
      await expectAccessible(page, 'coming soon');
      await page.getByTestId('home-button').click();
      await expect(page.getByTestId('tile-queue')).toBeVisible();
    });
  });

  test('works in a portrait kiosk screen', async ({ page, app }) => {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto(`${app.url}/`);
    await expect(page.locator('body[data-ready="true"]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await shot(page, 'home-portrait');
  });
});
