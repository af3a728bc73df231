import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, shot, test } from './fixtures';

const entry = fileURLToPath(new URL('../../dist/main/node-entry.cjs', import.meta.url));

test('a configuration mistake stops the start with a message naming the field, in both languages', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bad-config-'));
  try {
    writeFileSync(
      join(dataDir, 'kiosk.config.json'),
      JSON.stringify({
        centre: { name: 'UBND xã Thử', unitCode: '000.00.12.H29' },
        services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'a1' }],
      }),
    );
    const r = spawnSync(process.execPath, [entry], {
      env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', KIOSK_NO_OPEN: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"services.0.prefix"');
    expect(r.stderr).toContain('Tiền tố là 1–2 chữ in hoa');
    expect(r.stderr).toContain('A prefix is 1–2 capital letters');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test.describe('a damaged database', () => {
  test.use({
    appOptions: {
      env: { KIOSK_ADMIN_PIN: '135790' },
      files: { 'kiosk.db': Buffer.from('not a database, perhaps the only copy of yesterday\n'.repeat(200)) },
    },
  });

  test('is moved aside, never deleted, and staff see a critical alert until they acknowledge it', async ({
    page,
    app,
  }) => {
    const aside = readdirSync(app.dataDir).filter((f) => /^kiosk\.db\.corrupt-\d{8}T\d{6}$/.test(f));
    expect(aside).toHaveLength(1);

    await page.goto(`${app.url}/staff`);
    await page.getByTestId('staff-user').fill('admin');
    await page.getByTestId('staff-pin').fill('135790');
    await page.getByTestId('staff-submit').click();
    const console_ = page.getByTestId('staff-console');
    await expect(console_).toContainText(aside[0]!);
    await shot(page, 'staff-console-db-recovered');
    await expectAccessible(page, 'staff console with a critical alert');

    // It stays after a reload, and goes only when someone says they have seen it.
    await page.reload();
    await expect(console_).toContainText(aside[0]!);
    await console_.getByRole('button', { name: 'Đã xem' }).click();
    await expect(console_).not.toContainText(aside[0]!);
    await page.reload();
    await expect(page.getByTestId('staff-console')).toBeVisible();
    await expect(page.getByTestId('staff-console')).not.toContainText(aside[0]!);
  });
});
