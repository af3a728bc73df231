/**
 * Folding Vietnamese text for search: people type "dang ky khai sinh" on a keyboard without Telex as
 * often as "Đăng ký khai sinh", so both must meet on the same letters. NFD splits every accented letter
 * into its base and combining marks, which are dropped; đ is a letter of its own in Unicode (no
 * decomposition), so it is mapped to d by hand.
 */
export function fold(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      // Keep dots only between digits, so procedure codes such as 1.001193 stay one word.
      .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .trim()
  );
}

/** The folded words of a text, in order. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}
