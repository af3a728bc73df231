import type { Json, JsonObject } from '../types';

/**
 * Building blocks of the seed's e-forms, so that every form names a person's fields the same way and a
 * CCCD scan (identity issue) can fill them: fullName, idNumber, birthDate, sex, address, and where the
 * official tờ khai asks for them, nationality and ethnicity.
 *
 * Vietnamese is what react-jsonschema-form shows first; every text a person reads has an English twin
 * the language toggle swaps in (renderer/src/screens/dossier/lib/localise.ts), and the error messages use:
 * - `title` → `titleEn`, `description` → `descriptionEn` (annotations ajv is told about, ajv.ts), on
 *   fields, groups and each `oneOf` option of a choice;
 * - `'ui:placeholder'` → `'ui:placeholderEn'` in the uiSchema.
 * The helpers take both languages together (`Words`), so a call site cannot give one and forget the other;
 * test/unit/catalogue/seed-english.test.ts holds every seed form to it.
 */

export const SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A text in both languages: Vietnamese first. */
export type Words = [vi: string, en: string];

export type PersonKey =
  'fullName' | 'idNumber' | 'birthDate' | 'sex' | 'address' | 'nationality' | 'ethnicity';

/** `description`/`descriptionEn` on a schema node, when there is a description. */
function describe(node: JsonObject, description: Words | undefined): JsonObject {
  if (description) {
    node.description = description[0];
    node.descriptionEn = description[1];
  }
  return node;
}

export const text = (
  title: string,
  titleEn: string,
  opts: { max?: number; description?: Words; pattern?: string } = {},
): JsonObject => {
  const s: JsonObject = { type: 'string', title, titleEn, minLength: 1, maxLength: opts.max ?? 200 };
  describe(s, opts.description);
  if (opts.pattern) s.pattern = opts.pattern;
  return s;
};

export const date = (title: string, titleEn: string, description?: Words): JsonObject =>
  describe({ type: 'string', format: 'date', title, titleEn }, description);

export const integer = (
  title: string,
  titleEn: string,
  min: number,
  max: number,
  description?: Words,
): JsonObject => describe({ type: 'integer', title, titleEn, minimum: min, maximum: max }, description);

/** A list of choices rendered as a select: each option's label in Vietnamese and in English. */
export const choice = (
  title: string,
  titleEn: string,
  options: [value: string, vi: string, en: string][],
): JsonObject => ({
  type: 'string',
  title,
  titleEn,
  oneOf: options.map(([value, vi, en]) => ({ const: value, title: vi, titleEn: en })),
});

/** The uiSchema hint shown in an empty input, in both languages. */
export const placeholder = ([vi, en]: Words): JsonObject => ({
  'ui:placeholder': vi,
  'ui:placeholderEn': en,
});

/** Sex as the CCCD gives it (the card-fill matches `male`/`female`). */
export const sex = (): JsonObject =>
  choice('Giới tính', 'Sex', [
    ['male', 'Nam', 'Male'],
    ['female', 'Nữ', 'Female'],
  ]);

/** The hint under every address field. */
export const ADDRESS_HINT: Words = [
  'Chọn tỉnh/thành phố và xã/phường (đơn vị hành chính từ 01/7/2025), rồi ghi số nhà, đường/thôn',
  'Choose the province or city and the commune or ward (the units in force since 1 July 2025), then write the house number and street or village',
];

/** The uiSchema of an address field: the renderer's address widget (province → commune, street line). */
export const ADDRESS_UI: JsonObject = { 'ui:field': 'address' };

const part = (title: string, titleEn: string, extra: JsonObject): JsonObject => ({
  type: 'string',
  title,
  titleEn,
  ...extra,
});

/**
 * An address as the e-forms store it since the 2025 reform: StructuredAddressSchema
 * (preload/contract/address.ts) as JSON Schema. The commune and province are the new units, picked (or
 * proposed from the card) by the widget; `text` is composed from them and is what receipts, staff and
 * the portal show; `asWritten` keeps the card's old text. Complete when submitted: a draft may hold it
 * half-filled (drafts are not checked against the schema), and one carried over from a string address
 * whose old commune was split has no commune yet, so the form asks for it.
 */
export const addressField = (
  title: string,
  titleEn: string,
  description: Words | undefined = ADDRESS_HINT,
): JsonObject =>
  describe(
    {
      type: 'object',
      title,
      titleEn,
      properties: {
        street: part('Số nhà, đường/thôn, tổ/xóm', 'House number, street or village', { maxLength: 200 }),
        communeCode: part('Mã xã/phường', 'Commune code', { pattern: '^[0-9]{5}$' }),
        commune: part('Xã/phường/đặc khu', 'Commune or ward', { minLength: 1, maxLength: 80 }),
        province: part('Tỉnh/thành phố', 'Province or city', { minLength: 1, maxLength: 80 }),
        provinceCode: part('Mã tỉnh/thành phố', 'Province code', { pattern: '^[0-9]{2}$' }),
        text: part('Địa chỉ đầy đủ', 'Full address', { minLength: 1, maxLength: 400 }),
        asWritten: part('Địa chỉ trên thẻ (trước 01/7/2025)', 'Address on the card (before 1 July 2025)', {
          maxLength: 400,
        }),
      },
      required: ['street', 'communeCode', 'commune', 'province', 'provinceCode', 'text'],
      additionalProperties: false,
    },
    description,
  );

export const phone = (): JsonObject =>
  text('Số điện thoại', 'Phone number', {
    max: 12,
    pattern: '^(\\+84|0)[0-9]{9,10}$',
    description: ['Ví dụ 0912345678', 'For example 0912345678'],
  });

export const email = (): JsonObject => ({
  type: 'string',
  format: 'email',
  title: 'Thư điện tử',
  titleEn: 'E-mail',
  maxLength: 120,
});

const PERSON_FIELDS: Record<PersonKey, JsonObject> = {
  fullName: text('Họ, chữ đệm và tên', 'Full name', {
    max: 100,
    description: [
      'Viết đúng như trên thẻ căn cước hoặc giấy tờ tùy thân',
      'Exactly as written on the citizen ID card or identity document',
    ],
  }),
  idNumber: {
    type: 'string',
    title: 'Số định danh cá nhân',
    titleEn: 'Personal ID number',
    pattern: '^[0-9]{12}$',
    description: '12 chữ số in trên thẻ căn cước (CCCD)',
    descriptionEn: 'The 12 digits printed on the citizen ID card (CCCD)',
  },
  birthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
  sex: sex(),
  address: addressField('Nơi cư trú', 'Place of residence'),
  nationality: text('Quốc tịch', 'Nationality', { max: 60 }),
  ethnicity: text('Dân tộc', 'Ethnicity', { max: 60 }),
};

export interface PersonSpec {
  title: string;
  titleEn: string;
  fields: PersonKey[];
  required: PersonKey[];
  /** Fields specific to this form (e.g. relationship), appended after the person's own. */
  extra?: JsonObject;
  extraRequired?: string[];
  description?: Words;
  /** Optional person (e.g. the father): the fields become required once any is filled. */
  optional?: boolean;
  /** A different title for the address (e.g. "Nơi thường trú"). */
  addressTitle?: [vi: string, en: string];
}

export function person(spec: PersonSpec): JsonObject {
  const properties: JsonObject = {};
  for (const key of spec.fields) {
    const field = { ...PERSON_FIELDS[key] };
    if (key === 'address' && spec.addressTitle) {
      field.title = spec.addressTitle[0];
      field.titleEn = spec.addressTitle[1];
    }
    properties[key] = field;
  }
  Object.assign(properties, spec.extra ?? {});
  const required: string[] = [...spec.required, ...(spec.extraRequired ?? [])];
  const s: JsonObject = { type: 'object', title: spec.title, titleEn: spec.titleEn, properties };
  describe(s, spec.description);
  if (spec.optional) {
    // The form shows an empty block; once anything is typed in it, the whole person is needed.
    s.if = { minProperties: 1 };
    s.then = { required };
  } else {
    s.required = required;
  }
  return s;
}

/** uiSchema of a person block: field order, numeric keypad for the ID, placeholders. */
export function personUi(spec: PersonSpec, extraUi: JsonObject = {}): JsonObject {
  const order: Json[] = [...spec.fields, ...Object.keys(spec.extra ?? {})];
  const ui: JsonObject = { 'ui:order': order };
  if (spec.fields.includes('idNumber')) {
    ui.idNumber = { ...placeholder(['12 chữ số', '12 digits']), 'ui:options': { inputType: 'tel' } };
  }
  if (spec.fields.includes('fullName'))
    ui.fullName = placeholder(['Ví dụ: Nguyễn Văn An', 'For example: Nguyễn Văn An']);
  if (spec.fields.includes('address')) ui.address = ADDRESS_UI;
  return { ...ui, ...extraUi };
}

export const relationship = (): JsonObject =>
  text('Quan hệ với người được đăng ký', 'Relationship to the person registered', {
    max: 50,
    description: [
      'Ví dụ: cha, mẹ, ông, bà, anh, chị, người được ủy quyền',
      'For example: father, mother, grandfather, grandmother, brother, sister, authorised person',
    ],
  });

/** "Số bản sao đề nghị cấp" on most tờ khai hộ tịch. */
export const copies = (): JsonObject =>
  integer('Số bản sao trích lục đề nghị cấp thêm', 'Extra certified extracts requested', 0, 10, [
    'Để 0 nếu không cần',
    'Leave 0 if you need none',
  ]);

/** The link to a procedure's page on the national portal (Cơ sở dữ liệu quốc gia về TTHC). */
export const dvcqg = (code: string): string =>
  `Cổng Dịch vụ công quốc gia, thủ tục ${code}: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${code}`;

export const PDF_OR_IMAGE = ['pdf', 'jpeg', 'png'] as const;

export type PaperForm = 'original' | 'copy' | 'certified-copy' | 'original-or-copy';

export interface Paper {
  id: string;
  name: string;
  nameEn: string;
  form: PaperForm;
  copies: number;
  required: boolean;
  condition: string | null;
  /** `condition` in English; null exactly when `condition` is. */
  conditionEn: string | null;
  accept: ('pdf' | 'jpeg' | 'png')[];
  fromForm: boolean;
}

/** The declaration the e-form produces: nothing to attach. */
export const declaration = (name: string, nameEn: string, id = 'to-khai'): Paper => ({
  id,
  name,
  nameEn,
  form: 'original',
  copies: 1,
  required: true,
  condition: null,
  conditionEn: null,
  accept: ['pdf'],
  fromForm: true,
});

/**
 * When a paper is needed only in some case: that case in Vietnamese and in English, both or neither (so
 * a call site cannot give one and forget the other), then the number of copies.
 */
type OnlyIf =
  | []
  | [condition: string, conditionEn: string, copies?: number]
  | [condition: null, conditionEn: null, copies?: number];

/** A paper to attach; with a condition it is needed only in that case. */
export const paper = (
  id: string,
  name: string,
  nameEn: string,
  form: PaperForm,
  ...[condition = null, conditionEn = null, copies = 1]: OnlyIf
): Paper => ({
  id,
  name,
  nameEn,
  form,
  copies,
  required: condition === null,
  condition,
  conditionEn,
  accept: [...PDF_OR_IMAGE],
  fromForm: false,
});

/** Hộ tịch: a proxy needs a written authorisation, except close relatives (Nghị định 123/2015, Điều 2). */
export const proxyForHoTich = (): Paper =>
  paper(
    'van-ban-uy-quyen',
    'Văn bản ủy quyền (được chứng thực)',
    'Written authorisation (certified)',
    'original',
    'Khi nhờ người khác nộp hồ sơ; không cần nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền',
    'You ask someone else to file the application for you; not needed if that person is your grandparent, parent, child, husband, wife, brother or sister',
  );

/** Since Nghị định 07/2025/NĐ-CP, papers whose data the officer can read from the databases are not asked for. */
export const identityPaper = (who = 'người yêu cầu'): Paper =>
  paper(
    'giay-to-tuy-than',
    `Giấy tờ tùy thân của ${who} (thẻ căn cước, hộ chiếu)`,
    'Identity document (citizen ID card, passport)',
    'original-or-copy',
    'Xuất trình khi thông tin không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư hoặc VNeID',
    'The details cannot be retrieved from the National Population Database or VNeID; in that case, show it',
  );
