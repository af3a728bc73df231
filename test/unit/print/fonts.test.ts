import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontsDir, loadFonts } from '../../../main/core/print';

const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

// Every Vietnamese letter, lower and upper case: 12 vowels × 6 tones, plus đ/Đ and the plain consonants.
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const vietnamese = [...VOWELS]
  .flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')))
  .concat([...'bcdđghklmnpqrstvx'])
  .flatMap((c) => [c, c.toUpperCase()]);

describe('loadFonts', () => {
  it('finds the bundled Noto Sans next to the module', () => {
    expect(defaultFontsDir()).toMatch(/main[\\/]core[\\/]print[\\/]fonts$/);
    const fonts = loadFonts();
    for (const bytes of [fonts.regular, fonts.bold]) {
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType
    }
    expect(loadFonts()).toBe(fonts); // read once
  });

  it('accepts an override folder and fails clearly when the fonts are missing', () => {
    expect(loadFonts(defaultFontsDir()).regular.length).toBeGreaterThan(100_000);
    expect(() => loadFonts(empty)).toThrow(/Ticket font missing: .*NotoSans-Regular\.ttf/);
  });

  it.each(['regular', 'bold'] as const)('%s has a glyph for every Vietnamese letter', (weight) => {
    const bytes = loadFonts()[weight];
    const font = fontkit.create(Buffer.from(bytes));
    const missing = vietnamese.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(vietnamese.length).toBe((72 + 17) * 2);
    expect(missing).toEqual([]);
    for (const ch of '–·!:') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });

  it('ships the OFL notice beside the fonts', () => {
    const path = join(defaultFontsDir(), 'OFL.txt');
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('Copyright 2012 Google Inc. All Rights Reserved.');
    expect(text).toContain('SIL Open Font License, Version 1.1');
  });
});
