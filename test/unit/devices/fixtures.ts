import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a capture from test/fixtures/hid: one report per line, hex bytes, `#` comments. */
export function readReports(name: string): Uint8Array[] {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'hid', name), 'utf8');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => Uint8Array.from(l.split(/\s+/).map((b) => parseInt(b, 16))));
}
