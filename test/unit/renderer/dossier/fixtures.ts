// A birth-registration-like procedure for the renderer tests: three person places (applicant, mother,
// father), a child, a $ref'd person, sex as oneOf consts, a date, a digits-only ID pattern.
import type { Procedure } from '../../../../preload/api';

const personSchema = {
  type: 'object',
  properties: {
    fullName: {
      type: 'string',
      title: 'Họ, chữ đệm và tên',
      titleEn: 'Full name',
      minLength: 1,
      maxLength: 100,
    },
    idNumber: {
      type: 'string',
      title: 'Số định danh cá nhân',
      titleEn: 'Personal ID number',
      pattern: '^[0-9]{12}$',
    },
    birthDate: { type: 'string', format: 'date', title: 'Ngày sinh', titleEn: 'Date of birth' },
    sex: {
      type: 'string',
      title: 'Giới tính',
      oneOf: [
        { const: 'male', title: 'Nam' },
        { const: 'female', title: 'Nữ' },
      ],
    },
    address: { type: 'string', title: 'Nơi cư trú', minLength: 1, maxLength: 250 },
  },
};

export const birthRegistration: Procedure = {
  id: 'dang-ky-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  field: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 4,
  processingDays: 0,
  fee: { amount: 0, text: 'Miễn lệ phí' },
  agency: 'UBND cấp xã',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
  components: [
    {
      id: 'to-khai',
      name: 'Tờ khai đăng ký khai sinh',
      nameEn: 'Birth registration form',
      form: 'original',
      copies: 1,
      required: true,
      condition: null,
      conditionEn: null,
      accept: ['pdf'],
      fromForm: true,
    },
    {
      id: 'giay-chung-sinh',
      name: 'Giấy chứng sinh',
      nameEn: 'Birth certificate',
      form: 'original',
      copies: 1,
      required: true,
      condition: null,
      conditionEn: null,
      accept: ['pdf', 'jpeg', 'png'],
      fromForm: false,
    },
    {
      id: 'mang-thai-ho',
      name: 'Văn bản chứng minh việc mang thai hộ',
      nameEn: 'Proof of surrogacy',
      form: 'original',
      copies: 1,
      required: false,
      condition: 'Khi trẻ được sinh ra do mang thai hộ',
      conditionEn: 'The child was born through gestational surrogacy',
      accept: ['pdf'],
      fromForm: false,
    },
  ],
  sets: 1,
  cutoff: '15:00',
  postal: true,
  result: 'Giấy khai sinh (bản chính)',
  form: {
    schema: {
      type: 'object',
      title: 'Tờ khai đăng ký khai sinh',
      definitions: { person: personSchema },
      properties: {
        nguoiYeuCau: { $ref: '#/definitions/person', title: 'Người yêu cầu' },
        tre: {
          type: 'object',
          title: 'Trẻ được khai sinh',
          titleEn: 'Child',
          properties: {
            fullName: { type: 'string', title: 'Họ, chữ đệm và tên', titleEn: 'Full name', minLength: 1 },
            birthDate: { type: 'string', format: 'date', title: 'Ngày sinh' },
          },
          required: ['fullName', 'birthDate'],
        },
        me: { ...personSchema, title: 'Mẹ', titleEn: 'Mother', required: ['fullName', 'birthDate'] },
        cha: { ...personSchema, title: 'Cha', titleEn: 'Father' },
      },
      required: ['tre', 'me'],
    },
    uiSchema: { 'ui:order': ['nguoiYeuCau', 'tre', 'me', 'cha'] },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
      { path: 'cha', label: { vi: 'Cha', en: 'Father' } },
    ],
  },
  sources: ['https://dichvucong.gov.vn'],
};
