// The e-form's validation words (real ajv through @rjsf/validator-ajv8 and our transformErrors), the
// validator choice under a CSP that forbids eval, and the kiosk theme's markup (server-side render).
import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { createI18n } from '../../../../renderer/src/i18n';
import type { Procedure } from '../../../../preload/api';
import {
  makeTransformErrors,
  lastSegment,
  type FormErrorKey,
} from '../../../../renderer/src/screens/dossier/form/errors';
import {
  createFormValidation,
  evalAllowed,
  serverValidator,
} from '../../../../renderer/src/screens/dossier/form/validator';
import { FormStep } from '../../../../renderer/src/screens/dossier/steps/FormStep';
import { slotSchema } from '../../../../renderer/src/screens/dossier/lib/persons';
import { SEED_PROCEDURES } from '../../../../main/core/catalogue/seed';
import { birthRegistration } from './fixtures';
import { render } from '../render';

const i18n = createI18n('vi');
const t = (key: FormErrorKey, vars?: Record<string, string | number>): string =>
  i18n.t(`dossier.form.errorsText.${key}`, vars ?? {});

function messagesFor(data: Record<string, unknown>): Record<string, string[]> {
  const { validator } = createFormValidation(true);
  const result = validator.validateFormData(
    data,
    birthRegistration.form.schema as RJSFSchema,
    undefined,
    makeTransformErrors(t),
  );
  const out: Record<string, string[]> = {};
  for (const e of result.errors) (out[e.property ?? ''] ??= []).push(e.message ?? '');
  return out;
}

describe('validation words', () => {
  it('says in Vietnamese what to do, under the field it is about', () => {
    const errors = messagesFor({
      tre: { fullName: '' },
      me: { fullName: 'Trần Thị Bình', idNumber: '12345', birthDate: '2020-02-30' },
    });
    expect(errors['.tre.birthDate']).toEqual(['Xin điền ô này.']);
    expect(errors['.tre.fullName']).toEqual(['Xin điền ô này.']);
    expect(errors['.me.idNumber']).toEqual(['Số định danh cá nhân gồm đúng 12 chữ số.']);
    expect(errors['.me.birthDate']).toEqual(['Xin nhập đủ ngày, tháng, năm bằng 8 chữ số, ví dụ 05092020.']);
  });

  it('a valid form has no errors', () => {
    expect(
      messagesFor({
        tre: { fullName: 'Nguyễn An', birthDate: '2026-01-02' },
        me: { fullName: 'B', birthDate: '1990-01-01' },
      }),
    ).toEqual({});
  });

  it('drops ajv’s “if failed” noise and keeps the branch’s own errors', () => {
    const out = makeTransformErrors(t)([
      { name: 'if', property: '.cha', message: 'must match "then" schema', stack: '' },
      {
        name: 'required',
        property: '.cha.fullName',
        message: "must have required property 'fullName'",
        stack: '',
      },
    ]);
    expect(out.map((e) => e.message)).toEqual(['Xin điền ô này.']);
  });

  it('reads the field name from rjsf’s property path', () => {
    expect(lastSegment('.me.idNumber')).toBe('idNumber');
    expect(lastSegment("['me']['phone']")).toBe('phone');
    expect(lastSegment(undefined)).toBe('');
  });
});

describe('choosing the validator', () => {
  it('uses ajv where eval is allowed (here), the server where the CSP forbids it', () => {
    expect(evalAllowed()).toBe(true);
    expect(createFormValidation(true).clientSide).toBe(true);
    const server = createFormValidation(false);
    expect(server.clientSide).toBe(false);
    expect(server.validator).toBe(serverValidator);
    expect(server.validator.validateFormData({}, birthRegistration.form.schema as RJSFSchema).errors).toEqual(
      [],
    );
  });
});

function renderForm(procedure: Procedure, data: Record<string, unknown> = {}, filled: string[] = []): string {
  return render(
    <FormStep
      procedure={procedure}
      formData={data as never}
      onChange={() => undefined}
      validation={createFormValidation(false)}
      extraErrors={{ me: { fullName: { __errors: ['Có ký tự không được phép.'] } } }}
      tried={false}
      errorCount={1}
      checking={false}
      formContext={{ filled: new Set(filled), noDiacritics: new Set(), verified: new Set(['root_me']) }}
      formRef={null}
      chosenSlot="me"
      onChooseSlot={() => undefined}
      onChip={() => undefined}
    />,
  );
}

describe('the e-form as rjsf renders it with the kiosk theme', () => {
  const html = renderForm(birthRegistration, { me: { fullName: 'Trần Thị Bình', birthDate: '1990-01-01' } }, [
    'root_me_fullName',
  ]);

  it('has the person picker with the chosen person pressed', () => {
    expect(html).toContain('Quét CCCD của:');
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="person-slot-me"/);
    expect(html).toContain('Đọc chip thẻ CCCD');
  });

  it('labels every input, marks required ones, and shows server errors under their field', () => {
    expect(html).toContain('<label id="root_tre_fullName__label" for="root_tre_fullName" class="df-label">');
    expect(html).toContain('(bắt buộc)');
    expect(html).toContain('Có ký tự không được phép.');
  });

  it('types dates on the number pad as dd/mm/yyyy and shows a stored date that way', () => {
    expect(html).toMatch(
      /id="root_me_birthDate"[^>]*inputMode="numeric"[^>]*data-osk="numeric"[^>]*value="01\/01\/1990"/,
    );
  });

  it('gives the 12-digit ID the number pad', () => {
    expect(html).toMatch(/id="root_me_idNumber"[^>]*inputMode="numeric"/);
  });

  it('marks what a card filled, and a chip-verified person', () => {
    expect(html).toContain('Điền từ thẻ: xin kiểm tra lại.');
    expect(html).toMatch(/id="root_me_fullName"[^>]*aria-describedby="[^"]*root_me_fullName__filled/);
    expect(html).toContain('Đã xác thực chip');
  });

  it('offers sex as large choices, not a tiny select', () => {
    expect(html).toContain('role="radiogroup" aria-labelledby="root_me_sex__label"');
    expect(html).toContain('>Nữ</span>');
  });

  it('renders every procedure of the seed catalogue, each person place fillable from a card', () => {
    expect(SEED_PROCEDURES.length).toBeGreaterThanOrEqual(12);
    for (const procedure of SEED_PROCEDURES) {
      const out = renderForm(procedure);
      expect(out, procedure.id).toContain('class="dossier-form');
      for (const slot of procedure.form.persons) {
        const schema = slotSchema(procedure.form.schema, slot.path);
        expect(schema, `${procedure.id} ${slot.path}`).not.toBeNull();
        expect(out, `${procedure.id} ${slot.path}`).toContain(`id="root_${slot.path}"`);
      }
    }
  });
});
