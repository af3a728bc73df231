import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { manualClock } from '../../../main/core/clock';
import { migrate } from '../../../main/core/db/migrate';
import { KioskFailure } from '../../../main/core/errors';
import {
  ETAG_KEY,
  SEED_PROCEDURES,
  createCatalogue,
  createCatalogueHandlers,
  exampleData,
} from '../../../main/core/catalogue';
import { failure } from '../failures';
import { local, quietLogs, tempDir } from '../helpers';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function openDb(dir = tempDir('catalogue-')): { db: Database.Database; dir: string } {
  const db = new Database(join(dir, 'kiosk.db'));
  opened.push(db);
  migrate(db, { now: new Date('2026-11-23T02:00:00Z') });
  return { db, dir };
}

const clock = manualClock('2026-11-23T02:00:00.000Z');
const seedItem = (id: string): Procedure =>
  structuredClone(SEED_PROCEDURES.find((p) => p.id === id) as Procedure);

/** A portal catalogue: two procedures, one renamed so the test can tell it from the seed. */
function portalSet(): Procedure[] {
  const birth = seedItem('dang-ky-khai-sinh');
  birth.name = 'Đăng ký khai sinh (cổng tỉnh)';
  birth.fee = { amount: 0, text: 'Miễn lệ phí' };
  return [birth, seedItem('chung-thuc-chu-ky')];
}

describe('createCatalogue', () => {
  it('serves the seed until the portal catalogue is stored', () => {
    const { db } = openDb();
    const catalogue = createCatalogue({ db, clock });
    expect(catalogue.source()).toBe('seed');
    expect(catalogue.etag()).toBeNull();
    expect(catalogue.search().map((p) => p.id)).toEqual(SEED_PROCEDURES.map((p) => p.id));
    expect(catalogue.get('dang-ky-khai-sinh').code).toBe('1.001193');
    expect(catalogue.fields().map((f) => f.field)).toContain('Chứng thực');
  });

  it('refuses an unknown procedure id with a plain message', () => {
    const { db } = openDb();
    const catalogue = createCatalogue({ db, clock });
    const error = failure(() => catalogue.get('khong-co'));
    expect(error).toMatchObject({ code: 'procedure-not-found', field: 'id' });
    expect(error.vi).toContain('Không tìm thấy thủ tục');
  });

  it('replaces the catalogue with a valid portal set in one go, and keeps it after a restart', () => {
    const { db, dir } = openDb();
    const catalogue = createCatalogue({ db, clock });
    expect(catalogue.replace(portalSet(), '"v2"')).toEqual({ ok: true, count: 2 });
    expect(catalogue.source()).toBe('portal');
    expect(catalogue.etag()).toBe('"v2"');
    expect(catalogue.search().map((p) => p.id)).toEqual(['dang-ky-khai-sinh', 'chung-thuc-chu-ky']);
    expect(catalogue.search('cong tinh').map((p) => p.name)).toEqual(['Đăng ký khai sinh (cổng tỉnh)']);
    expect(() => catalogue.get('dang-ky-ket-hon')).toThrow(KioskFailure);

    // A new catalogue over the same file (the kiosk restarted) serves the stored set, not the seed.
    db.close();
    opened.pop();
    const again = openDb(dir);
    const reopened = createCatalogue({ db: again.db, clock });
    expect(reopened.source()).toBe('portal');
    expect(reopened.etag()).toBe('"v2"');
    expect(reopened.get('dang-ky-khai-sinh').name).toBe('Đăng ký khai sinh (cổng tỉnh)');
    expect(again.db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(ETAG_KEY)).toBe('"v2"');
  });

  it.each([
    [
      'a missing field',
      (set: unknown[]) => delete (set[1] as Record<string, unknown>).components,
      1,
      /components/,
    ],
    [
      'a broken JSON Schema',
      (set: unknown[]) => ((set[1] as Procedure).form.schema = { type: 'objekt' }),
      1,
      /JSON Schema/,
    ],
    ['a duplicate id', (set: unknown[]) => ((set[1] as Procedure).id = 'dang-ky-khai-sinh'), 1, /trùng/],
    [
      'a duplicate component',
      (set: unknown[]) => {
        const p = set[0] as Procedure;
        p.components.push({ ...p.components[1]! });
      },
      0,
      /giay-chung-sinh/,
    ],
    [
      'a person slot not in the form',
      (set: unknown[]) =>
        (set[0] as Procedure).form.persons.push({ path: 'ong', label: { vi: 'Ông', en: 'Grandfather' } }),
      0,
      /ong/,
    ],
    ['not an object', (set: unknown[]) => (set[1] = 'hello'), 1, /.+/],
  ])(
    'refuses the whole set for %s, naming the item, and keeps the current one',
    (_what, spoil, index, detail) => {
      const { db } = openDb();
      const catalogue = createCatalogue({ db, clock });
      expect(catalogue.replace(portalSet(), '"v1"').ok).toBe(true);

      const bad: unknown[] = portalSet();
      (bad[0] as Procedure).name = 'Thủ tục thử nghiệm Zeta';
      spoil(bad);
      const result = catalogue.replace(bad, '"v2"');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.index).toBe(index);
      expect(result.error.code).toBe('catalogue-invalid');
      expect(result.error.vi).toContain(`mục ${index + 1}`);
      expect(result.error.vi).toMatch(detail);
      // Nothing changed: not in memory, not on disk, not the ETag.
      expect(catalogue.etag()).toBe('"v1"');
      expect(catalogue.get('dang-ky-khai-sinh').name).toBe('Đăng ký khai sinh (cổng tỉnh)');
      expect(catalogue.search('zeta')).toEqual([]);
      expect(createCatalogue({ db, clock }).get('dang-ky-khai-sinh').name).toBe(
        'Đăng ký khai sinh (cổng tỉnh)',
      );
    },
  );

  it('takes a catalogue without conditionEn (an older portal, or stored by an older app) as null', () => {
    /** The set as a portal that never heard of conditionEn sends it. */
    const withoutEnglish = (): Procedure[] => {
      const set = portalSet();
      for (const c of set.flatMap((p) => p.components)) delete (c as Partial<typeof c>).conditionEn;
      return set;
    };
    const surrogacy = (c: { components: Procedure['components'] }) =>
      c.components.find((paper) => paper.id === 'mang-thai-ho');
    const seeded = surrogacy(seedItem('dang-ky-khai-sinh'));
    expect(seeded?.conditionEn).toEqual(expect.any(String));

    const { db } = openDb();
    const catalogue = createCatalogue({ db, clock });
    expect(catalogue.replace(withoutEnglish(), '"v1"')).toEqual({ ok: true, count: 2 });
    expect(surrogacy(catalogue.get('dang-ky-khai-sinh'))).toMatchObject({
      condition: seeded?.condition,
      conditionEn: null,
    });

    // Rows written before the field existed: still the portal's catalogue, not the seed.
    const stored = openDb();
    const insert = stored.db.prepare('INSERT INTO catalogue (id, json, position) VALUES (?, ?, ?)');
    withoutEnglish().forEach((p, i) => insert.run(p.id, JSON.stringify(p), i));
    const reopened = createCatalogue({ db: stored.db, clock });
    expect(reopened.source()).toBe('portal');
    expect(surrogacy(reopened.get('dang-ky-khai-sinh'))?.conditionEn).toBeNull();
  });

  it('refuses an empty set and keeps serving the seed', () => {
    const { db } = openDb();
    const catalogue = createCatalogue({ db, clock });
    const result = catalogue.replace([], '"v1"');
    expect(result).toMatchObject({ ok: false, error: { code: 'catalogue-empty' } });
    expect(catalogue.source()).toBe('seed');
    expect(catalogue.etag()).toBeNull();
  });

  it('falls back to the seed when the stored catalogue cannot be read', () => {
    const lines = quietLogs();
    const { db } = openDb();
    db.prepare('INSERT INTO catalogue (id, json, position) VALUES (?, ?, ?)').run('x', '{not json', 0);
    const catalogue = createCatalogue({ db, clock });
    expect(catalogue.source()).toBe('seed');
    expect(catalogue.get('dang-ky-khai-sinh').code).toBe('1.001193');
    expect(lines.some((l) => l.includes('stored catalogue unreadable'))).toBe(true);
  });

  it('validates a form with its own clock as today', () => {
    const { db } = openDb();
    const at = manualClock('2025-09-30T12:00:00.000Z');
    const catalogue = createCatalogue({ db, clock: at });
    const birth = catalogue.get('dang-ky-khai-sinh');
    // The example child is born on 2025-10-01: tomorrow for this clock.
    expect(catalogue.validateForm(birth, exampleData(birth.id)).map((p) => p.code)).toEqual([
      'form-future-date',
    ]);
    at.set(new Date('2025-10-01T01:00:00.000Z'));
    expect(catalogue.validateForm(birth, exampleData(birth.id))).toEqual([]);
  });
});

describe('createCatalogueHandlers', () => {
  it('serves the contract methods', async () => {
    const { db } = openDb();
    const handlers = createCatalogueHandlers({ catalogue: createCatalogue({ db, clock }) });
    const found = await handlers['catalogue.search']({ query: 'KHAI SINH' }, local);
    expect(found[0]?.id).toBe('dang-ky-khai-sinh');
    const byField = await handlers['catalogue.search']({ field: 'Chứng thực' }, local);
    expect(byField.map((p) => p.code)).toEqual(['2.000815', '2.000884']);
    const fields = await handlers['catalogue.fields']({}, local);
    expect(fields.find((f) => f.field === 'Chứng thực')?.count).toBe(2);
    const one = await handlers['catalogue.get']({ id: 'dang-ky-thuong-tru' }, local);
    expect(one).toMatchObject({ code: '1.004222', processingDays: 7, cutoff: null });
    expect(() => handlers['catalogue.get']({ id: 'nope' }, local)).toThrow(KioskFailure);
  });
});
