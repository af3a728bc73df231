/**
 * Electron entry (bundled to dist/main/electron.cjs). Wiring only: the order of these steps is what matters.
 * 1. Before ready: privileged `app:` scheme, global sandbox, per-data-folder profile, single-instance lock.
 * 2. After ready: the core (database, services), the HTTP bridge, the `app:` handler, IPC, then the window.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Menu, app, dialog, session, utilityProcess, type BrowserWindow } from 'electron';
import { utilityWorker } from './file-worker';
import { createCore, KioskFailure, type Core } from '../core';
import { kioskError } from '../core/errors';
import { createLogger } from '../core/log';
import { DEFAULT_PORT, startServer, type RunningServer } from '../server';
import { registerIpc } from './ipc';
import { lockDownContents, lockDownSession } from './lockdown';
import { preloadPath, rendererDir, resolveDataDir, resolvePort } from './paths';
import { registerAppScheme, serveApp } from './protocol';
import { personMessage } from './startup-error';
import { createKioskWindow, focusWindow } from './window';

const log = createLogger('shell');

registerAppScheme();
// Every renderer sandboxed, whatever a future BrowserWindow forgets to say.
app.enableSandbox();
// Chromium's own words (a date field's dd/mm/yyyy order, its calendar, spell-check) in Vietnamese,
// whatever the kiosk's OS locale; the app's own text follows its language toggle.
app.commandLine.appendSwitch('lang', 'vi');

// One data folder, one Chromium profile, one instance: the profile lives beside the data, so the
// single-instance lock is per data folder (KIOSK_DATA_DIR gives tests and a second profile their own).
const dataDir = resolveDataDir(process.env);
app.setPath('userData', path.join(dataDir, 'electron'));

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

let mainWindow: BrowserWindow | undefined;
let core: Core | undefined;
let server: RunningServer | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => app.quit());
  installShutdown();
  start().catch(fatal);
}

async function start(): Promise<void> {
  await app.whenReady();
  const kiosk = app.isPackaged || process.env.KIOSK_FULLSCREEN === '1';
  // No menu in production: it carries Reload, Toggle DevTools and Close accelerators.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  lockDownSession(session.defaultSession);

  mkdirSync(dataDir, { recursive: true });
  const port = resolvePort(process.env, DEFAULT_PORT);
  if (port === null) {
    throw new KioskFailure(
      kioskError(
        'port-invalid',
        'KIOSK_PORT phải là số cổng từ 0 đến 65535.',
        'KIOSK_PORT must be a port number 0–65535.',
      ),
    );
  }
  core = await createCore({
    dataDir,
    env: process.env,
    appVersion: app.getVersion(),
    fileWorker: { launch: utilityWorker(utilityProcess) },
  });

  try {
    server = await startServer({
      core,
      port,
      host: process.env.KIOSK_HOST?.trim() || undefined,
      rendererDir,
    });
  } catch (error) {
    // The kiosk screen works over IPC without the bridge; counter PCs and the display do not, so this
    // is loud in the log but does not take the citizen kiosk down with it.
    log.error('bridge did not start; counter PCs and the display cannot connect', { error });
  }

  serveApp(rendererDir);
  registerIpc(core);
  mainWindow = createKioskWindow({ preloadPath, kiosk, devTools: !app.isPackaged });
  log.info('kiosk started', { dataDir, kiosk, bridge: server?.url ?? null, packaged: app.isPackaged });
}

/** A start-up failure: a bad configuration says what is wrong in both languages; anything else is a bug. */
function fatal(error: unknown): void {
  const message = personMessage(error);
  log.error('start-up failed', { error, code: message?.code });
  dialog.showErrorBox(
    'Một Cửa Kiosk',
    message
      ? `${message.vi}\n\n${message.en}`
      : 'Ki-ốt không khởi động được. Vui lòng báo kỹ thuật.\n\nThe kiosk could not start. Please call a technician.',
  );
  app.exit(1);
}

/** Closes the bridge and the database before the process ends, so no write is cut in half. */
function installShutdown(): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void (async () => {
      try {
        await server?.close();
      } catch (error) {
        log.error('bridge close failed', { error });
      }
      try {
        await core?.close();
      } catch (error) {
        log.error('core close failed', { error });
      }
      app.quit();
    })();
  });
}
