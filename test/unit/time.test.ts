import { describe, expect, it } from 'vitest';
import { localDay, localParts } from '../../main/core/time';

const VN = 'Asia/Ho_Chi_Minh';

describe('centre-local time', () => {
  it('reads the local date and time in the centre, whatever the machine zone', () => {
    // 23:30 UTC is 06:30 the next morning in Hà Nội.
    expect(localParts(new Date('2026-11-23T23:30:00Z'), VN)).toEqual({
      date: '2026-11-24',
      minutes: 390,
      seconds: 23_400,
      hour: 6,
    });
  });

  it("gives the centre's date, not the machine's or UTC's", () => {
    // 17:00 UTC is midnight in Hà Nội: already the next day there.
    expect(localDay(new Date('2026-11-23T16:59:59Z'), VN)).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-23T17:00:00Z'), VN)).toBe('2026-11-24');
    expect(localDay(new Date('2026-11-23T17:00:00Z'), 'Europe/Paris')).toBe('2026-11-23');
  });
});
