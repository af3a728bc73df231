import { addressOf } from '../address/value';
import type { FormData, Procedure } from './types';

/**
 * Who filed the dossier, for the receipt, the lookup (masked) and the staff's day list.
 *
 * The e-form names its people through `procedure.form.persons` (slots a CCCD scan can fill, each an
 * object `{ fullName, idNumber, address, … }`). The applicant is:
 *   1. `nguoiYeuCau` ("người yêu cầu", the requester), when the form has it;
 *   2. else the first person slot with a name and an ID number: in a birth registration the first slot
 *      may be the child, who has no ID yet, while the parent filing it has one;
 *   3. else the first person slot with a name;
 *   4. else nobody known (the receipt leaves the name blank rather than guess).
 */

export interface Applicant {
  fullName: string;
  idNumber: string | null;
  /** The address's text: a structured address's composed text, or the string a dossier filed before held. */
  address: string | null;
  /** The card's old text of the address (before 1 July 2025), where it differs from `address`. */
  addressOnCard: string | null;
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD, as the e-form stores it; the lookup's second factor (lookup.ts). */
  birthDate: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const isoDay = (value: unknown): string | null => {
  const day = text(value);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
};

function person(value: unknown): Applicant | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const p = value as Record<string, unknown>;
  const fullName = text(p.fullName);
  if (!fullName) return null;
  const id = text(p.idNumber);
  const address = addressOf(p.address);
  return {
    fullName,
    idNumber: id && /^\d{9,12}$/.test(id) ? id : null,
    address: address?.text ?? null,
    addressOnCard: address?.onCard ?? null,
    phone: text(p.phone),
    email: text(p.email),
    birthDate: isoDay(p.birthDate),
  };
}

export function extractApplicant(procedure: Procedure, data: FormData): Applicant | null {
  const requester = person(data.nguoiYeuCau);
  if (requester) return requester;
  const people = procedure.form.persons.map((slot) => person(data[slot.path])).filter((p) => p !== null);
  return people.find((p) => p.idNumber !== null) ?? people[0] ?? null;
}
