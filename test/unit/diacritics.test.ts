import { describe, expect, it } from 'vitest';
import { removeDiacritics } from '../../main/core/diacritics';

describe('removeDiacritics', () => {
  it('removes diacritics from every Vietnamese vowel', () => {
    expect(removeDiacritics('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ')).toBe(
      'a'.repeat(17) + 'e'.repeat(11) + 'i'.repeat(5) + 'o'.repeat(17) + 'u'.repeat(11) + 'y'.repeat(5) + 'd',
    );
  });

  it('keeps case, spacing and punctuation, composed or decomposed', () => {
    expect(removeDiacritics('ĐĂNG KÝ, Đăng ký.')).toBe('DANG KY, Dang ky.');
    expect(removeDiacritics('Nguye\u0302\u0303n  Thị')).toBe('Nguyen  Thi');
  });
});
