import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, median, percentile } from '../../../main/core/queue/estimate';
import { orderForCall, type TicketRow } from '../../../main/core/queue/service';

describe('wait estimate', () => {
  it('says nothing with fewer than three recent service times', () => {
    expect(estimateWaitMinutes({ ahead: 5, recentServiceSeconds: [], counters: 1 })).toBeNull();
    expect(estimateWaitMinutes({ ahead: 5, recentServiceSeconds: [300, 300], counters: 1 })).toBeNull();
  });

  it('multiplies the typical service time by the people ahead, shared by open counters, in 5-minute steps', () => {
    const recent = [240, 300, 360]; // median 5 minutes
    expect(estimateWaitMinutes({ ahead: 3, recentServiceSeconds: recent, counters: 1 })).toBe(15);
    expect(estimateWaitMinutes({ ahead: 3, recentServiceSeconds: recent, counters: 2 })).toBe(10); // 7.5 → 10
    expect(estimateWaitMinutes({ ahead: 1, recentServiceSeconds: [30, 40, 50], counters: 3 })).toBe(5);
    expect(estimateWaitMinutes({ ahead: 0, recentServiceSeconds: recent, counters: 1 })).toBe(0);
    // A paused centre (no open counter) still gives a number for one counter rather than dividing by zero.
    expect(estimateWaitMinutes({ ahead: 2, recentServiceSeconds: recent, counters: 0 })).toBe(10);
  });

  it('uses the median so one very long case does not inflate everyone’s estimate', () => {
    expect(median([60, 60, 3600])).toBe(60);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('computes nearest-rank percentiles', () => {
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(xs, 90)).toBe(90);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 90)).toBeNull();
  });
});

const row = (id: number, priority: string | null, targetCounter: number | null = null): TicketRow => ({
  id,
  serviceId: 's',
  originService: 's',
  day: '2026-11-23',
  seq: id,
  number: `A${String(id).padStart(3, '0')}`,
  priority,
  status: 'waiting',
  issuedAt: `2026-11-23T01:${String(id).padStart(2, '0')}:00.000Z`,
  firstCalledAt: null,
  calledAt: null,
  finishedAt: null,
  counterId: null,
  targetCounter,
  recalls: 0,
  dossierId: null,
});

describe('calling order', () => {
  it('calls priority tickets first but at most `ratio` in a row while ordinary ones wait', () => {
    const rows = [
      row(1, null),
      row(2, null),
      row(3, 'elderly'),
      row(4, 'pregnant'),
      row(5, 'elderly'),
      row(6, null),
    ];
    expect(orderForCall(rows, 1, 0, 2).map((r) => r.id)).toEqual([3, 4, 1, 5, 2, 6]);
    expect(orderForCall(rows, 1, 2, 2).map((r) => r.id)).toEqual([1, 3, 4, 2, 5, 6]);
  });

  it('calls priority tickets back to back when nobody ordinary waits', () => {
    expect(orderForCall([row(1, 'a'), row(2, 'a'), row(3, 'a')], 1, 5, 1).map((r) => r.id)).toEqual([
      1, 2, 3,
    ]);
  });

  it('puts a ticket transferred to this counter first, and ignores transfers to other counters', () => {
    const rows = [row(1, 'elderly'), row(2, null), row(3, null, 2), row(4, null, 1)];
    expect(orderForCall(rows, 1, 0, 3).map((r) => r.id)).toEqual([4, 1, 2]);
  });
});
