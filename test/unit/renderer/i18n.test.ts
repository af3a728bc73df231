import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';
import { createI18n } from '../../../renderer/src/i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('renderer i18n resources', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('vi and en have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('every message is non-empty and uses the same {{variables}} in both languages', () => {
    for (const [key, text] of viLeaves) {
      const other = enLeaves.get(key) ?? '';
      expect(text.trim(), `vi ${key}`).not.toBe('');
      expect(other.trim(), `en ${key}`).not.toBe('');
      expect(variables(other), key).toEqual(variables(text));
    }
  });

  it('the network error is the exact Vietnamese text the issue asks for', () => {
    expect(vi.errors.network).toBe(
      'Không kết nối được với máy chủ của ki-ốt. Vui lòng thử lại hoặc báo nhân viên.',
    );
  });

  it('the language toggle names the other language, in that language', () => {
    expect(vi.lang.switchTo).toBe('English');
    expect(vi.lang.switchToCode).toBe('en');
    expect(en.lang.switchTo).toBe('Tiếng Việt');
    expect(en.lang.switchToCode).toBe('vi');
  });

  it('interpolates and pluralises the idle countdown in both languages', async () => {
    const i18n = createI18n('vi');
    expect(i18n.t('idle.countdown', { count: 12 })).toBe('Màn hình sẽ trở về trang chủ sau 12 giây');
    await i18n.changeLanguage('en');
    expect(i18n.t('idle.countdown', { count: 1 })).toBe(
      'The screen will return to the home page in 1 second',
    );
    expect(i18n.t('idle.countdown', { count: 5 })).toBe(
      'The screen will return to the home page in 5 seconds',
    );
  });
});
