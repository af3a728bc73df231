import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../main/core/dossier';
import { tempDir } from '../helpers';
import {
  type Harness,
  birthData,
  birthProcedure,
  count,
  feeProcedure,
  harness,
  imageBytes,
  pdfBytes,
  addStaff,
  fromUsb,
  staff,
} from './fixtures';
import { failure } from '../failures';

let h: Harness;
afterEach(() => h?.close());

describe('drafts', () => {
  it('starts a draft with a copy of the procedure, recording who assisted', () => {
    h = harness(tempDir());
    addStaff(h.db);
    const citizen = h.dossiers.create(birthProcedure.id);
    expect(citizen).toMatchObject({
      procedureId: 'khai-sinh',
      procedureName: 'Đăng ký khai sinh',
      status: 'draft',
      data: {},
      delivery: { method: 'counter' },
      contact: {},
      attachments: [],
      assistedBy: null,
      code: null,
      parkCode: null,
    });
    expect(citizen.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const assisted = h.dossiers.create(birthProcedure.id, { staff });
    expect(assisted.assistedBy).toEqual({ id: 1, displayName: 'Nguyễn Thị Lan' });
    const snapshot = h.db.prepare('SELECT procedure_json FROM dossiers WHERE id = ?').pluck().get(citizen.id);
    expect(JSON.parse(snapshot as string)).toEqual(birthProcedure);
  });

  it('saves form, delivery and contact, and survives a restart', () => {
    const dir = tempDir();
    h = harness(dir);
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
    h.close();
    h = harness(dir);
    expect(h.dossiers.get(id)).toMatchObject({ data: birthData, contact: { phone: '0912345678' } });
  });

  it.each([
    [{ data: { me: { fullName: '<script>alert(1)</script>' } } }, 'data.me.fullName', 'text-markup-refused'],
    [
      { data: { child: { fullName: 'An<img src=x onerror=alert(1)>' } } },
      'data.child.fullName',
      'text-markup-refused',
    ],
    [
      { data: { children: [{ fullName: 'An' }, { fullName: 'B\u0007' }] } },
      'data.children.1.fullName',
      'text-control-refused',
    ],
    [{ data: { note: 'abc\u202Efdp.exe' } }, 'data.note', 'text-control-refused'],
    [{ data: { '<b>': 'x' } }, 'data.<b>', 'text-markup-refused'],
    [
      { contact: { email: 'a@b.vn', phone: '0912345678' }, data: { me: { address: '</p>12 Lý' } } },
      'data.me.address',
      'text-markup-refused',
    ],
    [
      { data: { me: { address: { street: '12 Lý', text: '12 Lý <script>' } } } },
      'data.me.address.text',
      'text-markup-refused',
    ],
  ])('refuses %j, pointing at %s, and stores nothing', (change, field, code) => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: birthData });
    const before = h.db.prepare('SELECT data_json, contact_json, updated_at FROM dossiers').get();
    h.clock.advance(60_000);
    const error = failure(() => h.dossiers.update({ id, ...change }));
    expect(error).toMatchObject({ code, field });
    // The path is for the screen (it puts the field's own label on it); the words say what to do.
    expect(error.vi).not.toContain(field);
    expect(h.db.prepare('SELECT data_json, contact_json, updated_at FROM dossiers').get()).toEqual(before);
  });

  it('keeps ordinary text: a lone "<", line breaks, Vietnamese letters', () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    const data = { me: { fullName: 'Đặng Thị Ửng', address: 'Số 3 < số 5\nPhường Bến Nghé' } };
    expect(h.dossiers.update({ id, data }).data).toEqual(data);
  });

  it('saves an address half-filled, as the widget leaves it between steps; only submit wants it whole', () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    const old = '12 Lý Thái Tổ, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Hà Nội';
    const data = {
      me: { fullName: 'Trần Thị Bình', address: { street: '12 Lý Thái Tổ', text: old, asWritten: old } },
    };
    expect(h.dossiers.update({ id, data }).data).toEqual(data);
    expect(h.dossiers.get(id).data).toEqual(data);
  });

  it('reorders a paper’s files and removes those left out, releasing their stored copy', async () => {
    h = harness(tempDir(), { config: { dossier: { maxFileBytes: 2_000_000 } } });
    const { id } = h.dossiers.create(birthProcedure.id);
    for (const [name, pages] of [
      ['a.pdf', 1],
      ['b.pdf', 2],
      ['c.pdf', 3],
    ] as const) {
      writeFileSync(join(h.importDir, name), await pdfBytes(pages));
      await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb(name) });
    }
    const [a, b, c] = h.dossiers.get(id).attachments;
    h.clock.advance(60 * 60_000); // older than the sweep's grace period
    const arranged = h.dossiers.arrange({
      id,
      componentId: 'giay-chung-sinh',
      attachmentIds: [c!.id, a!.id],
    });
    expect(arranged.attachments.map((x) => x.pages)).toEqual([3, 1]);
    expect(count(h.db, 'blobs')).toBe(2);
    expect(existsSync(blobPath(h.dataDir, b!.sha256))).toBe(false);
    expect(
      failure(() => h.dossiers.arrange({ id, componentId: 'giay-chung-sinh', attachmentIds: [a!.id, a!.id] }))
        .code,
    ).toBe('attachment-duplicate');
    expect(
      failure(() => h.dossiers.arrange({ id, componentId: 'anh-cccd', attachmentIds: [a!.id] })).code,
    ).toBe('attachment-unknown');
  });

  it('discards a citizen draft with its files, but not a parked one', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    const { attachments } = await h.dossiers.attach({
      id,
      componentId: 'anh-cccd',
      source: fromUsb('a.jpg'),
    });
    h.clock.advance(60 * 60_000);
    h.dossiers.discard(id);
    expect(count(h.db, 'dossiers')).toBe(0);
    expect(count(h.db, 'attachments')).toBe(0);
    expect(count(h.db, 'blobs')).toBe(0);
    expect(existsSync(blobPath(h.dataDir, attachments[0]!.sha256))).toBe(false);
    expect(failure(() => h.dossiers.get(id)).code).toBe('dossier-not-found');

    addStaff(h.db);
    const parked = h.dossiers.park(h.dossiers.create(birthProcedure.id).id, staff);
    expect(failure(() => h.dossiers.discard(parked.id)).code).toBe('dossier-parked');
    expect(count(h.db, 'dossiers')).toBe(1);
  });
});

describe('completeness check', () => {
  it('lists every problem at once, each pointing at what to fix', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: { child: { fullName: 'An' } }, contact: { phone: '0912345678' } });
    // A file of a kind the paper does not accept (possible only if the catalogue changed its rule).
    writeFileSync(join(h.importDir, 'cs.pdf'), await pdfBytes());
    const { attachments } = await h.dossiers.attach({
      id,
      componentId: 'giay-chung-sinh',
      source: fromUsb('cs.pdf'),
    });
    h.db.prepare("UPDATE attachments SET component_id = 'anh-cccd' WHERE id = ?").run(attachments[0]!.id);
    // Delivery by post, which this procedure does not offer.
    h.db.prepare(`UPDATE dossiers SET delivery_json = ? WHERE id = ?`).run(
      JSON.stringify({
        method: 'post',
        address: { recipient: 'A', street: 'B', ward: 'C', province: 'D', phone: '0912345678' },
      }),
      id,
    );

    const result = h.dossiers.check(id);
    expect(result.complete).toBe(false);
    expect(result.problems.map((p) => [p.code, p.field ?? p.componentId])).toEqual([
      ['required', 'me.fullName'],
      ['component-missing', 'giay-chung-sinh'],
      ['component-wrong-kind', 'anh-cccd'],
      ['post-not-offered', 'delivery.method'],
    ]);
    for (const p of result.problems) {
      expect(p.vi.length).toBeGreaterThan(10);
      expect(p.en.length).toBeGreaterThan(10);
    }
    // The conditional paper (marriage certificate) and the form-made declaration are not asked for.
    expect(result.problems.some((p) => p.componentId === 'giay-ket-hon' || p.componentId === 'to-khai')).toBe(
      false,
    );
  });

  it('asks a level-4 or postal dossier for a contact, and a postal one for a complete address', () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(feeProcedure.id);
    h.dossiers.update({ id, data: { nguoiYeuCau: { fullName: 'Lê Văn C' } } });
    h.db.prepare(`UPDATE dossiers SET delivery_json = ? WHERE id = ?`).run(
      JSON.stringify({
        method: 'post',
        address: { recipient: 'Lê Văn C', street: '', ward: 'Bến Nghé', province: '', phone: '12' },
      }),
      id,
    );
    const fields = h.dossiers.check(id).problems.map((p) => p.field ?? p.componentId);
    expect(fields).toEqual([
      'ban-chinh',
      'delivery.address.street',
      'delivery.address.province',
      'delivery.address.phone',
      'contact.phone',
    ]);
  });

  it('says complete when nothing is missing', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: birthData });
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('a.jpg') });
    await h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('a.jpg') });
    expect(h.dossiers.check(id)).toEqual({ complete: true, problems: [] });
  });
});
