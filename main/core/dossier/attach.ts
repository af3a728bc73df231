import type { z } from 'zod';
import type { AttachSourceSchema } from '../../../preload/api';
import { attachBytesNeeded, requireSpace } from '../disk';
import { localParts } from '../time';
import { toStoredDocument } from './convert';
import type { DossierContext } from './context';
import { dossierErrors } from './messages';
import { procedureOf } from './rows';
import { safeFileName } from './sniff';
import { type SourceFile, listImportFolder, readCapture, readFolderFile } from './sources';
import type { Dossier, ImportSource } from './types';

export type AttachSource = z.infer<typeof AttachSourceSchema>;

/**
 * Attaching a file to a required paper: read and check the source (sources.ts), turn it into the stored
 * PDF (convert.ts), write the blob (blobs.ts), then one transaction adds the `blobs` row and the
 * attachment — after checking the draft is still a draft and the file is still there.
 */
export function createAttach(ctx: DossierContext) {
  const { db, deps } = ctx;
  const { config, dataDir } = deps;
  const q = {
    nextPosition: db
      .prepare(
        'SELECT COALESCE(MAX(position) + 1, 0) FROM attachments WHERE dossier_id = ? AND component_id = ?',
      )
      .pluck(),
    insert: db.prepare(
      `INSERT INTO attachments (id, dossier_id, component_id, position, name, kind, pages, sha256, thumbnail,
         created_at) VALUES (@id, @dossierId, @componentId, @position, @name, @kind, @pages, @sha256,
         @thumbnail, @createdAt)`,
    ),
    touch: db.prepare(`UPDATE dossiers SET updated_at = ? WHERE id = ?`),
  };

  /** "anh-chup-20261123-091500": a capture's name says when it was taken, in the centre's time. */
  function captureName(): string {
    const now = ctx.now();
    const local = localParts(now, config.timeZone);
    const hhmmss = [Math.floor(local.seconds / 3600), Math.floor(local.seconds / 60) % 60, local.seconds % 60]
      .map((n) => String(n).padStart(2, '0'))
      .join('');
    return `anh-chup-${local.date.replace(/-/g, '')}-${hhmmss}`;
  }

  async function read(source: AttachSource, accept: Dossier['attachments'][number]['kind'][]) {
    if (source.kind === 'capture')
      return readCapture(source.dataBase64, {
        maxBytes: config.dossier.maxFileBytes,
        accept,
        name: captureName(),
      });
    const folder = config.dossier.importFolders.find((f) => f.id === source.sourceId);
    if (!folder) throw dossierErrors.unknownSource();
    return readFolderFile(folder, source.name, { dataDir, maxBytes: config.dossier.maxFileBytes, accept });
  }

  return {
    async importSources(): Promise<ImportSource[]> {
      return Promise.all(config.dossier.importFolders.map((f) => listImportFolder(f, dataDir)));
    },

    async attach(input: { id: string; componentId: string; source: AttachSource }): Promise<Dossier> {
      const row = ctx.editable(input.id);
      const component = procedureOf(row).components.find((c) => c.id === input.componentId);
      if (!component) throw dossierErrors.unknownComponent(input.componentId);
      if (component.fromForm) throw dossierErrors.componentFromForm();

      const file: SourceFile = await read(input.source, component.accept);
      // Before the file worker and the blob: a disk too full for the file refuses it with `disk-full`.
      requireSpace(dataDir, attachBytesNeeded(file.bytes.byteLength));
      const stored = await toStoredDocument(deps.decoder, file.bytes, file.kind);
      const blob = await ctx.blobs.write(stored.pdf);

      const attachmentId = ctx.uuid();
      db.transaction(() => {
        // Between the first read and now the draft may have been submitted, discarded or wiped.
        ctx.editable(input.id);
        if (!ctx.blobs.exists(blob.sha256)) throw dossierErrors.stored();
        ctx.blobs.insertRow(blob);
        const now = ctx.now().toISOString();
        q.insert.run({
          id: attachmentId,
          dossierId: input.id,
          componentId: component.id,
          position: q.nextPosition.get(input.id, component.id) as number,
          name: safeFileName(file.name),
          kind: file.kind,
          pages: stored.pages,
          sha256: blob.sha256,
          thumbnail: stored.thumbnail,
          createdAt: now,
        });
        q.touch.run(now, input.id);
      })();
      return ctx.dossier(input.id);
    },
  };
}

export type Attach = ReturnType<typeof createAttach>;
