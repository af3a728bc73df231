/**
 * Contract: how methods and events travel (IPC in the Electron window, HTTP and a WebSocket over the
 * bridge) and the `KioskBridge` both offer. No zod and no runtime import at all (the lint checks it): the
 * renderer imports its path names from here at run time, and this file must not pull the contract's
 * schemas into the renderer's bundle.
 */
import type { Result } from './base';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** The IPC channel that carries one method: one channel per method, never a generic "send". */
export const ipcChannel = (name: MethodName): string => `kiosk:${name}`;
export const IPC_EVENT_CHANNEL = 'kiosk:event';

/** What the preload puts on `window.kiosk`. The renderer's HTTP transport offers the same shape. */
export interface KioskBridge {
  readonly transport: 'ipc' | 'http';
  call<M extends MethodName>(
    name: M,
    input: MethodInput<M>,
    auth?: { token?: string },
  ): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The HTTP path that serves a method over the bridge. */
export const httpPath = (name: MethodName): string => `/api/${name}`;
export const EVENTS_PATH = '/events';
