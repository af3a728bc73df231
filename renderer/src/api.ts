/**
 * The renderer's one typed client for the contract in preload/api.ts.
 *
 * In the Electron kiosk window the preload puts a `KioskBridge` on `window.kiosk` (IPC). In a browser (a
 * counter PC or the waiting-room display on the LAN, or e2e tests) there is none, so the same
 * `KioskBridge` shape is offered over the HTTP/WS bridge: `POST /api/<method>` and a WebSocket at
 * `/events`. Screens never know which one they use.
 *
 * Nothing is validated here beyond "is this a Result": main validates every input and output.
 */
import type {
  EventName,
  EventPayload,
  KioskBridge,
  KioskError,
  MethodInput,
  MethodName,
  MethodOutput,
  Result,
} from '../../preload/api';
import { EVENTS_PATH, httpPath } from '../../preload/contract/transport';
import { messages } from './i18n';
import type { Messages } from './i18n/vi';
import { createEventSocket, type EventSocket, type WebSocketCtor } from './lib/eventSocket';

/** An error made in the renderer, not by main, shaped like main's; its text comes from the i18n files. */
export function localError(code: string, text: (m: Messages) => string, field?: string): KioskError {
  const error: KioskError = { code, vi: text(messages.vi), en: text(messages.en) };
  if (field !== undefined) error.field = field;
  return error;
}

export function clientError(code: 'network' | 'bad-response'): KioskError {
  return localError(code, (m) => (code === 'network' ? m.errors.network : m.errors.badResponse));
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; vi?: unknown; en?: unknown };
  return typeof e.code === 'string' && typeof e.vi === 'string' && typeof e.en === 'string';
}

// ── the HTTP/WS transport ──────────────────────────────────────────────────────────────────────────

export interface HttpBridgeDeps {
  fetch: typeof fetch;
  /** `location`, or what tests pass: the bridge is always same-origin. */
  location: { protocol: string; host: string };
  WebSocket: WebSocketCtor;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  random: () => number;
  /** A call that has not answered by then is treated as a network failure. */
  timeoutMs?: number;
}

export interface HttpBridge extends KioskBridge {
  /** Tell the event socket which staff token to present (undefined: anonymous). */
  authenticateEvents(token: string | undefined): void;
}

export function createHttpBridge(deps: HttpBridgeDeps): HttpBridge {
  const scheme = deps.location.protocol === 'https:' ? 'wss:' : 'ws:';
  let events: EventSocket | undefined;
  let eventsToken: string | undefined;
  const socket = (): EventSocket => {
    if (!events) {
      events = createEventSocket({
        url: `${scheme}//${deps.location.host}${EVENTS_PATH}`,
        WebSocket: deps.WebSocket,
        setTimeout: deps.setTimeout,
        clearTimeout: deps.clearTimeout,
        random: deps.random,
      });
      events.setToken(eventsToken);
    }
    return events;
  };

  return {
    transport: 'http',
    async call<M extends MethodName>(
      name: M,
      input: MethodInput<M>,
      auth?: { token?: string },
    ): Promise<Result<MethodOutput<M>>> {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Accept: 'application/json',
      };
      if (auth?.token) headers.Authorization = `Bearer ${auth.token}`;
      const controller = new AbortController();
      const timer = deps.setTimeout(() => controller.abort(), deps.timeoutMs ?? 15_000);
      try {
        let response: Response;
        try {
          response = await deps.fetch(httpPath(name), {
            method: 'POST',
            headers,
            body: JSON.stringify(input ?? {}),
            credentials: 'same-origin',
            cache: 'no-store',
            signal: controller.signal,
          });
        } catch {
          return { ok: false, error: clientError('network') };
        }
        // The body is the contract's Result even on 4xx/5xx; anything else (a proxy's HTML page) is not.
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          return { ok: false, error: clientError(controller.signal.aborted ? 'network' : 'bad-response') };
        }
        return isResult(body)
          ? (body as Result<MethodOutput<M>>)
          : { ok: false, error: clientError('bad-response') };
      } finally {
        deps.clearTimeout(timer);
      }
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      return socket().on(name, (payload) => listener(payload as EventPayload<E>));
    },
    authenticateEvents(token) {
      eventsToken = token;
      events?.setToken(token);
    },
  };
}

// ── the client screens use ─────────────────────────────────────────────────────────────────────────

/** Where the staff token lives between calls. */
export interface TokenStore {
  get(): string | undefined;
  set(token: string | undefined): void;
}

export function memoryTokenStore(): TokenStore {
  let token: string | undefined;
  return { get: () => token, set: (next) => void (token = next) };
}

/** Survives a page reload of one browser tab, and nothing more (closing the tab forgets it). */
export function sessionTokenStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): TokenStore {
  const key = 'kiosk.staffToken';
  return {
    get: () => {
      try {
        return storage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: (next) => {
      try {
        if (next === undefined) storage.removeItem(key);
        else storage.setItem(key, next);
      } catch {
        // Storage can be disabled; the token then lives only as long as this page, which is safe.
      }
    },
  };
}

export interface KioskClient {
  readonly transport: 'ipc' | 'http';
  /** Calls a method, presenting the staff token when one is held. */
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  hasToken(): boolean;
  setToken(token: string | undefined): void;
}

export function createClient(bridge: KioskBridge | HttpBridge, store: TokenStore): KioskClient {
  const authenticateEvents = (token: string | undefined): void => {
    if ('authenticateEvents' in bridge) bridge.authenticateEvents(token);
  };
  authenticateEvents(store.get());
  return {
    transport: bridge.transport,
    call(name, input) {
      const token = store.get();
      return bridge.call(name, input, token === undefined ? undefined : { token });
    },
    on: (name, listener) => bridge.on(name, listener),
    hasToken: () => store.get() !== undefined,
    setToken(token) {
      store.set(token);
      authenticateEvents(token);
    },
  };
}

/**
 * The app's client: IPC when the preload exposed `window.kiosk`, else the HTTP/WS bridge.
 *
 * Token storage: in the Electron kiosk window (IPC) the token stays in memory only. That screen is shared
 * with the public, so a restart must end any staff session. In a browser (a counter PC) it goes to
 * sessionStorage, so a reload (F5) does not sign staff out, yet closing the tab does; the server still
 * expires idle sessions and `staff.me` tells us.
 */
export function createDefaultClient(win: Window & typeof globalThis): KioskClient {
  const ipc = (win as Window & { kiosk?: KioskBridge }).kiosk;
  if (ipc) return createClient(ipc, memoryTokenStore());
  const bridge = createHttpBridge({
    fetch: win.fetch.bind(win),
    location: win.location,
    WebSocket: win.WebSocket,
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
    random: Math.random,
  });
  let store: TokenStore;
  try {
    store = sessionTokenStore(win.sessionStorage);
  } catch {
    store = memoryTokenStore(); // storage blocked by policy: memory only
  }
  return createClient(bridge, store);
}

/** The error text for the current language. */
export function errorText(error: KioskError, language: string): string {
  return language === 'en' ? error.en : error.vi;
}

/** Staff calls answer these when the token is gone or stale: drop it and sign in again. */
export function isSessionError(error: KioskError): boolean {
  return error.code === 'unauthorized' || error.code === 'session-expired';
}
