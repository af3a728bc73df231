import { createAttach } from './attach';
import { createBlobStore } from './blobs';
import { type AfterSubmit, type DraftCaller, createDraftAccess } from './capability';
import { type DossierDeps, createContext } from './context';
import { createDrafts } from './drafts';
import { createKeep } from './keep';
import { createKeys } from './keys';
import { createLookup } from './lookup';
import { createMaintenance } from './maintenance';
import { dossierErrors } from './messages';
import { type ParkSlipSink, createPark } from './park';
import { createTracking } from './forms-data';
import { buildReceiptData } from './receipt';
import { createReception } from './reception';
import { toDossier } from './rows';
import { createSubmit } from './submit';
import { createTicketDossiers } from './ticket-link';
import { createRateLimiter } from '../policy';
import { LOOKUPS_PER_MINUTE } from './handlers';
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
  const keys = createKeys(ctx);
  const park = createPark(ctx, keys);
  const keep = createKeep(ctx, { drafts, park, keys, parkSlips: deps.parkSlips });
  // Drafts parked before card keys existed (or whose keys a salvaged file lost) are found by card too.
  keep.backfill();
  const maintenance = createMaintenance(ctx);
  const access = createDraftAccess(ctx);
  const tickets = createTicketDossiers(ctx, { access, park, lookup });
  const reception = createReception(ctx, drafts, submit);
  const tracking = createTracking(ctx);

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
    update: (input: Parameters<typeof drafts.update>[0]) => {
      const dossier = drafts.update(input);
      keep.afterUpdate(input.id);
      return dossier;
    },
    importSources: attach.importSources,
    attach: attach.attach,
    arrange: drafts.arrange,
    check: (id: string) => drafts.check(ctx.row(id)),
    submit: (id: string, actor: Actor = {}) => submit.submit(id, actor),
    discard: drafts.discard,
    lookup: lookup.lookup,
    today: lookup.today,
    pending: () => lookup.pending(),
    receive: reception.receive,
    refuse: reception.refuse,
    supplementRequest: reception.supplementRequest,
    /** For sync's status pull: the portal received or refused a dossier waiting here (reception.ts). */
    receptionByPortal: reception.byPortal,
    /** For sync's status pull: the due date moved by the working days a request for papers lasted. */
    dueAfterSupplement: reception.dueAfterSupplement,
    /** Mẫu 06 (control slips) or Mẫu 07 (the book) of a range of days, as PDF (base64) or CSV. */
    async tracking(
      input: {
        from: string;
        to: string;
        form: 'control' | 'book';
        format: 'pdf' | 'csv';
        channel?: 'kiosk' | 'counter';
      },
      staff: StaffUser,
    ) {
      const data = tracking.data(input);
      if (!deps.forms) throw dossierErrors.noForms();
      const out = await deps.forms.tracking(input.form, input.format, data);
      deps.audit.record({
        actorId: staff.id,
        actor: staff.user,
        action: 'dossier.tracking',
        targetType: 'dossiers',
        targetId: `${input.from}..${input.to}`,
        details: {
          from: input.from,
          to: input.to,
          form: input.form,
          format: input.format,
          dossiers: data.dossiers.length,
        },
      });
      const name = input.form === 'control' ? 'mau-06-phieu-kiem-soat' : 'mau-07-so-theo-doi-ho-so';
      const range = input.from === input.to ? input.from : `${input.from}_${input.to}`;
      return {
        filename: `${name}-${range}.${input.format}`,
        format: input.format,
        content: typeof out === 'string' ? out : Buffer.from(out).toString('base64'),
        dossiers: data.dossiers.length,
      };
    },
    park: park.park,
    resume: park.resume,
    parked: park.parked,
    /** A queue ticket taken for a draft or a filed dossier (ticket-link.ts; the core hands it to the queue). */
    tickets,
    /**
     * The public lookup's per-caller budget (handlers.ts), here so that every way of trying a receipt's
     * secret spends the same one: `dossier.lookup`, and a queue ticket taken by the receipt's QR.
     */
    lookups: createRateLimiter({ limit: LOOKUPS_PER_MINUTE, windowMs: 60_000 }),
    /** Issue 22 (keep.ts): set aside on idle and taken back by card; saved for later under a code. */
    setAside: keep.setAside,
    resumeByCard: keep.resumeByCard,
    saveForLater: keep.saveForLater,
    resumeByCode: keep.resumeByCode,
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
      // The paper its reception calls for: the slip while pending, Mẫu 01 once received, Mẫu 03 if refused.
      const form: 'refusal' | 'receipt' | 'slip' =
        row.reception === 'refused' ? 'refusal' : data.stage === 'received' ? 'receipt' : 'slip';
      let pdf: Uint8Array;
      let jobIds: number[] = [];
      if (form === 'refusal') {
        const refusal = reception.refusalOf(row);
        if (!deps.forms) throw dossierErrors.noForms();
        pdf = await deps.forms.pdf('refusal', refusal);
        if (print && deps.forms.hasPrinter) jobIds = deps.forms.form('refusal', refusal);
      } else {
        pdf = await deps.receipts.pdf(data);
        if (print) jobIds = deps.receipts.enqueue(data, 1);
      }
      deps.audit.record({
        actorId: staff.id,
        actor: staff.user,
        action: print ? 'dossier.reprint' : 'dossier.receipt',
        targetType: 'dossier',
        targetId: row.id,
        details: { code: data.code, form, jobIds },
      });
      return { code: data.code, form, pdfBase64: Buffer.from(pdf).toString('base64'), jobIds };
    },
  };
}

export type Dossiers = ReturnType<typeof createDossiers>;
