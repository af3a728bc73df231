import { describe, expect, it, vi as mock } from 'vitest';
import type { KioskBridge } from '../../../preload/api';
import {
  createClient,
  createHttpBridge,
  memoryTokenStore,
  sessionTokenStore,
  isSessionError,
  type HttpBridgeDeps,
} from '../../../renderer/src/api';
import type { WebSocketLike } from '../../../renderer/src/lib/eventSocket';

const NETWORK_VI = 'Không kết nối được với máy chủ của ki-ốt. Vui lòng thử lại hoặc báo nhân viên.';

class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  receive(data: string): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(fetchImpl: HttpBridgeDeps['fetch']) {
  FakeSocket.all = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const deps: HttpBridgeDeps = {
    fetch: fetchImpl,
    location: { protocol: 'https:', host: 'kiosk.local:8443' },
    WebSocket: FakeSocket,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    random: () => 0.5,
  };
  return { bridge: createHttpBridge(deps), timers };
}

describe('HTTP bridge', () => {
  it('POSTs JSON to /api/<method> with the bearer token when one is held', async () => {
    const fetchMock = mock.fn(async () => jsonResponse(200, { ok: true, value: [] }));
    const { bridge } = setup(fetchMock);
    const client = createClient(bridge, memoryTokenStore());

    await client.call('app.info', {});
    client.setToken('tok-123');
    const result = await client.call('staff.alerts', { includeAcknowledged: true });

    expect(result).toEqual({ ok: true, value: [] });
    const [firstUrl, first] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(firstUrl).toBe('/api/app.info');
    expect(first.method).toBe('POST');
    expect((first.headers as Record<string, string>).Authorization).toBeUndefined();
    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/staff.alerts');
    expect(JSON.parse(init.body as string)).toEqual({ includeAcknowledged: true });
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-123');
  });

  it('passes a 4xx Result body through unchanged', async () => {
    const error = { code: 'wrong-pin', vi: 'Sai mã PIN', en: 'Wrong PIN', field: 'pin' };
    const { bridge } = setup(async () => jsonResponse(401, { ok: false, error }));
    expect(await bridge.call('staff.signIn', { user: 'an', pin: '000000' })).toEqual({ ok: false, error });
  });

  it('turns a network failure into the "network" error in both languages', async () => {
    const { bridge } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await bridge.call('app.info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('network');
    expect(result.error.vi).toBe(NETWORK_VI);
    expect(result.error.en).toMatch(/kiosk server/);
  });

  it('turns a body that is not a Result (a proxy error page) into "bad-response"', async () => {
    const { bridge } = setup(async () => new Response('<html>502</html>', { status: 502 }));
    const result = await bridge.call('app.info', {});
    expect(!result.ok && result.error.code).toBe('bad-response');
    const { bridge: b2 } = setup(async () => jsonResponse(200, { hello: 1 }));
    const r2 = await b2.call('app.info', {});
    expect(!r2.ok && r2.error.code).toBe('bad-response');
  });

  it('gives up on a call that hangs (the timer aborts it) as a network failure', async () => {
    const { bridge, timers } = setup(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = bridge.call('app.info', {});
    timers[0]!.fn();
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('network');
  });
});

describe('event socket over the bridge', () => {
  it('connects to wss://host/events, authenticates, dispatches, and re-authenticates after sign-in', () => {
    const { bridge } = setup(async () => jsonResponse(200, { ok: true, value: {} }));
    const client = createClient(bridge, memoryTokenStore());
    const got: unknown[] = [];
    const off = client.on('staff.alert', (alert) => got.push(alert.id));

    const ws = FakeSocket.all[0]!;
    expect(ws.url).toBe('wss://kiosk.local:8443/events');
    ws.open();
    expect(ws.sent).toEqual([]); // no token yet

    client.setToken('tok-1');
    expect(ws.sent.map((s) => JSON.parse(s))).toEqual([{ type: 'auth', token: 'tok-1' }]);

    ws.receive(JSON.stringify({ event: 'staff.alert', payload: { id: 7 } }));
    ws.receive('not json');
    ws.receive(JSON.stringify({ event: 'other', payload: {} }));
    expect(got).toEqual([7]);

    off();
    expect(ws.readyState).toBe(3);
  });

  it('reconnects with capped backoff and sends the token again on each new socket', () => {
    const { bridge, timers } = setup(async () => jsonResponse(200, { ok: true, value: {} }));
    const client = createClient(bridge, memoryTokenStore());
    client.setToken('tok-9');
    client.on('staff.alert', () => undefined);

    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      FakeSocket.all.at(-1)!.drop();
      const timer = timers.at(-1)!;
      delays.push(timer.ms);
      timer.fn();
    }
    // random() = 0.5 → 75 % of the ceiling: 1 s, 2 s, 4 s … capped at 30 s.
    expect(delays).toEqual([750, 1500, 3000, 6000, 12000, 22500, 22500, 22500]);

    const last = FakeSocket.all.at(-1)!;
    last.open();
    expect(last.sent.map((s) => JSON.parse(s))).toEqual([{ type: 'auth', token: 'tok-9' }]);
    // A successful open resets the backoff.
    last.drop();
    expect(timers.at(-1)!.ms).toBe(750);
  });

  it('on sign-out opens a fresh anonymous socket', () => {
    const { bridge, timers } = setup(async () => jsonResponse(200, { ok: true, value: {} }));
    const client = createClient(bridge, memoryTokenStore());
    client.setToken('tok');
    client.on('staff.alert', () => undefined);
    const first = FakeSocket.all[0]!;
    first.open();
    client.setToken(undefined);
    expect(first.readyState).toBe(3);
    timers.at(-1)!.fn();
    const second = FakeSocket.all[1]!;
    second.open();
    expect(second.sent).toEqual([]);
  });
});

describe('client over IPC', () => {
  it('hands the token to window.kiosk as the auth argument', async () => {
    const call = mock.fn(async () => ({ ok: true as const, value: {} }));
    const ipc = { transport: 'ipc', call, on: () => () => undefined } as unknown as KioskBridge;
    const client = createClient(ipc, memoryTokenStore());
    await client.call('staff.me', {});
    client.setToken('abc');
    await client.call('staff.me', {});
    expect(call.mock.calls).toEqual([
      ['staff.me', {}, undefined],
      ['staff.me', {}, { token: 'abc' }],
    ]);
    expect(client.transport).toBe('ipc');
  });
});

describe('token stores and session errors', () => {
  it('sessionStorage store round-trips and survives a storage that throws', () => {
    const data = new Map<string, string>();
    const store = sessionTokenStore({
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    });
    store.set('t');
    expect(store.get()).toBe('t');
    store.set(undefined);
    expect(store.get()).toBeUndefined();
    const broken = sessionTokenStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    });
    expect(() => broken.set('x')).not.toThrow();
    expect(broken.get()).toBeUndefined();
  });

  it('recognises the codes that end a staff session', () => {
    expect(isSessionError({ code: 'unauthorized', vi: 'x', en: 'x' })).toBe(true);
    expect(isSessionError({ code: 'session-expired', vi: 'x', en: 'x' })).toBe(true);
    expect(isSessionError({ code: 'wrong-pin', vi: 'x', en: 'x' })).toBe(false);
  });
});
