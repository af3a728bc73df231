import { describe, expect, it } from 'vitest';
import {
  createMrzJoiner,
  createWedgeDetector,
  defaultWedgeOptions,
  scansIn,
} from '../../../renderer/src/lib/wedge';
import { maskDigitRuns, maskId } from '../../../renderer/src/lib/maskId';
import {
  citizenReducer,
  initialCitizenSession,
  scanNotice,
} from '../../../renderer/src/screens/citizen/session';

/** Each character of `text` then Enter, `gapMs` apart, starting at `start`. */
function keys(text: string, gapMs: number, start = 1_000): { key: string; at: number }[] {
  return [...text, 'Enter'].map((key, i) => ({ key, at: start + i * gapMs }));
}

const QR = '001090001234||Nguyễn Văn An|01011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';

describe('wedge detector', () => {
  it('defaults to ≥ 6 characters, average gap ≤ 35 ms, no gap over 100 ms', () => {
    expect(defaultWedgeOptions).toEqual({ minLength: 6, maxGapMs: 35, maxSingleGapMs: 100 });
  });

  it('a fast burst ended by Enter is a scan', () => {
    expect(scansIn(keys(QR, 8))).toEqual([QR]);
    expect(scansIn(keys('ABC123', 35))).toEqual(['ABC123']);
  });

  it('slow typing (120 ms gaps) is not a scan', () => {
    expect(scansIn(keys('nguyenvanan', 120))).toEqual([]);
    expect(scansIn(keys('nguyenvanan', 80))).toEqual([]);
    expect(scansIn(keys('ABC123', 36))).toEqual([]);
  });

  it('a burst without Enter is not a scan', () => {
    const burst = keys('001090001234', 5).slice(0, -1);
    expect(scansIn(burst)).toEqual([]);
    // ... nor is a late Enter after it
    expect(scansIn([...burst, { key: 'Enter', at: burst.at(-1)!.at + 500 }])).toEqual([]);
  });

  it('tolerates the odd late key inside a fast burst, but not a pause', () => {
    const jitter = keys('001090001234', 5).map((k, i) => (i >= 6 ? { ...k, at: k.at + 48 } : k));
    expect(scansIn(jitter)).toEqual(['001090001234']);
    const pause = keys('001090001234', 5).map((k, i) => (i >= 6 ? { ...k, at: k.at + 150 } : k));
    // A pause ends the burst: only the six keys after it form one.
    expect(scansIn(pause)).toEqual(['001234']);
  });

  it('a short burst is not a scan', () => {
    expect(scansIn(keys('12345', 5))).toEqual([]);
  });

  it('slow typing then a burst: only the burst is the scan', () => {
    const typed = keys('abc', 150).slice(0, -1);
    const burst = keys('XYZ7890', 10, typed.at(-1)!.at + 400);
    expect(scansIn([...typed, ...burst])).toEqual(['XYZ7890']);
  });

  it('Shift does not break a burst; other keys do', () => {
    const withShift = [{ key: 'Shift', at: 0 }, ...keys('ABCDEF', 10, 5)];
    expect(scansIn(withShift)).toEqual(['ABCDEF']);
    const withTab = [...keys('ABC', 10).slice(0, -1), { key: 'Tab', at: 1_025 }, ...keys('DEF', 10, 1_030)];
    expect(scansIn(withTab)).toEqual([]);
  });

  it('is configurable', () => {
    expect(scansIn(keys('ABCD', 50), { minLength: 4, maxGapMs: 60 })).toEqual(['ABCD']);
    expect(scansIn(keys('ABCDEF', 20), { maxGapMs: 15 })).toEqual([]);
    const detector = createWedgeDetector({ minLength: 2 });
    expect(detector.key('a', 0)).toEqual({ kind: 'start' });
    expect(detector.key('b', 10)).toEqual({ kind: 'continue' });
    expect(detector.key('Enter', 20)).toEqual({ kind: 'scan', text: 'ab', startedAt: 0 });
  });
});

describe('maskId', () => {
  it('keeps the last four', () => {
    expect(maskId('001090001234')).toBe('••••••••1234');
    expect(maskId('1234')).toBe('••••');
    expect(maskId('')).toBe('');
  });
  it('masks ID-like digit runs in raw text', () => {
    expect(maskDigitRuns(QR)).toBe(QR.replace('001090001234', '••••••••1234'));
    expect(maskDigitRuns('A 12345678 B')).toBe('A 12345678 B');
  });
});

describe('citizen scan state', () => {
  const person = {
    ok: true as const,
    value: {
      kind: 'cccd-qr' as const,
      person: {
        idNumber: '001090001234',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-01-01',
        sex: 'male' as const,
        address: 'Hà Nội',
        issueDate: '2021-08-15',
      },
      extra: [],
    },
  };

  it('keeps only the name and the masked ID', () => {
    expect(scanNotice(person)).toEqual({ kind: 'person', name: 'Nguyễn Văn An', maskedId: '••••••••1234' });
  });

  it('a refusal becomes a calm error notice', () => {
    const error = { code: 'scan-mangled', vi: 'HID-POS', en: 'HID-POS' };
    expect(scanNotice({ ok: false, error })).toEqual({ kind: 'error', error });
  });

  it('the idle reset wipes the greeting; an action or dismiss ends it', () => {
    const scanned = citizenReducer(initialCitizenSession, { type: 'scanned', notice: scanNotice(person) });
    expect(scanned.scan).not.toBeNull();
    expect(scanned.touched).toBe(true);
    expect(citizenReducer(scanned, { type: 'reset' }).scan).toBeNull();
    expect(citizenReducer(scanned, { type: 'scan-dismiss' }).scan).toBeNull();
    expect(citizenReducer(scanned, { type: 'open', screen: { name: 'queue' } }).scan).toBeNull();
  });
});

describe('MRZ lines typed by a wedge reader', () => {
  const lines = [
    'IDVNM0900001233001090001234<<8',
    '9001014M3001019VNM<<<<<<<<<<<0',
    'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<',
  ] as const;

  it('three line scans in quick succession become one text, lines joined by \\n', () => {
    const joiner = createMrzJoiner(400);
    expect(joiner.push(lines[0], 1_000)).toEqual([]);
    expect(joiner.holding()).toBe(true);
    expect(joiner.push(lines[1], 1_250)).toEqual([]);
    expect(joiner.push(lines[2], 1_500)).toEqual([lines.join('\n')]);
    expect(joiner.holding()).toBe(false);
  });

  /** The three lines typed key by key through a detector into a joiner, as useScan wires them. */
  function typeZone(msPerKey: number, msBetweenLines: number): string[] {
    const detector = createWedgeDetector();
    const joiner = createMrzJoiner(400);
    const out: string[] = [];
    let at = 1_000;
    for (const line of lines) {
      for (const key of [...line, 'Enter']) {
        const step = detector.key(key, at);
        if (step.kind === 'scan') out.push(...joiner.push(step.text, at, step.startedAt));
        at += msPerKey;
      }
      at += msBetweenLines;
    }
    return out;
  }

  it('the full zone through the detector and the joiner', () => {
    expect(typeZone(5, 60)).toEqual([lines.join('\n')]);
  });

  it("a slow reader (15 ms a key, 450 ms a line) still gives one text: the window is to the next line's first key", () => {
    expect(typeZone(15, 80)).toEqual([lines.join('\n')]);
    // Lines half a second apart are not one zone: each is passed on alone (the last when the timer ends).
    expect(typeZone(5, 500)).toEqual([lines[0], lines[1]]);
    // A next line that only STARTS after the window is not joined.
    const late = createMrzJoiner(400);
    late.push(lines[0], 1_000, 550);
    expect(late.push(lines[1], 1_900, 1_450)).toEqual([lines[0]]);
  });

  it('a lone line is passed on when the window ends, and a late line starts afresh', () => {
    const joiner = createMrzJoiner(400);
    joiner.push(lines[0], 1_000);
    expect(joiner.flush()).toEqual([lines[0]]);
    joiner.push(lines[0], 2_000);
    expect(joiner.push(lines[1], 3_000)).toEqual([lines[0]]);
    expect(joiner.flush()).toEqual([lines[1]]);
  });

  it('other scans pass straight through, releasing any held lines first', () => {
    const joiner = createMrzJoiner(400);
    expect(joiner.push(QR, 1_000)).toEqual([QR]);
    joiner.push(lines[0], 2_000);
    expect(joiner.push(QR, 2_100)).toEqual([lines[0], QR]);
  });
});
