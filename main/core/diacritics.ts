/**
 * Vietnamese without its diacritics, case kept: "Nộp phí hồ sơ Đăng ký" → "Nop phi ho so Dang ky". The one
 * fold behind catalogue search (main/core/catalogue/fold.ts, which adds lower case, word breaks and its
 * i/y spelling on top) and the VietQR transfer note (main/core/payment/vietqr.ts, which must carry the
 * letters as written: banking apps and NAPAS expect plain ASCII). NFD splits every accented letter into
 * its base and non-spacing marks, which are dropped; đ is a letter of its own in Unicode (no
 * decomposition), so it is mapped to d by hand.
 */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
