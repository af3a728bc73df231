import { describe, expect, it } from 'vitest';
import {
  type DossierFact,
  type RatingFact,
  computeIndicators,
  startOfDay,
} from '../../../main/core/report/indicators';
import { createCalendar, vietnamCalendar } from '../../../main/core/calendar';

/**
 * The Quyết định 766 rules (main/core/report/indicators.ts) over hand-made facts. Every expectation is
 * worked out by hand in the comment beside it; times are Hà Nội wall times (UTC+7), the centre's zone.
 */

const TZ = 'Asia/Ho_Chi_Minh';
const DECEMBER = { from: '2026-12-01', to: '2026-12-31', timeZone: TZ, calendar: vietnamCalendar };
/** A Hà Nội wall time as an instant. */
const hn = (local: string): number => Date.parse(`${local}+07:00`);
const timeline = (...steps: [string, string][]) =>
  steps.map(([status, local]) => ({ status, at: hn(local) }));

let next = 0;
function dossier(over: Partial<DossierFact> = {}): DossierFact {
  next++;
  return {
    code: `D-${next}`,
    procedureId: 'khai-sinh',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    day: '2026-12-01',
    channel: 'kiosk',
    reception: 'received',
    receivedAt: null,
    dueDate: '2026-12-03',
    feeAmount: 0,
    paid: false,
    paidVia: null,
    resultElectronic: null,
    papers: [
      { id: 'to-khai', required: true, fromForm: true },
      { id: 'giay-chung-sinh', required: true, fromForm: false },
      { id: 'giay-ket-hon', required: false, fromForm: false },
    ],
    attached: new Set(['giay-chung-sinh']),
    events: [],
    ...over,
  };
}

const scores = (dossiers: DossierFact[], ratings: RatingFact[] = []) =>
  computeIndicators(DECEMBER, dossiers, ratings);

describe('on time (finished by the end of the appointment day, supplement time subtracted)', () => {
  // Due Thursday 3 December 2026; received 1 December 08:00.
  const received: [string, string] = ['received', '2026-12-01T08:00:00'];
  const cases: { name: string; events: [string, string][]; onTime: boolean }[] = [
    {
      name: 'the last millisecond of the due day',
      events: [received, ['done', '2026-12-03T23:59:59.999']],
      onTime: true,
    },
    {
      name: 'one minute after the due day',
      events: [received, ['done', '2026-12-04T00:01:00']],
      onTime: false,
    },
    // 16:30 UTC, still 3 December in Hà Nội: a day counted in UTC would agree, but not for the next one.
    { name: '23:30 local on the due day', events: [received, ['done', '2026-12-03T23:30:00']], onTime: true },
    // 17:30 UTC on 3 December: in UTC it is the due day, in Hà Nội it is the 4th.
    { name: '00:30 local the day after', events: [received, ['done', '2026-12-04T00:30:00']], onTime: false },
    {
      // Asked on the 2nd 10:00, papers brought on the 4th 10:00: 48 h paused; done on the 5th 10:00 counts
      // as the 3rd 10:00, on time. Without the pause: two days late.
      name: 'one supplement whose pause makes a late finish on time',
      events: [
        received,
        ['supplement', '2026-12-02T10:00:00'],
        ['processing', '2026-12-04T10:00:00'],
        ['done', '2026-12-05T10:00:00'],
      ],
      onTime: true,
    },
    {
      // The kiosk's own 'sent' after the request is not the papers coming back: still 48 h paused.
      name: "the pause ends at the citizen's papers, not at the kiosk's 'sent'",
      events: [
        received,
        ['supplement', '2026-12-02T10:00:00'],
        ['sent', '2026-12-02T10:05:00'],
        ['processing', '2026-12-04T10:00:00'],
        ['done', '2026-12-05T10:00:00'],
      ],
      onTime: true,
    },
    {
      // Paused 1 h only (the 2nd 10:00–11:00): done on the 5th 10:00 counts as the 5th 09:00, late.
      name: 'a short pause does not cover a long delay',
      events: [
        received,
        ['supplement', '2026-12-02T10:00:00'],
        ['processing', '2026-12-02T11:00:00'],
        ['done', '2026-12-05T10:00:00'],
      ],
      onTime: false,
    },
    {
      name: 'two supplement requests: late although finished a day early',
      events: [
        received,
        ['supplement', '2026-12-01T09:00:00'],
        ['processing', '2026-12-01T10:00:00'],
        ['supplement', '2026-12-01T11:00:00'],
        ['processing', '2026-12-01T12:00:00'],
        ['done', '2026-12-02T09:00:00'],
      ],
      onTime: false,
    },
    {
      // A request after the result changes nothing of a finished dossier's score.
      name: 'a supplement after finishing is not counted',
      events: [
        received,
        ['supplement', '2026-12-01T09:00:00'],
        ['processing', '2026-12-01T10:00:00'],
        ['done', '2026-12-02T09:00:00'],
        ['supplement', '2026-12-02T10:00:00'],
      ],
      onTime: true,
    },
  ];

  it.each(cases)('$name', ({ events, onTime }) => {
    const { all, days } = scores([dossier({ events: timeline(...events) })]);
    expect(all.onTime).toEqual({ count: onTime ? 1 : 0, of: 1, share: onTime ? 1 : 0 });
    const finishedOn = days.find((d) => d.finished > 0);
    expect(finishedOn?.onTime).toBe(onTime ? 1 : 0);
  });

  it("a supplement moves the appointment by working days, as the kiosk moved the citizen's date", () => {
    // First due Friday 27 November; papers asked Monday 23rd 16:00, brought Tuesday 24th 08:00: one
    // working day (the 23rd) paused, so the kiosk gave Monday 30th (shiftByPause). Done the 30th 15:00:
    // on time. Subtracting the 16 clock hours instead would put it on Sunday 29th, late.
    const d = dossier({
      day: '2026-11-20',
      dueDate: '2026-11-27',
      events: timeline(
        ['received', '2026-11-20T09:00:00'],
        ['supplement', '2026-11-23T16:00:00'],
        ['processing', '2026-11-24T08:00:00'],
        ['done', '2026-11-30T15:00:00'],
      ),
    });
    const november = { from: '2026-11-01', to: '2026-11-30', timeZone: TZ };
    const onTime = (calendar: typeof vietnamCalendar) =>
      computeIndicators({ ...november, calendar }, [d], []).all.onTime.count;
    expect(onTime(vietnamCalendar)).toBe(1);
    // A calendar that does not cover 2026: the clock-time pause, and so late.
    expect(onTime(createCalendar({ years: [], entries: [] }))).toBe(0);
  });

  it('a request for papers before reception (Mẫu 02 instead of receiving) is no supplement', () => {
    // Asked on the 1st 07:30 before the officer received it at 08:00 (the agency's clock not started),
    // then one real request with a 1 h pause: on time. Counted, it would be a second request: late.
    const twice = timeline(
      ['submitted', '2026-12-01T07:00:00'],
      ['supplement', '2026-12-01T07:30:00'],
      ['received', '2026-12-01T08:00:00'],
      ['supplement', '2026-12-02T10:00:00'],
      ['processing', '2026-12-02T11:00:00'],
      ['done', '2026-12-03T10:00:00'],
    );
    // Asked on the 1st, received on the 4th (no 'received' row: reception_at says when), done the 4th:
    // a day late. Counted as a pause (the 1st to the 4th) it would have moved the date past the 4th.
    const paused = timeline(
      ['submitted', '2026-12-01T07:00:00'],
      ['supplement', '2026-12-01T07:30:00'],
      ['processing', '2026-12-04T08:00:00'],
      ['done', '2026-12-04T10:00:00'],
    );
    const { days } = scores([
      dossier({ events: twice }),
      dossier({ events: paused, receivedAt: hn('2026-12-04T08:00:00') }),
    ]);
    // The first finished on the 3rd (on time), the second on the 4th (late).
    expect(days.slice(2, 4)).toMatchObject([
      { day: '2026-12-03', finished: 1, onTime: 1 },
      { day: '2026-12-04', finished: 1, onTime: 0 },
    ]);
  });

  it("the day a dossier finished is the centre's day (00:30 local on the 4th is the 4th)", () => {
    const { days } = scores([dossier({ events: timeline(['done', '2026-12-04T00:30:00']) })]);
    expect(days.filter((d) => d.finished > 0).map((d) => d.day)).toEqual(['2026-12-04']);
  });

  it('only dossiers first finished in the range are scored; one without a due date is skipped', () => {
    const { all } = scores([
      dossier({ dueDate: null, events: timeline(['done', '2026-12-02T09:00:00']) }), // cannot be scored
      dossier({
        day: '2026-11-20',
        events: timeline(['done', '2026-11-30T23:59:00'], ['done', '2026-12-02T09:00:00']),
      }),
      dossier({ day: '2026-11-20', events: timeline(['processing', '2026-12-02T09:00:00']) }), // not finished
      dossier({
        day: '2026-11-20',
        dueDate: '2026-11-25',
        events: timeline(['done', '2026-12-01T00:00:00']),
      }), // late
      dossier({ day: '2026-11-20', events: timeline(['done', '2027-01-01T00:00:00']) }), // January
    ]);
    expect(all.onTime).toEqual({ count: 0, of: 1, share: 0 });
    // Received in December: only the first one (the others were submitted in November).
    expect(all.received.total).toBe(1);
  });
});

describe('digitised (every paper handed in on file here, and the result electronic where known)', () => {
  const cases: { name: string; over: Partial<DossierFact>; counted: boolean; digitised: boolean }[] = [
    { name: 'the required paper attached, result not known yet', over: {}, counted: true, digitised: true },
    {
      name: 'a required paper without a file',
      over: { attached: new Set() },
      counted: true,
      digitised: false,
    },
    {
      name: 'an optional paper not on file is not handed in; the declaration is the form',
      over: { attached: new Set(['giay-chung-sinh']) },
      counted: true,
      digitised: true,
    },
    { name: 'result electronic (1)', over: { resultElectronic: true }, counted: true, digitised: true },
    { name: 'result on paper (0)', over: { resultElectronic: false }, counted: true, digitised: false },
    {
      name: 'refused at reception: not scored',
      over: { reception: 'refused' },
      counted: false,
      digitised: false,
    },
    { name: 'pending reception: scored', over: { reception: 'pending' }, counted: true, digitised: true },
  ];
  it.each(cases)('$name', ({ over, counted, digitised }) => {
    const { all } = scores([dossier(over)]);
    expect(all.digitised).toEqual({
      count: digitised ? 1 : 0,
      of: counted ? 1 : 0,
      share: counted ? (digitised ? 1 : 0) : null,
    });
  });
});

describe('received, paid online, satisfied', () => {
  it('received by channel with refusals; online payment among fees paid', () => {
    const fee = {
      feeAmount: 20_000,
      procedureId: 'chung-thuc',
      procedureName: 'Chứng thực',
      field: 'Chứng thực',
    };
    const { all } = scores([
      dossier({ ...fee, paid: true, paidVia: 'online' }),
      dossier({ ...fee, paid: true, paidVia: 'counter', channel: 'counter' }),
      dossier({ ...fee, paid: true, paidVia: null, channel: 'counter' }), // paid, how not said: not online
      dossier({ ...fee, paid: false, paidVia: null }), // unpaid: not scored
      dossier({ paid: true, paidVia: 'online', reception: 'refused' }), // no fee: not scored
      dossier({ ...fee, day: '2026-11-30', paid: true, paidVia: 'online' }), // November
    ]);
    expect(all.received).toEqual({ total: 5, kiosk: 3, counter: 2, refused: 1 });
    // 1 online of 3 paid fees: 1/3.
    expect(all.paidOnline).toEqual({ count: 1, of: 3, share: 1 / 3 });
  });

  it('satisfaction: dossier ratings in the range, very satisfied and satisfied over all', () => {
    const rating = (rating: RatingFact['rating'], over: Partial<RatingFact> = {}): RatingFact => ({
      day: '2026-12-10',
      context: 'submit',
      dossierCode: null,
      rating,
      ...over,
    });
    const { all } = scores(
      [],
      [
        rating('very-satisfied'),
        rating('satisfied', { context: 'lookup' }),
        rating('unsatisfied'),
        rating('unsatisfied', { context: 'queue' }), // the queue's, not a dossier's
        rating('unsatisfied', { day: '2026-11-30' }), // November
      ],
    );
    // 2 of 3.
    expect(all.satisfied).toEqual({ count: 2, of: 3, share: 2 / 3 });
  });

  it('satisfaction cannot be pumped: the last rating per dossier and moment, unknown codes nowhere', () => {
    const ks = dossier({ code: 'KS-1', portalCode: 'G22.39-261201-0001' });
    const rate = (code: string | null, context: RatingFact['context'], rating: RatingFact['rating']) => ({
      day: '2026-12-10',
      context,
      dossierCode: code,
      rating,
    });
    const { all, byProcedure } = scores(
      [ks],
      [
        rate('KS-1', 'submit', 'unsatisfied'),
        rate('KS-1', 'lookup', 'satisfied'),
        rate('KS-1', 'lookup', 'very-satisfied'),
        rate('G22.39-261201-0001', 'lookup', 'satisfied'), // the same dossier by the portal's code
        rate('KS-1', 'lookup', 'unsatisfied'), // the last at lookup: this one counts
        ...Array.from({ length: 5 }, () => rate('NO-SUCH-CODE', 'lookup', 'very-satisfied')),
        rate(null, 'submit', 'satisfied'), // a rating of the visit: in the whole only
      ],
    );
    // KS-1 at submit (unsatisfied), KS-1 at lookup (its last: unsatisfied), the visit (satisfied): 1 of 3.
    expect(all.satisfied).toEqual({ count: 1, of: 3, share: 1 / 3 });
    expect(byProcedure[0]?.satisfied).toEqual({ count: 0, of: 2, share: 0 });
  });

  it('nothing to score gives null shares, not 0', () => {
    const { all, byProcedure, days } = scores([]);
    expect(all).toMatchObject({
      received: { total: 0 },
      digitised: { share: null },
      onTime: { share: null },
      paidOnline: { share: null },
      satisfied: { share: null },
    });
    expect(byProcedure).toEqual([]);
    expect(days).toHaveLength(31);
  });
});

describe('grouping: per procedure, per field, per day', () => {
  it('each dossier and its ratings in its procedure and its field; an unknown code nowhere', () => {
    const ks1 = dossier({ code: 'KS-1' });
    const ks2 = dossier({ code: 'KS-2', day: '2026-12-02', attached: new Set() });
    const kh = dossier({
      code: 'KH-1',
      procedureId: 'ket-hon',
      procedureName: 'Đăng ký kết hôn',
      events: timeline(['done', '2026-12-02T15:00:00']),
    });
    const ct = dossier({
      code: 'CT-1',
      procedureId: 'chung-thuc',
      procedureName: 'Chứng thực bản sao',
      field: 'Chứng thực',
      channel: 'counter',
      events: timeline(['done', '2026-12-04T08:00:00']), // due the 3rd: late
    });
    const rate = (code: string | null, rating: RatingFact['rating']): RatingFact => ({
      day: '2026-12-05',
      context: 'lookup',
      dossierCode: code,
      rating,
    });
    const result = scores(
      [ks1, ks2, kh, ct],
      [rate('KS-1', 'satisfied'), rate('CT-1', 'unsatisfied'), rate('NOT-HERE', 'satisfied')],
    );
    expect(result.all.received.total).toBe(4);
    // NOT-HERE names no dossier of this kiosk: counted nowhere.
    expect(result.all.satisfied).toEqual({ count: 1, of: 2, share: 1 / 2 });

    // Sorted by name in Vietnamese order: Chứng thực, Đăng ký kết hôn, Đăng ký khai sinh.
    expect(result.byProcedure.map((r) => [r.key, r.label])).toEqual([
      ['chung-thuc', 'Chứng thực bản sao'],
      ['ket-hon', 'Đăng ký kết hôn'],
      ['khai-sinh', 'Đăng ký khai sinh'],
    ]);
    const [chungThuc, ketHon, khaiSinh] = result.byProcedure;
    expect(khaiSinh).toMatchObject({
      received: { total: 2, kiosk: 2, counter: 0, refused: 0 },
      digitised: { count: 1, of: 2, share: 0.5 }, // KS-2 has no file of its birth certificate
      onTime: { of: 0, share: null },
      satisfied: { count: 1, of: 1 },
    });
    expect(ketHon).toMatchObject({ onTime: { count: 1, of: 1 }, satisfied: { of: 0 } });
    expect(chungThuc).toMatchObject({
      received: { total: 1, counter: 1 },
      onTime: { count: 0, of: 1, share: 0 },
      satisfied: { count: 0, of: 1, share: 0 },
    });

    expect(result.byField.map((r) => [r.key, r.received.total, r.onTime.count, r.onTime.of])).toEqual([
      ['Chứng thực', 1, 0, 1],
      ['Hộ tịch', 3, 1, 1],
    ]);
    expect(result.days.slice(0, 4)).toEqual([
      { day: '2026-12-01', received: 3, finished: 0, onTime: 0 },
      { day: '2026-12-02', received: 1, finished: 1, onTime: 1 },
      { day: '2026-12-03', received: 0, finished: 0, onTime: 0 },
      { day: '2026-12-04', received: 0, finished: 1, onTime: 0 },
    ]);
  });
});

describe('local midnight', () => {
  it('in Hà Nội is 17:00 UTC the day before; in a zone with summer time, the day of the change too', () => {
    expect(new Date(startOfDay('2026-12-04', TZ)).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    // Europe/Berlin moves to UTC+2 on 29 March 2026 at 02:00: midnight that day is still UTC+1.
    expect(new Date(startOfDay('2026-03-29', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfDay('2026-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });
});
