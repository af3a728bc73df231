import { createLogger } from '../log';
import { SUBMIT_SPARE_BYTES, requireSpace } from '../disk';
import { localParts } from '../time';
import { extractApplicant } from './applicant';
import { formatDossierCode } from './code';
import { createHighWater } from './high-water';
import { createManifests } from './manifest';
import { newLookupSecret } from './lookup-secret';
import type { DossierContext } from './context';
import type { Drafts } from './drafts';
import { dossierErrors } from './messages';
import { buildReceiptData } from './receipt';
import { type SubmittedRow, asSubmitted, dataOf, procedureOf } from './rows';
import type { Actor, Submitted } from './types';

const log = createLogger('dossier.submit');

/**
 * Submitting: one SQLite transaction, BEGIN IMMEDIATE so two kiosk processes on one database file (or
 * a restart half-way) take turns, holds everything that makes a dossier "received":
 *   the check again (the draft may have changed since the screen's last check), the day's next
 *   sequence number, the provisional code, the due date, the applicant's name and ID, status
 *   `submitted`, a `received` timeline event, the outbox row for sync, an audit row, and the dossier's
 *   manifest file (manifest.ts), written and fsynced before the commit.
 * After it commits: the receipt is queued for printing (a failure to queue is logged and the dossier
 * stays submitted: staff can reprint) and `dossier.changed` goes to staff screens.
 */
export function createSubmit(ctx: DossierContext, drafts: Drafts) {
  const { db, deps } = ctx;
  const { config } = deps;
  const highWater = createHighWater(deps.dataDir);
  const manifests = createManifests({ db, dataDir: deps.dataDir, now: () => ctx.now() });
  const q = {
    lastSeq: db.prepare('SELECT seq FROM day_sequences WHERE day = ?').pluck(),
    // The dossiers themselves too: a sequence table restored from an older backup must not reissue codes.
    lastUsed: db.prepare('SELECT MAX(seq) FROM dossiers WHERE day = ?').pluck(),
    saveSeq: db.prepare(
      'INSERT INTO day_sequences (day, seq) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET seq = excluded.seq',
    ),
    submit: db.prepare(
      `UPDATE dossiers SET status = 'submitted', code = @code, day = @day, seq = @seq, received_at = @receivedAt,
         due_date = @dueDate, due_estimated = @dueEstimated, fee_amount = @feeAmount, paid = @paid,
         applicant_name = @applicantName, applicant_id = @applicantId, current_status = @event,
         lookup_secret = @lookupSecret, reception = @reception, reception_at = @receptionAt,
         reception_by = @receptionBy, reception_source = @receptionSource, refusal_reason = @refusalReason,
         identity_method = @identityMethod, identity_pa = @identityPa, park_code = NULL, parked_at = NULL, updated_at = @receivedAt
       WHERE id = @id AND status <> 'submitted'`,
    ),
    event: db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source)
       VALUES (@id, @event, @at, @note, @note, 'kiosk')`,
    ),
    outbox: db.prepare(
      `INSERT INTO outbox (dossier_id, state, next_attempt_at, created_at, updated_at)
       VALUES (?, 'waiting', ?, ?, ?)`,
    ),
  };

  /** The number this process last wrote to the high-water file, and for which dossier (see nextSeq). */
  let written: { day: string; seq: number; id: string } | null = null;

  function nextSeq(day: string, id: string): number {
    const inDb = Math.max(
      (q.lastSeq.get(day) as number | undefined) ?? 0,
      (q.lastUsed.get(day) as number | null) ?? 0,
    );
    // A database moved aside as damaged took its numbers with it; this file did not.
    let mark = highWater.get(day);
    // The file still holds the number this process wrote for this same dossier's submit, whose
    // transaction then failed (the disk filled up at the manifest or the commit): the database, which has
    // every committed number, is below it, and no one wrote the file since (we hold the write lock), so no
    // receipt carries that number and the dossier gets it again instead of skipping it. Only this dossier:
    // its failed submit may have left a manifest claiming the number. Another dossier, or a restart in
    // between, leaves a gap, which is harmless; the free-space check in `submit` makes it rare.
    if (written?.day === day && written.id === id && written.seq === mark && inDb < mark) mark -= 1;
    const next = Math.max(inDb, mark) + 1;
    q.saveSeq.run(day, next);
    highWater.set(day, next);
    written = { day, seq: next, id };
    return next;
  }

  /**
   * Inside the transaction. Returns the row after submit, or the row as it was when already submitted.
   * With `refusal` (staff refusing to receive an assisted draft, Mẫu 03) the check is not asked: a refused
   * dossier is kept and sent as refused whatever it lacks, with its code, so its record is whole.
   */
  function commit(
    id: string,
    actor: Actor,
    refusal: { reason: string } | null = null,
  ): { row: SubmittedRow; fresh: boolean } {
    const row = ctx.row(id);
    if (row.status === 'submitted') return { row: asSubmitted(row), fresh: false };
    if (!refusal) {
      const checked = drafts.check(row);
      if (!checked.complete) throw dossierErrors.incomplete(checked.problems);
    }

    const now = ctx.now();
    const receivedAt = now.toISOString();
    const day = localParts(now, config.timeZone).date;
    const seq = nextSeq(day, id);
    const code = formatDossierCode({
      unitCode: config.centre.unitCode,
      kioskId: config.kioskId.slice(1), // "K01" → "01": the code itself adds the K
      date: day,
      seq,
    });
    const procedure = procedureOf(row);
    const due = ctx.dueFor(procedure, receivedAt);
    const applicant = extractApplicant(procedure, dataOf(row));
    // Nghị định 118/2025: with staff at the counter it is received there and then (Mẫu 01); the citizen
    // alone submits it online and it waits for an officer (the slip; Mẫu 01 when received).
    const officer = actor.staff?.displayName ?? null;
    const reception = refusal ? 'refused' : row.assistedBy !== null ? 'received' : 'pending';
    const event = reception === 'pending' ? 'submitted' : reception === 'refused' ? 'refused' : 'received';
    // How identity was established, from main's own reads of the card (never the screen's word).
    const proof = applicant?.idNumber ? (deps.identityEvidence?.lookup(applicant.idNumber) ?? null) : null;
    q.submit.run({
      id,
      code,
      day,
      seq,
      receivedAt,
      dueDate: due.dueDate,
      dueEstimated: due.estimated ? 1 : 0,
      feeAmount: procedure.fee.amount,
      paid: procedure.fee.amount > 0 ? 0 : null,
      applicantName: applicant?.fullName ?? null,
      applicantId: applicant?.idNumber ?? null,
      lookupSecret: newLookupSecret(deps.randomBytes),
      event,
      reception,
      receptionAt: reception === 'pending' ? null : receivedAt,
      receptionBy: reception === 'pending' ? null : (officer ?? row.assistedName),
      receptionSource: reception === 'pending' ? null : 'counter',
      refusalReason: refusal?.reason ?? null,
      identityMethod: proof?.method ?? 'none',
      identityPa: proof?.method === 'chip' && proof.passiveAuthentication ? 1 : 0,
    });
    q.event.run({ id, event, at: receivedAt, note: refusal?.reason ?? null });
    q.outbox.run(id, receivedAt, receivedAt, receivedAt);
    // Its own fsynced file before the commit: a dossier is never acknowledged without it (manifest.ts).
    manifests.write(id);
    deps.audit.record({
      actorId: actor.staff?.id ?? null,
      actor: actor.staff?.user ?? null,
      action: refusal ? 'dossier.refuse' : 'dossier.submit',
      targetType: 'dossier',
      targetId: id,
      details: {
        code,
        procedureId: procedure.id,
        assisted: row.assistedBy !== null,
        reception,
        // The reason is free text (it may name people): on the dossier and its timeline, not here.
        ...(refusal ? { reasonLength: refusal.reason.length } : {}),
      },
    });
    return { row: asSubmitted(ctx.row(id)), fresh: true };
  }

  function committed(id: string, actor: Actor, refusal: { reason: string } | null) {
    // A disk too full for the submit refuses it before it takes a number (disk.ts); a repeat needs no room.
    if (ctx.row(id).status !== 'submitted') requireSpace(deps.dataDir, SUBMIT_SPARE_BYTES);
    try {
      return db.transaction(commit).immediate(id, actor, refusal);
    } catch (error) {
      // The manifest may have been filled before the transaction failed (a full disk at commit): it
      // must not bring back at the next start a dossier the citizen was told was not submitted.
      manifests.unfill(id);
      throw error;
    }
  }

  return {
    /**
     * Staff refusing to receive an assisted draft (reception.ts prints Mẫu 03): it is submitted as
     * refused, with its code and outbox row, so the portal's record of it is whole.
     */
    refuseDraft(id: string, actor: Actor, reason: string): { row: SubmittedRow; fresh: boolean } {
      const result = committed(id, actor, { reason });
      if (result.fresh) deps.bus.emit('dossier.changed', { id, code: result.row.code, change: 'submitted' });
      return result;
    },

    /**
     * A repeat (a double tap, a bridge retry after a lost answer) returns the same result without a
     * second receipt: `receipt.jobIds` is then empty.
     */
    submit(id: string, actor: Actor): Submitted {
      const { row, fresh } = committed(id, actor, null);
      const data = buildReceiptData({ row, attachments: ctx.attachments(id), config });
      let jobIds: number[] = [];
      if (fresh) {
        try {
          // Mẫu 01 of an assisted filing goes to the counter's A4 printer when there is one.
          const forms = data.stage === 'received' && deps.forms?.hasPrinter ? deps.forms : null;
          jobIds = forms
            ? forms.receipt(data, config.dossier.receiptCopies)
            : deps.receipts.enqueue(data, config.dossier.receiptCopies);
        } catch (error) {
          log.error('receipt could not be queued; the dossier is submitted', { id, error });
        }
        deps.bus.emit('dossier.changed', { id, code: data.code, change: 'submitted' });
      }
      return {
        id,
        code: data.code,
        provisional: true,
        procedureName: data.procedure.name,
        receivedAt: data.receivedAt,
        dueDate: data.dueDate,
        dueDateEstimated: data.dueEstimated,
        fee: data.fee,
        payment: data.payment,
        reception: data.stage === 'received' ? 'received' : 'pending',
        receipt: {
          jobIds,
          copies: fresh ? config.dossier.receiptCopies : 0,
          form: data.stage === 'received' ? 'receipt' : 'slip',
        },
        lookupSecret: data.lookupSecret,
      };
    },
  };
}
