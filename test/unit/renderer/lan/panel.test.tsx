// The console's "Mạng nội bộ" tab: the new-device form's three role choices and name, the code in two
// groups of three with its countdown, the devices table with "Thu hồi" on live devices only, the
// confirmation it asks, revoking (lan.revokeDevice, then the list again), noticing the device a code
// paired, and what staff who are not admins see.
import { describe, expect, it } from 'vitest';
import type {
  DeviceRecord,
  KioskError,
  MethodName,
  PairingStart,
  Result,
  StaffUser,
} from '../../../../preload/api';
import {
  DeviceTable,
  LanPanel,
  NewDeviceFields,
  PairingCodeCard,
  RevokeDialog,
} from '../../../../renderer/src/screens/staff/LanPanel';
import {
  codeGroups,
  countdownText,
  deviceNameProblem,
  isAdminOnly,
  justPaired,
  revokeAndList,
  secondsLeft,
} from '../../../../renderer/src/screens/staff/lanModel';
import { appInfo } from '../appInfo';
import { recordingClient, renderWith, text } from '../render';

const info = appInfo();

const record = (over: Partial<DeviceRecord> = {}): DeviceRecord => ({
  id: 'd-0a1b2c3d4e',
  name: 'Quầy 3',
  role: 'counter',
  pairedAt: '2026-11-23T02:00:00.000Z',
  pairedBy: 'admin',
  pairedFrom: '192.168.1.50',
  lastSeenAt: '2026-11-23T03:30:00.000Z',
  lastAddress: '192.168.1.51',
  revokedAt: null,
  revokedBy: null,
  ...over,
});
const revoked = record({
  id: 'd-9f8e7d6c5b',
  name: 'Màn hình cũ',
  role: 'display',
  lastSeenAt: null,
  lastAddress: null,
  revokedAt: '2026-11-22T09:00:00.000Z',
  revokedBy: 'truongphong',
});

const start: PairingStart = {
  code: '042917',
  role: 'display',
  name: 'Màn hình sảnh',
  expiresAt: '2026-11-23T02:20:00.000Z',
  triesLeft: 5,
};

/** A client that records each call and answers from `answers`. */
const recordingBridge = (answers: Partial<Record<MethodName, Result<unknown>>>) =>
  recordingClient((name) => {
    const answer = answers[name];
    if (!answer) throw new Error(`unexpected call ${name}`);
    return answer;
  });

const render = renderWith({ info });

const rows = (html: string): string[] => html.split('<tr').slice(2);
const noop = () => undefined;

describe('the pairing code on the console', () => {
  it('is shown in very large digits as two groups of three, with the time left', () => {
    const html = render(<PairingCodeCard start={start} secondsLeft={299} onAnother={noop} />);
    expect([...html.matchAll(/class="lan-code-group">(\d+)</g)].map((m) => m[1])).toEqual(['042', '917']);
    expect(html).toMatch(/role="timer"[^>]*>Còn 4:59 để nhập mã</);
    const words = text(html);
    expect(words).toContain('Mã ghép nối cho “Màn hình sảnh” (Màn hình phòng chờ)');
    expect(words).toContain('Nhập 6 chữ số này rồi bấm “Ghép nối”');
    expect(html).toContain('data-testid="lan-another-code"');
  });

  it('says when it has run out, and no longer counts', () => {
    const html = render(<PairingCodeCard start={start} secondsLeft={0} onAnother={noop} />);
    expect(html).not.toContain('role="timer"');
    expect(text(html)).toContain('Mã này đã hết hạn');
    expect(html).toContain('lan-code-card is-expired');
  });

  it('counts down on the server clock', () => {
    const end = Date.parse(start.expiresAt);
    expect(secondsLeft(start.expiresAt, end - 300_000)).toBe(300);
    expect(secondsLeft(start.expiresAt, end - 1)).toBe(1);
    expect(secondsLeft(start.expiresAt, end + 5_000)).toBe(0);
    expect(countdownText(300)).toBe('5:00');
    expect(countdownText(61)).toBe('1:01');
    expect(countdownText(9)).toBe('0:09');
    expect(codeGroups('123456')).toEqual(['123', '456']);
  });
});

describe('the new-device form', () => {
  it('offers the three roles as large choices with one line each, and the name', () => {
    const html = render(
      <NewDeviceFields
        role="display"
        name="Màn hình sảnh"
        error={undefined}
        busy={false}
        onRole={noop}
        onName={noop}
        onSubmit={noop}
      />,
    );
    const radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios.map((r) => /value="(\w+)"/.exec(r)?.[1])).toEqual(['counter', 'display', 'kiosk']);
    expect(radios.filter((r) => r.includes('checked'))).toHaveLength(1);
    expect(radios.find((r) => r.includes('checked'))).toContain('value="display"');
    const words = text(html);
    for (const label of ['Máy tính tại quầy', 'Màn hình phòng chờ', 'Ki-ốt khác'])
      expect(words).toContain(label);
    expect(words).toContain('Không ai đăng nhập trên máy này');
    expect(words).toContain('Tên thiết bị');
    expect(html).toContain('value="Màn hình sảnh"');
    expect(html).toContain('data-testid="lan-start-pairing"');
  });

  it('asks for a name before making a code, and marks the field', () => {
    expect(deviceNameProblem('  ')).toBe('nameRequired');
    expect(deviceNameProblem('x'.repeat(61))).toBe('nameRequired');
    expect(deviceNameProblem(' Quầy 3 ')).toBeNull();
    const error: KioskError = { code: 'name-required', vi: 'Hãy đặt tên.', en: 'Name it.', field: 'name' };
    const html = render(
      <NewDeviceFields
        role="counter"
        name=""
        error={error}
        busy={false}
        onRole={noop}
        onName={noop}
        onSubmit={noop}
      />,
    );
    expect(/<input[^>]*data-testid="lan-device-name"[^>]*>/.exec(html)?.[0]).toContain('aria-invalid="true"');
    expect(html).toMatch(/role="alert"[^>]*>Hãy đặt tên\.</);
  });
});

describe('the devices table', () => {
  const html = render(<DeviceTable devices={[record(), revoked]} busy={false} onRevoke={noop} />);
  const [live, old] = rows(html);

  it('lists name, role, paired when and by whom, last contact and where, and state', () => {
    const words = text(live ?? '');
    expect(words).toContain('Quầy 3');
    expect(words).toContain('Máy tính tại quầy');
    expect(words).toContain('23/11/2026 09:00');
    expect(words).toContain('bởi admin');
    expect(words).toContain('23/11/2026 10:30');
    expect(words).toContain('từ 192.168.1.51');
    expect(words).toContain('Đang dùng');
    const gone = text(old ?? '');
    expect(gone).toContain('Màn hình phòng chờ');
    expect(gone).toContain('Chưa liên lạc');
    expect(gone).toContain('Đã thu hồi');
    expect(gone).toContain('bởi truongphong');
  });

  it('offers "Thu hồi" on live devices only, named for the device', () => {
    expect(live).toContain('data-testid="lan-revoke"');
    expect(live).toContain('aria-label="Thu hồi thiết bị “Quầy 3”"');
    expect(old).not.toContain('data-testid="lan-revoke"');
    expect(old).toContain('class="is-revoked"');
  });

  it('says when nothing is paired yet', () => {
    const empty = render(<DeviceTable devices={[]} busy={false} onRevoke={noop} />);
    expect(empty).toContain('data-testid="lan-devices-empty"');
    expect(empty).not.toContain('<table');
  });
});

describe('revoking a device', () => {
  it('asks first, saying it takes effect at once and what it ends', () => {
    const html = render(<RevokeDialog device={record()} busy={false} onCancel={noop} onConfirm={noop} />);
    const words = text(html);
    expect(words).toContain('Thu hồi thiết bị “Quầy 3”?');
    expect(words).toContain('có hiệu lực ngay');
    expect(words).toContain('bị đăng xuất');
    // The safe answer comes first (it gets the focus), the confirmation second.
    expect(words.indexOf('Giữ lại')).toBeLessThan(words.indexOf('Thu hồi ngay'));
    expect(html).toContain('data-testid="lan-revoke-confirm-button"');
  });

  it('calls lan.revokeDevice with the device, then reads the list again', async () => {
    const after = [record({ revokedAt: '2026-11-23T04:00:00.000Z', revokedBy: 'admin' })];
    const { calls, client } = recordingBridge({
      'lan.revokeDevice': { ok: true, value: after[0] },
      'lan.devices': { ok: true, value: after },
    });
    const outcome = await revokeAndList(client, 'd-0a1b2c3d4e');
    expect(calls).toEqual([
      { name: 'lan.revokeDevice', input: { deviceId: 'd-0a1b2c3d4e' } },
      { name: 'lan.devices', input: {} },
    ]);
    expect(outcome).toEqual({ ok: true, revoked: after[0], devices: after });
  });

  it("a refusal is the kiosk's, and the list is not asked", async () => {
    const notFound: KioskError = { code: 'device-not-found', vi: 'Không tìm thấy.', en: 'Not found.' };
    const { calls, client } = recordingBridge({ 'lan.revokeDevice': { ok: false, error: notFound } });
    expect(await revokeAndList(client, 'd-x')).toEqual({ ok: false, error: notFound });
    expect(calls.map((c) => c.name)).toEqual(['lan.revokeDevice']);
  });
});

describe('noticing the device a code paired', () => {
  it('is the new live device of that role and name', () => {
    const known = new Set([record().id]);
    const paired = record({ id: 'd-new', name: 'Màn hình sảnh', role: 'display' });
    expect(justPaired(start, known, [record(), paired])).toBe(paired);
    expect(justPaired(start, known, [record()])).toBeNull();
    // Known before the code was made, revoked, or another role: not this code's.
    expect(justPaired(start, new Set(['d-new']), [paired])).toBeNull();
    expect(justPaired(start, known, [{ ...paired, revokedAt: '2026-11-23T02:19:00.000Z' }])).toBeNull();
    expect(justPaired(start, known, [{ ...paired, role: 'kiosk' }])).toBeNull();
  });
});

describe('who sees what', () => {
  const staff: StaffUser = { id: 2, user: 'lan', displayName: 'Chị Lan', role: 'staff' };
  const admin: StaffUser = { id: 1, user: 'admin', displayName: 'Quản trị viên', role: 'admin' };

  it('staff who are not admins read one calm line, no form and no table', () => {
    const html = render(<LanPanel user={staff} onError={() => false} />);
    expect(html).toContain('data-testid="lan-admin-only"');
    expect(text(html)).toContain('Chỉ quản trị viên mới ghép nối, xem và thu hồi thiết bị.');
    expect(html).not.toContain('data-testid="lan-devices"');
    expect(html).not.toContain('role="alert" class="error-box"');
    // The certificate section stays.
    expect(text(html)).toContain('Chứng chỉ HTTPS của ki-ốt');
  });

  it('admins get the devices section', () => {
    const html = render(<LanPanel user={admin} onError={() => false} />);
    expect(html).toContain('data-testid="lan-devices"');
    expect(html).not.toContain('data-testid="lan-admin-only"');
  });

  it('a forbidden answer is read as "admins only", anything else is an error', () => {
    expect(isAdminOnly({ code: 'forbidden', vi: '', en: '' })).toBe(true);
    expect(isAdminOnly({ code: 'internal', vi: '', en: '' })).toBe(false);
  });
});
