import { describe, expect, it } from 'vitest';
import { announcement, idlePhase, idleTimes, shouldAnnounce } from '../../../renderer/src/lib/idle';
import { clockOffset, clockParts } from '../../../renderer/src/lib/clock';
import { routeFor } from '../../../renderer/src/router';
import {
  citizenReducer,
  initialCitizenSession,
  isAvailable,
  rootClasses,
  screenFor,
} from '../../../renderer/src/screens/citizen/session';
import { createI18n } from '../../../renderer/src/i18n';

describe('idlePhase', () => {
  // timeout 90 s, warning 15 s: quiet until 75 s, then a 15 → 1 countdown, then expired at 90 s.
  it('is active before timeout − warning', () => {
    expect(idlePhase(0, 90, 15)).toEqual({ phase: 'active' });
    expect(idlePhase(74_999, 90, 15)).toEqual({ phase: 'active' });
  });
  it('counts down during the warning, never showing 0', () => {
    expect(idlePhase(75_000, 90, 15)).toEqual({ phase: 'warning', secondsLeft: 15 });
    expect(idlePhase(80_500, 90, 15)).toEqual({ phase: 'warning', secondsLeft: 10 });
    expect(idlePhase(89_999, 90, 15)).toEqual({ phase: 'warning', secondsLeft: 1 });
  });
  it('expires at the timeout', () => {
    expect(idlePhase(90_000, 90, 15)).toEqual({ phase: 'expired' });
  });
  it('clamps a warning longer than the timeout', () => {
    expect(idlePhase(0, 10, 30)).toEqual({ phase: 'warning', secondsLeft: 10 });
  });
  it('announces sparingly to screen readers', () => {
    const spoken = Array.from({ length: 15 }, (_, i) => 15 - i).filter((s) => shouldAnnounce(s, 15));
    expect(spoken).toEqual([15, 10, 5, 4, 3, 2, 1]);
    expect(announcement(13, 15)).toBe(15);
    expect(announcement(9, 15)).toBe(10);
    expect(announcement(3, 15)).toBe(3);
  });
});

describe('clock', () => {
  it('shows Vietnam time whatever the machine time zone', () => {
    // 02:15 UTC on Monday 23 Nov 2026 is 09:15 in Hà Nội.
    expect(clockParts(new Date('2026-11-23T02:15:00Z'))).toEqual({
      weekday: 1,
      day: '23',
      month: '11',
      year: '2026',
      hour: '09',
      minute: '15',
    });
    // 20:30 UTC on Sunday is already Monday 03:30 in Vietnam.
    expect(clockParts(new Date('2026-11-22T20:30:00Z')).weekday).toBe(1);
  });
  it('formats "Thứ Hai, 23/11/2026 09:15"', () => {
    const i18n = createI18n('vi');
    const p = clockParts(new Date('2026-11-23T02:15:00Z'));
    expect(i18n.t('clock.format', { ...p, weekday: i18n.t('clock.weekday1') })).toBe(
      'Thứ Hai, 23/11/2026 09:15',
    );
  });
  it('measures the offset to the server clock', () => {
    expect(clockOffset('2026-11-23T02:15:00Z', Date.parse('2026-11-23T02:14:00Z'))).toBe(60_000);
    expect(clockOffset('not a date', 123)).toBe(0);
  });
});

describe('routeFor', () => {
  it.each([
    ['/', 'citizen'],
    ['/index.html', 'citizen'],
    ['/staff', 'staff'],
    ['/staff/', 'staff'],
    ['/display', 'display'],
    ['/display/', 'display'],
    ['/somewhere-else', 'citizen'],
    ['/staffroom', 'citizen'],
  ] as const)('%s → %s', (path, route) => expect(routeFor(path)).toBe(route));
});

describe('citizen session', () => {
  it('marks any choice as touched and resets to the defaults in one step', () => {
    let s = citizenReducer(initialCitizenSession, { type: 'text-size', size: 'large' });
    s = citizenReducer(s, { type: 'toggle-contrast' });
    s = citizenReducer(s, { type: 'open', screen: { name: 'coming-soon', feature: 'queue' } });
    expect(s).toEqual({
      screen: { name: 'coming-soon', feature: 'queue' },
      scan: null,
      textSize: 'large',
      highContrast: true,
      touched: true,
      card: null,
    });
    expect(rootClasses(s)).toEqual(['text-large', 'high-contrast']);
    expect(citizenReducer(s, { type: 'reset' })).toEqual(initialCitizenSession);
    expect(rootClasses(initialCitizenSession)).toEqual(['text-normal']);
  });
  it('offers a feature only when main enables it AND this renderer has built it', () => {
    expect(isAvailable('queue', [])).toBe(false);
    expect(isAvailable('queue', ['queue'])).toBe(true);
    expect(isAvailable('procedures', ['procedures'])).toBe(true);
    expect(isAvailable('dossier', ['queue'])).toBe(false);
  });
  it('a tile opens the feature when available, else the honest page', () => {
    expect(screenFor('queue', ['queue'])).toEqual({ name: 'queue' });
    expect(screenFor('queue', [])).toEqual({ name: 'coming-soon', feature: 'queue' });
    expect(screenFor('tracking', ['queue', 'tracking'])).toEqual({ name: 'lookup' });
    expect(screenFor('dossier', ['queue'])).toEqual({ name: 'coming-soon', feature: 'dossier' });
  });
});

describe('idleTimes', () => {
  const info = { idleTimeoutSeconds: 90, wizardIdleTimeoutSeconds: 180, idleWarningSeconds: 20 };
  it('the filing wizard waits its own, longer time; other screens the usual one', () => {
    expect(idleTimes(info, true)).toEqual({ timeoutSeconds: 180, warningSeconds: 20 });
    expect(idleTimes(info, false)).toEqual({ timeoutSeconds: 90, warningSeconds: 20 });
  });
  it('warns for at least 20 s whatever it is given, and for all of it', () => {
    expect(idleTimes({ ...info, idleWarningSeconds: 8 }, false).warningSeconds).toBe(20);
    expect(idleTimes({ ...info, idleWarningSeconds: 45 }, true).warningSeconds).toBe(45);
    expect(idleTimes({ ...info, idleTimeoutSeconds: 15, idleWarningSeconds: 8 }, false)).toEqual({
      timeoutSeconds: 20,
      warningSeconds: 20,
    });
  });
});
