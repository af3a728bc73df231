// Review of issue 19's address module by an attacker and a sceptical citizen: real card addresses that
// came out silently wrong, and dataset files an admin could be tricked into installing.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../preload/api';
import { type AddressBook, createAddressBook } from '../../../main/core/address/service';
import { createAudit } from '../../../main/core/audit';
import { manualClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/open';
import { loadShippedDataset } from '../../../main/core/address/dataset';
import { addressMessage } from '../../../main/core/address/messages';
import { resolveAddress } from '../../../main/core/address/resolve';
import { searchCommunes } from '../../../main/core/address/search';
import { buildChain, worldAt } from '../../../main/core/address/world';
import { failure } from '../failures';
import { quietLogs, tempDir } from '../helpers';
import { resolution } from './fixtures';

quietLogs();

const shipped = loadShippedDataset();
const chain = buildChain([shipped]);
const resolve = (text: string) => resolveAddress(chain, text, 1);
const names = (text: string) => resolve(text).candidates.map((c) => c.name);

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** A name's spelling, its tone mark's place aside ("Thuỷ" is "Thủy"). */
const spelling = (name: string) =>
  name
    .toLowerCase()
    .split(' ')
    .map((w) => {
      const d = w.normalize('NFD');
      return (d.replace(TONES, '').normalize('NFC') + [...(d.match(TONES) ?? [])].sort().join('')).normalize(
        'NFC',
      );
    })
    .join(' ');
const TYPES = ['Thị trấn', 'Đặc khu', 'Phường', 'Xã'];
const typeOf = (name: string) => TYPES.find((t) => name.startsWith(`${t} `)) ?? '';

describe('an old commune written without its district is not silently another commune', () => {
  it('a ward written "Phường" is not the new "Xã" of the same name: the old ward is read', () => {
    // Phường Trần Phú (Quận Hoàng Mai) was split in 2025; Xã Trần Phú is another commune (Chương Mỹ).
    const r = resolve('Phường Trần Phú, Hà Nội');
    expect(r.form).toBe('old');
    expect(names('Phường Trần Phú, Hà Nội')).toEqual([
      'Phường Hoàng Mai',
      'Phường Lĩnh Nam',
      'Phường Yên Sở',
    ]);
    expect(r.candidates.every((c) => !c.whole)).toBe(true);
    expect(names('Thị trấn Mộc Châu, Sơn La')).toEqual(['Phường Mộc Sơn']);
  });

  it('a name written with its diacritics is not a new commune spelt otherwise ("Bình Thạnh" is not "Bình Thành")', () => {
    const r = resolve('Xã Bình Thạnh, Long An');
    expect(r.form).toBe('old');
    expect(r.note).toBe('several-old');
    expect(r.candidates.map((c) => c.name)).not.toContain('Xã Bình Thành');
    // Without diacritics nothing tells them apart: the new commune of the province, as issue 19 says.
    expect(resolve('Xa Binh Thanh, Long An').form).toBe('new');
    // Where the tone mark sits is style, not spelling: "Vị Thuỷ" is the new "Vị Thủy".
    expect(resolve('Xã Vị Thuỷ, Hậu Giang')).toMatchObject({
      form: 'new',
      candidates: [{ name: 'Xã Vị Thủy' }],
    });
  });

  it('every old commune written with its type, name and old province: one whole answer is its own or is written exactly as the new one', () => {
    const district = new Map(shipped.before.districts.map((d) => [d[0], d[2]]));
    const province = new Map(shipped.before.provinces.map((p) => [p[0], p[1]]));
    const commune = new Map(shipped.communes.map((c) => [c[0], c[1]]));
    const wrong: string[] = [];
    for (const [, name, parent, to] of shipped.before.communes) {
      if (to.length === 0) continue;
      const text = `${name}, ${province.get(district.get(parent) ?? '') ?? ''}`;
      const [only, ...more] = resolve(text).candidates;
      if (!only || more.length > 0 || to.includes(only.code)) continue;
      const other = commune.get(only.code) ?? '';
      if (typeOf(other) !== typeOf(name) || spelling(other) !== spelling(name))
        wrong.push(`${text} → ${other}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('a name too many communes share', () => {
  it.each(['Phường 1', 'Xa Tan Thanh'])(
    '%j offers no list and says the name is shared, not that the commune was merged before 2025',
    (text) => {
      const r = resolve(text);
      expect(r.candidates).toEqual([]);
      expect(r.note).toMatch(/^several-/);
      expect(addressMessage(r)?.vi).toBe(
        'Có nhiều xã/phường mang tên này. Vui lòng chọn tỉnh/thành phố và xã/phường trong danh sách.',
      );
    },
  );
});

describe('a dataset file an admin could be tricked into installing', () => {
  const admin: StaffUser = { id: 1, user: 'admin', displayName: 'Quản trị', role: 'admin' };
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  function book(): AddressBook {
    const clock = manualClock('2026-11-23T02:00:00.000Z');
    const { db } = openDatabase(tempDir(), clock.now());
    open.push(db);
    db.prepare(
      `INSERT INTO staff_users (id, user, display_name, role, pin_hash, created_at)
       VALUES (1, 'admin', 'Quản trị', 'admin', 'x', '2026-01-01T00:00:00Z')`,
    ).run();
    return createAddressBook(db, {
      clock,
      audit: createAudit(db, clock),
      timeZone: 'Asia/Ho_Chi_Minh',
      shipped: () => shipped,
    });
  }

  it('a following file that sends a commune nowhere is refused: its addresses would be lost', () => {
    const b = book();
    // Phường Ngọc Hà listed as changed, with no destination; or kept and still sent nowhere.
    for (const communes of [resolution().communes, shipped.communes]) {
      const file = resolution('2026-03-01', {
        communes,
        before: { ...resolution().before, communes: [['00008', 'Phường Ngọc Hà', '01', []]] },
      });
      expect(failure(() => b.install(JSON.stringify(file), admin)).code).toBe('address-dataset-out-of-order');
    }
    expect(b.datasets()).toHaveLength(1);
    expect(b.resolve('Phường Ngọc Hà, Hà Nội').candidates).toHaveLength(1);
  });
});

describe('a card written before the rearrangement of 1 January 2025, its district gone since', () => {
  // The register (4 January 2025) no longer has these districts; their communes it has, under another.
  it.each([
    ['Phường Phú Hội, Thành phố Huế, Tỉnh Thừa Thiên Huế', 'Phường Phú Hội, Quận Thuận Hóa, Thành phố Huế'],
    ['Phường Vĩnh Ninh, TP Huế, Thừa Thiên Huế', 'Phường Vĩnh Ninh, Quận Thuận Hóa, Huế'],
    ['Thôn 3, Xã Mỹ Hà, Huyện Mỹ Lộc, Tỉnh Nam Định', 'Xã Mỹ Hà, Thành phố Nam Định, Nam Định'],
    ['Xã Mỹ Hà Huyện Mỹ Lộc Nam Định', 'Xã Mỹ Hà, Thành phố Nam Định, Nam Định'],
    ['Xã Tư Mại, Huyện Yên Dũng, Bắc Giang', 'Xã Tư Mại, Thành phố Bắc Giang, Bắc Giang'],
  ])('%j is read by its commune in its province, as %j', (text, now) => {
    const r = resolve(text);
    expect(r.form).toBe('old');
    expect(r.candidates).toEqual(resolve(now).candidates);
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.parts.district).toMatch(/Huế|Mỹ Lộc|Yên Dũng/);
  });

  it('a commune the province never had, or of another type, is still not found', () => {
    for (const text of [
      'Phường Bến Thành, Quận Không Có, Hà Nội',
      'Xã Phú Hội, Huyện Không Có, Huế',
      // A district of another province: the province is wrong, not the district gone (Thanh Hóa has a
      // Phường Hải Châu too).
      'Phường Hải Châu, Quận Hải Châu, Thanh Hóa',
    ])
      expect(resolve(text), text).toMatchObject({ candidates: [], note: 'commune-missing' });
  });
});

describe('provinces as people abbreviate them', () => {
  it.each([
    ['Phường Thắng Nhì, TP Vũng Tàu, BR-VT', 'Phường Vũng Tàu'],
    ['Phường Bến Thành, Quận 1, HCMC', 'Phường Bến Thành'],
    ['Phường Bến Thành, Quận 1, Ho Chi Minh City', 'Phường Bến Thành'],
  ])('%j', (text, commune) => {
    expect(names(text)).toEqual([commune]);
  });
});

describe('a commune not found before a district written without its type word', () => {
  // Many new communes are named after the old district ("Phường Ba Đình", "Xã Quốc Oai", "Phường Gò Vấp"):
  // a ward mistyped, or merged before the register, must not make the district read as that commune.
  it.each([
    ['Phường Kim Maa, Ba Đình, Hà Nội', 'Ba Đình'],
    ['Thôn Quận, Xã Tân Hòa, Quốc Oai, Hà Nội', 'Quốc Oai'],
    ['Phường 19, Gò Vấp, TP.HCM', 'Gò Vấp'],
  ])('%j asks for the commune, in the old district %j', (text, district) => {
    expect(resolve(text)).toMatchObject({
      form: 'old',
      parts: { district },
      candidates: [],
      note: 'commune-missing',
    });
  });

  it('an address without a commune before it still reads the name as the new commune', () => {
    expect(names('Thôn 3, Quốc Oai, Hà Nội')).toEqual(['Xã Quốc Oai']);
    expect(names('Phường Kim Mã, Ba Đình, Hà Nội')).toHaveLength(3);
  });
});

describe('the picker, typed one letter at a time on the kiosk keyboard', () => {
  const world = worldAt(chain, 1);
  const found = (query: string, province?: string) =>
    searchCommunes(world, query, province).map((c) => c.name);

  it('a first letter that abbreviates a unit type is the start of a name ("H" for Hà Đông)', () => {
    expect(found('h', '01')).toContain('Phường Hà Đông');
    expect(found('H', '01')).toContain('Phường Hoàn Kiếm');
    expect(found('p', '01')).toContain('Phường Phú Diễn');
    expect(found('x', '01')).toContain('Xã Xuân Mai');
    expect(found('q', '01')).toContain('Xã Quốc Oai');
    expect(found('tt', '01')).toEqual([]);
  });

  it('a type word before a name still narrows by type', () => {
    expect(found('p ben')).toEqual(['Phường Bến Cát', 'Phường Bến Thành', 'Phường Bến Tre']);
    expect(found('phuong ben thanh')).toEqual(['Phường Bến Thành']);
    expect(found('xa ben')).not.toContain('Phường Bến Thành');
  });
});
