import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { StructuredAddressSchema } from '../../../preload/api';
import { exampleData } from '../../../main/core/catalogue/examples';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { validateForm } from '../../../main/core/catalogue/validate-form';

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : null;

const now = new Date('2026-11-23T02:00:00Z');
const seed = (id: string): Procedure => {
  const p = SEED_PROCEDURES.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};

/** Every property of the form (dot path, schema, uiSchema), walking objects, `then` and array items. */
function properties(
  schema: Node,
  ui: Node | null,
  at: string[] = [],
): { at: string[]; node: Node; ui: Node | null }[] {
  const out: { at: string[]; node: Node; ui: Node | null }[] = [];
  for (const branch of [schema, asNode(schema.then)]) {
    for (const [key, child] of Object.entries(asNode(branch?.properties) ?? {})) {
      const node = asNode(child);
      if (!node) continue;
      const childUi = asNode(ui?.[key]);
      out.push({ at: [...at, key], node, ui: childUi }, ...properties(node, childUi, [...at, key]));
    }
  }
  const items = asNode(schema.items);
  if (items) out.push(...properties(items, asNode(ui?.items), [...at, '0']));
  return out;
}

const isAddress = (node: Node): boolean => asNode(asNode(node.properties)?.communeCode) !== null;

// Field names that hold where someone lives or a business sits, in the seed's forms.
const ADDRESS_KEYS = /^(address|diaChi|tamTru)$/;

describe('address fields of the seed e-forms', () => {
  const all = SEED_PROCEDURES.flatMap((p) =>
    properties(p.form.schema as Node, asNode(p.form.uiSchema)).map((x) => ({ ...x, id: p.id })),
  );

  it('every address is StructuredAddressSchema as JSON Schema, shown by the address widget', () => {
    const addresses = all.filter((x) => ADDRESS_KEYS.test(x.at.at(-1) ?? ''));
    expect(addresses.length).toBeGreaterThanOrEqual(20);
    for (const { id, at, node, ui } of addresses) {
      const where = `${id} ${at.join('.')}`;
      expect(node.type, where).toBe('object');
      expect(isAddress(node), where).toBe(true);
      expect(ui?.['ui:field'], where).toBe('address');
      expect(node.title, where).toEqual(expect.any(String));
      expect(node.titleEn, where).toEqual(expect.any(String));
      expect(Object.keys(asNode(node.properties) ?? {}).sort()).toEqual(
        Object.keys(StructuredAddressSchema.shape).sort(),
      );
      expect(node.required).toEqual(['street', 'communeCode', 'commune', 'province', 'provinceCode', 'text']);
      expect(node.additionalProperties).toBe(false);
    }
    // And no address field is left a plain text line.
    expect(all.filter((x) => isAddress(x.node)).length).toBe(addresses.length);
  });

  it('the example forms hold addresses the contract accepts', () => {
    for (const p of SEED_PROCEDURES) {
      const data = exampleData(p.id);
      for (const { at, node } of properties(p.form.schema as Node, null)) {
        if (!isAddress(node)) continue;
        let value: unknown = data;
        for (const k of at) value = asNode(value)?.[k];
        if (value !== undefined) expect(StructuredAddressSchema.safeParse(value).success, p.id).toBe(true);
      }
    }
  });

  it('asks for the commune of an address carried over without one, naming it', () => {
    const p = seed('dang-ky-khai-sinh');
    const data = exampleData(p.id);
    const old = 'Số 5 ngõ 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội';
    data.me = { ...(data.me as Node), address: { street: '', text: old, asWritten: old } };
    const problems = validateForm(p, data, { now });
    expect(problems.map((x) => x.field)).toEqual([
      'me.address.communeCode',
      'me.address.commune',
      'me.address.province',
      'me.address.provinceCode',
    ]);
    expect(problems[1]?.vi).toBe('Nơi cư trú – Xã/phường/đặc khu: chưa điền');
    expect(problems[1]?.en).toBe('Place of residence – Commune or ward: missing');
  });

  it('refuses an address left as a string, and a key the contract does not have', () => {
    const p = seed('dang-ky-tam-tru');
    const data = exampleData(p.id);
    expect(validateForm(p, data, { now })).toEqual([]);
    expect(
      validateForm(p, { ...data, diaChi: 'Số 1 Láng Hạ, Hà Nội' }, { now }).map((x) => [x.field, x.code]),
    ).toEqual([['diaChi', 'form-type']]);
    expect(
      validateForm(
        p,
        { ...data, diaChi: { ...(data.diaChi as Node), district: 'Quận Đống Đa' } },
        { now },
      ).map((x) => [x.field, x.code]),
    ).toEqual([['diaChi.district', 'form-unknown-field']]);
  });

  it('leaves an optional address out when empty, and wants it whole once given', () => {
    const p = seed('cap-phieu-ly-lich-tu-phap-so-1');
    const data = exampleData(p.id);
    expect(validateForm(p, data, { now })).toEqual([]);
    const person = data.nguoiYeuCau as Node;
    data.nguoiYeuCau = { ...person, tamTru: { street: 'Số 3 Lê Lợi' } };
    expect(validateForm(p, data, { now }).map((x) => x.field)).toEqual([
      'nguoiYeuCau.tamTru.communeCode',
      'nguoiYeuCau.tamTru.commune',
      'nguoiYeuCau.tamTru.province',
      'nguoiYeuCau.tamTru.provinceCode',
      'nguoiYeuCau.tamTru.text',
    ]);
  });
});
