import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/src/i18n';
import { levelText } from '../../../../renderer/src/screens/dossier/text';

/**
 * Nghị định 42/2022/NĐ-CP replaced "mức độ 3/4" with "dịch vụ công trực tuyến một phần / toàn trình"
 * (issue 23: the catalogue showed "Mức độ 3" beside "Toàn trình (mức độ 4)"). The citizen's catalogue and
 * procedure page use the current terms only, in both languages.
 */
describe('online service terms (Nghị định 42/2022)', () => {
  it('names both kinds with the current terms, never the old levels', () => {
    const vi = createI18n('vi');
    expect(levelText(vi.t, 4)).toBe('Dịch vụ công trực tuyến toàn trình');
    expect(levelText(vi.t, 3)).toBe('Dịch vụ công trực tuyến một phần');
    expect(vi.t('dossier.info.level')).not.toMatch(/mức độ/i);
    const en = createI18n('en');
    expect(levelText(en.t, 4)).toBe('Full online public service');
    expect(levelText(en.t, 3)).toBe('Partial online public service');
    expect(en.t('dossier.info.level')).not.toMatch(/level/i);
  });
});
