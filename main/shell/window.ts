/**
 * The kiosk window: locked-down web preferences (literal, so a reviewer and electronegativity see them at
 * the constructor), kiosk mode in production, and self-healing when the renderer dies.
 */
import { BrowserWindow } from 'electron';
import { createLogger } from '../core/log';
import { APP_ORIGIN, createRestartBudget, isAllowedNavigation } from '../core/policy';
import { OUT_OF_SERVICE_URL } from './out-of-service';
import { grantPermissions } from './lockdown';

const log = createLogger('shell.window');

export const START_URL = `${APP_ORIGIN}/`;
/** After the out-of-service page, try the app again this much later (an unattended kiosk heals itself). */
const RETRY_AFTER_OUT_OF_SERVICE_MS = 5 * 60_000;
const RETRY_AFTER_LOAD_FAILURE_MS = 2_000;
/** Chromium's net::ERR_ABORTED: a navigation we (or the page) cancelled, not a failure. */
const ERR_ABORTED = -3;

export interface KioskWindowOptions {
  preloadPath: string;
  /** Kiosk + fullscreen: packaged builds, or KIOSK_FULLSCREEN=1 in development. */
  kiosk: boolean;
  /** DevTools only in development; packaged builds cannot open them. */
  devTools: boolean;
}

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    title: 'Một Cửa Kiosk',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
      // Middle-click (auxclick) opens links in a new window; setWindowOpenHandler denies that anyway.
      disableBlinkFeatures: 'Auxclick',
      // Reviewed: preload/index.ts exposes only `call`/`on` over the contract (STYLE.md habit 1).
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed, see the line above
    },
  });

  // The kiosk page may open the camera (video only) to photograph papers; no other window may.
  grantPermissions(win.webContents, new Set(['media:video']));
  win.once('ready-to-show', () => win.show());
  keepAlive(win);
  void win.loadURL(START_URL);
  return win;
}

/** Reloads a crashed or failed renderer, within a budget; past it, shows the out-of-service page. */
function keepAlive(win: BrowserWindow): void {
  const contents = win.webContents;
  const budget = createRestartBudget(3, 60_000);
  let retry: NodeJS.Timeout | undefined;

  const schedule = (ms: number, why: string): void => {
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (win.isDestroyed()) return;
      log.info('loading the app again', { why });
      void win.loadURL(START_URL);
    }, ms);
  };

  const recover = (why: string): void => {
    if (budget.allowRestart(Date.now())) {
      schedule(why === 'render-process-gone' ? 0 : RETRY_AFTER_LOAD_FAILURE_MS, why);
      return;
    }
    log.error('renderer keeps failing: showing the out-of-service page', { why });
    clearTimeout(retry);
    void win.loadURL(OUT_OF_SERVICE_URL);
    budget.reset();
    schedule(RETRY_AFTER_OUT_OF_SERVICE_MS, 'out-of-service timeout');
  };

  contents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    // A clean exit is the app quitting or the window closing, not a crash.
    if (details.reason !== 'clean-exit') recover('render-process-gone');
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    log.error('page failed to load', { errorCode, errorDescription, url: validatedURL.slice(0, 120) });
    // Only our own pages are retried; the out-of-service page failing must not loop.
    if (isAllowedNavigation(validatedURL)) recover('did-fail-load');
  });

  contents.on('unresponsive', () => log.warn('renderer unresponsive'));
  contents.on('responsive', () => log.info('renderer responsive again'));
  win.on('closed', () => clearTimeout(retry));
}

/** The second launch (someone double-clicks the icon) brings the running kiosk forward instead. */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
