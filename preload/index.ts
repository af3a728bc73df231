/**
 * The preload: puts `window.kiosk` (a `KioskBridge`) into the page, built from the contract's lists of
 * methods and events. No logic lives here, and nothing Electron leaks through: the page gets two functions,
 * never `ipcRenderer`, an IPC event object or a generic "send".
 *
 * Runs sandboxed, so it can only `require('electron')`; scripts/build-main.mjs bundles this file and the
 * contract (zod included) into dist/preload/index.cjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  eventNames,
  ipcChannel,
  methodNames,
  type EventMessage,
  type KioskBridge,
  type KioskError,
  type Result,
} from './api';

/** One channel per method, fixed at load time: a name not in this map is never sent anywhere. */
const channels: ReadonlyMap<string, string> = new Map(methodNames.map((name) => [name, ipcChannel(name)]));
const knownEvents: ReadonlySet<string> = new Set<string>(eventNames);

const unknownMethod = (name: unknown): Result<never> => {
  const error: KioskError = {
    code: 'unknown-method',
    vi: 'Chức năng này không tồn tại.',
    en: 'There is no such method.',
    field: typeof name === 'string' ? name : undefined,
  };
  return { ok: false, error };
};

const bridge: KioskBridge = {
  transport: 'ipc',
  call(name, input, auth) {
    const channel = typeof name === 'string' ? channels.get(name) : undefined;
    if (channel === undefined) return Promise.resolve(unknownMethod(name));
    // Only the token crosses; main validates it and `input` against the contract as untrusted values.
    const token = typeof auth?.token === 'string' ? auth.token : undefined;
    return ipcRenderer.invoke(channel, input, { token });
  },
  on(name, listener) {
    if (typeof name !== 'string' || !knownEvents.has(name))
      throw new TypeError(`Unknown kiosk event: ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const relay = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === name) listener(message.payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', bridge);
