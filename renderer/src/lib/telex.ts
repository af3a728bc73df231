/**
 * Telex input for the on-screen Vietnamese keyboard: a pure function of (current word, key).
 *
 *   aa â   aw ă   ee ê   oo ô   ow ơ   uw ư   uow ươ   dd đ   w alone ư
 *   s sắc  f huyền  r hỏi  x ngã  j nặng  z removes the tone
 *
 * Typing is free-order, as in Unikey: "nguyeenx", "nguyenxe" and "nguyeexn" all give "nguyễn", because
 * the word is kept as letters plus one tone and the tone is placed again after every key. Pressing a mark
 * key a second time undoes it and types the letter ("ass" → "as", "aaa" → "aa", "ddd" → "dd").
 *
 * A key only transforms a word that can still be Vietnamese (a known initial consonant, vowels, a known
 * final); otherwise it is typed as is, so "class", "Anna" or an email stay untouched.
 *
 * Tone placement: on the vowel carrying a mark (ươ → ơ, uyê → ê, iê → ê); else on the last vowel when a
 * final consonant follows (hoàn, huỳnh); else on the middle one of three (ngoài, khuỷu) or the first of
 * two (mái, múa, mía). The u of "qu" and the i of "gi" + vowel belong to the consonant (quá, già). The
 * one point of dispute, open "oa", "oe", "uy", is the `toneStyle` option:
 *   - 'classic' (default) hòa, khỏe, thúy: the spelling of the administrative unit list, the procedure
 *     catalogue on dichvucong.gov.vn and the population database, so typed names and places match the
 *     records they are compared with (e.g. "Thanh Hóa", "Khánh Hòa").
 *   - 'modern' hoà, khoẻ, thuý: the main-vowel rule of the Ministry of Education's spelling rules for
 *     textbooks (Quyết định 1989/QĐ-BGDĐT, 2018).
 *
 * "uơ" versus "ươ": no Vietnamese syllable ends in "ươ", while thuở, huơ do end in "uơ". After h, th, kh
 * with nothing after the pair the word shows "uơ" (thuowr → thuở); any following letter turns it back
 * into "ươ" (huow + ng → hương).
 */

export type ToneStyle = 'classic' | 'modern';
export interface TelexOptions {
  toneStyle?: ToneStyle;
}

type Shape = '' | 'circ' | 'breve' | 'horn';
type Tone = '' | 's' | 'f' | 'r' | 'x' | 'j';

interface Letter {
  base: string; // a–z or đ, lower case
  shape: Shape;
  upper: boolean;
}

const SHAPE_MARK: Record<Shape, string> = { '': '', circ: '\u0302', breve: '\u0306', horn: '\u031b' };
const TONE_MARK: Record<Tone, string> = {
  '': '',
  s: '\u0301',
  f: '\u0300',
  r: '\u0309',
  x: '\u0303',
  j: '\u0323',
};
const MARK_SHAPE = new Map<string, Shape>([
  ['\u0302', 'circ'],
  ['\u0306', 'breve'],
  ['\u031b', 'horn'],
]);
const MARK_TONE = new Map<string, Tone>([
  ['\u0301', 's'],
  ['\u0300', 'f'],
  ['\u0309', 'r'],
  ['\u0303', 'x'],
  ['\u0323', 'j'],
]);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const INITIALS = new Set(
  [
    '',
    'b',
    'c',
    'ch',
    'd',
    'đ',
    'g',
    'gh',
    'gi',
    'h',
    'k',
    'kh',
    'l',
    'm',
    'n',
    'ng',
    'ngh',
    'nh',
    'p',
    'ph',
  ].concat(['q', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']),
);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
const TONE_KEYS = new Set(['s', 'f', 'r', 'x', 'j']);

/** One letter of a word: base, vowel shape and tone read from the NFD form (đ has no decomposition). */
function decompose(ch: string): { letter: Letter; tone: Tone } | null {
  const lower = ch.toLowerCase();
  const nfd = lower.normalize('NFD');
  const base = nfd[0] ?? '';
  if (!/^[a-zđ]$/.test(base)) return null;
  let shape: Shape = '';
  let tone: Tone = '';
  for (const mark of nfd.slice(1)) {
    const s = MARK_SHAPE.get(mark);
    const t = MARK_TONE.get(mark);
    if (s) shape = s;
    else if (t) tone = t;
    else return null;
  }
  return { letter: { base, shape, upper: ch !== lower }, tone };
}

function render(letters: readonly Letter[], tone: Tone, toneAt: number): string {
  return letters
    .map((l, i) => {
      const text = (l.base + SHAPE_MARK[l.shape] + (i === toneAt ? TONE_MARK[tone] : '')).normalize('NFC');
      return l.upper ? text.toUpperCase() : text;
    })
    .join('');
}

interface Syllable {
  initial: string;
  /** The vowel letters (the same objects as in the word, so shaping them shapes the word). */
  vowels: Letter[];
  /** Index of the first vowel in the word. */
  start: number;
  final: string;
  valid: boolean;
}

const plain = (letters: readonly Letter[]) => letters.map((l) => l.base).join('');

/** Splits a word into initial consonant, vowel nucleus and final consonant. */
function analyse(letters: Letter[]): Syllable {
  const isVowel = (i: number) => VOWELS.has(letters[i]?.base ?? '');
  let i = 0;
  while (i < letters.length && !isVowel(i)) i++;
  let start = i;
  // "qu" + vowel and "gi" + vowel: the u and the i are part of the consonant.
  const head = plain(letters.slice(0, i));
  const next = letters[i];
  if (head === 'q' && next?.base === 'u' && next.shape === '' && isVowel(i + 1)) start = i + 1;
  if (head === 'g' && next?.base === 'i' && isVowel(i + 1)) start = i + 1;
  let end = start;
  while (end < letters.length && isVowel(end)) end++;
  const vowels = letters.slice(start, end);
  const final = plain(letters.slice(end));
  const initial = plain(letters.slice(0, start));
  const valid = INITIALS.has(initial) && FINALS.has(final) && (final === '' || vowels.length > 0);
  return { initial, vowels, start, final, valid };
}

/** Index in the word of the vowel that carries the tone, -1 when there is none. */
function tonePosition(s: Syllable, style: ToneStyle): number {
  const v = s.vowels;
  if (v.length === 0) return -1;
  let j = v.findLastIndex((l) => l.shape !== '');
  if (j < 0) {
    if (s.final !== '') j = v.length - 1;
    else if (v.length === 1) j = 0;
    else if (v.length >= 3) j = 1;
    else j = style === 'modern' && ['oa', 'oe', 'uy'].includes(plain(v)) ? 1 : 0;
  }
  return s.start + j;
}

/** ươ ↔ uơ: see the file comment. Mutates the horn of the u. */
function settleUo(letters: Letter[]): void {
  const s = analyse(letters);
  const v = s.vowels;
  for (let k = 0; k + 1 < v.length; k++) {
    const u = v[k];
    const o = v[k + 1];
    if (u?.base !== 'u' || o?.base !== 'o' || o.shape !== 'horn') continue;
    const open = k + 2 === v.length && s.final === '';
    u.shape = open && ['h', 'th', 'kh'].includes(s.initial) ? '' : 'horn';
  }
}

function parseWord(word: string): { letters: Letter[]; tone: Tone } | null {
  const letters: Letter[] = [];
  let tone: Tone = '';
  for (const ch of word.normalize('NFC')) {
    const d = decompose(ch);
    if (!d) return null;
    letters.push(d.letter);
    if (d.tone && !tone) tone = d.tone;
  }
  return { letters, tone };
}

const typed = (word: string, key: string) => word + key;

/**
 * The word after one more key. `word` is what the keyboard shows for the word being typed (letters
 * only); a key that is not a letter is simply added, and the keyboard starts a new word after it.
 */
export function applyKey(word: string, key: string, options: TelexOptions = {}): string {
  const style = options.toneStyle ?? 'classic';
  const k = key.toLowerCase();
  const parsed = parseWord(word);
  if (!parsed || !/^[a-z]$/.test(k)) return typed(word, key);
  const { letters } = parsed;
  let tone = parsed.tone;
  const s = analyse(letters);
  const upper = key !== k;
  const done = () => {
    settleUo(letters);
    return render(letters, tone, tonePosition(analyse(letters), style));
  };
  const literal = () => {
    // Undo: the mark goes and the key is typed as a plain letter.
    letters.push({ base: k, shape: '', upper });
    return done();
  };
  if (!s.valid) return typed(word, key);
  const nucleus = s.vowels;

  if (TONE_KEYS.has(k) || k === 'z') {
    if (nucleus.length === 0) return typed(word, key);
    if (k === 'z') {
      if (!tone) return typed(word, key);
      tone = '';
      return done();
    }
    if (tone === k) {
      tone = '';
      return literal();
    }
    // A syllable ending in c, ch, p, t takes only sắc or nặng.
    if (STOP_FINALS.has(s.final) && k !== 's' && k !== 'j') return typed(word, key);
    tone = k as Tone;
    return done();
  }

  if (k === 'd') {
    const first = letters[0];
    if (s.initial === 'd' && first) {
      first.base = 'đ';
      return done();
    }
    if (s.initial === 'đ' && first) {
      first.base = 'd';
      return literal();
    }
    return typed(word, key);
  }

  if (k === 'a' || k === 'e' || k === 'o') {
    const target = [...nucleus].reverse().find((l) => l.base === k);
    if (!target) return append(letters, k, upper, done);
    if (target.shape === 'circ') {
      target.shape = '';
      return literal();
    }
    target.shape = 'circ';
    return done();
  }

  if (k === 'w') {
    const targets = hornTargets(nucleus);
    const last = targets.at(-1);
    if (!last) {
      if (nucleus.length > 0 || s.final !== '') return typed(word, key);
      letters.push({ base: 'u', shape: 'horn', upper }); // "w" alone, "nhw" → "như"
      return done();
    }
    const shapeOf = (l: Letter): Shape => (l.base === 'a' ? 'breve' : 'horn');
    // The pair u-o counts as done when the o has its horn (the u may show plain, as in "thuơ").
    const already = last.shape === shapeOf(last);
    for (const t of targets) t.shape = already ? '' : shapeOf(t);
    return already ? literal() : done();
  }

  return append(letters, k, upper, done);
}

/** What "w" shapes in a nucleus: u+o together; else the u of "ua" (mưa); else a, o or u. */
function hornTargets(nucleus: readonly Letter[]): Letter[] {
  const pairs = nucleus.slice(1).map((second, i) => [nucleus[i], second] as const);
  for (const [first, second] of pairs) if (first?.base === 'u' && second.base === 'o') return [first, second];
  for (const [first, second] of pairs) if (first?.base === 'u' && second.base === 'a') return [first];
  for (const base of ['a', 'o', 'u']) {
    const hit = nucleus.find((l) => l.base === base);
    if (hit) return [hit];
  }
  return [];
}

function append(letters: Letter[], k: string, upper: boolean, done: () => string): string {
  letters.push({ base: k, shape: '', upper });
  return done();
}

/** Whole text through Telex, key by key; anything that is not a letter ends a word. */
export function telex(keys: string, options: TelexOptions = {}): string {
  let out = '';
  let word = '';
  for (const key of keys.normalize('NFC')) {
    if (parseWord(key) === null) {
      out += word + key;
      word = '';
    } else {
      // A ready-made Vietnamese letter (pasted, or from a long-press key) is added as it is.
      word = /^[A-Za-z]$/.test(key) ? applyKey(word, key, options) : word + key;
    }
  }
  return out + word;
}
