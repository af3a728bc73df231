import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import { LAW, childSchema, childUi, father, mother, requester } from './ho-tich-common';
import {
  ADDRESS_UI,
  SCHEMA_DRAFT,
  addressField,
  copies,
  declaration,
  dvcqg,
  paper,
  person,
  personUi,
  proxyForHoTich,
  text,
} from './parts';

/**
 * The "liên thông" group for a newborn: birth registration, permanent residence and a health-insurance
 * card in one dossier (Nghị định 63/2024/NĐ-CP, thực hiện liên thông hai nhóm thủ tục hành chính:
 * đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi).
 *
 * Doubtful, to check against the portal's catalogue when it syncs: the national code (1.003412 is the
 * one published for this group on dichvucong.gov.vn in 2024–2025; some provinces list it under the birth
 * registration code) and the total time, 05 working days here (the sum of the three steps).
 */

const residence: JsonObject = {
  type: 'object',
  title: 'Đăng ký thường trú cho trẻ',
  titleEn: 'Permanent residence of the child',
  properties: {
    address: addressField('Nơi đăng ký thường trú', 'Address to register'),
    chuHo: text('Họ, chữ đệm và tên chủ hộ', 'Name of the head of household', { max: 100 }),
    quanHeVoiChuHo: text('Quan hệ của trẻ với chủ hộ', "Child's relationship to the head of household", {
      max: 50,
      description: ['Ví dụ: con, cháu nội', "For example: child, grandchild (son's child)"],
    }),
  },
  required: ['address', 'chuHo', 'quanHeVoiChuHo'],
};

const insurance: JsonObject = {
  type: 'object',
  title: 'Cấp thẻ bảo hiểm y tế',
  titleEn: 'Health insurance card',
  properties: {
    noiKhamBenh: text('Nơi đăng ký khám bệnh, chữa bệnh ban đầu', 'Preferred primary care facility', {
      max: 200,
      description: [
        'Tên trạm y tế, phòng khám hoặc bệnh viện',
        'Name of the health station, clinic or hospital',
      ],
    }),
  },
  required: ['noiKhamBenh'],
};

const lienThongKhaiSinh: Procedure = {
  id: 'lien-thong-khai-sinh-thuong-tru-bhyt',
  code: '1.003412',
  name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  nameEn: 'Birth registration with permanent residence and a health insurance card (children under 6)',
  field: 'Hộ tịch',
  fieldEn: 'Civil status',
  level: 4,
  processingDays: 5,
  fee: {
    amount: 0,
    text: 'Miễn lệ phí: khai sinh đúng hạn (Luật Hộ tịch, Điều 11), đăng ký cư trú cho trẻ em (Thông tư 75/2022/TT-BTC); thẻ bảo hiểm y tế của trẻ dưới 6 tuổi do ngân sách nhà nước đóng.',
  },
  agency:
    'Ủy ban nhân dân cấp xã (khai sinh) liên thông với Công an cấp xã (thường trú) và cơ quan Bảo hiểm xã hội (thẻ bảo hiểm y tế)',
  legalBasis: [
    'Nghị định 63/2024/NĐ-CP',
    ...LAW,
    'Luật Cư trú số 68/2020/QH14',
    'Luật Bảo hiểm y tế (số 25/2008/QH12, sửa đổi)',
    'Thông tư 75/2022/TT-BTC',
  ],
  components: [
    declaration(
      'Tờ khai liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế',
      'Joint form',
    ),
    paper(
      'giay-chung-sinh',
      'Giấy chứng sinh (nếu không có: văn bản xác nhận của người làm chứng hoặc giấy cam đoan về việc sinh)',
      'Birth certificate from the hospital (or a witness statement / sworn statement of the birth)',
      'original',
    ),
    paper(
      'cho-o-hop-phap',
      'Giấy tờ chứng minh chỗ ở hợp pháp',
      'Proof of lawful residence',
      'copy',
      'Khi trẻ không đăng ký thường trú cùng cha, mẹ và thông tin chỗ ở chưa có trong Cơ sở dữ liệu về cư trú',
      'The child is not being registered for permanent residence with the parents, and the details of the home are not yet in the Residence Database',
    ),
    paper(
      'y-kien-chu-ho',
      'Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
      'Consent of the head of household or the owner of the home',
      'original',
      'Khi trẻ đăng ký thường trú vào chỗ ở của người khác',
      "The child is being registered for permanent residence at someone else's home",
    ),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Giấy khai sinh (bản chính); thông báo đăng ký thường trú; thẻ bảo hiểm y tế của trẻ',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế',
      titleEn: 'Joint birth, residence and health insurance form',
      properties: {
        nguoiYeuCau: person(requester),
        tre: childSchema,
        me: person(mother),
        cha: person(father),
        thuongTru: residence,
        baoHiemYTe: insurance,
        soBanSao: copies(),
      },
      required: ['nguoiYeuCau', 'tre', 'me', 'thuongTru', 'baoHiemYTe'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'tre', 'me', 'cha', 'thuongTru', 'baoHiemYTe', 'soBanSao'],
      nguoiYeuCau: personUi(requester),
      tre: childUi,
      me: personUi(mother),
      cha: personUi(father),
      thuongTru: { address: ADDRESS_UI },
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
      { path: 'cha', label: { vi: 'Cha', en: 'Father' } },
    ],
  },
  sources: ['Nghị định 63/2024/NĐ-CP', ...LAW, 'Thông tư 75/2022/TT-BTC', dvcqg('1.003412')],
};

export const lienThong: Procedure[] = [lienThongKhaiSinh];
