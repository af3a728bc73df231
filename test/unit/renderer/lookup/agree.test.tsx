import { describe, expect, it } from 'vitest';
import type { Lookup } from '../../../../preload/api';
import { LookupResult } from '../../../../renderer/src/screens/lookup/LookupResult';
import { buildTimeline } from '../../../../renderer/src/screens/lookup/model';
import { appInfo } from '../appInfo';
import { render, text } from '../render';

/**
 * The badge and the timeline tell one story (issue 23): before sync a dossier's badge said "Đã tiếp nhận"
 * while its timeline listed the reception as "Chưa đến bước này". The status now is the timeline's
 * current step, never a step still to come, whatever events were recorded.
 */
const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const ev = (status: Lookup['status'], minute: number) => ({ status, at: at(minute), note: null });

const lookup: Lookup = {
  detail: 'full',
  code: '000.00.12.H29-K01-261123-0007',
  portalCode: null,
  provisional: true,
  procedureName: 'Chứng thực bản sao từ bản chính',
  applicant: 'Nguyễn Văn An',
  idMasked: '••••••••1234',
  receivedAt: at(10),
  dueDate: '2026-11-26',
  status: 'received',
  reception: { state: 'pending', at: null, by: null, source: null, reason: null },
  timeline: [ev('submitted', 10), ev('sent', 11)],
  paid: null,
  apology: null,
  firstDueDate: null,
};

describe('lookup: the badge and the timeline agree', () => {
  it('the status now is the current step, not one still to come', () => {
    const items = buildTimeline(lookup);
    const current = items.filter((i) => i.state === 'current');
    expect(current.map((i) => i.status)).toEqual(['received']);
    expect(items.some((i) => i.status === 'received' && i.state === 'next')).toBe(false);
    expect(items.find((i) => i.status === 'submitted')?.state).toBe('past');
  });

  it('a status with no event of its own is still the current step', () => {
    const items = buildTimeline({ status: 'received', timeline: [ev('submitted', 10)] });
    expect(items.filter((i) => i.state === 'current').map((i) => i.status)).toEqual(['received']);
  });

  it('on screen: the current step never reads "Chưa đến bước này"', () => {
    for (const timeline of [lookup.timeline, []]) {
      const html = render(<LookupResult lookup={{ ...lookup, timeline }} />, 'vi', { info: appInfo() });
      const current = /<li[^>]*data-state="current"[^>]*>(.*?)<\/li>/s.exec(html)?.[0] ?? '';
      expect(current).toContain('data-status="received"');
      expect(text(current)).not.toContain('Chưa đến bước này');
      expect(text(current)).toContain('Đã được tiếp nhận');
    }
  });
});
