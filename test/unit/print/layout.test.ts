import { describe, expect, it } from 'vitest';
import {
  type LayoutItem,
  type TicketData,
  flowLayout,
  formatIssuedAt,
  layoutTicket,
  waitLine,
  wrapText,
} from '../../../main/core/print';
import { wrapBalanced } from '../../../main/core/print/flow';
import { ISSUED_AT, plainTicket, priorityTicket } from '../../fixtures/print/tickets';

const texts = (items: readonly LayoutItem[]): string[] =>
  items.flatMap((i) => (i.kind === 'text' || i.kind === 'bigNumber' ? [i.text] : []));

/** Fixed-pitch metrics: every character 0.5 em wide. */
const mono = (text: string, size: number): number => [...text].length * size * 0.5;

describe('layoutTicket', () => {
  it('says what a Vietnamese queue ticket says', () => {
    const layout = layoutTicket(priorityTicket, { widthMm: 80 });
    expect(texts(layout.items)).toEqual([
      'Trung tâm Phục vụ hành chính công phường Ba Đình',
      'SỐ THỨ TỰ',
      'A015',
      'ƯU TIÊN',
      'Người cao tuổi',
      'Tư pháp – Hộ tịch',
      'Số người đang chờ trước Quý vị: 3',
      'Thời gian chờ dự kiến: khoảng 15 phút',
      'MC-20261123-A015-7K3Q',
      '23/11/2026 09:15',
      'Vui lòng chờ gọi số trên màn hình.',
      'Xin cảm ơn!',
    ]);
    expect(layout.items).toContainEqual({ kind: 'qr', data: 'MC-20261123-A015-7K3Q', sizePt: 86 });
    expect(layout.items.find((i) => i.kind === 'bigNumber')).toMatchObject({ sizePt: 76 });
    expect(layout.items.find((i) => i.kind === 'text' && i.text === 'ƯU TIÊN')).toMatchObject({
      inverted: true,
    });
    expect(layout.contentWidthPt).toBeCloseTo(204.09, 2);
    expect(layout.title).toBe('Phiếu số thứ tự A015');
  });

  it('leaves out the badge for a normal ticket and the wait line when there is no estimate', () => {
    const all = texts(layoutTicket(plainTicket, { widthMm: 80 }).items).join('\n');
    expect(all).not.toContain('ƯU TIÊN');
    expect(all).not.toContain('Thời gian chờ');
    expect(all).toContain('Số người đang chờ trước Quý vị: 0');
    // The screens address the citizen as "Quý vị"; the paper they take away must not say "bạn".
    expect(all).not.toMatch(/\bbạn\b/u);
  });

  it('never invents a wait: null, NaN, negative are left out; under a minute says so', () => {
    expect(waitLine(null, 'vi')).toBeNull();
    expect(waitLine(Number.NaN, 'vi')).toBeNull();
    expect(waitLine(-3, 'vi')).toBeNull();
    expect(waitLine(0, 'vi')).toBe('Thời gian chờ dự kiến: dưới 1 phút');
    expect(waitLine(14.6, 'vi')).toBe('Thời gian chờ dự kiến: khoảng 15 phút');
    expect(waitLine(1200, 'vi')).toBe('Thời gian chờ dự kiến: khoảng 1.200 phút');
    expect(waitLine(15, 'en')).toBe('Estimated waiting time: about 15 minutes');
  });

  it('formats the time in the centre’s zone, day first, 24-hour', () => {
    expect(formatIssuedAt(ISSUED_AT)).toBe('23/11/2026 09:15');
    expect(formatIssuedAt(new Date('2026-01-05T16:05:00Z'))).toBe('05/01/2026 23:05');
    expect(formatIssuedAt(ISSUED_AT, 'UTC')).toBe('23/11/2026 02:15');
  });

  it('normalises decomposed (NFD) input to NFC', () => {
    const nfd: TicketData = { ...priorityTicket, serviceName: 'Tư pháp – Hộ tịch'.normalize('NFD') };
    expect(texts(layoutTicket(nfd, { widthMm: 80 }).items)).toContain('Tư pháp – Hộ tịch');
  });

  it('uses the caller’s footer lines and English labels', () => {
    const layout = layoutTicket(
      { ...plainTicket, language: 'en', footerLines: ['Hotline 1900 0000'] },
      { widthMm: 80 },
    );
    const all = texts(layout.items);
    expect(all).toContain('QUEUE NUMBER');
    expect(all).toContain('People waiting ahead of you: 0');
    expect(all.at(-1)).toBe('Hotline 1900 0000');
  });

  it('scales down for 58 mm paper', () => {
    const layout = layoutTicket(priorityTicket, { widthMm: 58 });
    expect(layout.contentWidthPt).toBeCloseTo(136.06, 2);
    expect(layout.items.find((i) => i.kind === 'qr')).toMatchObject({ sizePt: 86 * 0.8 });
  });

  it.each([
    [{ peopleAhead: -1 }],
    [{ peopleAhead: 1.5 }],
    [{ number: '  ' }],
    [{ issuedAt: new Date('nope') }],
  ])('rejects %j', (patch) => {
    expect(() => layoutTicket({ ...priorityTicket, ...patch }, { widthMm: 80 })).toThrow(RangeError);
  });
});

describe('flow', () => {
  it('wraps at spaces and breaks over-long words', () => {
    const width = (s: string): number => mono(s, 10);
    expect(wrapText('một hai ba bốn', 40, width)).toEqual(['một hai', 'ba bốn']);
    expect(wrapText('MC-20261123-A015', 40, width)).toEqual(['MC-20261', '123-A015']);
    expect(wrapText('   ', 40, width)).toEqual([]);
  });

  it('balances centred lines instead of leaving an orphan', () => {
    const width = (s: string): number => mono(s, 10);
    const text = 'Vui lòng chờ gọi số trên màn hình xin cảm ơn';
    expect(wrapText(text, 205, width).at(-1)).toBe('ơn');
    const balanced = wrapBalanced(text, 205, width);
    expect(balanced).toHaveLength(2);
    expect(Math.abs(width(balanced[0]!) - width(balanced[1]!))).toBeLessThan(60);
  });

  it('stacks items top to bottom within the width and shrinks a too-wide big number', () => {
    const layout = layoutTicket({ ...priorityTicket, number: 'A0150015' }, { widthMm: 58 });
    const flowed = flowLayout(layout, (t, size) => mono(t, size));
    let lastBaseline = 0;
    for (const p of flowed.placed) {
      if (p.kind !== 'text') continue;
      expect(p.baseline).toBeGreaterThan(lastBaseline - 0.001);
      expect(p.x).toBeGreaterThanOrEqual(-0.001);
      expect(p.x + mono(p.text, p.sizePt)).toBeLessThanOrEqual(layout.contentWidthPt + 0.001);
      lastBaseline = p.baseline;
    }
    const big = flowed.placed.find((p) => p.kind === 'text' && p.text === 'A0150015');
    expect(big?.kind === 'text' && big.sizePt).toBeLessThan(76 * 0.8);
    expect(flowed.heightPt).toBeGreaterThan(lastBaseline);
  });
});
