import { describe, expect, it } from 'vitest';
import type { KioskError, MethodName, PairedDevice, StaffUser } from '../../../preload/api';
import type { AuditEntry } from '../../../main/core/audit';
import { createDispatcher } from '../../../main/core/dispatch';
import { KioskFailure, commonErrors, kioskError } from '../../../main/core/errors';
import type { HandlerContext, Registrations } from '../../../main/core/handlers';
import type { CallContext } from '../../../main/core/types';
import { quietLogs } from '../helpers';

const logs = quietLogs();

const STAFF: StaffUser = { id: 2, user: 'lan', displayName: 'Chị Lan', role: 'staff' };
const ADMIN: StaffUser = { id: 1, user: 'admin', displayName: 'Quản trị', role: 'admin' };
const DEVICES: Record<string, PairedDevice> = {
  'tok-kiosk': { id: 'd-kiosk', name: 'Ki-ốt sảnh', role: 'kiosk' },
  'tok-counter': { id: 'd-counter', name: 'Quầy 1', role: 'counter' },
  'tok-display': { id: 'd-display', name: 'Màn hình', role: 'display' },
};
/** Staff tokens and the device each was signed in on (null: the kiosk's window). */
const SESSIONS: Record<string, { user: StaffUser; deviceId: string | null }> = {
  'staff-window': { user: STAFF, deviceId: null },
  'admin-window': { user: ADMIN, deviceId: null },
  'staff-counter': { user: STAFF, deviceId: 'd-counter' },
  'admin-counter': { user: ADMIN, deviceId: 'd-counter' },
};

type Fake = (input: never, ctx: HandlerContext) => unknown;
type FakeRegistration =
  Fake | { handler: Fake; audit: string | ((i: never, o: never, c: HandlerContext) => unknown) };

/** A dispatcher over fake staff, pairing, audit and disk; every handler not given throws `reached`. */
function setup(given: Partial<Record<MethodName, FakeRegistration>> = {}) {
  const reached: { name: string; input: unknown; ctx: HandlerContext }[] = [];
  const handlers = new Proxy(given, {
    get: (target, name: string) => {
      const registration = target[name as MethodName];
      const fake = (typeof registration === 'object' ? registration.handler : registration) as
        ((i: unknown, c: HandlerContext) => unknown) | undefined;
      const handler = (input: unknown, ctx: HandlerContext) => {
        reached.push({ name, input, ctx });
        if (fake) return fake(input, ctx);
        throw new KioskFailure(kioskError('reached', 'Đã tới', 'Reached'));
      };
      return typeof registration === 'object' ? { handler, audit: registration.audit } : handler;
    },
  }) as unknown as Registrations;
  const audited: AuditEntry[] = [];
  const successes: number[] = [];
  let diskFull = false;
  const dispatcher = createDispatcher({
    handlers,
    staff: {
      isSessionValid: (token, deviceId) => !!token && SESSIONS[token]?.deviceId === deviceId,
      authenticate: (token, deviceId) => {
        const session = token ? SESSIONS[token] : undefined;
        if (!session || session.deviceId !== deviceId) throw new KioskFailure(commonErrors.unauthorized());
        return { user: session.user, expiresAt: '2026-11-23T03:00:00.000Z' };
      },
    },
    deviceFor: (token) => (token ? (DEVICES[token] ?? null) : null),
    audit: { record: (entry) => audited.push(entry) },
    disk: {
      noteSuccess: () => successes.push(1),
      refusal: (error) =>
        diskFull && error instanceof Error && error.message === 'SQLITE_FULL'
          ? kioskError('disk-full', 'Ổ đĩa đầy', 'The disk is full')
          : null,
    },
  });
  return { ...dispatcher, reached, audited, successes, setDiskFull: (full: boolean) => (diskFull = full) };
}

const window: CallContext = { transport: 'ipc', local: true };
const lan = (deviceToken?: string, token?: string): CallContext => ({
  transport: 'http',
  local: false,
  client: '192.168.1.50',
  ...(deviceToken ? { deviceToken } : {}),
  ...(token ? { token } : {}),
});

const errorOf = (r: { ok: boolean; error?: KioskError }) => (r.ok ? null : r.error);

describe('dispatch: unknown methods', () => {
  it('answers a name the contract does not have in Vietnamese and English, and admits nothing', async () => {
    const d = setup();
    const r = await d.call('queue.teleport', {}, window);
    expect(errorOf(r)).toEqual({
      code: 'unknown-method',
      vi: 'Chức năng "queue.teleport" không tồn tại trên ki-ốt này.',
      en: 'The kiosk has no method "queue.teleport".',
    });
    expect(d.admit('queue.teleport', window)?.code).toBe('unknown-method');
    // An inherited property of the handler table is not a method either.
    expect(errorOf(await d.call('constructor', {}, window))?.code).toBe('unknown-method');
    expect(d.reached).toEqual([]);
  });
});

describe('dispatch: access, per level and caller, before the input is read', () => {
  // One method of each access level, with an input its schema accepts.
  const calls = {
    anyone: ['lan.pair', { code: '123456' }],
    read: ['app.info', {}],
    signin: ['staff.signIn', { user: 'lan', pin: '246802' }],
    citizen: ['queue.issueTicket', { serviceId: 'ho-tich' }],
    local: ['staff.setupAdmin', { displayName: 'Quản trị', pin: '135790' }],
    staff: ['print.jobs', {}],
    admin: ['staff.users', {}],
  } as const;
  const callers: Record<string, CallContext> = {
    window,
    'window+staff': { ...window, token: 'staff-window' },
    'window+admin': { ...window, token: 'admin-window' },
    kiosk: lan('tok-kiosk'),
    counter: lan('tok-counter'),
    'counter+staff': lan('tok-counter', 'staff-counter'),
    'counter+admin': lan('tok-counter', 'admin-counter'),
    // A session signed in on another device counts for nothing here.
    'kiosk+counter-staff': lan('tok-kiosk', 'staff-counter'),
    display: lan('tok-display'),
    unpaired: lan(),
    'unpaired+staff': lan('tok-forged', 'staff-counter'),
  };
  const R = 'reached';
  const NP = 'device-not-paired';
  const UA = 'unauthorized';
  const DR = 'device-role';
  const LO = 'local-only';
  const FB = 'forbidden';
  // Rows: the callers above, in order. Columns: anyone, read, signin, citizen, local, staff, admin.
  const expected: Record<string, string[]> = {
    window: [R, R, R, R, R, UA, UA],
    'window+staff': [R, R, R, R, R, R, FB],
    'window+admin': [R, R, R, R, R, R, R],
    kiosk: [R, R, R, R, LO, UA, UA],
    counter: [R, R, R, UA, LO, UA, UA],
    'counter+staff': [R, R, R, R, LO, R, FB],
    'counter+admin': [R, R, R, R, LO, R, R],
    'kiosk+counter-staff': [R, R, R, R, LO, UA, UA],
    display: [R, R, DR, DR, LO, DR, DR],
    unpaired: [R, NP, NP, NP, NP, NP, NP],
    'unpaired+staff': [R, NP, NP, NP, NP, NP, NP],
  };

  it('refuses or lets through each caller as the access table says', async () => {
    const d = setup();
    const got: Record<string, string[]> = {};
    for (const [who, ctx] of Object.entries(callers)) {
      got[who] = [];
      for (const [name, input] of Object.values(calls)) {
        got[who].push(errorOf(await d.call(name, input, ctx))?.code ?? 'ok');
      }
    }
    expect(got).toEqual(expected);
  });

  it('refuses before the input is parsed: a refused caller with a bad input hears the refusal', async () => {
    const d = setup();
    expect(errorOf(await d.call('staff.users', { nonsense: true }, lan()))?.code).toBe(NP);
    expect(errorOf(await d.call('staff.users', { nonsense: true }, lan('tok-counter')))?.code).toBe(UA);
    expect(
      errorOf(await d.call('staff.users', { nonsense: true }, { ...window, token: 'staff-window' }))?.code,
    ).toBe(FB);
    expect(d.reached).toEqual([]);
  });

  it('admit answers as call does, without an input (the admin role is left to call)', () => {
    const d = setup();
    for (const [who, ctx] of Object.entries(callers)) {
      const row = Object.values(calls).map(([name]) => d.admit(name, ctx)?.code ?? R);
      expect([who, row]).toEqual([who, expected[who]!.map((code) => (code === FB ? R : code))]);
    }
  });

  it('gives the handler who calls: the window, the device and its role, the staff member', async () => {
    const d = setup({ 'app.info': () => ({}) });
    await d.call('app.info', {}, lan('tok-counter', 'staff-counter'));
    await d.call('app.info', {}, { ...window, token: 'made-up' });
    expect(d.reached.map((r) => r.ctx)).toEqual([
      {
        transport: 'http',
        local: false,
        client: '192.168.1.50',
        token: 'staff-counter',
        caller: { kind: 'device', role: 'counter' },
        device: DEVICES['tok-counter'],
        staff: STAFF,
      },
      // A token that is no session is passed on, but no staff member comes with it.
      { transport: 'ipc', local: true, token: 'made-up', caller: { kind: 'window' } },
    ]);
  });
});

describe('dispatch: the input against the contract', () => {
  it('refuses an argument the schema refuses, naming the field in Vietnamese and English', async () => {
    const d = setup();
    const r = await d.call('staff.setupAdmin', { displayName: 'Quản trị', pin: '12' }, window);
    expect(errorOf(r)).toEqual({
      code: 'invalid-input',
      vi: 'Thông tin gửi lên chưa hợp lệ ở mục "pin": Mã PIN phải gồm 6 đến 12 chữ số.',
      en: 'Invalid input at "pin": The PIN must be 6 to 12 digits.',
      field: 'pin',
    });
    const extra = await d.call('app.info', { sneaky: 1 }, window);
    expect(errorOf(extra)).toMatchObject({
      code: 'invalid-input',
      vi: 'Thông tin gửi lên chưa hợp lệ ở mục: Có trường không được phép: sneaky.',
      en: 'Invalid input at: Unknown field(s): sneaky.',
    });
    expect(d.reached).toEqual([]);
  });

  it('passes the parsed input on (no input at all is an empty object)', async () => {
    const d = setup({ 'app.info': () => ({}), 'staff.signIn': () => ({}) });
    await d.call('app.info', undefined, window);
    await d.call('staff.signIn', { user: 'Lan', pin: '246802' }, window);
    expect(d.reached.map((r) => r.input)).toEqual([{}, { user: 'lan', pin: '246802' }]);
  });
});

describe('dispatch: what a handler gives back', () => {
  it('checks the result against the contract: one that breaks it is internal, and logged', async () => {
    logs.length = 0;
    const d = setup({ 'print.jobs': () => [{ jobId: 'one' }] });
    const r = await d.call('print.jobs', {}, { ...window, token: 'staff-window' });
    expect(errorOf(r)).toEqual(commonErrors.internal());
    expect(logs.join('\n')).toMatch(/result does not match the contract.*print\.jobs/);
    expect(d.successes).toEqual([]);
  });

  it('returns the checked result (keys the contract does not name are dropped)', async () => {
    const d = setup({
      'print.retry': (input: { jobId: number }) => ({ jobId: input.jobId, status: 'queued', extra: 1 }),
    });
    const r = await d.call('print.retry', { jobId: 7 }, { ...window, token: 'staff-window' });
    expect(r).toEqual({ ok: true, value: { jobId: 7, status: 'queued' } });
    expect(d.successes).toEqual([1]);
  });

  it("turns a handler's refusal into its error, anything else it throws into internal, a full disk into disk-full", async () => {
    logs.length = 0;
    const refusal = kioskError('not-retryable', 'Không in lại được', 'Cannot be sent again', 'jobId');
    let thrown: unknown = new KioskFailure(refusal);
    const d = setup({
      'print.retry': () => {
        throw thrown;
      },
    });
    const staff = { ...window, token: 'staff-window' };
    expect(errorOf(await d.call('print.retry', { jobId: 7 }, staff))).toEqual(refusal);
    thrown = new TypeError('x is undefined');
    expect(errorOf(await d.call('print.retry', { jobId: 7 }, staff))).toEqual(commonErrors.internal());
    expect(logs.join('\n')).toMatch(/method failed.*print\.retry.*x is undefined/);
    thrown = new Error('SQLITE_FULL');
    d.setDiskFull(true);
    expect(errorOf(await d.call('print.retry', { jobId: 7 }, staff))?.code).toBe('disk-full');
    // An async handler's rejection is met the same way.
    const async = setup({ 'app.info': () => Promise.reject(new KioskFailure(refusal)) });
    expect(errorOf(await async.call('app.info', {}, window))).toEqual(refusal);
  });
});

describe('dispatch: the audit row a registration declares', () => {
  const staff = { ...window, token: 'staff-window' };

  it('writes an action alone with the calling staff member as its actor, after the handler succeeds', async () => {
    const d = setup({ 'staff.signOut': { handler: () => ({}), audit: 'staff.signOut' } });
    expect(await d.call('staff.signOut', {}, staff)).toEqual({ ok: true, value: {} });
    expect(d.audited).toEqual([{ actorId: 2, actor: 'lan', action: 'staff.signOut' }]);
  });

  it('builds an entry from the parsed input, the result and the caller; null writes none', async () => {
    const d = setup({
      'print.retry': {
        handler: (input: { jobId: number }) => ({ jobId: input.jobId, status: 'queued' }),
        audit: (input: { jobId: number }, result: { status: string }, ctx: HandlerContext) =>
          input.jobId === 13
            ? null
            : { actorId: ctx.staff?.id, action: 'print.retry', targetId: input.jobId, details: result },
      },
    });
    await d.call('print.retry', { jobId: 7 }, staff);
    await d.call('print.retry', { jobId: 13 }, staff);
    expect(d.audited).toEqual([
      { actorId: 2, action: 'print.retry', targetId: 7, details: { jobId: 7, status: 'queued' } },
    ]);
  });

  it('writes nothing when the call is refused, its input is bad or its handler throws', async () => {
    let fails = true;
    const d = setup({
      'print.retry': {
        handler: (input: { jobId: number }) => {
          if (fails) throw new KioskFailure(kioskError('not-retryable', 'Không', 'No'));
          return { jobId: input.jobId, status: 'queued' };
        },
        audit: 'print.retry',
      },
    });
    await d.call('print.retry', { jobId: 7 }, window);
    await d.call('print.retry', { jobId: 'seven' }, staff);
    await d.call('print.retry', { jobId: 7 }, staff);
    expect(d.audited).toEqual([]);
    fails = false;
    await d.call('print.retry', { jobId: 7 }, staff);
    expect(d.audited).toEqual([{ actorId: 2, actor: 'lan', action: 'print.retry' }]);
  });

  it('records what a handler did even when its answer then breaks the contract (internal)', async () => {
    const d = setup({ 'print.retry': { handler: () => ({ jobId: 'x' }), audit: 'print.retry' } });
    expect(errorOf(await d.call('print.retry', { jobId: 7 }, staff))).toEqual(commonErrors.internal());
    expect(d.audited).toEqual([{ actorId: 2, actor: 'lan', action: 'print.retry' }]);
  });
});
