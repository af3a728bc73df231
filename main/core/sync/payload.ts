import type Database from 'better-sqlite3';
import type { KioskError } from '../../../preload/api';
import { readTyped } from '../dossier/damage';
import type { PortalReception } from '../../../preload/contract/portal';
import { localErrors } from './messages';
import type { PortalDossier } from './types';

/** One distinct file a dossier needs on the portal before the dossier itself is posted. */
export interface BlobToSend {
  sha256: string;
  bytes: number;
  /** The attachment's name, for a message when the file is gone. */
  name: string;
  /** Another dossier holds the same file: the portal may have it already (see deliver.ts). */
  shared: boolean;
}

export type Built =
  | { ok: true; code: string; dossier: PortalDossier; blobs: BlobToSend[] }
  | { ok: false; code: string | null; error: KioskError };

interface DossierRow extends ReceptionColumns {
  id: string;
  code: string | null;
  procedureId: string;
  procedureJson: string;
  dataJson: string;
  deliveryJson: string;
  contactJson: string;
  dueDate: string | null;
  assistedBy: string | null;
  assistedById: number | null;
  identityMethod: string | null;
  identityPa: number;
}

/** The reception columns of a dossier (migration 0013), as payload.ts and reception.ts read them. */
export interface ReceptionColumns {
  status: string;
  receivedAt: string | null;
  reception: string | null;
  receptionAt: string | null;
  receptionBy: string | null;
  refusalReason: string | null;
}

/** The columns above, for a SELECT on `dossiers d`. */
export const RECEPTION_COLUMNS = `d.status, d.received_at AS receivedAt, d.reception,
  d.reception_at AS receptionAt, d.reception_by AS receptionBy, d.refusal_reason AS refusalReason`;

/**
 * The reception the portal is told, from the dossier's columns as they are now. A submitted row with no
 * reception (none should be left after migration 0013, which marks every earlier one received) was
 * received when it was submitted, as every dossier was before the 2025 forms. Null: the row cannot say
 * (refused without a reason, received with no moment): a damaged record, never sent half-made.
 */
export function receptionOf(row: ReceptionColumns): PortalReception | null {
  const by = row.receptionBy?.trim() || null;
  switch (row.reception) {
    case null:
      return row.receivedAt === null
        ? null
        : { state: 'received', at: row.receivedAt, by: null, reason: null };
    case 'pending':
      return { state: 'pending', at: null, by: null, reason: null };
    case 'received': {
      const at = row.receptionAt ?? row.receivedAt;
      return at === null ? null : { state: 'received', at, by, reason: null };
    }
    case 'refused': {
      const reason = row.refusalReason?.trim() || null;
      return row.receptionAt === null || reason === null
        ? null
        : { state: 'refused', at: row.receptionAt, by, reason };
    }
    default:
      return null;
  }
}

interface AttachmentRow {
  componentId: string;
  sha256: string;
  bytes: number;
  name: string;
  pages: number;
  shared: 0 | 1;
}

export interface PayloadContext {
  kioskId: string;
  unitCode: string;
}

/**
 * Builds what the kiosk POSTs from the rows as they are now, so a staff correction (dossier.correct) is
 * what the next attempt sends. Never throws: a damaged row (text that no longer parses, or no longer has
 * the shape it was stored in) becomes a local `dossier-damaged` error that sets that one dossier aside
 * (outbox `attention`, one critical alert: record.ts); the rest of the outbox goes on.
 */
export function createPayloadBuilder(db: Database.Database, ctx: PayloadContext) {
  const dossierQ = db.prepare(
    `SELECT d.id, d.code, d.procedure_id AS procedureId, d.procedure_json AS procedureJson,
       d.data_json AS dataJson, d.delivery_json AS deliveryJson, d.contact_json AS contactJson,
       d.due_date AS dueDate, s.display_name AS assistedBy, d.assisted_by AS assistedById,
       d.identity_method AS identityMethod, d.identity_pa AS identityPa,
       ${RECEPTION_COLUMNS}
     FROM dossiers d LEFT JOIN staff_users s ON s.id = d.assisted_by WHERE d.id = ?`,
  );
  // `shared` rides on the same query (the attachments_blob index), not a SELECT per file.
  const attachmentsQ = db.prepare(
    `SELECT a.component_id AS componentId, a.sha256, b.bytes, a.name, a.pages,
       EXISTS (SELECT 1 FROM attachments o WHERE o.sha256 = a.sha256 AND o.dossier_id <> a.dossier_id)
         AS shared
     FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
     WHERE a.dossier_id = ? ORDER BY a.component_id, a.position, a.id`,
  );

  return function build(id: string): Built {
    const row = dossierQ.get(id) as DossierRow | undefined;
    if (!row) return { ok: false, code: null, error: localErrors.missingDossier() };
    if (row.status !== 'submitted' || !row.code || !row.receivedAt || !row.dueDate) {
      return { ok: false, code: row.code, error: localErrors.badRecord('status') };
    }
    const parsed = parseAll(row);
    if (!parsed.ok) return { ok: false, code: row.code, error: localErrors.badRecord(parsed.what) };
    const reception = receptionOf(row);
    if (!reception) return { ok: false, code: row.code, error: localErrors.badRecord('reception') };
    const attachments = attachmentsQ.all(id) as AttachmentRow[];
    const blobs = new Map<string, BlobToSend>();
    for (const a of attachments) {
      blobs.set(a.sha256, { sha256: a.sha256, bytes: a.bytes, name: a.name, shared: a.shared === 1 });
    }
    return {
      ok: true,
      code: row.code,
      blobs: [...blobs.values()],
      dossier: {
        id: row.id,
        localCode: row.code,
        kioskId: ctx.kioskId,
        unitCode: ctx.unitCode,
        procedureId: row.procedureId,
        procedureCode: parsed.procedureCode ?? row.procedureId,
        receivedAt: row.receivedAt,
        dueDate: row.dueDate,
        data: parsed.data,
        delivery: parsed.delivery,
        contact: parsed.contact,
        assistedBy: row.assistedBy,
        // Filed with staff at the counter, or by the citizen alone (no officer on the filing).
        channel: row.assistedById === null ? 'kiosk' : 'counter',
        reception,
        papers: papersOf(parsed.components, attachments),
        ...identityOf(row),
        attachments: attachments.map((a) => ({
          componentId: a.componentId,
          sha256: a.sha256,
          bytes: a.bytes,
          name: a.name,
          pages: a.pages,
        })),
      },
    };
  };
}

/** A paper of the procedure, as the payload reads it from the stored procedure. */
interface Component {
  id: string;
  fromForm: boolean;
}

/**
 * What the national scoring (Quyết định 766/QĐ-TTg) reads of each paper handed in: every paper the
 * dossier has (the e-form's declaration, and each one with files), in the procedure's order. Digitised:
 * its files are attached here, or it is the declaration, filled in as data on the kiosk. Taken from the
 * national data store: never — the kiosk reads nothing from it (papers come from the citizen: camera,
 * scanner, USB or the e-form), so it never claims one.
 */
export function papersOf(
  components: readonly Component[],
  attachments: readonly { componentId: string }[],
): NonNullable<PortalDossier['papers']> {
  const withFiles = new Set(attachments.map((a) => a.componentId));
  const known = new Set(components.map((c) => c.id));
  const handedIn = [
    ...components.filter((c) => c.fromForm || withFiles.has(c.id)),
    // Files under a paper the procedure no longer lists (the catalogue changed since): still handed in.
    ...[...withFiles].filter((id) => !known.has(id)).map((id) => ({ id, fromForm: false })),
  ];
  return handedIn.map((c) => ({
    componentId: c.id,
    digitised: c.fromForm || withFiles.has(c.id),
    fromNationalStore: false,
  }));
}

/** How the applicant's identity was established (the dossier's columns); nothing for a dossier filed before. */
function identityOf(row: DossierRow): Pick<PortalDossier, 'identity'> {
  const method = row.identityMethod;
  if (method !== 'chip' && method !== 'qr' && method !== 'none') return {};
  return { identity: { method, passiveAuthentication: method === 'chip' && row.identityPa === 1 } };
}

type Parsed =
  | {
      ok: true;
      procedureCode: string | null;
      components: Component[];
      data: Record<string, unknown>;
      delivery: unknown;
      contact: unknown;
    }
  | { ok: false; what: string };

function parseAll(row: DossierRow): Parsed {
  const procedure = json(row.procedureJson);
  if (!procedure.ok || !isRecord(procedure.value)) return { ok: false, what: 'procedure_json' };
  const code = procedure.value.code;
  // Only the procedure's code is sent (the portal has the procedure itself); it must be a code.
  if (code !== undefined && typeof code !== 'string') return { ok: false, what: 'procedure_json' };
  // The form, delivery and contact go to the portal as they are: checked as the dossier module reads them.
  const typed = readTyped(row);
  if (!typed.ok) return { ok: false, what: typed.part };
  const list = procedure.value.components;
  const components: Component[] = Array.isArray(list)
    ? list.flatMap((c) =>
        isRecord(c) && typeof c.id === 'string' && c.id.trim() !== ''
          ? [{ id: c.id, fromForm: c.fromForm === true }]
          : [],
      )
    : [];
  return {
    ok: true,
    procedureCode: typeof code === 'string' && code.length > 0 ? code : null,
    components,
    ...typed.parts,
  };
}

function json(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
