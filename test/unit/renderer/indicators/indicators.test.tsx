// "Chỉ số 766": the range a preset stands for and what is wrong with a typed one, each share as the
// centre reads it, and the tab's states (loading, refused in words, nothing in the range, the figures).
import { describe, expect, it } from 'vitest';
import type { IndicatorRow, Indicators as Data } from '../../../../preload/api';
import { MAX_INDICATOR_DAYS } from '../../../../preload/contract/report';
import { IndicatorsView } from '../../../../renderer/src/screens/staff/indicators/Indicators';
import {
  INDICATOR_MAX_DAYS,
  formatShare,
  isEmpty,
  presetRange,
  rangeProblem,
} from '../../../../renderer/src/screens/staff/indicators/model';
import { appInfo } from '../appInfo';
import { ids, render, text, type Language } from '../render';

const share = (count: number, of: number) => ({ count, of, share: of === 0 ? null : count / of });
const row = (key: string, label: string, over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  key,
  label,
  received: { total: 30, kiosk: 12, counter: 18, refused: 2 },
  digitised: share(27, 30),
  onTime: share(25, 30),
  paidOnline: share(0, 0),
  satisfied: share(9, 10),
  ...over,
});
const data: Data = {
  from: '2026-12-01',
  to: '2026-12-07',
  all: row('all', 'Tất cả'),
  byProcedure: [row('1.001', 'Chứng thực bản sao từ bản chính')],
  byField: [row('Chứng thực', 'Chứng thực')],
  days: [{ day: '2026-12-07', received: 3, finished: 2, onTime: 1 }],
};
const range = { from: data.from, to: data.to };
const view = (props: Partial<Parameters<typeof IndicatorsView>[0]>, language: Language = 'vi') =>
  render(<IndicatorsView range={range} data={undefined} error={undefined} {...props} />, language, {
    info: appInfo(),
  });

describe('the range', () => {
  it('defaults to the month so far; today is one day', () => {
    expect(presetRange('month', '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetRange('today', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('a typed range needs both days, in order, at most the contract’s 366 days', () => {
    expect(INDICATOR_MAX_DAYS).toBe(MAX_INDICATOR_DAYS);
    expect(rangeProblem({ from: '2026-12-01', to: '' })).toBe('incomplete');
    expect(rangeProblem({ from: '2026-12-08', to: '2026-12-07' })).toBe('order');
    expect(rangeProblem({ from: '2025-12-01', to: '2026-12-01' })).toBeNull(); // 366 days
    expect(rangeProblem({ from: '2025-11-30', to: '2026-12-01' })).toBe('too-long');
    expect(rangeProblem({ from: '2026-12-07', to: '2026-12-07' })).toBeNull();
  });
});

describe('a share', () => {
  it('is a percentage with one decimal and its counts, in each language’s way', () => {
    expect(formatShare(share(25, 30), 'vi')).toBe('83,3 % (25/30)');
    expect(formatShare(share(25, 30), 'en')).toBe('83.3% (25/30)');
    expect(formatShare(share(1, 1), 'vi')).toBe('100,0 % (1/1)');
    expect(formatShare(share(0, 4), 'vi')).toBe('0,0 % (0/4)');
  });

  it('is “—” when there was nothing to score', () => {
    expect(formatShare(share(0, 0), 'vi')).toBe('—');
  });
});

describe('the tab', () => {
  it('says it is computing while the figures come, and what is counted', () => {
    const html = view({});
    expect(text(html)).toContain('Đang tính các chỉ số…');
    expect(text(html)).toContain(
      'Tính từ hồ sơ nộp tại ki-ốt này và trạng thái hồ sơ lấy về từ Cổng dịch vụ công',
    );
    expect(ids(html)).not.toContain('indicator-received');
  });

  it('says a refusal in words, and shows no figures', () => {
    const html = view({
      error: { code: 'internal', vi: 'Chưa tính được chỉ số.', en: 'Could not compute.' },
    });
    expect(text(html)).toContain('Chưa tính được chỉ số.');
    expect(text(html)).not.toContain('Đang tính');
    expect(ids(html)).not.toContain('indicator-received');
  });

  it('an empty range says so, and each share is “—”', () => {
    const zero = row('all', 'Tất cả', {
      received: { total: 0, kiosk: 0, counter: 0, refused: 0 },
      digitised: share(0, 0),
      onTime: share(0, 0),
      paidOnline: share(0, 0),
      satisfied: share(0, 0),
    });
    const empty: Data = { ...data, all: zero, byField: [], byProcedure: [], days: [] };
    expect(isEmpty(empty)).toBe(true);
    expect(isEmpty(data)).toBe(false);
    const html = view({ data: empty });
    expect(text(html)).toContain('Chưa có hồ sơ, thanh toán hay đánh giá nào trong khoảng thời gian này.');
    expect(html.match(/class="indicator-value">—</g)).toHaveLength(4);
    expect(text(html)).toContain('Không có');
  });

  it('shows the whole centre as large numbers with their counts, and the tables per field and procedure', () => {
    const html = view({ data });
    const words = text(html);
    expect(words).toContain('Từ 01/12/2026 đến 07/12/2026');
    expect(words).toContain('Hồ sơ tiếp nhận 30 tự nộp tại ki-ốt 12 · tại quầy 18 · không tiếp nhận 2');
    expect(words).toContain('Giải quyết đúng hạn 83,3 % (25/30)');
    expect(words).toContain('Số hoá hồ sơ 90,0 % (27/30)');
    expect(words).toContain('Thanh toán trực tuyến —');
    expect(words).toContain('Mức độ hài lòng 90,0 % (9/10)');
    expect(ids(html)).toEqual(
      expect.arrayContaining(['indicators-by-field', 'indicators-by-procedure', 'indicators-chart']),
    );
    expect(words).toContain(
      'Chứng thực bản sao từ bản chính 30 12 18 2 90,0 % (27/30) 83,3 % (25/30) — 90,0 % (9/10)',
    );
    expect(ids(html)).not.toContain('indicators-empty');
    expect(text(view({ data }, 'en'))).toContain('Resolved on time 83.3% (25/30)');
  });
});
