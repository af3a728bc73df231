// The address book: the shipped dataset plus newer ones an admin installs, chained by effective date, so
// an old card address goes through every change in effect since; a bad file changes nothing.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import { manualClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/open';
import { type AddressBook, createAddressBook } from '../../../main/core/address';
import { loadShippedDataset } from '../../../main/core/address/dataset';
import { resolution } from './fixtures';
import { failure } from '../failures';
import { local, makeCore, quietLogs, tempDir } from '../helpers';

quietLogs();

const admin: StaffUser = { id: 1, user: 'admin', displayName: 'Trần Văn Quản', role: 'admin' };
const shipped = loadShippedDataset();
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function bookIn(
  dir: string,
  now = '2026-11-23T02:00:00.000Z',
): { db: Database.Database; book: AddressBook; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(now);
  const { db } = openDatabase(dir, clock.now());
  open.push(db);
  db.prepare(
    `INSERT OR IGNORE INTO staff_users (id, user, display_name, role, pin_hash, created_at)
     VALUES (1, 'admin', 'Trần Văn Quản', 'admin', 'x', '2026-01-01T00:00:00Z')`,
  ).run();
  const book = createAddressBook(db, {
    clock,
    audit: createAudit(db, clock),
    timeZone: 'Asia/Ho_Chi_Minh',
    shipped: () => shipped,
  });
  return { db, book, clock };
}

const KIM_MA = 'Phường Kim Mã, Quận Ba Đình, Hà Nội';
const names = (book: AddressBook, text: string, asOf?: string) =>
  book.resolve(text, asOf).candidates.map((c) => c.name);
const rows = (db: Database.Database) =>
  (db.prepare('SELECT count(*) AS n FROM address_datasets').get() as { n: number }).n;
const auditActions = (db: Database.Database) =>
  (db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('the address book', () => {
  it('starts with the shipped dataset, in force, and says what it found and what to do', () => {
    const { book } = bookIn(tempDir());
    expect(book.datasets()).toEqual([
      expect.objectContaining({ version: '2025-07-01', origin: 'shipped', inForce: true, communes: 3321 }),
    ]);
    const r = book.resolve(KIM_MA);
    expect(r.dataset).toEqual({ version: '2025-07-01', effective: '2025-07-01' });
    expect(r.message?.vi).toBe(
      'Phường Kim Mã cũ nay thuộc một trong các xã/phường: Phường Ba Đình, Phường Giảng Võ, Phường Ngọc Hà. Vui lòng chọn nơi ở của quý vị.',
    );
    expect(book.resolve('Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên').message?.vi).toBe(
      'Xã Yên Phú cũ nay là Xã Việt Yên, Tỉnh Hưng Yên. Quý vị kiểm tra lại giúp.',
    );
    expect(book.resolve('Phường Ba Đình, Hà Nội').message).toBeNull();
  });

  it('an installed resolution chains: an old address goes through 2025 and the later change', () => {
    const { db, book } = bookIn(tempDir());
    const info = book.install(JSON.stringify(resolution()), admin);
    expect(info).toMatchObject({
      version: '2026-03-01',
      origin: 'installed',
      inForce: true,
      installedBy: 'Trần Văn Quản',
    });
    expect(book.datasets().map((d) => [d.version, d.inForce])).toEqual([
      ['2025-07-01', false],
      ['2026-03-01', true],
    ]);
    // Kim Mã (old) → Ba Đình, Giảng Võ, Ngọc Hà (2025) → Ba Đình, Giảng Võ Mới (2026).
    expect(names(book, KIM_MA)).toEqual(['Phường Ba Đình', 'Phường Giảng Võ Mới']);
    // A 2025 address of a ward merged since is read as old and carried.
    const ngocHa = book.resolve('Phường Ngọc Hà, Hà Nội');
    expect(ngocHa).toMatchObject({
      form: 'old',
      candidates: [expect.objectContaining({ name: 'Phường Ba Đình', whole: true })],
    });
    // Asked as of a day before the resolution, the answer is the 2025 one.
    expect(names(book, KIM_MA, '2026-01-15')).toEqual([
      'Phường Ba Đình',
      'Phường Giảng Võ',
      'Phường Ngọc Hà',
    ]);
    expect(book.resolve(KIM_MA, '2026-01-15').dataset.version).toBe('2025-07-01');
    expect(book.search('ngoc ha').map((c) => c.name)).toEqual([]);
    expect(book.search('ngoc ha', '01', '2026-01-15').map((c) => c.name)).toEqual(['Phường Ngọc Hà']);
    expect(auditActions(db)).toEqual(['address.installDataset']);
  });

  it('keeps the installed dataset across a restart, apart from the shipped one', () => {
    const dir = tempDir();
    bookIn(dir).book.install(JSON.stringify(resolution()), admin);
    for (const db of open.splice(0)) db.close();
    const { book } = bookIn(dir);
    expect(book.datasets().map((d) => d.origin)).toEqual(['shipped', 'installed']);
    expect(names(book, KIM_MA)).toEqual(['Phường Ba Đình', 'Phường Giảng Võ Mới']);
  });

  it('a resolution whose date has not come is installed but not used until then', () => {
    const { book, clock } = bookIn(tempDir());
    book.install(JSON.stringify(resolution('2027-01-01')), admin);
    expect(names(book, KIM_MA)).toHaveLength(3);
    clock.set(new Date('2027-01-01T00:30:00+07:00'));
    expect(names(book, KIM_MA)).toHaveLength(2);
  });

  it.each([
    ['not JSON', () => '{"kind": "vn-admin-units",', 'address-dataset-not-json'],
    ['not a dataset', () => JSON.stringify({ hello: 'world' }), 'address-dataset-invalid'],
    [
      'a commune pointing at no province',
      () => JSON.stringify(resolution('2026-03-01', { provinces: shipped.provinces.slice(1) })),
      'address-dataset-invalid',
    ],
    [
      'following another version',
      () => JSON.stringify(resolution('2026-03-01', { replaces: '2024-01-01' })),
      'address-dataset-out-of-order',
    ],
    ['not after the latest', () => JSON.stringify(resolution('2025-06-01')), 'address-dataset-out-of-order'],
    [
      'dropping a commune without saying where it went',
      () => {
        const d = resolution();
        return JSON.stringify({ ...d, communes: d.communes.filter(([c]) => c !== '00025') });
      },
      'address-dataset-out-of-order',
    ],
  ])('a file %s is refused with a clear message, and nothing changes', (_, file, code) => {
    const { db, book } = bookIn(tempDir());
    const error = failure(() => book.install(file(), admin));
    expect(error.code).toBe(code);
    expect(error.vi).toMatch(/Không có gì thay đổi\.$/);
    expect(rows(db)).toBe(0);
    expect(auditActions(db)).toEqual([]);
    expect(names(book, KIM_MA)).toHaveLength(3);
  });

  it('the same version twice is refused', () => {
    const { book } = bookIn(tempDir());
    book.install(JSON.stringify(resolution()), admin);
    expect(failure(() => book.install(JSON.stringify(resolution()), admin)).code).toBe(
      'address-dataset-installed',
    );
  });
});

describe('address methods through the dispatcher', () => {
  it('the kiosk window reads addresses; installing a dataset needs an admin', async () => {
    const { core } = await makeCore();
    const r = await core.call('address.resolve', { text: KIM_MA }, local);
    expect(r.ok && (r.value as { candidates: unknown[] }).candidates).toHaveLength(3);
    const search = await core.call('address.search', { query: 'ben thanh' }, local);
    expect(search.ok && (search.value as { communes: { name: string }[] }).communes[0]?.name).toBe(
      'Phường Bến Thành',
    );
    const install = await core.call(
      'address.installDataset',
      { dataset: JSON.stringify(resolution()) },
      local,
    );
    expect(install.ok ? null : install.error.code).toBe('unauthorized');
    const listed = await core.call('address.dataset', {}, local);
    expect(listed.ok ? null : listed.error.code).toBe('unauthorized');
  });
});

describe('when the shipped dataset cannot be read (a packaging fault)', () => {
  it('addresses are not checked, and dossiers can still be submitted', () => {
    const dir = tempDir();
    const { db } = bookIn(dir);
    const clock = manualClock('2026-11-23T02:00:00.000Z');
    const broken = createAddressBook(db, {
      clock,
      audit: createAudit(db, clock),
      timeZone: 'Asia/Ho_Chi_Minh',
      shipped: () => {
        throw new Error('ENOENT: vn-units-2025-07-01.json');
      },
    });
    expect(broken.checkAddresses({ diaChi: { communeCode: '99999', text: 'x' } })).toEqual([]);
  });
});
