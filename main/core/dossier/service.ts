import { createAttach } from './attach';
import { createBlobStore } from './blobs';
import { type AfterSubmit, type DraftCaller, createDraftAccess } from './capability';
import { type DossierDeps, createContext } from './context';
import { createDrafts } from './drafts';
import { createLookup } from './lookup';
import { createMaintenance } from './maintenance';
import { dossierErrors } from './messages';
import { type ParkSlipSink, createPark } from './park';
import { buildReceiptData } from './receipt';
import { toDossier } from './rows';
import { createSubmit } from './submit';
import type { Actor, StaffUser } from './types';

export type { DossierDeps } from './context';
export type { ParkSlipSink } from './park';

/** The service's dependencies; `parkSlips` is absent when the kiosk has no ticket printer. */
export type DossiersOptions = DossierDeps & { parkSlips?: ParkSlipSink };

/**
 * The dossier service: drafts, attachments, the completeness check, local submission with its outbox
 * row, lookup, parking, and the receipt. Owns the tables `dossiers`, `attachments`, `blobs`,
 * `dossier_events` (the kiosk's own events) and `day_sequences`; writes the first `outbox` row of each
 * dossier (the sync module owns its later states).
 */
export function createDossiers(deps: DossiersOptions) {
  const blobs = createBlobStore(deps.db, {
    dataDir: deps.dataDir,
    clock: deps.clock,
    graceMs: deps.blobGraceMs,
    ...(deps.keepBlobs ? { keep: deps.keepBlobs } : {}),
    randomBytes: deps.randomBytes,
  });
  const ctx = createContext(deps, blobs);
  const drafts = createDrafts(ctx);
  const attach = createAttach(ctx);
  const submit = createSubmit(ctx, drafts);
  const lookup = createLookup(ctx);
  const park = createPark(ctx);
  const maintenance = createMaintenance(ctx);
  const access = createDraftAccess(ctx);

  return {
    /** Where attachment files live (the sync engine streams uploads from `blobs.path(sha256)`). */
    blobs,
    create: (procedureId: string, actor: Actor = {}) => drafts.create(procedureId, actor),
    get: (id: string) => ctx.dossier(id),
    /**
     * Refuses a caller who may not act on this dossier (capability.ts): staff may; anyone else needs
     * the draft's token, and gets nothing of a submitted dossier unless `afterSubmit` is `allow`.
     */
    authorize: (id: string, caller: DraftCaller, afterSubmit?: AfterSubmit): void => {
      access.open(id, caller, afterSubmit);
    },
    /** `get` for a caller checked as `authorize` does, from the same read. */
    getFor: (id: string, caller: DraftCaller) => toDossier(access.open(id, caller), ctx.attachments(id)),
    update: drafts.update,
    importSources: attach.importSources,
    attach: attach.attach,
    arrange: drafts.arrange,
    check: (id: string) => drafts.check(ctx.row(id)),
    submit: (id: string, actor: Actor = {}) => submit.submit(id, actor),
    discard: drafts.discard,
    lookup: lookup.lookup,
    today: lookup.today,
    park: park.park,
    resume: park.resume,
    parked: park.parked,
    correct: maintenance.correct,
    sweepDrafts: maintenance.sweepDrafts,
    sweepOrphans: () => blobs.sweepOrphans(),

    /**
     * Prints the park slip of a parked draft on the ticket printer (first print or a reprint). Refused
     * for a dossier that is not parked, and when there is no printer (staff then write the code by
     * hand). Audited.
     */
    printParkSlip(id: string, staff: StaffUser): { jobId: number } {
      const slip = park.slip(id);
      if (!deps.parkSlips) throw dossierErrors.noSlipPrinter(slip.parkCode);
      const jobId = deps.parkSlips.enqueue({ ...slip, printedAt: ctx.now().toISOString() });
      deps.audit.record({
        actorId: staff.id,
        actor: staff.user,
        action: 'dossier.printParkSlip',
        targetType: 'dossier',
        targetId: id,
        details: { parkCode: slip.parkCode, jobId },
      });
      return { jobId };
    },

    /** The receipt's data of a submitted dossier, by its code (the same builder as at submit). */
    receiptData(code: string) {
      const row = ctx.intact(lookup.byCode(code));
      return buildReceiptData({ row, attachments: ctx.attachments(row.id), config: deps.config });
    },

    /**
     * Staff reprint: the receipt PDF, and with `print` one more copy queued (the citizen lost theirs;
     * the file copy is already in the folder). Audited either way: a receipt carries a full ID number.
     */
    async receipt(code: string, print: boolean, staff: StaffUser) {
      const row = lookup.withSecret(ctx.intact(lookup.byCode(code)));
      const data = buildReceiptData({ row, attachments: ctx.attachments(row.id), config: deps.config });
      const pdf = await deps.receipts.pdf(data);
      const jobIds = print ? deps.receipts.enqueue(data, 1) : [];
      deps.audit.record({
        actorId: staff.id,
        actor: staff.user,
        action: print ? 'dossier.reprint' : 'dossier.receipt',
        targetType: 'dossier',
        targetId: row.id,
        details: { code: data.code, jobIds },
      });
      return { code: data.code, pdfBase64: Buffer.from(pdf).toString('base64'), jobIds };
    },
  };
}

export type Dossiers = ReturnType<typeof createDossiers>;
