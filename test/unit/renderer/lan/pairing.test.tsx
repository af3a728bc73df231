// A LAN device the kiosk does not know: the start-up gate shows the pairing screen instead of the error
// screen, a wrong code shows the kiosk's words and empties the field, a good one loads app.info again and
// the app shows; a device revoked while in use is sent back to pairing; and what each paired role may
// open (a display always the board, a counter PC's '/' the staff console). The steps are the same pure
// functions the components call, each state rendered as the components render it.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { AppInfo, KioskError, MethodName, Result } from '../../../../preload/api';
import { AppInfoContext, type AppInfoValue } from '../../../../renderer/src/context';
import { GateView } from '../../../../renderer/src/components/AppInfoGate';
import { PairingView } from '../../../../renderer/src/components/PairingScreen';
import {
  canSendCode,
  formAfterOutcome,
  gateAfterInfo,
  gateAfterPairing,
  pairingDigits,
  sendPairingCode,
  watchPairing,
  type GateState,
  type PairingForm,
} from '../../../../renderer/src/components/pairing';
import { deviceRoute, RouterProvider } from '../../../../renderer/src/router';
import { Screens } from '../../../../renderer/src/App';
import { appInfo } from '../appInfo';
import { recordingClient, render as renderScreen, type Language, text } from '../render';

/** The bridge's own words (main/core/pairing/messages.ts). */
const NOT_PAIRED: KioskError = {
  code: 'device-not-paired',
  vi: 'Thiết bị này chưa được ghép nối với ki-ốt. Nhập mã ghép nối do quản trị viên đưa cho bạn.',
  en: 'This device is not paired with the kiosk. Enter the pairing code an administrator gives you.',
};
const WRONG: KioskError = {
  code: 'pairing-code-invalid',
  vi: 'Mã ghép nối không đúng hoặc đã hết hạn. Vui lòng xem lại 6 chữ số trên màn hình ki-ốt; nếu mã đã hết hạn, nhờ quản trị viên tạo mã mới.',
  en: 'The pairing code is wrong or has expired. Check the 6 digits on the kiosk screen; if the code has expired, ask an administrator for a new one.',
  field: 'code',
};

const info = (device: AppInfo['device'] = null): AppInfo =>
  appInfo({ features: ['queue', 'tracking'], device });
const display = { id: 'd-0a1b2c3d4e', name: 'Màn hình sảnh', role: 'display' } as const;
const counter = { id: 'd-5f6a7b8c9d', name: 'Quầy 3', role: 'counter' } as const;

/** A LAN device's client (HTTP) answering each method from its queue of answers, in turn; records every call. */
const scriptedBridge = (answers: Partial<Record<MethodName, Result<unknown>[]>>) =>
  recordingClient((name) => {
    const next = answers[name]?.shift();
    if (!next) throw new Error(`unexpected call ${name}`);
    return next;
  }, 'http');

const fail = (error: KioskError): Result<never> => ({ ok: false, error });

const render = (node: ReactNode, lng: Language = 'vi'): string =>
  renderScreen(node, lng, { client: scriptedBridge({}).client });

const valueOf = (state: GateState): AppInfoValue | null =>
  state.status === 'ready'
    ? { info: state.info, clockOffsetMs: state.clockOffsetMs, refresh: async () => undefined }
    : null;

const gate = (state: GateState, lng: 'vi' | 'en' = 'vi'): string =>
  render(
    <GateView state={state} value={valueOf(state)} onRetry={() => undefined} onPaired={() => undefined}>
      <p data-testid="the-app">the app</p>
    </GateView>,
    lng,
  );

/** The text inside the role=alert region. */
const alertText = (html: string): string =>
  text(/<div role="alert"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '').trim();
/** The opening tag of the element with this test id. */
const tag = (html: string, testId: string): string =>
  new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';
const codeValue = (html: string): string | undefined =>
  /value="([^"]*)"/.exec(tag(html, 'pairing-code'))?.[1];

describe('the start-up gate on a device the kiosk does not know', () => {
  it('shows the pairing screen for device-not-paired, and the app after a good code', async () => {
    const { calls, client } = scriptedBridge({
      'app.info': [fail(NOT_PAIRED), { ok: true, value: info(display) }],
      'lan.pair': [{ ok: true, value: { device: display } }],
    });
    const first = gateAfterInfo({ status: 'loading' }, await client.call('app.info', {}), Date.now());
    expect(first).toEqual({ status: 'pairing' });
    const pairing = gate(first);
    expect(pairing).toContain('data-testid="pairing"');
    expect(pairing).not.toContain('the-app');
    const words = text(pairing);
    expect(words).toContain('Ghép nối thiết bị với ki-ốt');
    expect(words).toContain('Bảng điều khiển → Mạng nội bộ → Ghép thiết bị mới');
    expect(words).toContain('Mã ghép nối (6 chữ số)');
    // The number pad of staff sign-in, reused: ten digits, clear and backspace, controlling the field.
    expect(pairing.match(/aria-controls="pairing-code"/g)).toHaveLength(12);
    expect(tag(pairing, 'pairing-submit')).toContain('disabled');
    // Not the start-up error screen.
    expect(words).not.toContain('Chưa mở được ki-ốt');

    const outcome = await sendPairingCode(client, '246810');
    expect(calls.map((c) => c.name)).toEqual(['app.info', 'lan.pair', 'app.info']);
    expect(calls[1]?.input).toEqual({ code: '246810' });
    expect(outcome.kind).toBe('paired');
    if (outcome.kind !== 'paired') return;
    const next = gateAfterPairing(outcome, Date.now());
    expect(next.status).toBe('ready');
    const app = gate(next);
    expect(app).toContain('data-testid="the-app"');
    expect(app).not.toContain('data-testid="pairing"');
  });

  it('keeps the error screen for other failures, and a working screen over a failed refresh', async () => {
    const network: KioskError = { code: 'network', vi: 'Mất kết nối.', en: 'No connection.' };
    const error = gateAfterInfo({ status: 'loading' }, fail(network), 0);
    expect(error).toEqual({ status: 'error', error: network });
    expect(text(gate(error))).toContain('Chưa mở được ki-ốt');
    expect(gate(error)).not.toContain('data-testid="pairing"');
    const ready = gateAfterInfo({ status: 'loading' }, { ok: true, value: info() }, 0);
    expect(gateAfterInfo(ready, fail(network), 0)).toBe(ready);
    // …but a refresh saying the device is no longer paired brings the pairing screen back.
    expect(gateAfterInfo(ready, fail(NOT_PAIRED), 0)).toEqual({ status: 'pairing' });
  });

  it('says so when the browser did not keep the pairing (app.info still refuses it)', async () => {
    const { client } = scriptedBridge({
      'app.info': [fail(NOT_PAIRED)],
      'lan.pair': [{ ok: true, value: { device: counter } }],
    });
    const outcome = await sendPairingCode(client, '246810');
    if (outcome.kind !== 'paired') throw new Error('expected paired');
    const next = gateAfterPairing(outcome, 0);
    expect(next).toMatchObject({ status: 'pairing', notice: { code: 'pairing-not-kept' } });
    expect(alertText(gate(next))).toContain('không giữ lại việc ghép nối');
    expect(alertText(gate(next, 'en'))).toContain('did not keep the pairing');
  });
});

describe('a wrong pairing code', () => {
  it("shows the kiosk's words in the alert region, in the screen's language, and empties the field", async () => {
    const { calls, client } = scriptedBridge({ 'lan.pair': [fail(WRONG)] });
    const sending: PairingForm = { code: '135790', error: undefined, phase: 'sending' };
    const outcome = await sendPairingCode(client, sending.code);
    expect(outcome).toEqual({ kind: 'refused', error: WRONG });
    // Refused: app.info is not asked again.
    expect(calls.map((c) => c.name)).toEqual(['lan.pair']);
    const after = formAfterOutcome(sending, outcome);
    expect(after).toEqual({ code: '', error: WRONG, phase: 'typing' });

    const view = (lng: 'vi' | 'en') =>
      render(<PairingView form={after} onCode={() => undefined} onSubmit={() => undefined} />, lng);
    expect(alertText(view('vi'))).toBe(WRONG.vi);
    expect(alertText(view('en'))).toBe(WRONG.en);
    expect(codeValue(view('vi'))).toBe('');
    // The field is marked as the one in error; the keys work again.
    expect(tag(view('vi'), 'pairing-code')).toContain('aria-invalid="true"');
    expect(view('vi')).not.toMatch(/class="btn key[^"]*"[^>]*disabled/);
  });

  it('while typing, only six digits stand in the field and the button waits for all six', () => {
    expect(pairingDigits('246 810')).toBe('246810');
    expect(pairingDigits('12a34-5678')).toBe('123456');
    expect(canSendCode('24681')).toBe(false);
    expect(canSendCode('246810')).toBe(true);
    const typed = render(
      <PairingView
        form={{ code: '246810', error: undefined, phase: 'typing' }}
        onCode={() => undefined}
        onSubmit={() => undefined}
      />,
    );
    expect(codeValue(typed)).toBe('246810');
    expect(tag(typed, 'pairing-submit')).not.toContain('disabled');
    expect(alertText(typed)).toBe('');
  });
});

describe('a device revoked while in use', () => {
  it("tells the gate when a screen's call is refused for not being paired, and only then", async () => {
    const { client } = scriptedBridge({
      'queue.board': [fail({ code: 'internal', vi: 'Lỗi.', en: 'Error.' }), fail(NOT_PAIRED)],
    });
    let told = 0;
    const screens = watchPairing(client, () => (told += 1));
    expect((await screens.call('queue.board', {})).ok).toBe(false);
    expect(told).toBe(0);
    const refused = await screens.call('queue.board', {});
    expect(refused).toEqual(fail(NOT_PAIRED));
    expect(told).toBe(1);
  });
});

describe('what a paired device opens', () => {
  it('a display always the board; a counter PC the staff console for /; the kiosk where the path says', () => {
    for (const route of ['citizen', 'staff', 'display'] as const) {
      expect(deviceRoute(route, display)).toBe('display');
      expect(deviceRoute(route, null)).toBe(route);
      expect(deviceRoute(route, { role: 'kiosk' })).toBe(route);
    }
    expect(deviceRoute('citizen', counter)).toBe('staff');
    expect(deviceRoute('staff', counter)).toBe('staff');
    expect(deviceRoute('display', counter)).toBe('display');
  });

  const screens = (path: string, device: AppInfo['device']): string =>
    render(
      <RouterProvider path={path}>
        <AppInfoContext value={{ info: info(device), clockOffsetMs: 0, refresh: async () => undefined }}>
          <Screens />
        </AppInfoContext>
      </RouterProvider>,
    );

  it('renders the waiting-room display for a display device that opened /staff', () => {
    const html = screens('/staff', display);
    expect(html).toContain('data-testid="display-board"');
    expect(html).not.toContain('data-testid="staff-user"');
    // The kiosk's own window at /staff still gets the staff area.
    expect(screens('/staff', null)).toContain('data-testid="staff-user"');
  });

  it('renders the staff sign-in, naming the device, for a counter PC that opened /, with no way to citizen screens', () => {
    const html = screens('/', counter);
    expect(html).toContain('data-testid="staff-user"');
    expect(text(html)).toContain('Thiết bị: Quầy 3');
    expect(text(html)).not.toContain('Về màn hình ki-ốt');
    // The kiosk window's staff area names no device and offers the way back.
    const own = text(screens('/staff', null));
    expect(own).not.toContain('Thiết bị:');
    expect(own).toContain('Về màn hình ki-ốt');
  });
});
