/**
 * Smoke test of the packaged shape: the real Electron binary, the bundled main and preload, the built
 * renderer. Checks the lockdown from outside, the way an attacker's page would meet it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { KioskBridge } from '../../preload/api';
import { findElectronBinary } from '../../scripts/electron-path.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainBundle = path.join(root, 'dist', 'main', 'electron.cjs');
const binary = findElectronBinary();

test.skip(
  binary === null,
  'Electron binary not installed here (it cannot be downloaded offline); run `npx install-electron` where it can',
);

type KioskWindow = Window & { kiosk?: KioskBridge; require?: unknown; process?: unknown };

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  for (const built of [
    mainBundle,
    path.join(root, 'dist', 'preload', 'index.cjs'),
    path.join(root, 'dist', 'renderer', 'index.html'),
  ]) {
    if (!existsSync(built))
      throw new Error(`${path.relative(root, built)} is missing: run \`npm run build\` first`);
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to start as root without --no-sandbox (CI containers). The renderer sandbox the
    // test checks below is Electron's `sandbox: true`, which this flag does not change.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainBundle],
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', KIOSK_FULLSCREEN: '0' },
  });
  page = await app.firstWindow();
  await page.waitForFunction(() => 'kiosk' in window);
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the window runs with the locked-down web preferences', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences exists at run time (Electron's own tests use it) but not in the public typings.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Electron.WebPreferences | null;
    };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
      webSecurity: p?.webSecurity,
      webviewTag: p?.webviewTag,
    };
  });
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
});

test('the page has window.kiosk and nothing of Node', async () => {
  const globals = await page.evaluate(() => {
    const w = window as KioskWindow;
    return {
      kiosk: typeof w.kiosk,
      call: typeof w.kiosk?.call,
      on: typeof w.kiosk?.on,
      require: typeof w.require,
      process: typeof w.process,
      url: location.href,
    };
  });
  expect(globals).toEqual({
    kiosk: 'object',
    call: 'function',
    on: 'function',
    require: 'undefined',
    process: 'undefined',
    url: expect.stringMatching(/^app:\/\/kiosk\//),
  });
});

test('app.info answers over IPC; an unknown method is refused without being sent', async () => {
  const [info, unknown] = await page.evaluate(async () => {
    const kiosk = (window as KioskWindow).kiosk!;
    const call = kiosk.call as (name: string, input: unknown) => Promise<unknown>;
    return [await kiosk.call('app.info', {}), await call('fs.readFile', { path: '/etc/passwd' })];
  });
  expect(info).toMatchObject({ ok: true, value: { productName: expect.any(String) } });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
});

test('pages are served with the CSP header', async () => {
  const csp = await page.evaluate(async () =>
    (await fetch(location.href)).headers.get('content-security-policy'),
  );
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
});

for (const target of ['https://example.com/', 'file:///etc/passwd', 'app://kiosk.evil/']) {
  test(`navigation to ${target} is blocked`, async () => {
    await page.evaluate((url) => {
      location.href = url;
    }, target);
    // An IPC round trip after the attempt: main has handled will-navigate by the time it answers.
    await page.evaluate(() => (window as KioskWindow).kiosk!.call('app.info', {}));
    expect(await page.evaluate(() => location.href)).toMatch(/^app:\/\/kiosk\//);
    expect(page.url()).toMatch(/^app:\/\/kiosk\//);
  });
}

test('window.open is denied', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
