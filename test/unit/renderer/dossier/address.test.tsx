// The address widget's decisions (form/address.ts): the structured value and its composed text, what an
// answer of address.resolve proposes (filled, a choice, the pickers), and that nothing the citizen chose is
// replaced; a card's address going into a structured field (lib/persons.ts); the widget's markup and the
// staff panel's dataset in force.
import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import type { AddressAnswer, AddressCandidate, AddressDataset } from '../../../../preload/api';
import {
  acceptCandidate,
  addressLine,
  automaticValue,
  composeText,
  foldName,
  matchProvince,
  proposalOf,
  readAddress,
  withCommune,
  withProvince,
  withStreet,
  withWritten,
  withoutEmptyParts,
} from '../../../../renderer/src/screens/dossier/form/address';
import { createFormValidation } from '../../../../renderer/src/screens/dossier/form/validator';
import { AddressField } from '../../../../renderer/src/screens/dossier/form/AddressField';
import { planFill, type CardReading } from '../../../../renderer/src/screens/dossier/lib/persons';
import { datasetInForce } from '../../../../renderer/src/screens/staff/AddressDatasets';
import { render } from '../render';

const hanoi = { code: '01', name: 'Thành phố Hà Nội' };
const hungYen = { code: '33', name: 'Tỉnh Hưng Yên' };
const hcm = { code: '79', name: 'Thành phố Hồ Chí Minh' };
const provinces = [hanoi, hungYen, hcm];

const candidate = (code: string, name: string, whole: boolean): AddressCandidate => ({
  code,
  name,
  province: 'Thành phố Hà Nội',
  provinceCode: '01',
  whole,
});

const answer = (over: Partial<AddressAnswer>): AddressAnswer => ({
  form: 'old',
  parts: { street: 'Số 12 ngõ 5', commune: 'Phường Kim Mã', district: 'Quận Ba Đình', province: 'Hà Nội' },
  candidates: [],
  note: null,
  message: null,
  dataset: { version: '2025-07-01', effective: '2025-07-01' },
  ...over,
});

const baDinh = candidate('00004', 'Phường Ba Đình', false);
const ngocHa = candidate('00008', 'Phường Ngọc Hà', false);
const giangVo = candidate('00025', 'Phường Giảng Võ', false);
const kimMa = [baDinh, ngocHa, giangVo];

describe('the structured address', () => {
  it('composes "<street>, <commune>, <province>" from the parts given so far', () => {
    expect(
      composeText({ street: ' Số 12 ngõ 5 ', commune: 'Phường Ba Đình', province: 'Thành phố Hà Nội' }),
    ).toBe('Số 12 ngõ 5, Phường Ba Đình, Thành phố Hà Nội');
    expect(composeText({ province: 'Tỉnh Hưng Yên' })).toBe('Tỉnh Hưng Yên');
    expect(composeText({})).toBe('');
  });

  it('a commune names its province; another province clears the commune but keeps street and card text', () => {
    const chosen = withCommune({ street: 'Số 3', asWritten: 'old text' }, ngocHa);
    expect(chosen).toEqual({
      street: 'Số 3',
      asWritten: 'old text',
      communeCode: '00008',
      commune: 'Phường Ngọc Hà',
      province: 'Thành phố Hà Nội',
      provinceCode: '01',
      text: 'Số 3, Phường Ngọc Hà, Thành phố Hà Nội',
    });
    expect(withProvince(chosen, hanoi)).toBe(chosen);
    expect(withProvince(chosen, hungYen)).toEqual({
      street: 'Số 3',
      asWritten: 'old text',
      province: 'Tỉnh Hưng Yên',
      provinceCode: '33',
      text: 'Số 3, Tỉnh Hưng Yên',
    });
    expect(withProvince(chosen, null)).toEqual({ street: 'Số 3', asWritten: 'old text', text: 'Số 3' });
  });

  it('the street recomposes the text; an empty part is left out (so `required` reads it as missing)', () => {
    const v = withStreet(withCommune({}, baDinh), '7 Kim Mã');
    expect(v.text).toBe('7 Kim Mã, Phường Ba Đình, Thành phố Hà Nội');
    // Other empty parts are left out; the street stays, empty (a hamlet may have no house number).
    expect(withStreet(v, '')).toEqual({ ...v, street: '', text: 'Phường Ba Đình, Thành phố Hà Nội' });
    expect(withProvince(v, null)).toEqual({ street: '7 Kim Mã', text: '7 Kim Mã' });
  });

  it('an old address typed keeps its text and drops what was chosen for another', () => {
    expect(withWritten(withCommune({ street: 'Số 3' }, baDinh), '  P. Kim Mã, Q. Ba Đình  ')).toEqual({
      street: 'Số 3',
      asWritten: 'P. Kim Mã, Q. Ba Đình',
      text: 'Số 3',
    });
  });

  it('reads what a field holds: an object, an old draft’s plain string (as written), nothing', () => {
    expect(readAddress({ street: 'Số 3', communeCode: '', foo: 1 })).toEqual({ street: 'Số 3' });
    expect(readAddress(' Số 1 Tràng Tiền, Hà Nội ')).toEqual({ asWritten: 'Số 1 Tràng Tiền, Hà Nội' });
    expect(readAddress(undefined)).toEqual({});
    expect(readAddress(['x'])).toEqual({});
    expect(addressLine({ text: 'A, B', asWritten: 'C' })).toBe('A, B');
    expect(addressLine({ asWritten: 'C' })).toBe('C');
    expect(addressLine('Nguyễn')).toBe('Nguyễn');
  });

  it('a province named any way a card writes it is one of the list', () => {
    expect(foldName('Thành phố Hồ Chí Minh')).toBe('ho chi minh');
    expect(matchProvince('Hà Nội', provinces)?.code).toBe('01');
    expect(matchProvince('TP. Hồ Chí Minh', provinces)?.code).toBe('79');
    expect(matchProvince('tinh hung yen', provinces)?.code).toBe('33');
    expect(matchProvince('Hà Tây', provinces)).toBeNull();
    expect(matchProvince(null, provinces)).toBeNull();
  });
});

describe('what an answer proposes', () => {
  it('one candidate is filled by itself, with the card’s street, and the card text kept', () => {
    const viet = {
      ...candidate('12345', 'Xã Việt Yên', true),
      province: 'Tỉnh Hưng Yên',
      provinceCode: '33',
    };
    const proposal = proposalOf(
      answer({ candidates: [viet], parts: { ...answer({}).parts, street: null } }),
      provinces,
    );
    expect(proposal.kind).toBe('one');
    expect(automaticValue({ asWritten: 'Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên' }, proposal)).toEqual({
      asWritten: 'Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên',
      street: '',
      communeCode: '12345',
      commune: 'Xã Việt Yên',
      province: 'Tỉnh Hưng Yên',
      provinceCode: '33',
      text: 'Xã Việt Yên, Tỉnh Hưng Yên',
    });
  });

  it('a split commune is a choice: nothing is filled until the citizen picks one', () => {
    const proposal = proposalOf(answer({ candidates: kimMa, note: 'split' }), provinces);
    expect(proposal).toEqual({ kind: 'choose', candidates: kimMa, street: 'Số 12 ngõ 5' });
    expect(automaticValue({ asWritten: 'x' }, proposal)).toBeNull();
    expect(acceptCandidate({ asWritten: 'x' }, giangVo, 'Số 12 ngõ 5').text).toBe(
      'Số 12 ngõ 5, Phường Giảng Võ, Thành phố Hà Nội',
    );
    // The street the citizen typed wins over the card's.
    expect(acceptCandidate({ street: 'Số 9' }, giangVo, 'Số 12 ngõ 5').street).toBe('Số 9');
  });

  it('none opens the pickers on the province the text named, else on nothing', () => {
    const found = proposalOf(answer({ note: 'not-found' }), provinces);
    expect(found).toEqual({ kind: 'pick', province: hanoi, street: 'Số 12 ngõ 5' });
    expect(automaticValue({ asWritten: 'x' }, found)).toEqual({
      asWritten: 'x',
      street: 'Số 12 ngõ 5',
      province: 'Thành phố Hà Nội',
      provinceCode: '01',
      text: 'Số 12 ngõ 5, Thành phố Hà Nội',
    });
    const foreign = proposalOf(
      answer({
        note: 'not-found',
        parts: { street: null, commune: null, district: null, province: 'Paris' },
      }),
      provinces,
    );
    expect(foreign).toEqual({ kind: 'pick', province: null, street: null });
    expect(automaticValue({ asWritten: 'x' }, foreign)).toBeNull();
  });

  it('never replaces what the citizen chose', () => {
    const chosen = withCommune({ asWritten: 'x' }, baDinh);
    const one = proposalOf(answer({ candidates: [ngocHa] }), provinces);
    expect(automaticValue(chosen, one)).toBeNull();
    const pick = proposalOf(answer({ note: 'not-found' }), provinces);
    expect(automaticValue(withProvince({}, hcm), pick)).toBeNull();
  });
});

describe('a card’s address into a structured field', () => {
  const schema = {
    type: 'object',
    properties: {
      fullName: { type: 'string' },
      address: {
        type: 'object',
        properties: { street: { type: 'string' }, communeCode: { type: 'string' } },
      },
    },
  };
  const card = (address: string): CardReading => ({
    person: { fullName: 'Trần Thị Bình', address },
    via: 'cccd-qr',
    noDiacritics: false,
    verified: false,
  });
  const OLD = 'Số 12 ngõ 5, Phường Kim Mã, Quận Ba Đình, Hà Nội';

  it('goes in as written, for the field to read; a text field still takes the text', () => {
    expect(planFill(schema, undefined, card(OLD)).values.address).toEqual({ asWritten: OLD });
    const flat = { type: 'object', properties: { address: { type: 'string' } } };
    expect(planFill(flat, undefined, card(OLD)).values.address).toBe(OLD);
  });

  it('the same card again keeps the commune chosen since; another card replaces a card’s address', () => {
    const chosen = withCommune({ asWritten: OLD }, baDinh);
    const again = planFill(schema, { address: chosen }, card(OLD), { address: { asWritten: OLD } });
    expect(again.values.address).toBe(chosen);
    expect(again.conflicts).toEqual([]);
    const other = planFill(schema, { address: chosen }, card('Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên'), {
      address: { asWritten: OLD },
    });
    expect(other.values.address).toEqual({ asWritten: 'Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên' });
  });

  it('an address the citizen picked themselves is a conflict to ask about; an empty one is not', () => {
    const typed = withCommune({ street: 'Số 3' }, baDinh);
    const plan = planFill(schema, { address: typed }, card(OLD));
    expect(plan.conflicts).toEqual([{ key: 'address', current: typed, incoming: { asWritten: OLD } }]);
    expect(addressLine(plan.conflicts[0]?.current)).toBe('Số 3, Phường Ba Đình, Thành phố Hà Nội');
    expect(planFill(schema, { address: { street: '' } }, card(OLD)).conflicts).toEqual([]);
  });
});

describe('the widget’s markup', () => {
  const noop = (): void => undefined;
  const field = (formData: unknown, language: 'vi' | 'en' = 'vi'): string =>
    render(
      <AddressField
        name="address"
        schema={{ type: 'object', title: 'Nơi cư trú' } as RJSFSchema}
        uiSchema={{}}
        formData={formData as Record<string, unknown>}
        fieldPathId={{ $id: 'root_me_address', path: ['me', 'address'] }}
        errorSchema={{ communeCode: { __errors: ['x'] } } as never}
        required
        onChange={noop}
        onBlur={noop}
        onFocus={noop}
        registry={
          { formContext: { filled: new Set(), noDiacritics: new Set(), verified: new Set() } } as never
        }
      />,
      language,
    );

  it('labels each part, marks the missing commune, and shows the card’s text as written', () => {
    const html = field({ asWritten: 'Phường Kim Mã, Quận Ba Đình, Hà Nội' });
    expect(html).toContain('<legend class="df-legend">Nơi cư trú');
    expect(html).toContain('for="root_me_address_provinceCode">Tỉnh/thành phố');
    expect(html).toContain('for="root_me_address_street">Số nhà, tên đường');
    expect(html).toContain('Địa chỉ trên thẻ (trước 01/7/2025)');
    expect(html).toContain('Phường Kim Mã, Quận Ba Đình, Hà Nội');
    expect(html).toContain('id="root_me_address_communeCode__error"');
    expect(html).toContain(
      'aria-describedby="root_me_address_communeCode__hint root_me_address_communeCode__error"',
    );
    expect(field({}, 'en')).toContain('Province or city');
  });

  it('a chosen commune is said, with a way to choose again, and the composed text', () => {
    const html = field(withStreet(withCommune({}, ngocHa), 'Số 3'));
    expect(html).toContain('Đã chọn: Phường Ngọc Hà');
    expect(html).toContain('Chọn lại xã/phường');
    expect(html).toContain('Địa chỉ sẽ ghi trên hồ sơ: Số 3, Phường Ngọc Hà, Thành phố Hà Nội');
    expect(html).not.toContain('Địa chỉ trên thẻ');
  });
});

describe('the staff panel’s dataset', () => {
  const dataset = (version: string, effective: string, inForce: boolean): AddressDataset => ({
    version,
    effective,
    source: 'NQ',
    origin: 'shipped',
    installedAt: null,
    installedBy: null,
    inForce,
    provinces: 34,
    communes: 3321,
  });

  it('is the one in force, else the latest by effective date', () => {
    const a = dataset('a', '2025-07-01', true);
    const b = dataset('b', '2026-01-01', false);
    expect(datasetInForce([b, a])).toBe(a);
    expect(datasetInForce([dataset('a', '2025-07-01', false), b])).toBe(b);
    expect(datasetInForce([])).toBeNull();
  });
});

describe('an untouched address in an optional person’s block', () => {
  // rjsf puts `{}` for a required object field; the father's block must not count as begun for it.
  const schema = {
    type: 'object',
    properties: {
      cha: {
        type: 'object',
        properties: {
          fullName: { type: 'string' },
          address: { type: 'object', properties: { street: { type: 'string' } }, required: ['street'] },
        },
        if: { minProperties: 1 },
        then: { required: ['fullName', 'address'] },
      },
    },
  } as RJSFSchema;

  it('is left out of what the form sends, the groups kept', () => {
    expect(
      withoutEmptyParts({
        tre: {},
        cha: { address: {} },
        me: { fullName: 'A', address: { street: '', x: {} } },
      }),
    ).toEqual({ tre: {}, cha: {}, me: { fullName: 'A', address: { street: '' } } });
  });

  it('and out of what the form checks: no error for an empty block, the block’s errors once begun', () => {
    const { validator } = createFormValidation(true);
    expect(validator.validateFormData({ cha: { address: {} } }, schema).errors).toEqual([]);
    const begun = validator.validateFormData({ cha: { address: { street: 'x' } } }, schema).errors;
    expect(begun.map((e) => e.property)).toContain('.cha.fullName');
  });
});
