/**
 * Filling a person in the e-form from a card: a scanned CCCD QR, the MRZ on the back, or the chip.
 *
 * The form names each person's place (`procedure.form.persons[].path`, e.g. `mother`) and that object holds
 * `fullName`, `idNumber`, `birthDate`, `sex`, `address` as far as its schema has them. A fill never
 * overwrites what the person typed without asking: a field that holds something else than the card says,
 * and that was not itself put there by an earlier card, is a conflict for the screen to ask about. Pure.
 */
import type { ChipRead, ParsedScan, Procedure } from '../../../../../preload/api';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type FormData = { [key: string]: Json };
/**
 * The form data as react-jsonschema-form's generics see it: rjsf derives error types recursively from
 * it, which never ends on the recursive `Json` type, so rjsf gets the shallow view.
 */
export type RjsfData = Record<string, unknown>;

/** What a card says about a person, in the form's own terms. */
export interface CardPerson {
  fullName?: string;
  idNumber?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  address?: string;
  /**
   * "Việt Nam" only from what proves citizenship: a CCCD's QR (the card is issued to citizens only, not the
   * "giấy chứng nhận căn cước" of people of Vietnamese origin), an MRZ saying VNM, or the chip's DG13 text.
   */
  nationality?: string;
  /** Dân tộc: only from the chip, read only for a form that asks for it, and put into that form only. */
  ethnicity?: string;
}

export interface CardReading {
  person: CardPerson;
  via: 'cccd-qr' | 'mrz' | 'chip';
  /** The MRZ carries names without diacritics: the screen asks the person to correct them. */
  noDiacritics: boolean;
  /** The chip's data was signed by a known authority and matched its hashes. */
  verified: boolean;
}

const PERSON_KEYS = [
  'fullName',
  'idNumber',
  'birthDate',
  'sex',
  'address',
  'nationality',
  'ethnicity',
] as const;
export type PersonKey = (typeof PERSON_KEYS)[number];

const VIETNAM = 'Việt Nam';

/** Only a person scan fills a form; a receipt code is not a person. */
export function readingFromScan(scan: ParsedScan): CardReading | null {
  switch (scan.kind) {
    case 'cccd-qr': {
      const p = scan.person;
      return {
        person: {
          fullName: p.fullName,
          idNumber: p.idNumber,
          birthDate: p.birthDate,
          sex: p.sex,
          address: p.address,
          nationality: VIETNAM,
        },
        via: 'cccd-qr',
        noDiacritics: false,
        verified: false,
      };
    }
    case 'mrz': {
      const p = scan.person;
      const person: CardPerson = {
        fullName: [p.surname, p.givenNames].filter((s) => s !== '').join(' '),
        birthDate: p.birthDate,
      };
      if (p.idNumber) person.idNumber = p.idNumber;
      if (p.sex !== 'unspecified') person.sex = p.sex;
      if (p.nationality === 'VNM') person.nationality = VIETNAM;
      return { person, via: 'mrz', noDiacritics: true, verified: false };
    }
    case 'dossier-code':
      return null;
  }
}

export function readingFromChip(read: ChipRead): CardReading {
  const p = read.person;
  const person: CardPerson = {
    fullName: p.fullName,
    idNumber: p.idNumber,
    birthDate: p.birthDate,
    sex: p.sex,
    address: p.address,
    nationality: p.nationality,
  };
  // Present only when this form asked the chip for it (formAsksEthnicity).
  if (p.ethnicity) person.ethnicity = p.ethnicity;
  return {
    person,
    via: 'chip',
    noDiacritics: false,
    verified: read.verification === 'verified',
  };
}

// ── the form's schema ──────────────────────────────────────────────────────────────────────────────

type Schema = { [key: string]: unknown };

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) once or a few times; other refs stay as they are. */
export function resolveRef(schema: unknown, root: Schema, depth = 0): Schema | null {
  if (!isObject(schema)) return null;
  const ref = schema.$ref;
  if (typeof ref !== 'string' || depth > 8) return schema;
  const m = /^#\/(definitions|\$defs)\/([^/]+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return schema;
  const defs = root[m[1]];
  return isObject(defs) ? resolveRef(defs[decodeURIComponent(m[2])], root, depth + 1) : null;
}

/** The schema of the person object at `path` in the root schema, or null when the form has none. */
export function slotSchema(root: Schema, path: string): Schema | null {
  const properties = root.properties;
  if (!isObject(properties)) return null;
  return resolveRef(properties[path], root);
}

/**
 * Whether a person on this form has an ethnicity field: only then is the chip asked for it
 * (identity.readChip `readEthnicity`), the data being sensitive.
 */
export function formAsksEthnicity(form: Pick<Procedure['form'], 'schema' | 'persons'>): boolean {
  return form.persons.some((slot) => {
    const schema = slotSchema(form.schema, slot.path);
    return schema !== null && isObject(schema.properties) && schema.properties.ethnicity !== undefined;
  });
}

/** The allowed values of an enum-like schema: `enum`, or `oneOf`/`anyOf` of `const`. */
function allowedValues(schema: Schema): Json[] | null {
  if (Array.isArray(schema.enum)) return schema.enum as Json[];
  const options = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : null;
  if (!options) return null;
  const consts = options.filter(isObject).map((o) => o.const as Json);
  return consts.length > 0 ? consts : null;
}

const SEX_WORDS: Record<'male' | 'female', string[]> = {
  male: ['male', 'nam', 'm'],
  female: ['female', 'nữ', 'nu', 'f'],
};

/** A card value in the form's terms (sex as the form spells it); undefined when the form cannot take it. */
function toSchemaValue(key: PersonKey, value: string, schema: Schema): Json | undefined {
  // A structured address (the address field): the card's text as written; the field reads it into the new
  // units and proposes them (form/AddressField.tsx), so nothing is guessed here.
  if (key === 'address' && schema.type === 'object') return { asWritten: value.trim() };
  const allowed = allowedValues(schema);
  if (key === 'sex') {
    if (!allowed) return value;
    const words = SEX_WORDS[value as 'male' | 'female'] ?? [];
    return allowed.find((a) => typeof a === 'string' && words.includes(a.normalize('NFC').toLowerCase()));
  }
  if (allowed && !allowed.includes(value)) return undefined;
  return value;
}

export interface Conflict {
  key: PersonKey;
  current: Json;
  incoming: Json;
}

/** A card's fill that would replace what the person typed, waiting for their answer. */
export interface PendingConflict {
  path: string;
  reading: CardReading;
  conflicts: Conflict[];
}

export interface FillPlan {
  /** Set now: the field was empty, already equal, or holds what an earlier card put there. */
  values: Partial<Record<PersonKey, Json>>;
  /** Ask first: the person typed something else here. */
  conflicts: Conflict[];
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (isObject(value) && Object.values(value).every((v) => isEmpty(v)));

/**
 * Whether a field holds what a card gives. A structured address is the card's when it keeps the same text
 * as written, whatever commune was chosen for it since.
 */
function same(now: Json | undefined, incoming: Json | undefined): boolean {
  if (now === incoming) return true;
  if (!isObject(now) || !isObject(incoming)) return false;
  return typeof incoming.asWritten === 'string' && now.asWritten === incoming.asWritten;
}

/**
 * What a card reading would change in one person's place. `current` is that place's data now,
 * `fromCard` what earlier card readings put into it (and was not changed since).
 */
export function planFill(
  schema: Schema,
  current: FormData | undefined,
  reading: CardReading,
  fromCard: Partial<Record<PersonKey, Json>> = {},
): FillPlan {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const plan: FillPlan = { values: {}, conflicts: [] };
  for (const key of PERSON_KEYS) {
    const raw = reading.person[key];
    const fieldSchema = resolveRef(properties[key], schema);
    if (raw === undefined || raw === '' || !fieldSchema) continue;
    const incoming = toSchemaValue(key, raw, fieldSchema);
    if (incoming === undefined) continue;
    const now = current?.[key];
    // Already what the card says (an address whose commune was chosen since is kept as it is).
    if (now !== undefined && same(now, incoming)) {
      plan.values[key] = now;
      continue;
    }
    if (isEmpty(now) || (fromCard[key] !== undefined && same(now, fromCard[key])))
      plan.values[key] = incoming;
    else plan.conflicts.push({ key, current: now ?? null, incoming });
  }
  return plan;
}

/** The form data with `values` written into the person object at `path`. */
export function applyFill(data: FormData, path: string, values: Partial<Record<PersonKey, Json>>): FormData {
  const existing = data[path];
  const slot: FormData = isObject(existing) ? { ...(existing as FormData) } : {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) slot[key] = value;
  return { ...data, [path]: slot };
}

/**
 * A fill taken back ("Không phải người nộp"): each field the card set returns to what it held before,
 * unless it was changed since (then the person's own edit stays).
 */
export function undoFill(
  data: FormData,
  path: string,
  filled: Partial<Record<PersonKey, Json>>,
  before: FormData,
): FormData {
  const existing = data[path];
  if (!isObject(existing)) return data;
  const slot: FormData = {};
  for (const [key, now] of Object.entries(existing as FormData)) {
    const card = filled[key as PersonKey];
    if (card === undefined || !same(now, card)) slot[key] = now;
    else if (before[key] !== undefined) slot[key] = before[key];
  }
  return { ...data, [path]: slot };
}

/** The rjsf id of a field in the form (idPrefix `root`, separator `_`): `mother.fullName` → `root_mother_fullName`. */
export function fieldId(path: string): string {
  return ['root', ...path.split('.').filter((p) => p !== '')].join('_');
}

// The English e-form lives in localise.ts; re-exported for the screens that import it from here.
export { localiseSchema, localiseUiSchema } from './localise';
