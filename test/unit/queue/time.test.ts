import { describe, expect, it } from 'vitest';
import { isWithinHours, serviceDay } from '../../../main/core/queue/time';

const VN = 'Asia/Ho_Chi_Minh';

describe('centre-local time', () => {
  it('keeps numbering on the previous day until the reset time', () => {
    const resetAt = '05:00';
    expect(serviceDay(new Date('2026-11-23T21:59:00Z'), VN, resetAt)).toBe('2026-11-23'); // 04:59 local
    expect(serviceDay(new Date('2026-11-23T22:00:00Z'), VN, resetAt)).toBe('2026-11-24'); // 05:00 local
    expect(serviceDay(new Date('2026-03-01T21:00:00Z'), VN, resetAt)).toBe('2026-03-01'); // 04:00 on 2 March
    expect(serviceDay(new Date('2026-11-23T17:00:00Z'), VN, '00:00')).toBe('2026-11-24'); // local midnight
  });

  it('is open from the opening minute through the closing minute', () => {
    const hours = { open: '07:30', close: '17:00' };
    expect(isWithinHours(new Date('2026-11-23T00:29:00Z'), VN, hours)).toBe(false); // 07:29
    expect(isWithinHours(new Date('2026-11-23T00:30:00Z'), VN, hours)).toBe(true); // 07:30
    expect(isWithinHours(new Date('2026-11-23T10:00:59Z'), VN, hours)).toBe(true); // 17:00:59
    expect(isWithinHours(new Date('2026-11-23T10:01:00Z'), VN, hours)).toBe(false); // 17:01
  });
});
