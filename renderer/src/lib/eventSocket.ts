/**
 * The bridge's event WebSocket (browser / LAN mode), kept open while anyone listens.
 *
 * - Server messages are `{"event": name, "payload": {...}}`; anything else is ignored (main validates
 *   what it sends; the renderer does not re-validate).
 * - Staff events need a staff token: after every (re)connect, and whenever the token changes, the socket
 *   sends `{"type":"auth","token":"..."}`. On sign-out it reconnects without a token so the server stops
 *   sending staff events to this screen.
 * - A dropped socket reconnects with exponential backoff and jitter, capped, forever: a kiosk must heal by
 *   itself after the server restarts, without anyone touching it.
 */

export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface EventSocketDeps {
  url: string;
  WebSocket: WebSocketCtor;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** 0 ≤ x < 1; injected so tests can pin the jitter. */
  random: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface EventSocket {
  on(name: string, listener: (payload: unknown) => void): () => void;
  setToken(token: string | undefined): void;
  close(): void;
}

const OPEN = 1;

/** Delay before reconnect attempt `attempt` (0-based): doubling, capped, with ±50 % jitter downwards. */
export function backoffDelay(attempt: number, random: number, baseMs = 1000, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + random / 2));
}

export function createEventSocket(deps: EventSocketDeps): EventSocket {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | undefined;
  let timer: unknown;
  let attempt = 0;
  let token: string | undefined;

  const listenerCount = (): number => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  const sendAuth = (ws: WebSocketLike): void => {
    if (token !== undefined && ws.readyState === OPEN) ws.send(JSON.stringify({ type: 'auth', token }));
  };

  const dispatch = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const detach = (ws: WebSocketLike): void => {
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
  };

  const scheduleReconnect = (): void => {
    if (timer !== undefined || listenerCount() === 0) return;
    const delay = backoffDelay(attempt, deps.random(), deps.baseDelayMs, deps.maxDelayMs);
    attempt += 1;
    timer = deps.setTimeout(() => {
      timer = undefined;
      connect();
    }, delay);
  };

  function connect(): void {
    if (socket !== undefined || listenerCount() === 0) return;
    let ws: WebSocketLike;
    try {
      ws = new deps.WebSocket(deps.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      sendAuth(ws);
    };
    ws.onmessage = (ev) => dispatch(ev.data);
    ws.onclose = () => {
      detach(ws);
      if (socket === ws) socket = undefined;
      scheduleReconnect();
    };
    // An error is always followed by a close; reconnecting happens there.
    ws.onerror = () => undefined;
  }

  const shutdown = (): void => {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
    if (socket) {
      detach(socket);
      socket.close();
      socket = undefined;
    }
  };

  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      connect();
      return () => {
        set.delete(listener);
        if (listenerCount() === 0) shutdown();
      };
    },
    setToken(next) {
      const previous = token;
      token = next;
      if (next !== undefined) {
        if (socket) sendAuth(socket);
      } else if (previous !== undefined && socket) {
        // Signed out: start a fresh, anonymous connection so staff events stop at once. On the next turn,
        // so a screen that unsubscribes as it signs out does not open a socket only to close it.
        shutdown();
        attempt = 0;
        timer = deps.setTimeout(() => {
          timer = undefined;
          connect();
        }, 0);
      }
    },
    close() {
      listeners.clear();
      shutdown();
    },
  };
}
