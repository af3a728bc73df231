import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { migrate } from '../../../main/core/db/migrate';
import { KioskFailure } from '../../../main/core/errors';
import { createFeedback } from '../../../main/core/feedback';

let db: Database.Database;
afterEach(() => db?.close());

function setup(now: string) {
  db = new Database(':memory:');
  migrate(db, { now: new Date(now) });
  const clock = manualClock(now);
  return { clock, feedback: createFeedback(db, { clock, timeZone: 'Asia/Ho_Chi_Minh' }) };
}

describe('ratings', () => {
  it('files a rating under the centre’s day, not the UTC one', () => {
    const { feedback } = setup('2026-11-22T23:30:00.000Z'); // 06:30 on 23 November in Hà Nội
    feedback.rate({ context: 'queue', rating: 'satisfied' });
    expect(feedback.report('2026-11-23').counts).toEqual({
      'very-satisfied': 0,
      satisfied: 1,
      unsatisfied: 0,
    });
    expect(feedback.report('2026-11-22').counts.satisfied).toBe(0);
    expect(feedback.report().day).toBe('2026-11-23');
  });

  it('counts a day’s ratings and lists the reasons people gave, newest first', () => {
    const { clock, feedback } = setup('2026-11-23T02:00:00.000Z');
    const first = feedback.rate({
      context: 'submit',
      code: '000.00.12.h29-k01-261123-0001',
      rating: 'unsatisfied',
      reason: '  Chờ lâu quá ',
    });
    clock.advance(60_000);
    feedback.rate({ context: 'lookup', rating: 'very-satisfied' });
    clock.advance(60_000);
    const third = feedback.rate({ context: 'queue', rating: 'satisfied', reason: 'Nhân viên nhiệt tình' });
    expect(third.id).toBeGreaterThan(first.id);
    clock.advance(86_400_000);
    feedback.rate({ context: 'queue', rating: 'unsatisfied', reason: 'next day' });

    const report = feedback.report('2026-11-23');
    expect(report.counts).toEqual({ 'very-satisfied': 1, satisfied: 1, unsatisfied: 1 });
    expect(report.reasons).toEqual([
      { at: '2026-11-23T02:02:00.000Z', rating: 'satisfied', reason: 'Nhân viên nhiệt tình', code: null },
      {
        at: '2026-11-23T02:00:00.000Z',
        rating: 'unsatisfied',
        reason: 'Chờ lâu quá',
        code: '000.00.12.H29-K01-261123-0001',
      },
    ]);
  });

  it('refuses a reason with markup or control characters and stores nothing', () => {
    const { feedback } = setup('2026-11-23T02:00:00.000Z');
    for (const reason of ['<img src=x onerror=alert(1)>', 'ok\u0000']) {
      let code = '';
      try {
        feedback.rate({ context: 'queue', rating: 'unsatisfied', reason });
      } catch (e) {
        if (e instanceof KioskFailure) code = e.error.code;
      }
      expect(code).toBe('reason-refused');
    }
    expect(db.prepare('SELECT COUNT(*) FROM ratings').pluck().get()).toBe(0);
  });
});
