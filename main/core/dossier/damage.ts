import { z } from 'zod';
import { LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH, ProcedureSchema } from '../../../preload/api';
import { KioskFailure, kioskError } from '../errors';
import type { Contact, Delivery, Procedure } from './types';

/**
 * A dossier row whose stored text no longer reads back as it was written: bit rot, a bad sector, a copy
 * cut short. `PRAGMA integrity_check` looks at pages, cells and indexes, not at what a TEXT column says,
 * so a few changed bytes inside `procedure_json` (or `data_json`, `delivery_json`, `contact_json`, a
 * date) pass it. Such a row must cost that one dossier, never a list: each row is read on its own here,
 * and what cannot be read is named, so lists mark the dossier, a read of it answers `dossier-damaged`,
 * and staff get one critical alert naming its code.
 */

/** The part of a row that did not read back: its column. */
export type DamagedPart =
  | 'procedure_json'
  | 'data_json'
  | 'delivery_json'
  | 'contact_json'
  | 'received_at'
  | 'due_date'
  | 'lookup_secret';

/** The JSON columns as read back, each checked against the shape it was written in. */
export interface DossierParts {
  procedure: Procedure;
  data: Record<string, unknown>;
  delivery: Delivery;
  contact: Contact;
}

/** The columns `readRow` looks at (a `DossierRow` has them all). */
export interface StoredRow {
  id: string;
  status: string;
  procedureJson: string;
  dataJson: string;
  deliveryJson: string;
  contactJson: string;
  receivedAt: string | null;
  dueDate: string | null;
  lookupSecret: string | null;
}

/**
 * The procedure as `drafts.create` stored it (the catalogue's, checked by `ProcedureSchema`). The form's
 * JSON Schema and UI hints are any JSON object: `JSON.parse` cannot make anything else, and walking them
 * again with `z.json()` cost more than the rest of the check. A field added to `ProcedureSchema` later
 * must come with a default (as `conditionEn` does), or dossiers filed before it read as damaged.
 */
const StoredProcedure = ProcedureSchema.extend({
  form: ProcedureSchema.shape.form.extend({
    schema: z.record(z.string(), z.unknown()),
    uiSchema: z.record(z.string(), z.unknown()),
  }),
});

/**
 * Delivery and contact as stored: their shape only. Their formats (a complete address, a phone's digits)
 * are the completeness check's to judge (check.ts), in words the citizen can act on; a draft that is
 * merely incomplete is not damaged.
 */
const StoredDelivery = z.discriminatedUnion('method', [
  z.object({ method: z.literal('counter') }),
  z.object({
    method: z.literal('post'),
    address: z.object({
      recipient: z.string(),
      street: z.string(),
      ward: z.string(),
      province: z.string(),
      phone: z.string(),
    }),
  }),
]);
const StoredContact = z.object({ phone: z.string().optional(), email: z.string().optional() });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A due date as stored (`YYYY-MM-DD`), as the contract's answers carry it. */
export const isDay = (text: string): boolean => DAY.test(text);
/** U+FFFD, what bytes that are not UTF-8 read back as. */
const REPLACEMENT = '\uFFFD';
const SECRET = new RegExp(`^[${LOOKUP_SECRET_ALPHABET}]{${LOOKUP_SECRET_LENGTH}}$`);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function json(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * What a person typed (form, delivery, contact): never holds U+FFFD, which `checkPlainText` refuses
 * (sanitize.ts). Bytes changed inside a word are mostly no longer UTF-8 and read back as U+FFFD, though
 * the JSON still parses; so it is the mark of text changed on disk. (Damage that leaves valid UTF-8 and
 * valid JSON with the right shape, a letter for a letter, cannot be told from what was typed.) The
 * procedure is the catalogue's, not typed here, so it is held to its schema only.
 */
function typed(text: string): { ok: true; value: unknown } | { ok: false } {
  return text.includes(REPLACEMENT) ? { ok: false } : json(text);
}

export type RowReading = { ok: true; parts: DossierParts } | { ok: false; part: DamagedPart };

/** Each row object is read once, however many helpers ask (rows are fresh objects from each query). */
const readings = new WeakMap<StoredRow, RowReading>();

function read(row: StoredRow): RowReading {
  if (row.status === 'submitted') {
    if (row.receivedAt === null || Number.isNaN(Date.parse(row.receivedAt)))
      return { ok: false, part: 'received_at' };
    if (row.dueDate === null || !DAY.test(row.dueDate)) return { ok: false, part: 'due_date' };
    if (row.lookupSecret !== null && !SECRET.test(row.lookupSecret))
      return { ok: false, part: 'lookup_secret' };
  }
  const procedureText = json(row.procedureJson);
  const procedure = procedureText.ok ? StoredProcedure.safeParse(procedureText.value) : null;
  if (!procedure?.success) return { ok: false, part: 'procedure_json' };
  const typedParts = readTyped(row);
  if (!typedParts.ok) return typedParts;
  // Only the form's schema and hints are typed looser than `Procedure`, and they are JSON (above).
  return { ok: true, parts: { ...typedParts.parts, procedure: procedure.data as Procedure } };
}

/**
 * The parts a person typed (form, delivery, contact), checked as `readRow` checks them: also what sync
 * sends to the portal (main/core/sync/payload.ts), so a dossier is damaged for both or for neither.
 */
export function readTyped(
  row: Pick<StoredRow, 'dataJson' | 'deliveryJson' | 'contactJson'>,
):
  | { ok: true; parts: Omit<DossierParts, 'procedure'> }
  | { ok: false; part: 'data_json' | 'delivery_json' | 'contact_json' } {
  const data = typed(row.dataJson);
  if (!data.ok || !isRecord(data.value)) return { ok: false, part: 'data_json' };
  const deliveryText = typed(row.deliveryJson);
  const delivery = deliveryText.ok ? StoredDelivery.safeParse(deliveryText.value) : null;
  if (!delivery?.success) return { ok: false, part: 'delivery_json' };
  const contactText = typed(row.contactJson);
  const contact = contactText.ok ? StoredContact.safeParse(contactText.value) : null;
  if (!contact?.success) return { ok: false, part: 'contact_json' };
  return { ok: true, parts: { data: data.value, delivery: delivery.data, contact: contact.data } };
}

/** The row's parts, or which part is damaged. Never throws. */
export function readRow(row: StoredRow): RowReading {
  let reading = readings.get(row);
  if (!reading) {
    reading = read(row);
    readings.set(row, reading);
  }
  return reading;
}

/** The subject of a damaged dossier's alert: one alert per dossier (alerts.raise with `once`). */
export const damagedSubject = (id: string): string => `dossier-damaged:${id}`;

/** Who a damaged dossier is, as far as its row can tell: its code, or a draft's park code or id. */
export interface DamagedWho {
  id: string;
  code: string | null;
  parkCode: string | null;
}

/** What a reader of the damaged dossier is told (staff at the counter, a citizen at the lookup). */
export function damagedError(code: string | null) {
  const which = code === null ? '' : ` ${code}`;
  return kioskError(
    'dossier-damaged',
    `Hồ sơ${which} bị hỏng dữ liệu trên ki-ốt nên chưa mở được — liên hệ kỹ thuật. Xin mời công dân đến quầy để được hỗ trợ.`,
    `Dossier${which} has damaged data on the kiosk and cannot be opened — call a technician. Citizens, please come to the counter for help.`,
    'id',
  );
}

/** The critical staff alert for a damaged dossier (raised once per dossier, by whoever notices first). */
export function damagedAlert(who: DamagedWho, part: string) {
  const draft = who.parkCode ?? who.id.slice(0, 8);
  const vi = who.code ?? `nháp ${draft}`;
  const en = who.code ?? `draft ${draft}`;
  return {
    level: 'critical' as const,
    code: 'dossier-damaged',
    vi: `Hồ sơ ${vi} bị hỏng dữ liệu — liên hệ kỹ thuật. Phần hỏng: ${part}. Ki-ốt không mở, không in lại và không gửi hồ sơ này lên cổng cho đến khi kỹ thuật khôi phục; các hồ sơ khác vẫn làm việc bình thường. Không tự sửa hay xoá tệp dữ liệu.`,
    en: `Dossier ${en} has damaged data — call a technician. Damaged part: ${part}. The kiosk will not open, reprint or send it to the portal until a technician restores it; every other dossier works as usual. Do not edit or delete the data files yourself.`,
  };
}

/** The refusal thrown where a damaged row's parts are read; carries what the alert needs. */
export class DossierDamaged extends KioskFailure {
  constructor(
    readonly who: DamagedWho,
    readonly part: DamagedPart,
  ) {
    super(damagedError(who.code));
    this.name = 'DossierDamaged';
  }
}
