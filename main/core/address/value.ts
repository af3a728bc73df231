import type { StructuredAddress } from '../../../preload/api';

/**
 * An address as a form's data holds it. Since the 2025 reform the e-forms store it structured
 * (`StructuredAddressSchema`: street, the new commune and province with their codes, the composed
 * `text`, and the card's own text as `asWritten`); dossiers submitted before hold the plain string the
 * citizen typed or the card gave, and keep it (their receipt is printed). Every reader that shows an
 * address (receipt, staff views, portal) goes through `addressOf`, so both read the same way.
 */

/** What to show of an address: the text, and the card's old text where it differs from it. */
export interface AddressShown {
  text: string;
  /** The address as the card wrote it (before 1 July 2025), when it is not the text shown. */
  onCard: string | null;
}

/** The label of the card's text beside the new address (receipt, staff views). */
export const ON_CARD_LABEL = { vi: 'Địa chỉ trên thẻ', en: 'Address on the card' } as const;

const trimmed = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Compared without case, spacing or Unicode form: "12 Hàng Bạc" typed twice is one address. */
const same = (a: string, b: string): boolean =>
  a.normalize('NFC').replace(/\s+/g, ' ').toLowerCase() ===
  b.normalize('NFC').replace(/\s+/g, ' ').toLowerCase();

/** A structured address (complete or not, as a draft may hold it): an object with a text or a commune. */
export function isAddressObject(value: unknown): value is Partial<StructuredAddress> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return ['text', 'communeCode', 'street', 'asWritten'].some((k) => typeof v[k] === 'string');
}

/** "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội": the parts there are, comma-separated. */
export function composeAddressText(parts: { street?: string; commune?: string; province?: string }): string {
  return [parts.street, parts.commune, parts.province]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(', ');
}

/**
 * The address of a data value, old string or new object; null when there is none. An object's text is
 * its `text`, else composed from its parts (a draft saved half-way); `onCard` is its `asWritten` when
 * that says something else.
 */
export function addressOf(value: unknown): AddressShown | null {
  const plain = trimmed(value);
  if (plain !== null) return { text: plain, onCard: null };
  if (!isAddressObject(value)) return null;
  const asWritten = trimmed(value.asWritten);
  const composed = composeAddressText({
    street: value.street,
    commune: value.commune,
    province: value.province,
  });
  const text = trimmed(value.text) ?? trimmed(composed) ?? asWritten;
  if (text === null) return null;
  return { text, onCard: asWritten !== null && !same(asWritten, text) ? asWritten : null };
}

/** One line for a list or a log: "<text> (Địa chỉ trên thẻ: <old>)" where the card differs. */
export function addressLine(value: unknown, language: 'vi' | 'en' = 'vi'): string | null {
  const a = addressOf(value);
  if (!a) return null;
  return a.onCard === null ? a.text : `${a.text} (${ON_CARD_LABEL[language]}: ${a.onCard})`;
}
