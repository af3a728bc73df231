import { checkDossier } from './check';
import { reserveManifest } from './manifest';
import { hashDraftToken, newDraftToken } from './capability';
import type { DossierContext } from './context';
import { dossierErrors } from './messages';
import { contactOf, dataOf, deliveryOf, procedureOf, toDossier, type DossierRow } from './rows';
import { checkPlainText, toJson } from './sanitize';
import type { Actor, CheckResult, Contact, CreatedDraft, Delivery, Dossier, FormData } from './types';

/** Drafts: start, read, save, arrange files, check, throw away. */
export function createDrafts(ctx: DossierContext) {
  const { db, deps } = ctx;
  const q = {
    insert: db.prepare(
      `INSERT INTO dossiers (id, procedure_id, procedure_json, assisted_by, draft_token_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare(
      `UPDATE dossiers SET data_json = ?, delivery_json = ?, contact_json = ?, updated_at = ?
       WHERE id = ? AND status <> 'submitted'`,
    ),
    touch: db.prepare(`UPDATE dossiers SET updated_at = ? WHERE id = ?`),
    position: db.prepare('UPDATE attachments SET position = ? WHERE id = ? AND dossier_id = ?'),
    remove: db.prepare('DELETE FROM attachments WHERE id = ? AND dossier_id = ?'),
    removeAll: db.prepare('DELETE FROM attachments WHERE dossier_id = ?'),
    removeDraft: db.prepare(`DELETE FROM dossiers WHERE id = ? AND status = 'draft'`),
  };

  function check(row: DossierRow): CheckResult {
    return checkDossier({
      procedure: procedureOf(row),
      data: dataOf(row),
      delivery: deliveryOf(row),
      contact: contactOf(row),
      attachments: toDossier(row, ctx.attachments(row.id)).attachments,
      validateForm: deps.validateForm,
      fileExists: (sha) => ctx.blobs.exists(sha),
    });
  }

  return {
    check,

    /** A new draft and its capability token (capability.ts): returned here once, only its hash kept. */
    create(procedureId: string, actor: Actor): CreatedDraft {
      // The procedure is copied into the dossier: a catalogue update must not change what was filed.
      const procedure = deps.getProcedure(procedureId);
      const id = ctx.uuid();
      // The manifest's file, empty, so the submit only fills it (manifest.ts); first, so a full disk
      // refuses the draft before there is a row (an empty file without one is swept).
      reserveManifest(deps.dataDir, id);
      const draftToken = newDraftToken(deps.randomBytes);
      const now = ctx.now().toISOString();
      q.insert.run(
        id,
        procedure.id,
        JSON.stringify(procedure),
        actor.staff?.id ?? null,
        hashDraftToken(draftToken),
        now,
        now,
      );
      // Papers come a few screens later: start the file worker now so the first attach does not wait.
      deps.decoder.warm();
      return { ...ctx.dossier(id), draftToken };
    },

    /**
     * Saves what is given (each section replaces the stored one). Every string is checked first, so a
     * refusal stores nothing at all.
     */
    update(input: { id: string; data?: FormData; delivery?: Delivery; contact?: Contact }): Dossier {
      const row = ctx.editable(input.id);
      if (input.data !== undefined) checkPlainText(input.data, 'data');
      if (input.delivery !== undefined) checkPlainText(input.delivery, 'delivery');
      if (input.contact !== undefined) checkPlainText(input.contact, 'contact');
      const data = input.data === undefined ? row.dataJson : toJson(input.data, 'data');
      const delivery = input.delivery === undefined ? row.deliveryJson : toJson(input.delivery, 'delivery');
      const contact = input.contact === undefined ? row.contactJson : toJson(input.contact, 'contact');
      // `status <> 'submitted'` in the statement: a submit that slipped in since the read wins.
      if (q.update.run(data, delivery, contact, ctx.now().toISOString(), input.id).changes === 0)
        throw dossierErrors.submitted();
      return ctx.dossier(input.id);
    },

    /** Puts a paper's files in the given order; files of that paper left out of the list are removed. */
    arrange(input: { id: string; componentId: string; attachmentIds: string[] }): Dossier {
      const released = db.transaction(() => {
        ctx.editable(input.id);
        const current = ctx.attachments(input.id).filter((a) => a.componentId === input.componentId);
        const known = new Set(current.map((a) => a.id));
        const seen = new Set<string>();
        for (const id of input.attachmentIds) {
          if (!known.has(id)) throw dossierErrors.attachmentUnknown(id);
          if (seen.has(id)) throw dossierErrors.attachmentDuplicate(id);
          seen.add(id);
        }
        input.attachmentIds.forEach((id, i) => q.position.run(i, id, input.id));
        const removed = current.filter((a) => !seen.has(a.id));
        for (const a of removed) q.remove.run(a.id, input.id);
        q.touch.run(ctx.now().toISOString(), input.id);
        return removed.map((a) => a.sha256);
      })();
      ctx.blobs.release(released);
      return ctx.dossier(input.id);
    },

    /** A citizen's unsubmitted draft and its files, gone (they left, or the screen went idle). */
    discard(id: string): void {
      const released = db.transaction(() => {
        const row = ctx.editable(id);
        if (row.status === 'parked') throw dossierErrors.parked();
        const shas = ctx.attachments(id).map((a) => a.sha256);
        q.removeAll.run(id);
        q.removeDraft.run(id);
        return shas;
      })();
      ctx.blobs.release(released);
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
