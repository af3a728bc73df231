// Receiving dossiers at the counter (Nghị định 118/2025/NĐ-CP): the "Chờ tiếp nhận" list as a reducer and
// its rows, the refusal that needs a reason (Mẫu 03), the day list's channel, reception and reprinted
// paper, the assisted check's Mẫu 02/03 actions, and the Mẫu 06/07 export's range.
import { describe, expect, it } from 'vitest';
import type { CheckResult, MethodOutput } from '../../../../preload/api';
import { DayDossierRow } from '../../../../renderer/src/screens/staff/DayDossiers';
import { PendingRow } from '../../../../renderer/src/screens/staff/reception/PendingDossiers';
import { RefuseDialog, refusalToSend } from '../../../../renderer/src/screens/staff/reception/RefuseDialog';
import { CounterCheckActions } from '../../../../renderer/src/screens/staff/reception/CounterCheckActions';
import { TrackingExport } from '../../../../renderer/src/screens/staff/reception/TrackingExport';
import {
  initialPending,
  pendingReducer,
  rangeProblem,
  type PendingDossier,
  type Received,
} from '../../../../renderer/src/screens/staff/reception/model';
import { CheckStep } from '../../../../renderer/src/screens/dossier/steps/CheckStep';
import { appInfo } from '../appInfo';
import { ids, render, text, type Language } from '../render';

const waiting: PendingDossier = {
  id: '0b6f2c1e-8a4d-4c1b-9f3e-2d7a5b6c8e90',
  code: '000.00.12.H29-K01-261123-0001',
  portalCode: null,
  procedureName: 'Chứng thực bản sao từ bản chính',
  applicant: 'Trần Thị Bình (••••••••5678)',
  receivedAt: '2026-11-23T02:10:00.000Z',
  dueDate: '2026-11-24',
  assistedBy: null,
  channel: 'kiosk',
  reception: 'pending',
  status: 'submitted',
  sync: 'waiting',
};
const older: PendingDossier = {
  ...waiting,
  id: '6a1d0f3b-2c4e-4f5a-8b7c-9d0e1f2a3b4c',
  code: '000.00.12.H29-K01-261123-0000',
  receivedAt: '2026-11-23T01:00:00.000Z',
};
const received: Received = {
  code: waiting.code,
  receivedAt: '2026-11-23T03:00:00.000Z',
  dueDate: '2026-11-25',
  dueDateEstimated: false,
  pdfBase64: 'JVBERi0xLjQK',
  jobIds: [7],
};

const row = (r: PendingDossier, state = initialPending, language: Language = 'vi') =>
  render(
    <table>
      <tbody>
        <PendingRow
          row={r}
          outcome={state.outcomes[r.id]}
          busy={false}
          onReceive={() => undefined}
          onRefuse={() => undefined}
          onSupplement={() => undefined}
        />
      </tbody>
    </table>,
    language,
  );

describe('a refusal (Mẫu 03) needs a reason the citizen can read', () => {
  it('is not sent without a reason, or with one under 5 characters, and says why in words', () => {
    for (const reason of ['', '   ', 'abc', ' sai ']) {
      const checked = refusalToSend(reason);
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.error.vi).toBe('Vui lòng ghi lý do từ chối, ít nhất 5 ký tự.');
        expect(checked.error.en).toContain('at least 5 characters');
        expect(checked.error.field).toBe('reason');
      }
    }
  });

  it('is sent with the reason trimmed', () => {
    expect(refusalToSend('  Thủ tục không thuộc thẩm quyền  ')).toEqual({
      ok: true,
      reason: 'Thủ tục không thuộc thẩm quyền',
    });
  });

  it('the dialog asks for the reason in a labelled, required field with its rule beside it', () => {
    const html = render(
      <RefuseDialog
        id={waiting.id}
        code={waiting.code}
        onRefused={() => undefined}
        onClose={() => undefined}
      />,
    );
    const words = text(html);
    expect(words).toContain(`Từ chối tiếp nhận hồ sơ ${waiting.code}`);
    expect(words).toContain('Lý do từ chối');
    expect(words).toContain('Bắt buộc, ít nhất 5 ký tự');
    expect(html).toMatch(/<textarea[^>]*required=""[^>]*aria-describedby="[^"]+"/);
    expect(ids(html)).toEqual(expect.arrayContaining(['refuse-reason', 'refuse-send', 'refuse-error']));
  });
});

describe('the "Chờ tiếp nhận" list', () => {
  it('lists the longest waiting first, each with its actions and its date dự kiến', () => {
    const state = pendingReducer(initialPending, { type: 'loaded', rows: [waiting, older] });
    expect(state.rows?.map((r) => r.code)).toEqual([older.code, waiting.code]);
    const html = row(waiting, state);
    expect(ids(html)).toEqual(
      expect.arrayContaining(['pending-receive', 'pending-refuse', 'pending-supplement']),
    );
    expect(text(html)).toContain('24/11/2026 (dự kiến)');
    expect(html).toContain(`aria-label="Tiếp nhận hồ sơ ${waiting.code}"`);
  });

  it('receiving a dossier updates its row: received, the new due date, Mẫu 01 printing, no more actions', () => {
    let state = pendingReducer(initialPending, { type: 'loaded', rows: [waiting, older] });
    state = pendingReducer(state, { type: 'busy', id: waiting.id });
    state = pendingReducer(state, { type: 'received', id: waiting.id, received });
    const updated = state.rows?.find((r) => r.id === waiting.id);
    expect(updated).toMatchObject({ reception: 'received', dueDate: '2026-11-25' });
    expect(state.busy).toBeNull();
    const html = row(updated ?? waiting, state);
    const words = text(html);
    expect(words).toContain('Đã tiếp nhận. Hẹn trả kết quả: 25/11/2026');
    expect(words).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) đang được in.');
    expect(words).not.toContain('dự kiến');
    expect(html).toMatch(/data-testid="pending-status" data-status="received" data-code="2"/);
    expect(words).toContain('Được tiếp nhận mã 2');
    expect(ids(html)).not.toContain('pending-receive');
    // The next answer of dossier.pending no longer has it: the row stays, received, until the list is left.
    const refreshed = pendingReducer(state, { type: 'loaded', rows: [older] });
    expect(refreshed.rows?.map((r) => [r.code, r.reception])).toEqual([
      [older.code, 'pending'],
      [waiting.code, 'received'],
    ]);
  });

  it('without a forms printer, offers Mẫu 01 as a PDF to download', () => {
    let state = pendingReducer(initialPending, { type: 'loaded', rows: [waiting] });
    state = pendingReducer(state, {
      type: 'received',
      id: waiting.id,
      received: { ...received, jobIds: [] },
    });
    const html = row(state.rows?.[0] ?? waiting, state);
    expect(text(html)).toContain('Chưa có máy in biểu mẫu nào được cấu hình');
    expect(html).toMatch(/data-testid="form-download"/);
    expect(html).toContain('data-printing="false"');
  });

  it('a refused row says so, in English too, and offers nothing more than its Mẫu 03', () => {
    let state = pendingReducer(initialPending, { type: 'loaded', rows: [waiting] });
    state = pendingReducer(state, {
      type: 'refused',
      id: waiting.id,
      refused: { code: waiting.code, pdfBase64: 'JVBERi0xLjQK', jobIds: [9] },
    });
    const html = row(state.rows?.[0] ?? waiting, state, 'en');
    expect(text(html)).toContain('Refused');
    expect(text(html)).toContain('Not received code 3');
    expect(text(html)).toContain('Refusal to receive the dossier (Form 03) is printing.');
    expect(ids(html)).not.toContain('pending-refuse');
  });

  it('a request for papers keeps the dossier waiting, with its actions', () => {
    let state = pendingReducer(initialPending, { type: 'loaded', rows: [waiting] });
    state = pendingReducer(state, {
      type: 'supplement',
      id: waiting.id,
      request: { code: waiting.code, items: [], pdfBase64: 'JVBERi0xLjQK', jobIds: [] },
    });
    const html = row(state.rows?.[0] ?? waiting, state);
    expect(text(html)).toContain('Đã lập phiếu yêu cầu bổ sung');
    expect(text(html)).toContain('Mới đăng ký mã 1');
    expect(ids(html)).toContain('pending-receive');
  });
});

describe('the day list', () => {
  type DayDossier = MethodOutput<'dossier.today'>[number];
  const day = (r: DayDossier, language: Language = 'vi') =>
    render(
      <table>
        <tbody>
          <DayDossierRow row={r} busy={false} onPrint={() => undefined} onView={() => undefined} />
        </tbody>
      </table>,
      language,
    );

  it('shows how each dossier came in and its reception, and which paper a reprint prints', () => {
    const alone = day(waiting);
    expect(text(alone)).toContain('Tự nộp tại ki-ốt');
    expect(text(alone)).toContain('Chờ tiếp nhận');
    expect(alone).toMatch(/data-testid="dossier-reprint" data-paper="slip"[^>]*>In lại phiếu nộp</);
    const counter = day({ ...waiting, channel: 'counter', assistedBy: 'Lê Thu', reception: 'received' });
    expect(text(counter)).toContain('Tại quầy Lê Thu');
    expect(text(counter)).toContain('Đã tiếp nhận');
    expect(counter).toMatch(/data-paper="receipt"[^>]*>In lại Mẫu 01</);
    const refused = day({ ...waiting, reception: 'refused' }, 'en');
    expect(refused).toMatch(/data-paper="refusal"[^>]*>Reprint Form 03</);
  });

  it('offers “In Mẫu 02” for a dossier the portal asked papers for', () => {
    const render02 = (status: DayDossier['status']): string =>
      render(
        <table>
          <tbody>
            <DayDossierRow
              row={{ ...waiting, reception: 'received', status }}
              busy={false}
              onPrint={() => undefined}
              onView={() => undefined}
              onSupplement={() => undefined}
            />
          </tbody>
        </table>,
      );
    expect(ids(render02('supplement'))).toContain('dossier-supplement');
    expect(text(render02('supplement'))).toContain('In Mẫu 02');
    expect(ids(render02('processing'))).not.toContain('dossier-supplement');
    expect(ids(day(waiting))).not.toContain('dossier-supplement');
  });

  it.each([
    ['submitted', 'Mới đăng ký mã 1'],
    ['received', 'Được tiếp nhận mã 2'],
    ['supplement', 'Yêu cầu bổ sung mã 5'],
    ['financial', 'Yêu cầu thực hiện nghĩa vụ tài chính mã 6'],
    ['stopped', 'Dừng xử lý mã 8'],
    ['done', 'Đã xử lý xong mã 9'],
    ['returned', 'Đã trả kết quả mã 10'],
  ] as const)('shows the national status %s by its name and code: %s', (status, words) => {
    const html = day({ ...waiting, reception: 'received', status });
    expect(text(html)).toContain(words);
    expect(html).toContain(`data-testid="dossier-status" data-status="${status}"`);
  });
});

describe('the assisted filing’s check', () => {
  const incomplete: CheckResult = {
    complete: false,
    problems: [
      { code: 'paper-missing', vi: 'Thiếu Bản chính', en: 'Missing original', componentId: 'ban-chinh' },
    ],
  };
  const step = (result: CheckResult) =>
    render(
      <CheckStep
        result={result}
        error={null}
        checking={false}
        onRecheck={() => undefined}
        onFix={() => undefined}
        onBack={() => undefined}
        onNext={() => undefined}
        counter={<CounterCheckActions dossierId={waiting.id} onLeave={() => undefined} />}
      />,
    );

  it('offers Mẫu 02 and Mẫu 03 when the check found problems, and not when it is complete', () => {
    const html = step(incomplete);
    expect(text(html)).toContain('In phiếu yêu cầu bổ sung (Mẫu 02)');
    expect(text(html)).toContain('Từ chối tiếp nhận (Mẫu 03)');
    expect(ids(step({ complete: true, problems: [] }))).not.toContain('counter-check');
  });
});

describe('the Mẫu 06/07 export', () => {
  it('from and to default to today, with PDF and CSV of both forms', () => {
    const html = render(<TrackingExport onError={() => false} />, 'vi', {
      info: appInfo(),
      clockOffsetMs: Date.parse('2026-11-23T03:00:00Z') - Date.now(),
    });
    expect(html.match(/value="23\/11\/2026"/g)).toHaveLength(2);
    expect(ids(html)).toEqual(
      expect.arrayContaining([
        'tracking-control-pdf',
        'tracking-control-csv',
        'tracking-book-pdf',
        'tracking-book-csv',
      ]),
    );
    expect(text(html)).toContain('Sổ theo dõi hồ sơ (Mẫu 07)');
  });

  it('refuses a range that ends before it starts or is longer than a year', () => {
    expect(rangeProblem('2026-11-23', '2026-11-23')).toBeNull();
    expect(rangeProblem('2026-11-24', '2026-11-23')).toBe('order');
    expect(rangeProblem('2025-01-01', '2026-11-23')).toBe('too-long');
  });
});
