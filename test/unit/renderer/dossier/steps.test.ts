// Where each completeness problem sends the person, and problems as errors under their fields.
import { describe, expect, it } from 'vitest';
import {
  errorTree,
  fieldOfError,
  formPath,
  nextStep,
  previousStep,
  problemTarget,
  STEPS,
  valueAt,
} from '../../../../renderer/src/screens/dossier/lib/steps';

describe('steps', () => {
  it('go in order and stop at the ends', () => {
    expect(STEPS).toEqual(['privacy', 'form', 'attachments', 'delivery', 'check', 'review']);
    expect(nextStep('form')).toBe('attachments');
    expect(nextStep('review')).toBe('review');
    expect(previousStep('privacy')).toBe('privacy');
    expect(previousStep('check')).toBe('delivery');
  });
});

describe('problem targets', () => {
  it.each([
    [{ componentId: 'giay-chung-sinh' }, { step: 'attachments', componentId: 'giay-chung-sinh' }],
    [{ field: 'tre.fullName' }, { step: 'form', focusId: 'root_tre_fullName' }],
    [{ field: 'data.me.idNumber' }, { step: 'form', focusId: 'root_me_idNumber' }],
    [{ field: 'contact.phone' }, { step: 'delivery', focusId: 'contact-phone' }],
    [{ field: 'delivery.address.ward' }, { step: 'delivery', focusId: 'post-ward' }],
    [{ field: 'delivery' }, { step: 'delivery', focusId: null }],
    [{}, null],
  ])('%o → %o', (problem, target) => {
    expect(problemTarget(problem)).toEqual(target);
  });
});

describe('errors under their fields', () => {
  it('builds rjsf’s error tree, several errors per field', () => {
    expect(
      errorTree([
        { field: 'me.fullName', message: 'Xin điền ô này.' },
        { field: 'data.me.fullName', message: 'Có ký tự không được phép.' },
        { field: 'tre.birthDate', message: 'Ngày không hợp lệ.' },
        { message: 'no field: not shown under a field' },
      ]),
    ).toEqual({
      me: { fullName: { __errors: ['Xin điền ô này.', 'Có ký tự không được phép.'] } },
      tre: { birthDate: { __errors: ['Ngày không hợp lệ.'] } },
    });
  });
  it('reads the field of an update refusal without the data prefix', () => {
    expect(fieldOfError({ code: 'markup', vi: 'x', en: 'x', field: 'data.tre.fullName' })).toBe(
      'tre.fullName',
    );
    expect(fieldOfError({ code: 'x', vi: 'x', en: 'x' })).toBeUndefined();
    expect(formPath('tre.fullName')).toBe('tre.fullName');
  });
  it('reads values by path', () => {
    const data = { me: { fullName: 'An' }, n: 1 };
    expect(valueAt(data, 'me.fullName')).toBe('An');
    expect(valueAt(data, 'me.missing')).toBeUndefined();
    expect(valueAt(data, 'n.x')).toBeUndefined();
  });
});

describe('field names and field messages', () => {
  it('names a field by its titles, group first', async () => {
    const { fieldLabel, refusalKey } = await import('../../../../renderer/src/screens/dossier/lib/steps');
    const { birthRegistration } = await import('./fixtures');
    expect(fieldLabel(birthRegistration.form.schema, 'data.me.fullName')).toBe('Mẹ – Họ, chữ đệm và tên');
    expect(fieldLabel(birthRegistration.form.schema, 'nguoiYeuCau.idNumber')).toBe(
      'Người yêu cầu – Số định danh cá nhân',
    );
    expect(fieldLabel({}, 'x.y')).toBe('x.y');
    expect(refusalKey('text-markup-refused')).toBe('markup');
    expect(refusalKey('text-control-refused')).toBe('control');
    expect(refusalKey('other')).toBeNull();
  });

  it('under its field, a problem keeps only what to do', async () => {
    const { fieldProblemText } = await import('../../../../renderer/src/screens/dossier/text');
    const { createI18n } = await import('../../../../renderer/src/i18n');
    const { birthRegistration } = await import('./fixtures');
    const t = createI18n('vi').t;
    const schema = birthRegistration.form.schema;
    expect(
      fieldProblemText(t, { code: 'form-required', vi: 'Mẹ: chưa điền', en: 'x', field: 'me' }, 'vi', schema),
    ).toBe('Xin điền ô này.');
    expect(
      fieldProblemText(
        t,
        {
          code: 'form-pattern',
          vi: 'Mẹ – Số định danh cá nhân: chưa đúng – 12 chữ số',
          en: 'x',
          field: 'me.idNumber',
        },
        'vi',
        schema,
      ),
    ).toBe('Chưa đúng – 12 chữ số');
    expect(
      fieldProblemText(t, { code: 'form-pattern', vi: 'Lạ', en: 'x', field: 'me.idNumber' }, 'vi', schema),
    ).toBe('Lạ');
  });
});
