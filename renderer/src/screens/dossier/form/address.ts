/**
 * The address widget's decisions, without React: the structured address the e-forms store (province →
 * commune → house number and street, with the text composed from them), and what to propose once the
 * address written on a card (or typed in its old form) has been read by `address.resolve`.
 *
 * A proposal is never a silent guess: one candidate is filled and the screen says so; several (an old
 * commune split between new ones) are a choice the citizen makes; none opens the pickers, on the province
 * when the text named one we have.
 */
import type {
  AddressAnswer,
  AddressCandidate,
  CommuneHit,
  StructuredAddress,
} from '../../../../../preload/api';
import type { FormData, Json } from '../lib/persons';

/** What the field holds while it is being filled: any part may still be missing. */
export type AddressValue = Partial<StructuredAddress>;

export interface Province {
  code: string;
  name: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The field's value as the widget reads it. A plain string (a draft saved before addresses were
 * structured) is read as an address written the old way, so the widget proposes its new commune.
 */
export function readAddress(value: unknown): AddressValue {
  if (typeof value === 'string') return value.trim() === '' ? {} : { asWritten: value.trim() };
  if (!isRecord(value)) return {};
  const out: AddressValue = {};
  for (const key of [
    'street',
    'communeCode',
    'commune',
    'province',
    'provinceCode',
    'text',
    'asWritten',
  ] as const) {
    const v = value[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

/** "<street>, <commune>, <province>", leaving out the parts not given yet. */
export function composeText(value: AddressValue): string {
  return [value.street, value.commune, value.province]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * The value with its text composed again and no empty keys (so `required` reads what is missing), but
 * always a street: the schema lets it be empty (a hamlet may have no house number).
 */
function finish(value: AddressValue): AddressValue {
  const out: AddressValue = { street: '' };
  for (const [key, v] of Object.entries(value) as [keyof AddressValue, string | undefined][])
    if (key !== 'text' && v !== undefined && v !== '') out[key] = v;
  const text = composeText(out);
  if (text !== '') out.text = text;
  return out;
}

/** Another province: the commune chosen in the old one no longer applies. */
export function withProvince(value: AddressValue, province: Province | null): AddressValue {
  if (province === null) return finish({ street: value.street, asWritten: value.asWritten });
  if (province.code === value.provinceCode) return value;
  return finish({
    street: value.street,
    asWritten: value.asWritten,
    province: province.name,
    provinceCode: province.code,
  });
}

/** A commune chosen from the list (or a candidate): it names its province too. */
export function withCommune(value: AddressValue, commune: CommuneHit): AddressValue {
  return finish({
    ...value,
    communeCode: commune.code,
    commune: commune.name,
    province: commune.province,
    provinceCode: commune.provinceCode,
  });
}

export function withStreet(value: AddressValue, street: string): AddressValue {
  return finish({ ...value, street });
}

/** An old address typed or read from a card: it is kept as written, and what was chosen before is cleared. */
export function withWritten(value: AddressValue, asWritten: string): AddressValue {
  return finish({ street: value.street, asWritten: asWritten.trim() });
}

export const isComplete = (value: AddressValue): boolean =>
  Boolean(value.communeCode && value.provinceCode && value.commune && value.province);

/** Folded for comparing names: no diacritics, đ as d, lower case, no "Tỉnh"/"Thành phố", single spaces. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/^\s*(tinh|thanh pho|tp)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The province of the list a written name means, if any. */
export function matchProvince(name: string | null, provinces: readonly Province[]): Province | null {
  if (name === null || name.trim() === '') return null;
  const folded = foldName(name);
  return provinces.find((p) => foldName(p.name) === folded) ?? null;
}

export type Proposal =
  /** One new commune: filled, and the screen says so. */
  | { kind: 'one'; candidate: AddressCandidate; street: string | null }
  /** The old commune was split (or the name is shared): the citizen chooses. */
  | { kind: 'choose'; candidates: AddressCandidate[]; street: string | null }
  /** Nothing found: the pickers, on the province the text named when we have it. */
  | { kind: 'pick'; province: Province | null; street: string | null };

export function proposalOf(answer: AddressAnswer, provinces: readonly Province[]): Proposal {
  const street = answer.parts.street?.trim() || null;
  const [only, ...more] = answer.candidates;
  if (only && more.length === 0) return { kind: 'one', candidate: only, street };
  if (only) return { kind: 'choose', candidates: answer.candidates, street };
  return { kind: 'pick', province: matchProvince(answer.parts.province, provinces), street };
}

/** The value a proposal's candidate gives: the card's text kept, the street from it when none was typed. */
export function acceptCandidate(
  value: AddressValue,
  candidate: CommuneHit,
  street: string | null,
): AddressValue {
  return withCommune({ ...value, street: value.street || street || undefined }, candidate);
}

/**
 * What the widget does by itself once the answer is in: fill the single candidate, or open the province,
 * but only while nothing is chosen (the citizen's own choice is never replaced).
 */
export function automaticValue(value: AddressValue, proposal: Proposal): AddressValue | null {
  if (value.communeCode) return null;
  if (proposal.kind === 'one') return acceptCandidate(value, proposal.candidate, proposal.street);
  if (proposal.kind === 'pick' && proposal.province && !value.provinceCode) {
    const next = withProvince(value, proposal.province);
    return proposal.street && !value.street ? withStreet(next, proposal.street) : next;
  }
  return null;
}

/** A value as one line for a question (a conflict with a card): an address by its text, others as they are. */
export function addressLine(value: unknown): string {
  if (!isRecord(value)) return value === null || value === undefined ? '' : String(value as string);
  const v = readAddress(value);
  return v.text ?? v.asWritten ?? '';
}

/**
 * The form data without the empty objects rjsf puts inside a group for a required object field (an
 * address nobody has touched: `{ cha: { address: {} } }`). Such an object is nothing typed, but it made an
 * optional person's block count as begun (`if: { minProperties: 1 }`) and every field of it required.
 * The groups themselves (`tre: {}`) stay: their fields are each marked when missing.
 */
export function withoutEmptyParts(data: FormData): FormData {
  const prune = (value: Json): Json | undefined => {
    if (!isRecord(value)) return value;
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = prune(v);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  };
  const out: FormData = {};
  for (const [key, group] of Object.entries(data)) {
    if (!isRecord(group)) {
      out[key] = group;
      continue;
    }
    const kept: { [key: string]: Json } = {};
    for (const [field, v] of Object.entries(group)) {
      const p = prune(v);
      if (p !== undefined) kept[field] = p;
    }
    out[key] = kept;
  }
  return out;
}
