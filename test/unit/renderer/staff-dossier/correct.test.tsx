// "Sửa hồ sơ" in the staff "Đồng bộ" tab: which refused dossiers can be corrected, that a correction is
// saved before it is sent again (and never sent when saving was refused), and a static render of the
// dialog's content: the portal's reasons above the dossier's own e-form, filled with its data.
import { describe, expect, it } from 'vitest';
import type { KioskError, MethodName, Result, SyncStatus } from '../../../../preload/api';
import {
  canCorrect,
  correctAndResend,
  CorrectForm,
  type Attention,
} from '../../../../renderer/src/screens/staff/CorrectDossier';
import { createFormValidation } from '../../../../renderer/src/screens/dossier/form/validator';
import { birthRegistration } from '../dossier/fixtures';
import { recordingClient, render as renderScreen } from '../render';

const ID = '5b1d8c0e-3f7a-4c2e-9d41-0a6b2c3d4e5f';

const status: SyncStatus = {
  portalConfigured: true,
  online: true,
  waiting: 1,
  sending: 0,
  attention: 0,
  synced: 0,
  lastContactAt: null,
  nextAttemptAt: null,
};

const refused = (over: Partial<Attention> = {}): Attention => ({
  dossierId: ID,
  code: '000.00.12.H29-K01-261123-0007',
  procedureName: 'Đăng ký khai sinh',
  httpStatus: 422,
  error: { vi: 'Cổng từ chối hồ sơ.', en: 'The portal refused the dossier.' },
  reasons: ['Số định danh của mẹ không khớp với CSDL quốc gia về dân cư.'],
  since: '2026-11-23T08:00:00.000Z',
  attempts: 1,
  ...over,
});

const refusal: KioskError = {
  code: 'form-invalid',
  vi: 'Số định danh cá nhân gồm đúng 12 chữ số.',
  en: 'The personal ID number has exactly 12 digits.',
  field: 'data.me.idNumber',
};

/** A client that records each call and answers from `answers` (ok with `{}` when not listed). */
const recordingBridge = (answers: Partial<Record<MethodName, Result<unknown>>>) =>
  recordingClient((name) => answers[name] ?? { ok: true, value: {} });

describe('which refused dossiers offer "Sửa hồ sơ"', () => {
  it('those the portal refused for their content', () => {
    expect(canCorrect(refused())).toBe(true);
    expect(canCorrect(refused({ httpStatus: 422, reasons: [] }))).toBe(true);
    expect(canCorrect(refused({ httpStatus: null, reasons: ['Thiếu ngày sinh của trẻ.'] }))).toBe(true);
  });

  it('not a conflict or a credentials problem, which editing the form cannot fix', () => {
    expect(canCorrect(refused({ httpStatus: 409, reasons: [] }))).toBe(false);
    expect(canCorrect(refused({ httpStatus: 401, reasons: [] }))).toBe(false);
  });
});

describe('saving a correction', () => {
  const data = { me: { fullName: 'Trần Thị Bình', idNumber: '001190012345' } };

  it('saves the corrected data, then asks to send that dossier again', async () => {
    const { calls, client } = recordingBridge({ 'sync.retry': { ok: true, value: status } });
    const outcome = await correctAndResend(client, ID, data);
    expect(calls).toEqual([
      { name: 'dossier.correct', input: { id: ID, data } },
      { name: 'sync.retry', input: { dossierId: ID } },
    ]);
    expect(outcome).toEqual({ ok: true, status });
  });

  it('does not send again what main refused to save', async () => {
    const { calls, client } = recordingBridge({ 'dossier.correct': { ok: false, error: refusal } });
    const outcome = await correctAndResend(client, ID, data);
    expect(calls.map((c) => c.name)).toEqual(['dossier.correct']);
    expect(outcome).toEqual({ ok: false, saved: false, error: refusal });
  });

  it('says the correction was kept when only sending again failed', async () => {
    const offline: KioskError = { code: 'portal-offline', vi: 'Chưa kết nối.', en: 'Offline.' };
    const { client } = recordingBridge({ 'sync.retry': { ok: false, error: offline } });
    expect(await correctAndResend(client, ID, data)).toEqual({ ok: false, saved: true, error: offline });
  });
});

describe('the correction dialog', () => {
  const { client } = recordingBridge({});
  const render = (error?: KioskError): string =>
    renderScreen(
      <CorrectForm
        item={refused()}
        procedure={birthRegistration}
        data={{
          tre: { fullName: 'Nguyễn Minh An', birthDate: '2026-11-01' },
          me: { fullName: 'Trần Thị Bình', idNumber: '00119001234', birthDate: '1990-01-01' },
        }}
        onChange={() => undefined}
        validation={createFormValidation(false)}
        tried={false}
        saving={false}
        error={error}
        onSave={() => undefined}
        onCancel={() => undefined}
      />,
      'vi',
      { client },
    );

  it("shows the portal's reasons and the dossier's e-form filled with what was submitted", () => {
    const html = render();
    expect(html).toContain('Số định danh của mẹ không khớp với CSDL quốc gia về dân cư.');
    expect(html).toMatch(
      /id="root_tre_fullName"[^>]*value="Nguyễn Minh An"|value="Nguyễn Minh An"[^>]*id="root_tre_fullName"/,
    );
    expect(html).toMatch(
      /id="root_me_idNumber"[^>]*value="00119001234"|value="00119001234"[^>]*id="root_me_idNumber"/,
    );
    expect(html).toContain('Lưu và gửi lại');
  });

  it("puts main's refusal under the field it names", () => {
    const html = render(refusal);
    const field = html.indexOf('id="root_me_idNumber"');
    const message = html.lastIndexOf(refusal.vi);
    expect(field).toBeGreaterThan(-1);
    expect(message).toBeGreaterThan(field);
    expect(html.slice(field, message)).not.toContain('id="root_me_birthDate"');
  });
});
