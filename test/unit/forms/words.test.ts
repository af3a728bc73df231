import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FORM_WORDS,
  FormWordsOverrideSchema,
  fill,
  loadFonts,
  loadFormWords,
  receiptFacts,
  sampleReceipt,
  supplementPdf,
} from '../../../main/core/print';
import { readBack, supplement } from './fixtures';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder holding `paperwork.json` with `content` (a string is written as it is). */
function dataDir(content?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperwork-'));
  dirs.push(dir);
  if (content !== undefined) {
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    writeFileSync(join(dir, 'paperwork.json'), text);
  }
  return dir;
}

describe('forms’ words: one template, corrected by paperwork.json', () => {
  it('uses the defaults without a file', () => {
    expect(loadFormWords(dataDir())).toBe(FORM_WORDS);
  });

  it('prints a centre’s corrected Mẫu 02 title, keeping every other default', async () => {
    const words = loadFormWords(dataDir({ supplement: { title: 'PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ' } }));
    expect(words.supplement.request).toBe(FORM_WORDS.supplement.request);
    expect(words.common).toEqual(FORM_WORDS.common);
    const out = readBack(await supplementPdf(supplement(), { fonts: loadFonts(), words }), 'words-title');
    expect(out).toContain('PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ');
    expect(out).not.toContain(FORM_WORDS.supplement.title);
  });

  it('lets a correction move a placeholder, not drop one', () => {
    const words = loadFormWords(dataDir({ common: { placeDate: 'Ngày {day}/{month}/{year}, tại {place}' } }));
    expect(receiptFacts(sampleReceipt(), words).placeDate).toBe('Ngày 23/11/2026, tại Hà Nội');
  });

  it.each([
    [{ supplement: { titel: 'X' } }, 'supplement', /titel/],
    [{ common: { page: 'Trang {page}' } }, 'common.page', /\{page\}, \{pages\}/],
    [{ receipt: { copies: '{copies} bản {extra}' } }, 'receipt.copies', /\{copies\}/],
    [{ statuses: { received: 3 } }, 'statuses.received', /string/],
    [{ control: { columns: 'Bên giao' } }, 'control.columns', /object/],
  ])('refuses %j, naming the file and the field in Vietnamese then English', (override, path, detail) => {
    const dir = dataDir(override);
    let message = '';
    try {
      loadFormWords(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    const file = join(dir, 'paperwork.json');
    expect(message).toContain(`Tệp mẫu giấy tờ ${file} không hợp lệ ở mục "${path}"`);
    expect(message).toContain(`${file} is invalid at "${path}"`);
    expect(message.indexOf('Tệp mẫu')).toBeLessThan(message.indexOf('is invalid'));
    expect(message, message).toMatch(detail);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const dir = dataDir('{ "supplement": ');
    expect(() => loadFormWords(dir)).toThrow(`Không đọc được tệp mẫu giấy tờ ${join(dir, 'paperwork.json')}`);
  });

  it('checks every string of the defaults (the schema is built from them)', () => {
    expect(FormWordsOverrideSchema.safeParse(FORM_WORDS).success).toBe(true);
    expect(FormWordsOverrideSchema.safeParse({}).success).toBe(true);
  });

  it('fills named placeholders and refuses to print one left without a value', () => {
    expect(fill('Trang {page}/{pages}', { page: 1, pages: 2 })).toBe('Trang 1/2');
    expect(() => fill('Mã hồ sơ: {code}', {})).toThrow(/\{code\}/);
  });
});
