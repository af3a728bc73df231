import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Submitted dossiers written the way the dossier module's submit leaves them (rows, blob files in
 * `<data>/attachments/<aa>/<sha>.pdf`, the outbox row 'waiting'), for the sync tests and the sync bench,
 * which must not depend on the dossier service to exercise the outbox. No test framework imports here.
 */
export const blobPathIn = (dataDir: string) => (sha256: string) =>
  join(dataDir, 'attachments', sha256.slice(0, 2), `${sha256}.pdf`);

export interface Seeded {
  id: string;
  code: string;
  files: { sha256: string; bytes: number; componentId: string }[];
}

const procedure = {
  id: 'khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
};

export function seedDossier(
  db: Database.Database,
  dataDir: string,
  options: {
    now: Date;
    /** Each attachment: its bytes, or a size for random bytes. */
    attachments?: (Buffer | number)[];
    data?: Record<string, unknown>;
    assistedBy?: number | null;
    /** The reception columns (migration 0013); none: NULL, as a row written before it. */
    reception?: { state: 'pending' | 'received' | 'refused'; at?: string; by?: string; reason?: string };
  },
): Seeded {
  const id = randomUUID();
  const day = options.now.toISOString().slice(0, 10);
  const at = options.now.toISOString();
  const path = blobPathIn(dataDir);
  // Files first (as the dossier module does: the row must never point at a file that is not there).
  const files = (options.attachments ?? [2048]).map((a, i) => {
    const bytes = typeof a === 'number' ? randomBytes(a) : a;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = path(sha256);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, bytes);
    return { sha256, bytes: bytes.length, componentId: i === 0 ? 'giay-chung-sinh' : `giay-to-${i}` };
  });
  let code = '';
  db.transaction(() => {
    const seq = db
      .prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM dossiers WHERE day = ?`)
      .pluck()
      .get(day) as number;
    code = `000.00.12.H29-K01-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
    db.prepare(
      `INSERT INTO dossiers (id, procedure_id, procedure_json, status, data_json, contact_json, assisted_by,
         code, day, seq, received_at, due_date, applicant_name, current_status, created_at, updated_at)
       VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, '2026-11-30', 'Nguyễn Văn A', 'received', ?, ?)`,
    ).run(
      id,
      procedure.id,
      JSON.stringify(procedure),
      JSON.stringify(options.data ?? { hoTen: 'Nguyễn Văn A' }),
      JSON.stringify({ phone: '0900000000' }),
      options.assistedBy ?? null,
      code,
      day,
      seq,
      at,
      at,
      at,
    );
    if (options.reception) {
      const r = options.reception;
      db.prepare(
        `UPDATE dossiers SET reception = ?, reception_at = ?, reception_by = ?, refusal_reason = ?,
           reception_source = ?, current_status = ? WHERE id = ?`,
      ).run(
        r.state,
        r.at ?? null,
        r.by ?? null,
        r.reason ?? null,
        r.state === 'pending' ? null : 'counter',
        // The national status its reception stands for: 1 (submitted), 2 (received) or 3 (refused).
        r.state === 'pending' ? 'submitted' : r.state,
        id,
      );
    }
    for (const f of files) {
      db.prepare(`INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)`).run(
        f.sha256,
        f.bytes,
        at,
      );
      db.prepare(
        `INSERT INTO attachments (id, dossier_id, component_id, position, name, kind, pages, sha256, created_at)
         VALUES (?, ?, ?, 0, ?, 'pdf', 1, ?, ?)`,
      ).run(randomUUID(), id, f.componentId, `${f.componentId}.pdf`, f.sha256, at);
    }
    db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, source) VALUES (?, 'received', ?, 'kiosk')`,
    ).run(id, at);
    db.prepare(
      `INSERT INTO outbox (dossier_id, state, next_attempt_at, created_at, updated_at)
       VALUES (?, 'waiting', ?, ?, ?)`,
    ).run(id, at, at, at);
  })();
  return { id, code, files };
}
