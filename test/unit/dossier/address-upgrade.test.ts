import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { type AddressBook, createAddressBook } from '../../../main/core/address';
import { createAudit } from '../../../main/core/audit';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { validateForm } from '../../../main/core/catalogue/validate-form';
import { migrate } from '../../../main/core/db/migrate';
import { migrations } from '../../../main/core/db/migrations';
import { ADDRESS_STEP, upgradeStoredAddresses } from '../../../main/core/dossier';
import { addressPaths } from '../../../main/core/dossier/address-upgrade';
import { makeCore, quietLogs, tempDir } from '../helpers';

quietLogs();

const now = new Date('2026-12-07T02:00:00Z');
type Node = Record<string, unknown>;

const seed = (id: string): Procedure => {
  const p = SEED_PROCEDURES.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};

/** The procedure as a draft copied it before the reform: each address a text line with a textarea. */
function before(p: Procedure): Procedure {
  const old = structuredClone(p);
  const schema = old.form.schema as Node;
  const ui = old.form.uiSchema as Node;
  for (const path of addressPaths(schema)) {
    let node = schema;
    let uiNode = ui;
    for (const k of path.slice(0, -1)) {
      node = (node.properties as Node)[k] as Node;
      uiNode = (uiNode[k] ??= {}) as Node;
    }
    const key = path.at(-1)!;
    const field = (node.properties as Node)[key] as Node;
    (node.properties as Node)[key] = {
      type: 'string',
      title: field.title,
      titleEn: field.titleEn,
      minLength: 1,
      maxLength: 250,
    };
    uiNode[key] = { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } };
  }
  return old;
}

// Phường Kim Mã was split (three new wards); Phường Phúc Xá went whole to Phường Hồng Hà; Phường Bến
// Nghé, Quận 1 whole to Phường Sài Gòn.
const SPLIT = 'Số 5 ngõ 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội';
const WHOLE = 'Số 3 phố Phúc Xá, Phường Phúc Xá, Quận Ba Đình, Hà Nội';
const WHOLE_HCM = 'Số 8 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM';

let book: AddressBook;
beforeAll(() => {
  const db = new Database(':memory:');
  migrate(db, { now });
  const clock = { now: () => now };
  book = createAddressBook(db, { clock, audit: createAudit(db, clock), timeZone: 'Asia/Ho_Chi_Minh' });
});

/** A database at schema 11 (before the step's table) holding a draft, a parked and a submitted dossier. */
function previousVersion(file = ':memory:'): Database.Database {
  const db = new Database(file);
  migrate(db, { now, upTo: 11 });
  const statement = db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, status, data_json, code, received_at, due_date,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'then', 'then')`,
  );
  const insert = (
    id: string,
    procedure: string,
    json: string,
    status: string,
    data: string,
    code: string | null,
  ) => statement.run(id, procedure, json, status, data, code, code && 'then', code && '2026-11-26');
  const khaiSinh = before(seed('dang-ky-khai-sinh'));
  insert(
    'draft',
    khaiSinh.id,
    JSON.stringify(khaiSinh),
    'draft',
    JSON.stringify({
      nguoiYeuCau: { fullName: 'Nguyễn Văn Bình', idNumber: '001088054321', address: WHOLE, quanHe: 'Cha' },
      me: { fullName: 'Trần Thị Mai', address: SPLIT },
      cha: { fullName: 'Nguyễn Văn Bình', address: '  ' },
    }),
    null,
  );
  const tamTru = before(seed('dang-ky-tam-tru'));
  insert(
    'parked',
    tamTru.id,
    JSON.stringify(tamTru),
    'parked',
    JSON.stringify({ nguoiDangKy: { fullName: 'Lê Thị Hồng' }, diaChi: WHOLE_HCM }),
    null,
  );
  insert(
    'submitted',
    khaiSinh.id,
    JSON.stringify(khaiSinh),
    'submitted',
    JSON.stringify({ me: { fullName: 'Trần Thị Mai', address: SPLIT } }),
    '000.00.12.H29-K01-261123-0001',
  );
  return db;
}

const run = (db: Database.Database) =>
  upgradeStoredAddresses(db, {
    resolve: (text) => book.resolve(text),
    current: (id) => SEED_PROCEDURES.find((p) => p.id === id) ?? null,
    now,
  });

function row(db: Database.Database, id: string): { procedure: Procedure; data: Node; raw: unknown } {
  const r = db
    .prepare('SELECT procedure_json AS p, data_json AS d, updated_at AS u FROM dossiers WHERE id = ?')
    .get(id) as { p: string; d: string; u: string };
  return { procedure: JSON.parse(r.p) as Procedure, data: JSON.parse(r.d) as Node, raw: r };
}

describe('stored addresses carried over to the structured field (dossier_upgrades)', () => {
  it('turns a draft’s and a parked dossier’s string addresses into structured ones, once', () => {
    const db = previousVersion();
    const submitted = row(db, 'submitted').raw;
    expect(migrate(db, { now })).toEqual(migrations.filter((m) => m.version >= 12).map((m) => m.version));
    expect(run(db)).toEqual({ dossiers: 2, addresses: 3 });

    const draft = row(db, 'draft');
    const person = (k: string) => draft.data[k] as Node;
    // One new commune: filled, the street as read, the text composed, the card's text kept.
    expect(person('nguoiYeuCau').address).toEqual({
      street: 'Số 3 phố Phúc Xá',
      communeCode: '00097',
      commune: 'Phường Hồng Hà',
      province: 'Thành phố Hà Nội',
      provinceCode: '01',
      text: 'Số 3 phố Phúc Xá, Phường Hồng Hà, Thành phố Hà Nội',
      asWritten: WHOLE,
    });
    // Split: no commune chosen for the citizen; the old text stays what is shown.
    expect(person('me').address).toEqual({ street: '', text: SPLIT, asWritten: SPLIT });
    // An empty line was no address: the widget starts empty.
    expect(person('cha')).toEqual({ fullName: 'Nguyễn Văn Bình' });

    // The draft's own copy of the form now has the address field and widget, its titles kept.
    const schema = draft.procedure.form.schema as Node;
    const me = (schema.properties as Node).me as Node;
    expect((me.properties as Node).address).toMatchObject({ type: 'object', title: 'Nơi cư trú' });
    expect(((draft.procedure.form.uiSchema as Node).me as Node).address).toEqual({ 'ui:field': 'address' });
    // So the form asks for the split one's commune, and for nothing else of the addresses.
    const problems = validateForm(draft.procedure, draft.data, { now }).map((p) => p.field ?? '');
    expect(problems.filter((f) => f.includes('address'))).toEqual([
      'me.address.communeCode',
      'me.address.commune',
      'me.address.province',
      'me.address.provinceCode',
      'cha.address', // was blank, as it is now
    ]);

    const parked = row(db, 'parked');
    expect(parked.data.diaChi).toMatchObject({
      communeCode: '26740',
      commune: 'Phường Sài Gòn',
      asWritten: WHOLE_HCM,
    });
    expect((parked.raw as { u: string }).u).toBe('then'); // not the citizen's activity: the sweep's clock stands
    expect(validateForm(parked.procedure, parked.data, { now }).map((p) => p.field)).not.toContain('diaChi');

    // Submitted: as filed, byte for byte.
    expect(row(db, 'submitted').raw).toEqual(submitted);
    expect(db.prepare('SELECT step, applied_at, dossiers FROM dossier_upgrades').all()).toEqual([
      { step: ADDRESS_STEP, applied_at: now.toISOString(), dossiers: 2 },
    ]);

    // Recorded: a second start does nothing, even to a string that appeared since.
    db.prepare(`UPDATE dossiers SET data_json = ? WHERE id = 'parked'`).run(
      JSON.stringify({ diaChi: WHOLE }),
    );
    expect(run(db)).toBeNull();
    expect(row(db, 'parked').data).toEqual({ diaChi: WHOLE });
  });

  it('changes nothing and records nothing when the resolver fails, so the next start tries again', () => {
    const db = previousVersion();
    migrate(db, { now });
    const beforeRows = db.prepare('SELECT * FROM dossiers ORDER BY id').all();
    expect(() =>
      upgradeStoredAddresses(db, {
        resolve: () => {
          throw new Error('dataset missing');
        },
        current: (id) => SEED_PROCEDURES.find((p) => p.id === id) ?? null,
        now,
      }),
    ).toThrow('dataset missing');
    expect(db.prepare('SELECT * FROM dossiers ORDER BY id').all()).toEqual(beforeRows);
    expect(db.prepare('SELECT count(*) FROM dossier_upgrades').pluck().get()).toBe(0);
  });

  it('leaves a form the catalogue no longer has, and one already structured, as they are', () => {
    const db = previousVersion();
    migrate(db, { now });
    const draftBefore = row(db, 'draft').raw;
    const result = upgradeStoredAddresses(db, {
      resolve: (text) => book.resolve(text),
      current: (id) => (id === 'dang-ky-tam-tru' ? seed(id) : null),
      now,
    });
    expect(result).toEqual({ dossiers: 1, addresses: 1 });
    expect(row(db, 'draft').raw).toEqual(draftBefore);
  });

  it('runs when the kiosk starts on a database from before', async () => {
    const dataDir = tempDir();
    previousVersion(join(dataDir, 'kiosk.db')).close();
    await makeCore({ dataDir });
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    try {
      expect((row(db, 'parked').data.diaChi as Node).communeCode).toBe('26740');
      expect(((row(db, 'draft').data.me as Node).address as Node).asWritten).toBe(SPLIT);
      expect(db.prepare('SELECT step FROM dossier_upgrades').pluck().all()).toEqual([ADDRESS_STEP]);
    } finally {
      db.close();
    }
  });
});
