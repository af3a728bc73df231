/**
 * The contract over IPC: one `ipcMain.handle` per method (a loop over the contract, never a generic
 * channel) and the event channel. Every argument is `unknown` here; `core.call` validates it.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '../../preload/api';
import type { Core } from '../core';
import { kioskError } from '../core/errors';
import { createLogger } from '../core/log';
import { isTrustedSender } from '../core/policy';

const log = createLogger('shell.ipc');

const untrustedSender = kioskError(
  'untrusted-sender',
  'Yêu cầu không đến từ giao diện của ki-ốt nên đã bị từ chối.',
  'The request did not come from the kiosk screen and was refused.',
);

/** The sender must be the main frame of a page on app://kiosk (Electron checklist: validate the sender). */
function trustedFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedSender(frame.url);
}

function tokenOf(auth: unknown): string | undefined {
  if (typeof auth !== 'object' || auth === null) return undefined;
  const token = (auth as { token?: unknown }).token;
  return typeof token === 'string' ? token : undefined;
}

/** Registers the handlers and the event relay; the returned function undoes both. */
export function registerIpc(core: Core): () => void {
  /** The token of each window's most recent call: staff events go only where it is a live session. */
  const lastToken = new WeakMap<WebContents, string | undefined>();

  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown, auth: unknown) => {
      if (!trustedFrame(event)) {
        log.warn('call from an untrusted frame refused', {
          method: name,
          frame: event.senderFrame?.url.slice(0, 120) ?? '(gone)',
        });
        return { ok: false, error: untrustedSender };
      }
      const token = tokenOf(auth);
      lastToken.set(event.sender, token);
      return core.call(name, input, { token, transport: 'ipc', local: true });
    });
  }

  const unsubscribe = core.subscribe((message, audience) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !isTrustedSender(contents.mainFrame.url)) continue;
      if (audience === 'staff' && !core.isSessionValid(lastToken.get(contents), null)) continue;
      contents.send(IPC_EVENT_CHANNEL, message);
    }
  });

  return () => {
    unsubscribe();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
