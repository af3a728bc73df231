/**
 * Keyboard boot reports (HID Usage Tables, page 0x07; DOMAIN.md): how a scanner in keyboard ("wedge")
 * mode types. 8 bytes: modifier bitmap, reserved, six usage ids. A key is typed when its usage appears
 * and was not in the previous report, so a held key types once and keys pressed together (rollover)
 * each type once, in report order. A report whose slots say ErrorRollOver (0x01) means "too many keys":
 * it carries no key state and is skipped entirely, previous report included.
 *
 * US layout. Ctrl, Alt and GUI combinations type nothing (a scanner never means them as text). Enter
 * (main or keypad) types "\n": it ends a scan. Backspace removes the last typed character of the
 * current line. Caps Lock is not tracked: its state lives in the host, and scanners do not use it.
 */

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const NON_TEXT_MODIFIERS = 0xff & ~(LEFT_SHIFT | RIGHT_SHIFT);
const ERROR_ROLL_OVER = 0x01;
const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;
const BACKSPACE = 0x2a;

/** usage → [unshifted, shifted] */
const KEYS = new Map<number, [string, string]>();
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(97 + i);
  KEYS.set(0x04 + i, [c, c.toUpperCase()]);
}
'1234567890'.split('').forEach((d, i) => KEYS.set(0x1e + i, [d, '!@#$%^&*()'.charAt(i)]));
const SYMBOLS: [number, string, string][] = [
  [0x2b, '\t', '\t'],
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x32, '\\', '|'], // "Non-US # and ~": hosts with a US layout treat it as backslash
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  [0x54, '/', '/'],
  [0x55, '*', '*'],
  [0x56, '-', '-'],
  [0x57, '+', '+'],
  [0x63, '.', '.'],
];
for (const [usage, plain, shifted] of SYMBOLS) KEYS.set(usage, [plain, shifted]);
// Keypad digits (Num Lock assumed on, as scanners that use them expect).
'1234567890'.split('').forEach((d, i) => KEYS.set(0x59 + i, [d, d]));

/** A decoder for a live device: keeps the previous report's keys between pushes. */
export function createBootKeyboardDecoder() {
  let previous = new Set<number>();
  let line = '';
  // After abandon(): what is typed up to the next Enter is the tail of a dropped scan.
  let skipping = false;
  const typeReport = (report: Uint8Array): string => {
    // A 9-byte report carries a report id first (devices with several reports); boot reports have 8.
    const r = report.length === 9 ? report.subarray(1) : report;
    if (r.length !== 8) return '';
    const keys = Array.from(r.subarray(2, 8)).filter((u) => u !== 0);
    if (keys.some((u) => u === ERROR_ROLL_OVER)) return '';
    const modifiers = r[0] ?? 0;
    const shift = (modifiers & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0;
    const textual = (modifiers & NON_TEXT_MODIFIERS) === 0;
    let out = '';
    for (const usage of keys) {
      if (previous.has(usage)) continue;
      if (usage === ENTER || usage === KEYPAD_ENTER) out += '\n';
      else if (usage === BACKSPACE) out += '\b';
      else if (textual) out += KEYS.get(usage)?.[shift ? 1 : 0] ?? '';
    }
    previous = new Set(keys);
    return out;
  };
  return {
    /** What this report typed: characters, "\n" for Enter, "\b" for Backspace. */
    type: typeReport,
    /** Feeds a report and returns the scans it completed (lines ended by Enter, empty ones dropped). */
    push(report: Uint8Array): string[] {
      const scans: string[] = [];
      for (const ch of typeReport(report)) {
        if (ch === '\n') {
          if (line !== '' && !skipping) scans.push(line);
          line = '';
          skipping = false;
        } else if (ch === '\b') {
          line = line.slice(0, -1);
        } else {
          line += ch;
        }
      }
      return scans;
    },
    /** Forgets a half-typed line and the held keys (the device went quiet or away mid-scan). */
    reset() {
      previous = new Set();
      line = '';
      skipping = false;
    },
    /** Drops a half-typed scan and whatever of it still comes before the next Enter. */
    abandon() {
      if (line !== '') skipping = true;
      line = '';
    },
    get pending(): boolean {
      return line !== '';
    },
  };
}

/**
 * Decodes boot keyboard reports into the text they type, with "\n" for every Enter (Backspace applied
 * within a line). A scan is a line ended by Enter: `splitKeyboardScans` gives them.
 */
export function decodeBootKeyboard(reports: Uint8Array[]): string {
  const decoder = createBootKeyboardDecoder();
  let text = '';
  for (const report of reports) {
    for (const ch of decoder.type(report)) {
      if (ch !== '\b') text += ch;
      else if (text !== '' && !text.endsWith('\n')) text = text.slice(0, -1);
    }
  }
  return text;
}

/**
 * The scans in typed text: each line ended by Enter, in order, empty lines dropped. Text after the last
 * Enter is an unfinished scan (or a person typing) and is not returned.
 */
export function splitKeyboardScans(typed: string): string[] {
  const lines = typed.split('\n');
  lines.pop();
  return lines.filter((l) => l !== '');
}
