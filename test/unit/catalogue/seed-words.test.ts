import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';

type Node = Record<string, unknown>;
const at = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((n, key) => (typeof n === 'object' && n !== null ? (n as Node)[key] : undefined), v);

const byId = (id: string): Procedure => {
  const p = SEED_PROCEDURES.find((x) => x.id === id);
  if (!p) throw new Error(`no seed procedure ${id}`);
  return p;
};

/**
 * Each form speaks of its own act (issue 23): the marital-status request asked for the applicant's
 * "Quan hệ với người được đăng ký", birth-registration wording, though nobody is registered there.
 */
describe('seed form words', () => {
  it('the marital-status request asks how the applicant relates to the person certified', () => {
    const schema = byId('xac-nhan-tinh-trang-hon-nhan').form.schema;
    const quanHe = at(schema, 'properties', 'nguoiYeuCau', 'properties', 'quanHe');
    expect(at(quanHe, 'title')).toBe('Quan hệ với người được xác nhận');
    expect(at(quanHe, 'titleEn')).toBe('Relationship to the person certified');
    expect(JSON.stringify(quanHe)).not.toMatch(/được đăng ký|person registered/);
    // The other hộ tịch forms keep their own wording.
    const khaiSinh = byId('dang-ky-lai-khai-sinh').form.schema;
    expect(at(khaiSinh, 'properties', 'nguoiYeuCau', 'properties', 'quanHe', 'title')).toBe(
      'Quan hệ với người được đăng ký',
    );
  });
});
