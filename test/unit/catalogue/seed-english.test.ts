// The English screen shows the seed's e-forms in English: every title, description, choice label and
// placeholder a person reads has its English twin, and the error messages name fields in English. So is
// the case in which a paper is needed ("Only if: …"): `condition` has its twin `conditionEn`.
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { createAjv, createCompiler } from '../../../main/core/catalogue/ajv';
import { exampleData } from '../../../main/core/catalogue/examples';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { validateForm } from '../../../main/core/catalogue/validate-form';

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : null;
const isText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SUBSCHEMA_ONE = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'if',
  'then',
  'else',
  'not',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems'];

/** Every text in a JSON Schema that lacks its English twin, as "JSON path: what is missing". */
function schemaGaps(node: unknown, at: string, isOption = false): string[] {
  const n = asNode(node);
  if (!n) return [];
  const gaps: string[] = [];
  if (isOption && !isText(n.title)) gaps.push(`${at}: option without a title`);
  if (n.title !== undefined && !isText(n.titleEn))
    gaps.push(`${at}: ${isOption ? 'option ' : ''}title without titleEn`);
  if (n.description !== undefined && !isText(n.descriptionEn))
    gaps.push(`${at}: description without descriptionEn`);
  for (const key of SUBSCHEMA_MAPS)
    for (const [k, v] of Object.entries(asNode(n[key]) ?? {}))
      gaps.push(...schemaGaps(v, `${at}.${key}.${k}`));
  for (const key of SUBSCHEMA_ONE) gaps.push(...schemaGaps(n[key], `${at}.${key}`));
  for (const key of SUBSCHEMA_LISTS) {
    const list = n[key];
    if (!Array.isArray(list)) continue;
    // An option of a choice is a `const` (what the form stores) with the label the person picks.
    list.forEach((item, i) =>
      gaps.push(
        ...schemaGaps(item, `${at}.${key}[${i}]`, key !== 'allOf' && asNode(item)?.const !== undefined),
      ),
    );
  }
  return gaps;
}

const UI_TEXT = ['title', 'description', 'help', 'placeholder', 'enumNames'];

/** Every text in a uiSchema that lacks its English twin (`ui:placeholder` → `ui:placeholderEn`). */
function uiGaps(node: unknown, at: string): string[] {
  const n = asNode(node);
  if (!n) return [];
  const gaps: string[] = [];
  for (const word of UI_TEXT) {
    if (n[`ui:${word}`] !== undefined && n[`ui:${word}En`] === undefined)
      gaps.push(`${at}: ui:${word} without ui:${word}En`);
    const options = asNode(n['ui:options']);
    if (options?.[word] !== undefined && options[`${word}En`] === undefined)
      gaps.push(`${at}: ui:options.${word} without ${word}En`);
  }
  for (const [key, value] of Object.entries(n))
    if (!key.startsWith('ui:')) gaps.push(...uiGaps(value, `${at}.${key}`));
  return gaps;
}

const formGaps = (p: Procedure): string[] => [
  ...schemaGaps(p.form.schema, `${p.id} schema`),
  ...uiGaps(p.form.uiSchema, `${p.id} uiSchema`),
];

/** Each paper whose condition lacks English (or has English with no condition), as "procedure/paper: …". */
function paperGaps(p: Procedure): string[] {
  const gaps: string[] = [];
  for (const c of p.components) {
    const at = `${p.id}/${c.id}`;
    if (c.condition === null) {
      if (c.conditionEn !== null) gaps.push(`${at}: conditionEn not null, but no condition`);
    } else if (!isText(c.conditionEn)) gaps.push(`${at}: condition without conditionEn`);
    else if (c.conditionEn === c.condition) gaps.push(`${at}: conditionEn is the Vietnamese text`);
  }
  return gaps;
}

describe('the guard finds what lacks English', () => {
  it('names the procedure and the JSON path of each gap', () => {
    const bad = {
      id: 'thu-tuc-thu',
      form: {
        schema: {
          type: 'object',
          title: 'Tờ khai',
          titleEn: 'Form',
          properties: {
            ten: { type: 'string', title: 'Tên', titleEn: 'Name', description: 'Viết hoa' },
            gioi: {
              type: 'string',
              title: 'Giới tính',
              titleEn: 'Sex',
              oneOf: [{ const: 'male', title: 'Nam' }, { const: 'x' }],
            },
            ds: {
              type: 'array',
              title: 'Danh sách',
              items: { type: 'string', title: 'Dòng', titleEn: 'Line' },
            },
          },
        },
        uiSchema: { ten: { 'ui:placeholder': 'Ví dụ' }, ds: { items: { 'ui:options': { help: 'Gợi ý' } } } },
      },
    } as unknown as Procedure;
    expect(formGaps(bad)).toEqual([
      'thu-tuc-thu schema.properties.ten: description without descriptionEn',
      'thu-tuc-thu schema.properties.gioi.oneOf[0]: option title without titleEn',
      'thu-tuc-thu schema.properties.gioi.oneOf[1]: option without a title',
      'thu-tuc-thu schema.properties.ds: title without titleEn',
      'thu-tuc-thu uiSchema.ten: ui:placeholder without ui:placeholderEn',
      'thu-tuc-thu uiSchema.ds.items: ui:options.help without helpEn',
    ]);
  });

  it('names the procedure and the paper whose condition lacks English', () => {
    const paper = (id: string, condition: string | null, conditionEn: string | null) => ({
      id,
      name: 'Giấy',
      nameEn: 'Paper',
      form: 'copy' as const,
      copies: 1,
      required: condition === null,
      condition,
      conditionEn,
      accept: ['pdf' as const],
      fromForm: false,
    });
    const bad = {
      id: 'thu-tuc-thu',
      components: [
        paper('du', 'Khi có con', 'You have a child'),
        paper('thieu', 'Khi đã ly hôn', null),
        paper('rong', 'Khi đã ly hôn', ' '),
        paper('chep', 'Khi đã ly hôn', 'Khi đã ly hôn'),
        paper('thua', null, 'Always'),
        paper('bat-buoc', null, null),
      ],
    } as unknown as Procedure;
    expect(paperGaps(bad)).toEqual([
      'thu-tuc-thu/thieu: condition without conditionEn',
      'thu-tuc-thu/rong: condition without conditionEn',
      'thu-tuc-thu/chep: conditionEn is the Vietnamese text',
      'thu-tuc-thu/thua: conditionEn not null, but no condition',
    ]);
  });
});

describe('seed e-forms in English', () => {
  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))('%s: every text has its English twin', (_id, p) => {
    expect(formGaps(p)).toEqual([]);
  });

  it.each(SEED_PROCEDURES.map((p) => [p.id, p] as const))(
    "%s: every paper's condition has its English twin, and only a condition has one",
    (_id, p) => {
      expect(paperGaps(p)).toEqual([]);
    },
  );

  it('the seed has conditional papers to translate (the guard is not idle)', () => {
    const conditional = SEED_PROCEDURES.flatMap((p) => p.components).filter((c) => c.condition !== null);
    expect(conditional.length).toBeGreaterThan(20);
  });

  it('the seed has descriptions, choices and placeholders to translate (the guard is not idle)', () => {
    const json = JSON.stringify(SEED_PROCEDURES.map((p) => p.form));
    expect(json.match(/"descriptionEn"/g)?.length ?? 0).toBeGreaterThan(20);
    expect(json.match(/"ui:placeholderEn"/g)?.length ?? 0).toBeGreaterThan(10);
    expect(json).toContain('{"const":"female","title":"Nữ","titleEn":"Female"}');
  });

  it('the English annotations pass ajv strict mode', () => {
    const strict = createCompiler(createAjv(true));
    for (const p of SEED_PROCEDURES) expect(() => strict.compile(p.form.schema), p.id).not.toThrow();
  });

  it('problems name a field and its group in English, a choice by its field', () => {
    const trichLuc = SEED_PROCEDURES.find((p) => p.id === 'cap-ban-sao-trich-luc-ho-tich');
    if (!trichLuc) throw new Error('seed lacks cap-ban-sao-trich-luc-ho-tich');
    const data = exampleData(trichLuc.id) as Record<string, Record<string, unknown>>;
    const problems = validateForm(
      trichLuc,
      { ...data, suKien: { ...data.suKien, loaiViec: 'ly-hon' } },
      { now: new Date('2026-11-23T02:00:00Z') },
    );
    expect(problems.map((p) => [p.field, p.code, p.en])).toEqual([
      ['suKien.loaiViec', 'form-choice', 'The registered event – Kind of event: choose one of the options'],
    ]);
    expect(problems[0]?.vi).toBe(
      'Việc hộ tịch đã đăng ký – Loại việc hộ tịch: chưa chọn một giá trị trong danh sách',
    );
  });
});
