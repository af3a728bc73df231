import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type Database from 'better-sqlite3';
import type { EventName, EventPayload, Problem, Procedure } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import { manualClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import type { KioskConfigInput } from '../../../main/core/config/schema';
import { openDatabase } from '../../../main/core/db/open';
import { createDossiers, type DossierDeps } from '../../../main/core/dossier';
import type { ReceiptData } from '../../../main/core/print/receipt-data';
import { KioskFailure } from '../../../main/core/errors';
import { testDecoder } from '../file-worker';
import { insertStaff } from '../staff-rows';

/**
 * Small stand-ins for the modules built beside the dossier service (catalogue, print), and builders
 * for real PDF, JPEG and PNG files. Shared by the dossier tests and the submit worker.
 */

const component = (
  id: string,
  accept: Procedure['components'][number]['accept'],
  extra: Partial<Procedure['components'][number]> = {},
): Procedure['components'][number] => ({
  id,
  name: `Giấy ${id}`,
  nameEn: `Paper ${id}`,
  form: 'copy',
  copies: 1,
  required: true,
  condition: null,
  conditionEn: null,
  accept,
  fromForm: false,
  ...extra,
});

/** A birth registration shaped like the catalogue's: the declaration comes from the form. */
export const birthProcedure: Procedure = {
  id: 'khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  field: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 3,
  processingDays: 3,
  fee: { amount: 0, text: 'Miễn lệ phí' },
  agency: 'UBND cấp xã',
  legalBasis: ['Luật Hộ tịch 2014'],
  components: [
    component('to-khai', ['pdf'], { fromForm: true, form: 'original' }),
    component('giay-chung-sinh', ['pdf', 'jpeg', 'png'], { form: 'original' }),
    component('anh-cccd', ['jpeg', 'png']),
    component('giay-ket-hon', ['pdf', 'jpeg', 'png'], {
      required: false,
      condition: 'Nếu cha mẹ đã kết hôn',
      conditionEn: 'The parents are married',
    }),
  ],
  sets: 1,
  cutoff: null,
  postal: false,
  result: 'Giấy khai sinh (bản chính)',
  form: {
    schema: { type: 'object' },
    uiSchema: {},
    persons: [
      { path: 'child', label: { vi: 'Trẻ', en: 'Child' } },
      { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
    ],
  },
  sources: ['test fixture'],
};

/** A level-4 procedure with a fee, a 15:00 cut-off and delivery by post. */
export const feeProcedure: Procedure = {
  ...birthProcedure,
  id: 'chung-thuc',
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  nameEn: 'Certified copy',
  level: 4,
  processingDays: 2,
  fee: { amount: 20000, text: '2.000 đồng/trang' },
  components: [component('ban-chinh', ['pdf', 'jpeg', 'png'])],
  cutoff: '15:00',
  postal: true,
  form: {
    schema: { type: 'object' },
    uiSchema: {},
    persons: [{ path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Requester' } }],
  },
};

/** Nothing to attach: the declaration is the whole dossier (keeps the concurrency worker light). */
export const formOnlyProcedure: Procedure = {
  ...birthProcedure,
  id: 'xac-nhan',
  code: '1.004873',
  name: 'Xác nhận tình trạng hôn nhân',
  nameEn: 'Marital status certificate',
  components: [component('to-khai', ['pdf'], { fromForm: true, form: 'original' })],
  form: {
    schema: { type: 'object' },
    uiSchema: {},
    persons: [{ path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Requester' } }],
  },
};

const procedures = new Map([birthProcedure, feeProcedure, formOnlyProcedure].map((p) => [p.id, p]));

export function getProcedure(id: string): Procedure {
  const p = procedures.get(id);
  if (!p) throw new KioskFailure({ code: 'procedure-not-found', vi: 'Không có thủ tục', en: 'No procedure' });
  return p;
}

/** The catalogue's validator, reduced to "every person slot needs a full name". */
export function validateForm(procedure: Procedure, data: Record<string, unknown>): Problem[] {
  return procedure.form.persons
    .filter((slot) => {
      const person = data[slot.path] as { fullName?: unknown } | undefined;
      return typeof person?.fullName !== 'string' || person.fullName.trim() === '';
    })
    .map((slot) => ({
      code: 'required',
      vi: `Chưa nhập họ tên (${slot.label.vi}).`,
      en: `Full name missing (${slot.label.en}).`,
      field: `${slot.path}.fullName`,
    }));
}

export const MOTHER_ID = '001190012345';

/** Form data that passes `validateForm` for the birth registration. */
export const birthData = {
  child: { fullName: 'Nguyễn Văn An', birthDate: '2026-11-01', sex: 'male' },
  me: {
    fullName: 'Trần Thị Bình',
    idNumber: MOTHER_ID,
    // Structured (catalogue/seed/parts.ts addressField), proposed from her card's old address.
    address: {
      street: '12 Lý Thái Tổ',
      communeCode: '00070',
      commune: 'Phường Hoàn Kiếm',
      province: 'Thành phố Hà Nội',
      provinceCode: '01',
      text: '12 Lý Thái Tổ, Phường Hoàn Kiếm, Thành phố Hà Nội',
      asWritten: '12 Lý Thái Tổ, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Hà Nội',
    },
  },
};

export interface FakeReceipts {
  enqueue(data: ReceiptData, copies: number): number[];
  pdf(data: ReceiptData): Promise<Uint8Array>;
  queued: { data: ReceiptData; copies: number }[];
}

export function fakeReceipts(): FakeReceipts {
  let next = 1;
  const queued: FakeReceipts['queued'] = [];
  return {
    queued,
    enqueue(data, copies) {
      queued.push({ data, copies });
      return Array.from({ length: copies }, () => next++);
    },
    async pdf(data) {
      return new TextEncoder().encode(`%PDF-1.7 receipt ${data.code}`);
    },
  };
}

export const baseConfig: KioskConfigInput = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  kioskId: 'K07',
};

export interface Harness {
  db: Database.Database;
  dataDir: string;
  importDir: string;
  clock: ReturnType<typeof manualClock>;
  receipts: FakeReceipts;
  events: { event: EventName; payload: unknown }[];
  dossiers: ReturnType<typeof createDossiers>;
  deps: DossierDeps;
  close(): void;
}

/** A dossier service on a real database file in `dataDir`, migrated by the app's own openDatabase. */
export function harness(
  dataDir: string,
  options: { config?: Partial<KioskConfigInput>; now?: string; random?: (n: number) => Buffer } = {},
): Harness {
  const importDir = join(dataDir, 'usb');
  mkdirSync(importDir, { recursive: true });
  const clock = manualClock(options.now ?? '2026-11-23T02:00:00.000Z'); // Monday 09:00 in Hà Nội
  const { db } = openDatabase(dataDir, clock.now());
  const config = parseConfig({
    ...baseConfig,
    ...options.config,
    dossier: {
      importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: importDir }],
      maxFileBytes: 2 * 1024 * 1024,
      ...options.config?.dossier,
    },
  });
  const receipts = fakeReceipts();
  const events: Harness['events'] = [];
  const decoder = testDecoder(config);
  const deps: DossierDeps = {
    db,
    config,
    decoder,
    dataDir,
    clock,
    randomBytes: options.random ?? randomBytes,
    audit: createAudit(db, clock),
    bus: {
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        events.push({ event, payload });
      },
    },
    receipts,
    getProcedure,
    validateForm,
  };
  return {
    db,
    dataDir,
    importDir,
    clock,
    receipts,
    events,
    dossiers: createDossiers(deps),
    deps,
    close: () => {
      decoder.close();
      db.close();
    },
  };
}

// ── who and where from ─────────────────────────────────────────────────────────────────────────────

/** The staff member the dossier tests file and park as; `addStaff` writes the account their rows refer to. */
export const staff = { id: 1, user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff' as const };

export function addStaff(db: Database.Database): void {
  insertStaff(db, { id: staff.id, user: staff.user, displayName: staff.displayName });
}

/** A file in the harness's USB import folder, as an attach source. */
export const fromUsb = (name: string) => ({ kind: 'folder' as const, sourceId: 'usb', name });

/**
 * Photographs every paper `dossier.check` says a draft still misses (one PNG for each), so it can be
 * submitted; `call` makes a contract call that must succeed, as the caller the test files as.
 */
export async function photographMissing(
  call: (name: string, input: unknown) => Promise<unknown>,
  id: string,
): Promise<void> {
  const check = (await call('dossier.check', { id })) as { problems: { componentId?: string }[] };
  const photo = imageBytes('png').toString('base64');
  for (const componentId of new Set(check.problems.flatMap((p) => (p.componentId ? [p.componentId] : []))))
    await call('dossier.attach', { id, componentId, source: { kind: 'capture', dataBase64: photo } });
}

// ── files ──────────────────────────────────────────────────────────────────────────────────────────

export function imageBytes(kind: 'jpeg' | 'png', width = 400, height = 300): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#2a6';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return kind === 'jpeg' ? canvas.toBuffer('image/jpeg') : canvas.toBuffer('image/png');
}

export async function pdfBytes(pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawText(`Trang ${i + 1}`, { x: 50, y: 700 });
  return doc.save();
}

/** Rows of a table, for "nothing was stored" checks. */
export const count = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
