// Server-side renders of the receipt, the privacy notice and the check list: the words a person reads and
// the test ids the e2e suite relies on.
import { describe, expect, it } from 'vitest';
import type { Dossier, Submitted } from '../../../../preload/api';
import { Receipt } from '../../../../renderer/src/screens/dossier/Receipt';
import { PrivacyStep } from '../../../../renderer/src/screens/dossier/steps/PrivacyStep';
import { CheckStep } from '../../../../renderer/src/screens/dossier/steps/CheckStep';
import { AttachmentsStep } from '../../../../renderer/src/screens/dossier/steps/AttachmentsStep';
import { birthRegistration } from './fixtures';
import { render } from '../render';

const submitted: Submitted = {
  id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718',
  code: '000.00.12.H29-K01-261123-0007',
  provisional: true,
  procedureName: 'Cấp bản sao trích lục hộ tịch',
  receivedAt: '2026-11-23T02:15:00.000Z',
  dueDate: '2026-11-24',
  dueDateEstimated: false,
  fee: { amount: 8000, text: '8.000 đồng/bản' },
  payment: { payload: '00020101021238570010A000000727', paid: false },
  reception: 'received',
  receipt: { jobIds: [5], copies: 2, form: 'receipt' },
  lookupSecret: 'K7Q2XF',
};

describe('the receipt screen', () => {
  const html = render(<Receipt submitted={submitted} printEvents={[]} onHome={() => undefined} />);

  it('shows the provisional code, the due date the Vietnamese way, and when it was received', () => {
    expect(html).toContain('Mã hồ sơ tạm');
    expect(html).toContain('000.00.12.H29-K01-261123-0007');
    expect(html).toContain('24/11/2026');
    expect(html).toContain('09:15 23/11/2026');
  });

  it('explains the provisional code without blaming a connection it does not know about', () => {
    // Every new dossier starts with the kiosk's code, online or not (the portal's comes once it is sent):
    // the receipt knows only that it is provisional, so it never says the kiosk could not connect.
    expect(html).toContain('mã chính thức sẽ có khi hồ sơ được gửi đến hệ thống một cửa');
    expect(html).not.toContain('chưa kết nối được');
    const en = render(<Receipt submitted={submitted} printEvents={[]} onHome={() => undefined} />, 'en');
    expect(en).toContain('the official code follows once the dossier reaches the one-stop system');
    expect(en).not.toContain('cannot be reached');
  });

  it('shows the lookup secret beside the code, so a receipt that did not print does not lose it', () => {
    expect(html).toMatch(/data-testid="receipt-secret"[^>]*>K7Q2XF</);
    expect(html).toContain('Mã tra cứu');
  });

  it('says the receipt is being printed, and how many copies', () => {
    expect(html).toMatch(/data-testid="receipt-print" data-status="queued"/);
    expect(html).toContain('Biên nhận đang được in… (2 bản)');
  });

  it('shows the fee as unpaid with its VietQR', () => {
    expect(html).toContain('8.000 đồng');
    expect(html).toContain('Chưa thanh toán');
    expect(html).toContain('Mã VietQR để nộp lệ phí 8.000 đồng');
  });

  it('an official code and no fee: no “tạm”, no payment block', () => {
    const free = render(
      <Receipt
        submitted={{ ...submitted, provisional: false, fee: { amount: 0, text: '' }, payment: null }}
        printEvents={[{ jobId: 5, ref: 'receipt', status: 'done', error: null }]}
        onHome={() => undefined}
      />,
    );
    expect(free).not.toContain('Mã hồ sơ tạm');
    expect(free).not.toContain('receipt-fee');
    expect(free).toContain('Đã in xong biên nhận');
  });

  it('filed with staff: Mẫu 01 wording, nothing about waiting for an officer', () => {
    expect(html).toContain('Quý vị đã nộp hồ sơ thành công');
    expect(html).not.toContain('chờ cán bộ tiếp nhận');
    expect(html).not.toContain('phiếu xác nhận nộp');
  });

  it('filed alone: submitted and waiting for an officer, the date dự kiến, the slip printing, Mẫu 01 later', () => {
    const alone = render(
      <Receipt
        submitted={{ ...submitted, reception: 'pending', receipt: { jobIds: [5], copies: 1, form: 'slip' } }}
        printEvents={[]}
        onHome={() => undefined}
      />,
    );
    expect(alone).toContain('Hồ sơ đã được nộp, đang chờ cán bộ tiếp nhận');
    expect(alone).toContain('Ngày hẹn trả kết quả (dự kiến)');
    expect(alone).toContain('Phiếu xác nhận nộp hồ sơ đang được in… (1 bản)');
    expect(alone).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) được cấp khi cán bộ tiếp nhận');
    expect(alone).not.toContain('Quý vị đã nộp hồ sơ thành công');
    expect(alone).not.toContain('Biên nhận đang được in');
  });

  it('reads in English on the English screen', () => {
    const en = render(<Receipt submitted={submitted} printEvents={[]} onHome={() => undefined} />, 'en');
    expect(en).toContain('Provisional dossier code');
    expect(en).toContain('Not paid yet');
  });
});

describe('the privacy notice', () => {
  it('names the people, the law and the decree before anything is collected', () => {
    const html = render(
      <PrivacyStep
        procedure={birthRegistration}
        busy={false}
        onAgree={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(html).toContain('Người yêu cầu, Mẹ, Cha');
    expect(html).toContain('91/2025/QH15');
    expect(html).toContain('356/2025/NĐ-CP');
    expect(html).toContain('Ảnh chụp hoặc bản quét');
  });
});

describe('the completeness check', () => {
  it('lists every problem at once, each a button to fix it', () => {
    const html = render(
      <CheckStep
        result={{
          complete: false,
          problems: [
            {
              code: 'form-required',
              vi: 'Trẻ: chưa điền họ tên',
              en: 'Child: missing name',
              field: 'tre.fullName',
            },
            {
              code: 'component-missing',
              vi: 'Thiếu Giấy chứng sinh',
              en: 'Missing',
              componentId: 'giay-chung-sinh',
            },
          ],
        }}
        error={null}
        checking={false}
        onRecheck={() => undefined}
        onFix={() => undefined}
        onBack={() => undefined}
        onNext={() => undefined}
      />,
    );
    expect(html).toContain('Hồ sơ còn 2 điều cần bổ sung');
    expect(html.match(/<button[^>]*data-testid="check-problem"/g)).toHaveLength(2);
    expect(html).toContain('data-component="giay-chung-sinh"');
    expect(html).toContain('Kiểm tra lại');
  });
});

describe('the attachments step', () => {
  const dossier: Dossier = {
    id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718',
    procedureId: birthRegistration.id,
    procedureName: birthRegistration.name,
    status: 'draft',
    data: {},
    delivery: { method: 'counter' },
    contact: {},
    attachments: [],
    assistedBy: null,
    parkCode: null,
    code: null,
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
  };
  const step = (procedure = birthRegistration, lng: 'vi' | 'en' = 'vi'): string =>
    render(
      <AttachmentsStep
        procedure={procedure}
        dossier={dossier}
        onAttach={async () => null}
        onArrange={async () => null}
      />,
      lng,
    );

  it('says when an only-if paper is needed, in the language of the screen', () => {
    expect(step()).toContain('Chỉ cần khi: Khi trẻ được sinh ra do mang thai hộ');
    const en = step(birthRegistration, 'en');
    expect(en).toContain('Only if: The child was born through gestational surrogacy');
    expect(en).not.toContain('mang thai hộ');
  });

  it('falls back to the Vietnamese condition when the catalogue has no English one', () => {
    const noEnglish = {
      ...birthRegistration,
      components: birthRegistration.components.map((c) => ({ ...c, conditionEn: null })),
    };
    expect(step(noEnglish, 'en')).toContain('Only if: Khi trẻ được sinh ra do mang thai hộ');
  });
});
