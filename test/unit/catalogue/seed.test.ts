import validator from '@rjsf/validator-ajv8';
import { orderProperties } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { ProcedureSchema, type Procedure } from '../../../preload/api';
import { createAjv, createCompiler } from '../../../main/core/catalogue/ajv';
import { exampleData, exampleIds } from '../../../main/core/catalogue/examples';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { validateForm } from '../../../main/core/catalogue/validate-form';

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : null;

// The seed is held to ajv's strict mode, so a misspelt keyword ("requried") fails here, not silently.
const strict = createCompiler(createAjv(true));
const now = new Date('2026-11-23T02:00:00Z');

/** Every (schema object, uiSchema) pair with properties, walking properties and array items. */
function objectsWithUi(
  schema: Node,
  ui: Node | null,
  at: string,
): { at: string; schema: Node; ui: Node | null }[] {
  const out: { at: string; schema: Node; ui: Node | null }[] = [];
  const props = asNode(schema.properties);
  if (props) {
    out.push({ at, schema, ui });
    for (const [key, child] of Object.entries(props)) {
      const c = asNode(child);
      if (c) out.push(...objectsWithUi(c, asNode(ui?.[key]), `${at}.${key}`));
    }
  }
  const items = asNode(schema.items);
  if (items) out.push(...objectsWithUi(items, asNode(ui?.items), `${at}[]`));
  return out;
}

describe('seed catalogue', () => {
  it('has at least 12 procedures, including the common commune-level ones the brief names', () => {
    expect(SEED_PROCEDURES.length).toBeGreaterThanOrEqual(12);
    const codes = SEED_PROCEDURES.map((p) => p.code);
    // khai sinh, kết hôn, khai tử, trích lục, XN tình trạng hôn nhân, đăng ký lại khai sinh, chứng thực
    // bản sao, chứng thực chữ ký, hộ kinh doanh, lý lịch tư pháp, thường trú, liên thông khai sinh.
    for (const code of [
      '1.001193',
      '1.000894',
      '1.000656',
      '2.000635',
      '1.004873',
      '1.004884',
      '2.000815',
      '2.000884',
    ]) {
      expect(codes).toContain(code);
    }
    const names = SEED_PROCEDURES.map((p) => p.name).join('\n');
    for (const words of ['hộ kinh doanh', 'lý lịch tư pháp', 'Đăng ký thường trú', 'Liên thông']) {
      expect(names).toContain(words);
    }
  });

  it('has unique procedure ids and codes in the national format', () => {
    const ids = SEED_PROCEDURES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(SEED_PROCEDURES.map((p) => p.code)).size).toBe(ids.length);
    for (const p of SEED_PROCEDURES) {
      expect(p.code, p.id).toMatch(/^\d\.\d{6}$/);
      expect(p.id.length, p.id).toBeLessThanOrEqual(64);
    }
  });

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s is a valid Procedure with sources',
    (_id, p) => {
      const parsed = ProcedureSchema.safeParse(p);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.legalBasis.length).toBeGreaterThan(0);
      expect(p.fee.text.length).toBeGreaterThan(0);
    },
  );

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: components are unique, conditions said',
    (_id, p) => {
      const ids = p.components.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of p.components) {
        // A conditional paper must say when it is needed; a required one must not pretend to be conditional.
        if (c.required) expect(c.condition, `${p.id}/${c.id}`).toBeNull();
        else expect(c.condition?.trim().length ?? 0, `${p.id}/${c.id}`).toBeGreaterThan(10);
      }
      expect(p.components.filter((c) => c.fromForm).length).toBe(1);
    },
  );

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: the e-form compiles in strict mode',
    (_id, p) => {
      expect(() => strict.compile(p.form.schema)).not.toThrow();
    },
  );

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: person slots hold fullName and idNumber',
    (_id, p) => {
      expect(p.form.persons.length).toBeGreaterThan(0);
      const props = asNode(p.form.schema.properties) ?? {};
      for (const slot of p.form.persons) {
        const node = asNode(props[slot.path]);
        expect(node?.type, `${p.id}.${slot.path}`).toBe('object');
        const personProps = asNode(node?.properties) ?? {};
        expect(Object.keys(personProps)).toEqual(expect.arrayContaining(['fullName', 'idNumber']));
        expect(asNode(personProps.idNumber)?.pattern).toBe('^[0-9]{12}$');
        expect(asNode(personProps.fullName)?.maxLength).toBe(100);
        if (personProps.sex) {
          expect(asNode(personProps.sex)?.oneOf).toEqual([
            { const: 'male', title: 'Nam', titleEn: 'Male' },
            { const: 'female', title: 'Nữ', titleEn: 'Female' },
          ]);
        }
        if (personProps.birthDate) expect(asNode(personProps.birthDate)?.format).toBe('date');
      }
    },
  );

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: ui:order lists every field (rjsf throws otherwise)',
    (_id, p) => {
      for (const { at, schema, ui } of objectsWithUi(p.form.schema, p.form.uiSchema, p.id)) {
        const order = ui?.['ui:order'];
        const keys = Object.keys(asNode(schema.properties) ?? {});
        if (Array.isArray(order)) {
          expect(() => orderProperties(keys, order as string[]), at).not.toThrow();
          for (const k of order) expect(keys, `${at} orders an unknown field`).toContain(k);
        }
        // Every field has a Vietnamese title for the form and an English one for the other screen.
        for (const [key, child] of Object.entries(asNode(schema.properties) ?? {})) {
          expect(typeof asNode(child)?.title, `${at}.${key}`).toBe('string');
          expect(typeof asNode(child)?.titleEn, `${at}.${key}`).toBe('string');
        }
      }
    },
  );

  it('sets the 15:00 cut-off on chứng thực and other same-day procedures only', () => {
    for (const p of SEED_PROCEDURES) {
      if (p.field === 'Chứng thực') expect(p.cutoff, p.id).toBe('15:00');
      if (p.cutoff !== null) expect(p.processingDays, p.id).toBe(0);
    }
  });

  it('has an example form for every seed procedure, and no other', () => {
    expect(exampleIds().sort()).toEqual(SEED_PROCEDURES.map((p) => p.id).sort());
  });

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    '%s: the example form passes',
    (_id, p: Procedure) => {
      const data = exampleData(p.id);
      expect(validateForm(p, data, { now })).toEqual([]);
      // The screen validates with react-jsonschema-form's own ajv: it must agree.
      expect(validator.validateFormData(data, p.form.schema).errors).toEqual([]);
    },
  );

  it('hands out a fresh copy of an example each time', () => {
    const a = exampleData('dang-ky-khai-sinh');
    (a.tre as Record<string, unknown>).fullName = 'changed';
    expect((exampleData('dang-ky-khai-sinh').tre as Record<string, unknown>).fullName).toBe('Nguyễn Minh An');
    expect(() => exampleData('khong-co')).toThrow();
  });
});
