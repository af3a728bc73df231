// Server-side renders of the lookup screen, its result and the rating: the text a citizen reads, the
// masked ID, the timeline, and the test ids the e2e specs click.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Lookup, LookupStatus } from '../../../../preload/api';
import { LookupScreen } from '../../../../renderer/src/screens/lookup/LookupScreen';
import { LookupResult } from '../../../../renderer/src/screens/lookup/LookupResult';
import { LookupStatusView } from '../../../../renderer/src/screens/lookup/LookupStatusView';
import {
  Rating,
  composeReason,
  rateInput,
  reasonChoices,
  REASON_MAX,
} from '../../../../renderer/src/components/Rating';
import { appInfo } from '../appInfo';
import { render as renderScreen, type Language, ids, text } from '../render';

const info = appInfo({ features: ['queue', 'tracking'] });

/** Renders as if the centre's clock read `now`. */
const render = (node: ReactNode, lng: Language = 'vi', now = '2026-11-30T03:00:00Z'): string =>
  renderScreen(node, lng, { info, clockOffsetMs: Date.parse(now) - Date.now() });

const lookup: Lookup = {
  detail: 'full',
  code: '000.00.12.H29-K01-261123-0007',
  portalCode: '000.00.12.H29-261123-0042',
  provisional: true,
  procedureName: 'Chứng thực bản sao từ bản chính',
  applicant: 'Nguyễn Văn An',
  idMasked: '••••••••1234',
  receivedAt: '2026-11-23T02:10:00.000Z',
  dueDate: '2026-11-26',
  status: 'supplement',
  reception: {
    state: 'received',
    at: '2026-11-23T02:10:00.000Z',
    by: 'Lê Thu',
    source: 'counter',
    reason: null,
  },
  timeline: [
    { status: 'received', at: '2026-11-23T02:10:00.000Z', note: null },
    { status: 'sent', at: '2026-11-23T02:11:00.000Z', note: null },
    {
      status: 'supplement',
      at: '2026-11-24T08:00:00.000Z',
      note: { vi: 'Bản chính bị mờ, cần bản rõ hơn', en: 'The original is blurred' },
    },
  ],
  paid: false,
};

describe('lookup entry screen', () => {
  it('offers the scan, the code field, the pad with the unit id key, and a way home', () => {
    const html = render(<LookupScreen onHome={() => undefined} />);
    expect(ids(html)).toEqual(
      expect.arrayContaining([
        'lookup',
        'lookup-code',
        'code-key-prefix',
        'code-key-H',
        'code-key-K',
        'lookup-submit',
        'home-button',
      ]),
    );
    const words = text(html);
    expect(words).toContain('Tra cứu hồ sơ');
    expect(words).toContain('Quét mã QR trên giấy biên nhận');
    expect(words).toContain('000.00.12.H29-');
    // Nothing typed yet: the lookup button waits for a code.
    expect(html).toMatch(/data-testid="lookup-submit"[^>]*disabled/);
  });

  it('a code given by the caller starts looking up at once', () => {
    const html = render(
      <LookupScreen initialCode="000.00.12.h29-k01-261123-0007" onHome={() => undefined} />,
    );
    expect(ids(html)).toContain('lookup-busy');
    expect(html).toContain('value="000.00.12.H29-K01-261123-0007"');
  });

  it('speaks English when the screen is in English', () => {
    expect(text(render(<LookupScreen onHome={() => undefined} />, 'en'))).toContain('Track a dossier');
  });
});

describe('lookup result', () => {
  it('shows the codes, the masked ID and never the full one, and the fee state', () => {
    const html = render(<LookupResult lookup={lookup} />);
    const words = text(html);
    expect(words).toContain('000.00.12.H29-K01-261123-0007');
    expect(words).toContain('Mã tạm');
    expect(words).toContain('000.00.12.H29-261123-0042');
    expect(words).toContain('••••••••1234');
    expect(words).not.toMatch(/\d{9,}/);
    expect(words).toContain('Chưa thanh toán');
  });

  it('lists the timeline with dates, the supplement reason, and the steps to come', () => {
    const html = render(<LookupResult lookup={lookup} />);
    const words = text(html);
    expect(words).toContain('Đã được tiếp nhận');
    expect(words).toContain('23/11/2026');
    expect(words).toContain('Cần bổ sung giấy tờ');
    expect(words).toContain('Bản chính bị mờ, cần bản rõ hơn');
    expect(words).toContain('Chưa đến bước này');
    expect(html).toMatch(/data-status="supplement" data-state="current"/);
  });

  it('says the national code in small print and what to do: bring the papers the portal listed', () => {
    const html = render(<LookupResult lookup={lookup} />);
    const words = text(html);
    expect(words).toContain('Cần bổ sung Mã trạng thái 5');
    expect(words).toContain(
      'Vui lòng mang các giấy tờ cần bổ sung dưới đây đến quầy tiếp nhận. Giấy tờ cần mang: Bản chính bị mờ, cần bản rõ hơn',
    );
    const en = text(render(<LookupResult lookup={lookup} />, 'en'));
    expect(en).toContain('Status code 5');
    expect(en).toContain('Documents to bring: The original is blurred');
  });

  it('the code alone: papers to bring, but not the list (it may name a person); where to see it', () => {
    const status: LookupStatus = {
      detail: 'status',
      code: lookup.code,
      portalCode: null,
      provisional: false,
      status: 'supplement',
      reception: 'received',
      dueDate: '2026-11-26',
    };
    const words = text(
      render(<LookupStatusView status={status} busy={false} error={undefined} onFactor={() => undefined} />),
    );
    expect(words).toContain('Mã trạng thái 5');
    expect(words).toContain('Xác nhận bằng mã tra cứu hoặc ngày sinh để xem cần mang giấy tờ gì.');
    expect(words).not.toContain('giấy tờ cần bổ sung dưới đây');
  });

  it.each([
    ['financial', 6, 'VietQR'],
    ['done', 9, 'bưu điện'],
    ['returned', 10, 'không cần làm gì thêm'],
    ['withdrawn', 7, 'rút theo yêu cầu'],
    ['received', 2, 'quay lại theo ngày hẹn'],
    ['processing', 4, 'quay lại theo ngày hẹn'],
  ] as const)('status %s: code %i and the advice (%s)', (status, code, advice) => {
    const words = text(render(<LookupResult lookup={{ ...lookup, status, timeline: [] }} />));
    expect(words).toContain(`Mã trạng thái ${code}`);
    expect(words).toContain(advice);
  });

  it('stopped (8): ask at the counter, with the reason; the due date counted again after papers came', () => {
    const stopped: Lookup = {
      ...lookup,
      status: 'stopped',
      timeline: [
        ...lookup.timeline,
        { status: 'processing', at: '2026-11-26T02:00:00.000Z', note: null },
        { status: 'stopped', at: '2026-11-27T02:00:00.000Z', note: { vi: 'Giấy tờ giả mạo', en: 'Forged' } },
      ],
    };
    const html = render(<LookupResult lookup={stopped} />);
    const words = text(html);
    expect(words).toContain('Mã trạng thái 8');
    expect(words).toContain('Vui lòng hỏi nhân viên tại quầy để biết lý do');
    expect(words).toContain('Lý do: Giấy tờ giả mạo');
    expect(ids(html)).toContain('lookup-due-new');
    expect(ids(render(<LookupResult lookup={lookup} />))).not.toContain('lookup-due-new');
  });

  it('says how late the dossier is against the due date', () => {
    // Due 26/11, today 30/11: four days late.
    const words = text(render(<LookupResult lookup={lookup} />));
    expect(words).toContain('26/11/2026');
    expect(words).toContain('đã quá hẹn 4 ngày');
    const ahead = text(render(<LookupResult lookup={lookup} />, 'en', '2026-11-24T03:00:00Z'));
    expect(ahead).toContain('2 days left');
  });

  it('shows who received it at the counter, and when', () => {
    const words = text(render(<LookupResult lookup={lookup} />));
    expect(words).toContain('Tiếp nhận');
    expect(words).toContain('Đã tiếp nhận lúc Thứ Hai, 23/11/2026 09:10, cán bộ Lê Thu');
    expect(words).not.toContain('dự kiến');
  });

  it('a late dossier: Mẫu 04, the agency’s apology in its words and the new date; the first date kept', () => {
    const late: Lookup = {
      ...lookup,
      dueDate: '2026-12-10',
      firstDueDate: '2026-12-03',
      apology: { text: 'Cơ quan xin lỗi vì hồ sơ chưa giải quyết đúng hẹn.', newDueDate: '2026-12-10' },
    };
    const words = text(render(<LookupResult lookup={late} />));
    expect(words).toContain('Thư xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)');
    expect(words).toContain('Cơ quan xin lỗi vì hồ sơ chưa giải quyết đúng hẹn.');
    expect(words).toContain('Ngày hẹn trả kết quả mới: 10/12/2026');
    expect(words).toContain('Ngày hẹn ban đầu: 03/12/2026');
    expect(text(render(<LookupResult lookup={lookup} />))).not.toContain('Mẫu 04');
  });

  it('a dossier waiting for an officer: the date is dự kiến and Mẫu 01 comes when it is received', () => {
    const pending: Lookup = {
      ...lookup,
      status: 'submitted',
      reception: { state: 'pending', at: null, by: null, source: null, reason: null },
      timeline: [{ status: 'submitted', at: '2026-11-23T02:10:00.000Z', note: null }],
    };
    const html = render(<LookupResult lookup={pending} />, 'vi', '2026-11-23T03:00:00Z');
    const words = text(html);
    expect(html).toMatch(/data-testid="lookup-status"[^>]*>.*Đã nộp, chờ tiếp nhận/);
    expect(words).toContain('Đang chờ cán bộ tiếp nhận');
    expect(words).toMatch(/26\/11\/2026 \(dự kiến\)/);
    expect(words).toContain('Mẫu 01');
    expect(html).toMatch(/data-status="received" data-state="next"/);
    expect(text(render(<LookupResult lookup={pending} />, 'en'))).toContain('(expected)');
  });

  it('a refused dossier: the reason as printed on Mẫu 03, and to ask at the counter', () => {
    const refused: Lookup = {
      ...lookup,
      status: 'refused',
      reception: {
        state: 'refused',
        at: '2026-11-23T03:00:00.000Z',
        by: 'Lê Thu',
        source: 'counter',
        reason: 'Thủ tục không thuộc thẩm quyền của phường',
      },
      timeline: [
        { status: 'submitted', at: '2026-11-23T02:10:00.000Z', note: null },
        { status: 'refused', at: '2026-11-23T03:00:00.000Z', note: null },
      ],
    };
    const words = text(render(<LookupResult lookup={refused} />));
    expect(words).toContain('Không được tiếp nhận lúc Thứ Hai, 23/11/2026 10:00');
    expect(words).toContain('Lý do: Thủ tục không thuộc thẩm quyền của phường');
    expect(words).toContain('Vui lòng hỏi nhân viên tại quầy để biết cần làm gì tiếp theo');
    expect(words).not.toContain('quá hẹn');
    expect(words).not.toContain('Chưa đến bước này');
    // Its submission, now past, no longer says it waits for an officer.
    expect(words).toContain('Đã nộp hồ sơ Thứ Hai, 23/11/2026 09:10');
    expect(words).not.toContain('chờ cán bộ tiếp nhận');
  });
});

describe('rating', () => {
  it('three large faces with their words, no emoji', () => {
    const html = render(<Rating context="lookup" code={lookup.code} />);
    expect(ids(html)).toEqual(
      expect.arrayContaining(['rate-very-satisfied', 'rate-satisfied', 'rate-unsatisfied']),
    );
    const words = text(html);
    for (const w of ['Rất hài lòng', 'Hài lòng', 'Chưa hài lòng']) expect(words).toContain(w);
    expect(html).not.toMatch(/[\u{1F600}-\u{1F64F}]/u);
    expect(html.match(/<svg/g)).toHaveLength(3);
  });

  it('the reason is stored in Vietnamese, with the free text, or not at all', () => {
    expect(composeReason(['wait', 'machine'], '  màn hình   nhỏ ')).toBe(
      'Chờ lâu; Máy khó dùng; màn hình nhỏ',
    );
    expect(composeReason([], '   ')).toBeUndefined();
    expect(composeReason(['guide'], 'x'.repeat(600))).toHaveLength(REASON_MAX);
  });

  it('asks what was good after a very good rating, what to improve otherwise', () => {
    expect(reasonChoices('very-satisfied')).toContain('fast');
    expect(reasonChoices('unsatisfied')).toEqual(expect.arrayContaining(['wait', 'guide', 'machine']));
    expect(reasonChoices('satisfied')).toEqual(reasonChoices('unsatisfied'));
  });

  it('sends the code only when there is one', () => {
    expect(rateInput('submit', undefined, 'satisfied', undefined)).toEqual({
      context: 'submit',
      rating: 'satisfied',
    });
    expect(rateInput('lookup', ' ', 'satisfied', undefined)).not.toHaveProperty('code');
    expect(rateInput('lookup', lookup.code, 'unsatisfied', 'Chờ lâu')).toEqual({
      context: 'lookup',
      code: lookup.code,
      rating: 'unsatisfied',
      reason: 'Chờ lâu',
    });
  });
});

describe('a dossier found by its code alone', () => {
  const status: LookupStatus = {
    detail: 'status',
    code: '000.00.12.H29-K01-261123-0007',
    portalCode: null,
    provisional: true,
    status: 'processing',
    reception: 'received',
    dueDate: '2026-12-02',
  };
  const wrong = {
    code: 'lookup-factor-wrong',
    vi: 'Mã tra cứu hoặc ngày sinh chưa đúng. Còn 3 lần thử.',
    en: 'Not right. 3 tries left.',
  };

  it('shows the status and due date, then asks for the receipt secret on a pad of its alphabet', () => {
    const html = render(
      <LookupStatusView status={status} busy={false} error={undefined} onFactor={() => {}} />,
    );
    const words = text(html);
    expect(words).toContain('Đang giải quyết');
    expect(words).toContain('02/12/2026');
    expect(words).toContain('Mã tra cứu trên giấy biên nhận');
    expect(words).toContain('Ngày sinh của người nộp hồ sơ');
    expect(ids(html)).toEqual(
      expect.arrayContaining(['lookup-factor-input', 'factor-key-K', 'factor-key-2']),
    );
    for (const ambiguous of ['0', '1', 'O', 'I']) expect(ids(html)).not.toContain(`factor-key-${ambiguous}`);
    expect(html).toMatch(/data-testid="lookup-factor-submit"[^>]*disabled/);
  });

  it('says what was wrong, and when locked offers no field, only the way to the counter', () => {
    expect(
      text(render(<LookupStatusView status={status} busy={false} error={wrong} onFactor={() => {}} />)),
    ).toContain('Còn 3 lần thử');
    const locked = {
      code: 'lookup-locked',
      vi: 'Tạm khoá. Xin mời đến quầy.',
      en: 'Locked. Ask at the counter.',
    };
    const html = render(
      <LookupStatusView status={status} busy={false} error={locked} onFactor={() => {}} />,
      'en',
    );
    expect(text(html)).toContain('Ask at the counter');
    expect(ids(html)).not.toContain('lookup-factor-input');
  });
});
