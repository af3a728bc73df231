import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from './core/log';

const log = createLogger('browser');

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
};

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KIOSK_BROWSER && existsSync(env.KIOSK_BROWSER)) return env.KIOSK_BROWSER;
  return (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p)) ?? null;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || !!env.DISPLAY || !!env.WAYLAND_DISPLAY;
}

/**
 * Browser mode without Electron: the system Chromium in app mode (no address bar, no tabs). Returns
 * false when it cannot open a window; the server keeps serving and the URL is printed instead.
 */
export function openAppWindow(url: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const browser = findBrowser(env);
  if (!browser || !hasDisplay(env)) return false;
  const profile = join(dataDir, 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    // As in Electron (main/shell/main.ts): date fields read dd/mm/yyyy, not the OS locale's order.
    '--lang=vi',
    '--window-size=1280,900',
  ];
  if (env.KIOSK_FULLSCREEN === '1') args.push('--kiosk');
  // Chromium refuses to run as root without --no-sandbox; kiosks should not run as root, but dev boxes do.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // Chromium on Linux ignores --lang and reads LANGUAGE (its Vietnamese strings: Debian chromium-l10n).
  const child = spawn(browser, args, { stdio: 'ignore', detached: true, env: { ...env, LANGUAGE: 'vi' } });
  child.on('error', (error) => log.warn('could not start the browser', { browser, error }));
  child.unref();
  log.info('opened the kiosk in the system browser', { browser });
  return true;
}
