// The language toggle: the e-form's titles, help lines, choice labels and placeholders in English, and
// the Vietnamese form exactly as the catalogue gave it.
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../../preload/api';
import { SEED_PROCEDURES } from '../../../../main/core/catalogue/seed';
import { createFormValidation } from '../../../../renderer/src/screens/dossier/form/validator';
import { FormStep } from '../../../../renderer/src/screens/dossier/steps/FormStep';
import { localiseSchema, localiseUiSchema } from '../../../../renderer/src/screens/dossier/lib/persons';
import { render as renderScreen, type Language } from '../render';

type Node = Record<string, unknown>;
const at = (node: unknown, ...path: string[]): Node => {
  let n = node as Node;
  for (const key of path) n = n[key] as Node;
  return n;
};

const seed = (id: string): Procedure => {
  const p = SEED_PROCEDURES.find((x) => x.id === id);
  if (!p) throw new Error(`seed lacks ${id}`);
  return p;
};
const khaiSinh = seed('dang-ky-khai-sinh');
const thayDoi = seed('thay-doi-cai-chinh-ho-tich');

describe('localiseSchema', () => {
  const en = localiseSchema(khaiSinh.form.schema, 'en');

  it('gives English titles, descriptions and choice labels', () => {
    expect(at(en, 'properties', 'me').title).toBe('Mother');
    expect(at(en, 'properties', 'me').description).toBeUndefined();
    expect(at(en, 'properties', 'cha').description).toBe('Leave empty if the father is not known');
    expect(at(en, 'properties', 'me', 'properties', 'idNumber').description).toBe(
      'The 12 digits printed on the citizen ID card (CCCD)',
    );
    expect(at(en, 'properties', 'tre', 'properties', 'sex').oneOf).toEqual([
      { const: 'male', title: 'Male', titleEn: 'Male' },
      { const: 'female', title: 'Female', titleEn: 'Female' },
    ]);
    expect(at(en, 'properties', 'soBanSao').description).toBe('Leave 0 if you need none');
  });

  it('leaves the Vietnamese schema as it is, and does not change the catalogue’s object', () => {
    const before = structuredClone(khaiSinh.form.schema);
    expect(localiseSchema(khaiSinh.form.schema, 'vi')).toBe(khaiSinh.form.schema);
    localiseSchema(khaiSinh.form.schema, 'en');
    expect(khaiSinh.form.schema).toEqual(before);
    expect(at(khaiSinh.form.schema, 'properties', 'tre', 'properties', 'sex', 'oneOf', '1').title).toBe('Nữ');
  });

  it('keeps Vietnamese where no English is given, and never touches form data in const or default', () => {
    const schema = {
      type: 'object',
      title: 'Tờ khai',
      properties: {
        ghiChu: { type: 'string', title: 'Ghi chú', description: 'Không bắt buộc' },
        nhan: {
          type: 'object',
          title: 'Nhãn',
          titleEn: 'Label',
          default: { title: 'dữ liệu', titleEn: 'data' },
          properties: { x: { const: { description: 'a', descriptionEn: 'b' } } },
        },
      },
    };
    const en = localiseSchema(schema, 'en');
    expect(at(en, 'properties', 'ghiChu')).toEqual(schema.properties.ghiChu);
    expect(en.title).toBe('Tờ khai');
    expect(at(en, 'properties', 'nhan').title).toBe('Label');
    expect(at(en, 'properties', 'nhan').default).toEqual({ title: 'dữ liệu', titleEn: 'data' });
    expect(at(en, 'properties', 'nhan', 'properties', 'x').const).toEqual({
      description: 'a',
      descriptionEn: 'b',
    });
  });

  it('follows conditional branches and array items', () => {
    const schema = {
      type: 'array',
      items: {
        type: 'object',
        if: { minProperties: 1 },
        then: { properties: { a: { title: 'Một', titleEn: 'One' } } },
      },
    };
    expect(at(localiseSchema(schema, 'en'), 'items', 'then', 'properties', 'a').title).toBe('One');
  });
});

describe('localiseUiSchema', () => {
  it('gives English placeholders, nested in person blocks too', () => {
    const en = localiseUiSchema(thayDoi.form.uiSchema, 'en');
    expect(at(en, 'nguoiThayDoi', 'idNumber')['ui:placeholder']).toBe('12 digits');
    expect(at(en, 'nguoiThayDoi', 'idNumber')['ui:options']).toEqual({ inputType: 'tel' });
    expect(at(en, 'noiDung')['ui:placeholder']).toBe(
      'For example: the name from "Nguyễn Văn Tí" to "Nguyễn Văn Tý"',
    );
    expect(at(en, 'noiDung')['ui:widget']).toBe('textarea');
    expect(en['ui:order']).toEqual(thayDoi.form.uiSchema['ui:order']);
  });

  it('also swaps help, titles and words inside ui:options, only where English is given', () => {
    const ui = {
      a: { 'ui:help': 'Trợ giúp', 'ui:helpEn': 'Help', 'ui:title': 'Tiêu đề' },
      b: { 'ui:options': { placeholder: 'Ví dụ', placeholderEn: 'Example', rows: 2 } },
    };
    const en = localiseUiSchema(ui, 'en');
    expect(en.a).toEqual({ 'ui:help': 'Help', 'ui:helpEn': 'Help', 'ui:title': 'Tiêu đề' });
    expect(at(en, 'b', 'ui:options')).toEqual({ placeholder: 'Example', placeholderEn: 'Example', rows: 2 });
  });

  it('leaves the Vietnamese uiSchema as it is', () => {
    const before = structuredClone(thayDoi.form.uiSchema);
    expect(localiseUiSchema(thayDoi.form.uiSchema, 'vi')).toBe(thayDoi.form.uiSchema);
    localiseUiSchema(thayDoi.form.uiSchema, 'en');
    expect(thayDoi.form.uiSchema).toEqual(before);
  });
});

/** The form step as the wizard renders it, with the procedure localised the way the wizard does. */
function render(procedure: Procedure, lang: Language): string {
  const localised: Procedure = {
    ...procedure,
    form: {
      ...procedure.form,
      schema: localiseSchema(procedure.form.schema, lang),
      uiSchema: localiseUiSchema(procedure.form.uiSchema, lang),
    },
  };
  return renderScreen(
    <FormStep
      procedure={localised}
      formData={{}}
      onChange={() => undefined}
      validation={createFormValidation(false)}
      extraErrors={{}}
      tried={false}
      errorCount={0}
      checking={false}
      formContext={{ filled: new Set(), noDiacritics: new Set(), verified: new Set() }}
      formRef={null}
      chosenSlot={null}
      onChooseSlot={() => undefined}
      onChip={() => undefined}
    />,
    lang,
  );
}

describe('the e-form on screen', () => {
  it('in English shows English help lines, choice labels and placeholders', () => {
    const html = render(khaiSinh, 'en');
    expect(html).toContain('The 12 digits printed on the citizen ID card (CCCD)');
    expect(html).toContain('>Female</span>');
    expect(html).toContain('placeholder="12 digits"');
    expect(html).not.toContain('12 chữ số in trên thẻ căn cước');
    expect(html).not.toContain('>Nữ</span>');
    expect(html).not.toContain('placeholder="12 chữ số"');
  });

  it('in Vietnamese is unchanged', () => {
    const html = render(khaiSinh, 'vi');
    expect(html).toContain('12 chữ số in trên thẻ căn cước (CCCD)');
    expect(html).toContain('>Nữ</span>');
    expect(html).toContain('placeholder="12 chữ số"');
    expect(html).not.toContain('Female');
  });

  it('leaves every choice unmade until the person makes it (no "Nam" chosen for them)', () => {
    const html = render(khaiSinh, 'vi');
    expect(html).toContain('>Nữ</span>');
    expect(html).not.toContain('is-checked');
  });
});
