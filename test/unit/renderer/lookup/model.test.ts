// "Tra cứu hồ sơ": the rules behind the screen (typed code, timeline, due date, fee, masking, errors).
import { describe, expect, it } from 'vitest';
import type { Lookup } from '../../../../preload/api';
import { NATIONAL_STATUS_CODES } from '../../../../preload/contract/portal';
import {
  birthDateIso,
  buildTimeline,
  cleanSecretInput,
  factorProblem,
  formatBirthDigits,
  canLookUp,
  cleanCodeInput,
  codeKeys,
  daysBetween,
  dueMovedAfterSupplement,
  dueState,
  formatDay,
  NATIONAL_CODES,
  statusCode,
  lookupProblem,
  paymentState,
  safeMaskedId,
  unitPrefix,
} from '../../../../renderer/src/screens/lookup/model';

const err = (code: string) => ({ code, vi: 'x', en: 'x' });
const event = (status: Lookup['status'], at: string, note: Lookup['timeline'][number]['note'] = null) => ({
  status,
  at,
  note,
});

describe('the typed code', () => {
  it('is upper-cased, loses spaces and anything a code cannot hold, and stops at 40 characters', () => {
    expect(cleanCodeInput(' 000.00.12.h29-k01-260415-0007 ')).toBe('000.00.12.H29-K01-260415-0007');
    expect(cleanCodeInput('000/00,12 H29–260415')).toBe('0000012H29260415');
    expect(cleanCodeInput('9'.repeat(60))).toHaveLength(40);
  });

  it('is worth looking up from 10 characters (the contract minimum) up to 40', () => {
    expect(canLookUp('000.00.12')).toBe(false);
    expect(canLookUp('000.00.12.')).toBe(true);
    expect(canLookUp('000.00.12.H29-K01-260415-0007')).toBe(true);
  });

  it('the pad has digits, dot, dash, the letters of the unit id and K, each once', () => {
    const keys = codeKeys('000.00.12.H29');
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '.', '-', 'H', 'K']);
    expect(codeKeys('000.00.12.K05')).toEqual(expect.arrayContaining(['K']));
    expect(codeKeys('000.00.12.K05').filter((k) => k === 'K')).toHaveLength(1);
    expect(codeKeys('000.00.00.G12')).toEqual(expect.arrayContaining(['G', 'K']));
  });

  it('offers the centre unit id as one key ending in a dash, or nothing without one', () => {
    expect(unitPrefix('000.00.12.H29')).toBe('000.00.12.H29-');
    expect(unitPrefix('')).toBe('');
  });
});

describe('the timeline (national model: 1 → 2 → 4 → 9 → 10; 5/6 detours; 3/7/8 ends)', () => {
  it('a dossier only received shows that step as now, then the usual steps still to come', () => {
    const items = buildTimeline({
      status: 'received',
      timeline: [event('received', '2026-11-23T02:00:00Z')],
    });
    expect(items.map((i) => [i.status, i.state])).toEqual([
      ['received', 'current'],
      ['sent', 'next'],
      ['processing', 'next'],
      ['done', 'next'],
      ['returned', 'next'],
    ]);
    expect(items.filter((i) => i.state === 'next').every((i) => i.at === null)).toBe(true);
  });

  it("orders events by time whatever order they came in; the kiosk's own 'sent' is never current", () => {
    const items = buildTimeline({
      status: 'received',
      timeline: [event('sent', '2026-11-23T02:05:00Z'), event('received', '2026-11-23T02:00:00Z')],
    });
    expect(items.map((i) => [i.status, i.at, i.state])).toEqual([
      ['received', '2026-11-23T02:00:00Z', 'current'],
      ['sent', '2026-11-23T02:05:00Z', 'past'],
      ['processing', null, 'next'],
      ['done', null, 'next'],
      ['returned', null, 'next'],
    ]);
  });

  it('a request for papers (5) is a detour: it keeps its reason, and the path resumes at 4 → 9 → 10', () => {
    const reason = { vi: 'Thiếu bản sao giấy chứng sinh', en: 'Birth certificate copy missing' };
    const asked = buildTimeline({
      status: 'supplement',
      timeline: [
        event('received', '2026-11-23T02:00:00Z'),
        event('sent', '2026-11-23T02:05:00Z'),
        event('supplement', '2026-11-24T04:00:00Z', reason),
      ],
    });
    expect(asked.find((i) => i.state === 'current')).toMatchObject({ status: 'supplement', note: reason });
    expect(asked.filter((i) => i.state === 'next').map((i) => i.status)).toEqual([
      'processing',
      'done',
      'returned',
    ]);
    expect(dueMovedAfterSupplement(asked)).toBe(false);
    const resumed = buildTimeline({
      status: 'processing',
      timeline: [
        event('received', '2026-11-23T02:00:00Z'),
        event('supplement', '2026-11-24T04:00:00Z', reason),
        event('processing', '2026-11-26T04:00:00Z'),
      ],
    });
    expect(resumed.filter((i) => i.state === 'next').map((i) => i.status)).toEqual(['done', 'returned']);
    expect(dueMovedAfterSupplement(resumed)).toBe(true);
  });

  it('a fee to pay (6) is a detour too: what remains is the usual path', () => {
    const items = buildTimeline({
      status: 'financial',
      timeline: [event('received', '2026-11-23T02:00:00Z'), event('financial', '2026-11-24T02:00:00Z')],
    });
    expect(items.filter((i) => i.state === 'next').map((i) => i.status)).toEqual([
      'sent',
      'processing',
      'done',
      'returned',
    ]);
  });

  it.each(['refused', 'withdrawn', 'stopped', 'returned'] as const)(
    'nothing is still to come after %s',
    (status) => {
      const items = buildTimeline({
        status,
        timeline: [event('received', '2026-11-23T02:00:00Z'), event(status, '2026-11-25T02:00:00Z')],
      });
      expect(items.map((i) => i.state)).toEqual(['past', 'current']);
    },
  );

  it('a dossier the citizen filed alone: its reception is still to come, even once sent; a refusal ends it', () => {
    const waiting = buildTimeline({
      status: 'submitted',
      reception: { state: 'pending' },
      timeline: [event('submitted', '2026-11-23T02:00:00Z'), event('sent', '2026-11-23T02:01:00Z')],
    });
    expect(waiting.find((i) => i.state === 'current')?.status).toBe('submitted');
    expect(waiting.filter((i) => i.state === 'next').map((i) => i.status)).toEqual([
      'received',
      'processing',
      'done',
      'returned',
    ]);
    const refused = buildTimeline({
      status: 'refused',
      reception: { state: 'refused' },
      timeline: [event('submitted', '2026-11-23T02:00:00Z'), event('refused', '2026-11-23T03:00:00Z')],
    });
    expect(refused.map((i) => i.state)).toEqual(['past', 'current']);
  });

  it('an empty timeline still shows the status now', () => {
    expect(buildTimeline({ status: 'processing', timeline: [] })[0]).toMatchObject({
      status: 'processing',
      state: 'current',
    });
  });

  it("the national codes are the contract's, and the kiosk's own step has none", () => {
    expect(NATIONAL_CODES).toEqual(NATIONAL_STATUS_CODES);
    expect(statusCode('supplement')).toBe(5);
    expect(statusCode('returned')).toBe(10);
    expect(statusCode('sent')).toBeNull();
  });
});

describe('due date, fee and ID', () => {
  it('counts calendar days across a month end', () => {
    expect(daysBetween('2026-11-28', '2026-12-02')).toBe(4);
    expect(daysBetween('2026-12-02', '2026-11-28')).toBe(-4);
  });

  it('says days left, due today, or days late; nothing once the dossier is finished', () => {
    expect(dueState('2026-11-27', '2026-11-23', 'processing')).toEqual({ kind: 'ahead', days: 4 });
    expect(dueState('2026-11-23', '2026-11-23', 'received')).toEqual({ kind: 'today' });
    expect(dueState('2026-11-20', '2026-11-23', 'supplement')).toEqual({ kind: 'late', days: 3 });
    expect(dueState('2026-11-20', '2026-11-23', 'done')).toEqual({ kind: 'closed' });
    for (const status of ['refused', 'withdrawn', 'stopped', 'returned'] as const)
      expect(dueState('2026-11-20', '2026-11-23', status)).toEqual({ kind: 'closed' });
  });

  it('fee: none, paid, not paid', () => {
    expect(paymentState(null)).toBe('none');
    expect(paymentState(true)).toBe('paid');
    expect(paymentState(false)).toBe('unpaid');
  });

  it('masks a full ID number that reached the screen; leaves a masked one as it is', () => {
    expect(safeMaskedId('••••••••1234')).toBe('••••••••1234');
    expect(safeMaskedId('001090001234')).toBe('••••••••1234');
    expect(safeMaskedId(null)).toBeNull();
  });

  it('shows dates day first', () => {
    expect(formatDay('2026-11-03')).toBe('03/11/2026');
  });
});

describe('lookup errors', () => {
  it('chooses the advice by the error code', () => {
    expect(lookupProblem(err('dossier-not-found'))).toBe('not-found');
    expect(lookupProblem(err('not-found'))).toBe('not-found');
    expect(lookupProblem(err('invalid-dossier-code'))).toBe('invalid');
    expect(lookupProblem(err('invalid-input'))).toBe('invalid');
    expect(lookupProblem(err('not-built'))).toBe('unavailable');
    expect(lookupProblem(err('network'))).toBe('other');
  });
});

describe('the second factor as typed', () => {
  it('keeps only the secret alphabet, in upper case, six at most', () => {
    expect(cleanSecretInput('k7q 2-xf')).toBe('K7Q2XF');
    expect(cleanSecretInput('O0I1abcdefgh')).toBe('ABCDEF');
  });

  it('puts the slashes in a date of birth as it is typed, and reads only a real past day', () => {
    expect(formatBirthDigits('2304')).toBe('23/04');
    expect(formatBirthDigits('23041990')).toBe('23/04/1990');
    expect(birthDateIso('23041990', '2026-11-23')).toBe('1990-04-23');
    expect(birthDateIso('31021990', '2026-11-23')).toBeNull();
    expect(birthDateIso('2304199', '2026-11-23')).toBeNull();
    expect(birthDateIso('01012030', '2026-11-23')).toBeNull();
    expect(birthDateIso('01011850', '2026-11-23')).toBeNull();
  });

  it('tells a wrong factor from a lock', () => {
    expect(factorProblem(err('lookup-factor-wrong'))).toBe('wrong');
    expect(factorProblem(err('lookup-locked'))).toBe('locked');
    expect(factorProblem(err('too-many-requests'))).toBeNull();
  });
});
