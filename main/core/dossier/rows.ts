import type Database from 'better-sqlite3';
import { extractApplicant } from './applicant';
import { type DossierParts, DossierDamaged, readRow } from './damage';
import type { Attachment, Contact, Delivery, Dossier, Procedure, Reception } from './types';

/** The `dossiers` and `attachments` tables (migration 0004) as the service reads them. */

export interface DossierRow {
  id: string;
  procedureId: string;
  procedureJson: string;
  status: Dossier['status'];
  dataJson: string;
  deliveryJson: string;
  contactJson: string;
  assistedBy: number | null;
  assistedName: string | null;
  parkCode: string | null;
  parkedAt: string | null;
  code: string | null;
  portalCode: string | null;
  day: string | null;
  seq: number | null;
  receivedAt: string | null;
  dueDate: string | null;
  dueEstimated: number;
  feeAmount: number;
  paid: number | null;
  applicantName: string | null;
  applicantId: string | null;
  currentStatus: string | null;
  /** The receipt's "Mã tra cứu" (migration 0008); null before submit and on dossiers older than it. */
  lookupSecret: string | null;
  /** Migration 0013: null on drafts; see ReceptionSchema. */
  reception: 'pending' | 'received' | 'refused' | null;
  receptionAt: string | null;
  receptionBy: string | null;
  receptionSource: 'counter' | 'portal' | 'kiosk' | null;
  refusalReason: string | null;
  /** Migration 0014: Mẫu 04's words and new date, and the first appointment date once the portal moved it. */
  apologyText: string | null;
  apologyDueDate: string | null;
  firstDueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A submitted dossier's row: the columns submit sets are there (the table's CHECK guarantees it). */
export type SubmittedRow = DossierRow & { code: string; receivedAt: string; dueDate: string };

/** The reception of a submitted dossier, as the contract gives it (a row from before 0013 is received). */
export function receptionOf(row: DossierRow): Reception {
  return {
    state: row.reception ?? 'received',
    at: row.receptionAt,
    by: row.receptionBy,
    source: row.receptionSource,
    reason: row.refusalReason,
  };
}

/** How it came in: with staff at the counter, or the citizen alone at the kiosk. */
export const channelOf = (row: DossierRow): 'kiosk' | 'counter' =>
  row.assistedBy === null ? 'kiosk' : 'counter';

export function asSubmitted(row: DossierRow): SubmittedRow {
  const { code, receivedAt, dueDate } = row;
  if (row.status !== 'submitted' || code === null || receivedAt === null || dueDate === null)
    throw new Error(`dossier ${row.id} is not submitted`);
  return { ...row, code, receivedAt, dueDate };
}

export const DOSSIER_COLUMNS = `d.id, d.procedure_id AS procedureId, d.procedure_json AS procedureJson, d.status,
  d.data_json AS dataJson, d.delivery_json AS deliveryJson, d.contact_json AS contactJson,
  d.assisted_by AS assistedBy, s.display_name AS assistedName, d.park_code AS parkCode,
  d.parked_at AS parkedAt, d.code, d.portal_code AS portalCode, d.day, d.seq, d.received_at AS receivedAt,
  d.due_date AS dueDate, d.due_estimated AS dueEstimated, d.fee_amount AS feeAmount, d.paid,
  d.applicant_name AS applicantName, d.applicant_id AS applicantId, d.current_status AS currentStatus,
  d.lookup_secret AS lookupSecret, d.reception, d.reception_at AS receptionAt, d.reception_by AS receptionBy,
  d.reception_source AS receptionSource, d.refusal_reason AS refusalReason,
  d.apology_text AS apologyText, d.apology_due_date AS apologyDueDate, d.first_due_date AS firstDueDate,
  d.created_at AS createdAt, d.updated_at AS updatedAt`;

export const DOSSIER_FROM = 'dossiers d LEFT JOIN staff_users s ON s.id = d.assisted_by';

export interface AttachmentRow {
  id: string;
  componentId: string;
  position: number;
  name: string;
  kind: Attachment['kind'];
  pages: number;
  sha256: string;
  bytes: number;
  thumbnail: string | null;
}

export function attachmentQuery(db: Database.Database) {
  return db.prepare(
    `SELECT a.id, a.component_id AS componentId, a.position, a.name, a.kind, a.pages, a.sha256, b.bytes,
            a.thumbnail
     FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
     WHERE a.dossier_id = ? ORDER BY a.component_id, a.position, a.created_at`,
  );
}

/**
 * The row's JSON columns, read and checked once per row object (damage.ts). A row that no longer reads
 * back throws `DossierDamaged` (`dossier-damaged`, a refusal a person can read), never a SyntaxError that
 * would answer `internal`; lists catch it per row (lookup.ts, park.ts).
 */
export function partsOf(row: DossierRow): DossierParts {
  const reading = readRow(row);
  if (!reading.ok)
    throw new DossierDamaged({ id: row.id, code: row.code, parkCode: row.parkCode }, reading.part);
  return reading.parts;
}

export const procedureOf = (row: DossierRow): Procedure => partsOf(row).procedure;
export const dataOf = (row: DossierRow): Record<string, unknown> => partsOf(row).data;
export const deliveryOf = (row: DossierRow): Delivery => partsOf(row).delivery;
export const contactOf = (row: DossierRow): Contact => partsOf(row).contact;

/**
 * The applicant as the papers name them (the receipt, the forms): the e-form's applicant (applicant.ts),
 * with the phone and e-mail of the dossier's contact step before the ones in the form.
 */
export function applicantOf(row: DossierRow): {
  fullName: string | null;
  idNumber: string | null;
  address: string | null;
  addressOnCard: string | null;
  phone: string | null;
  email: string | null;
} {
  const applicant = extractApplicant(procedureOf(row), dataOf(row));
  const contact = contactOf(row);
  return {
    fullName: applicant?.fullName ?? null,
    idNumber: applicant?.idNumber ?? null,
    address: applicant?.address ?? null,
    addressOnCard: applicant?.addressOnCard ?? null,
    phone: contact.phone ?? applicant?.phone ?? null,
    email: contact.email ?? applicant?.email ?? null,
  };
}

const attachmentView = (a: AttachmentRow): Attachment => ({
  id: a.id,
  componentId: a.componentId,
  name: a.name,
  kind: a.kind,
  pages: a.pages,
  bytes: a.bytes,
  sha256: a.sha256,
  thumbnail: a.thumbnail,
});

export function toDossier(row: DossierRow, attachments: AttachmentRow[]): Dossier {
  const { procedure, data, delivery, contact } = partsOf(row);
  return {
    ...certainFields(row, attachments),
    procedureName: procedure.name,
    data: data as Dossier['data'],
    delivery,
    contact,
  };
}

/** What a dossier's row says for certain, whole or damaged: nothing read from its JSON text. */
function certainFields(row: DossierRow, attachments: AttachmentRow[]) {
  return {
    id: row.id,
    procedureId: row.procedureId,
    status: row.status,
    attachments: attachments.map(attachmentView),
    assistedBy: row.assistedBy === null ? null : { id: row.assistedBy, displayName: row.assistedName ?? '' },
    parkCode: row.parkCode,
    code: row.code,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A damaged dossier as a list shows it: what its row still says for certain (id, status, codes, times,
 * who filed it, its files), nothing read from the damaged text, and `damaged: true` for the screen's mark.
 */
export function damagedDossier(row: DossierRow, attachments: AttachmentRow[]): Dossier {
  return {
    ...certainFields(row, attachments),
    procedureName: '',
    data: {},
    delivery: { method: 'counter' },
    contact: {},
    damaged: true,
  };
}
