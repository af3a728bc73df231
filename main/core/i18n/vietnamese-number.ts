/**
 * Numbers as words for the voice call-out ("Mời số A mười lăm đến quầy số ba"), 0–9999, in the standard
 * (Northern, broadcast) reading:
 * - 0 alone is "không"; a zero hundreds digit after thousands is "không trăm" (1020 "một nghìn không trăm
 *   hai mươi"), and a zero tens digit before units is "linh" (105 "một trăm linh năm").
 * - 10–19 use "mười" (11 "mười một", 14 "mười bốn", 15 "mười lăm"); 20–99 use "mươi".
 * - After "mươi": 1 is "mốt" (21 "hai mươi mốt"), 4 is "tư" (24 "hai mươi tư"). After "mười" and "linh"
 *   they stay "một" and "bốn" (11 "mười một", 101 "một trăm linh một").
 * - 5 after "mười"/"mươi" is "lăm" (15, 25); elsewhere "năm" (5, 105 "một trăm linh năm", 500).
 * - Thousands are "nghìn" (Northern); the Southern "ngàn" and "lẻ" are not used.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const digit = (d: number): string => DIGITS[d] ?? '';

/** 1–999, with "không trăm"/"linh" when a thousands group precedes it. */
function readGroup(n: number, afterThousands: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  const hasHundreds = hundreds > 0 || afterThousands;
  if (hasHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units === 0) return words;
    if (hasHundreds) words.push('linh');
    words.push(digit(units));
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(digit(units));
  } else {
    words.push(digit(tens), 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(digit(units));
  }
  return words;
}

export function readVietnameseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`readVietnameseNumber handles integers 0–9999, got ${n}`);
  }
  if (n === 0) return 'không';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands > 0) words.push(digit(thousands), 'nghìn');
  if (rest > 0) words.push(...readGroup(rest, thousands > 0));
  return words.join(' ');
}

/**
 * What the hall speaker says for a ticket. Centres announce "Mời khách hàng có số thứ tự A015 đến quầy
 * số 3"; read aloud that is the series letter, then the number as words WITHOUT its leading zeros (a
 * person hears "mười lăm", not "không một năm"), then the counter as words:
 *   callOutText('A015', 3) → "Mời số A mười lăm đến quầy số ba".
 * The letter is left as a letter for the speech engine. Tickets without a letter ("015") read
 * "Mời số mười lăm đến quầy số ba".
 */
export function callOutText(ticketNumber: string, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1 || counter > 9999) {
    throw new RangeError(`Counter must be 1–9999, got ${counter}`);
  }
  const match = /^\s*([\p{L}]*)\s*-?\s*(\d{1,4})\s*$/u.exec(ticketNumber.normalize('NFC'));
  if (!match) throw new RangeError(`Not a ticket number: "${ticketNumber}"`);
  const letters = (match[1] ?? '').toUpperCase();
  const number = readVietnameseNumber(Number.parseInt(match[2] ?? '', 10));
  const who = letters ? `${letters} ${number}` : number;
  return `Mời số ${who} đến quầy số ${readVietnameseNumber(counter)}`;
}
