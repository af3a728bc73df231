import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import {
  SCHEMA_DRAFT,
  declaration,
  dvcqg,
  integer,
  paper,
  person,
  personUi,
  text,
  type PersonSpec,
} from './parts';

/**
 * Chứng thực (certification) at UBND cấp xã.
 * - Nghị định 23/2015/NĐ-CP (sửa đổi bởi Nghị định 07/2025/NĐ-CP), Điều 7 (thời hạn: ngay trong ngày;
 *   yêu cầu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo → cutoff 15:00), Điều 20 (bản sao
 *   từ bản chính), Điều 24 (chứng thực chữ ký: người yêu cầu phải ký trước mặt người thực hiện).
 * - Thông tư 01/2020/TT-BTP (hướng dẫn chứng thực).
 * - Thông tư 226/2016/TT-BTC: phí chứng thực bản sao 2.000 đồng/trang, từ trang thứ ba 1.000 đồng/trang,
 *   tối đa 200.000 đồng/bản; chứng thực chữ ký 10.000 đồng/trường hợp.
 * There is no official tờ khai for chứng thực: the e-form only records who asks and for what, so the
 * counter can prepare; the papers themselves are checked at the counter.
 */

const FIELD = { field: 'Chứng thực', fieldEn: 'Certification' } as const;
const AGENCY =
  'Ủy ban nhân dân cấp xã (Bộ phận một cửa); cũng có thể chứng thực tại tổ chức hành nghề công chứng';
const LAW = [
  'Nghị định 23/2015/NĐ-CP, sửa đổi bởi Nghị định 07/2025/NĐ-CP',
  'Thông tư 01/2020/TT-BTP',
  'Thông tư 226/2016/TT-BTC',
];

const applicant: PersonSpec = {
  title: 'Người yêu cầu chứng thực',
  titleEn: 'Applicant',
  fields: ['fullName', 'idNumber', 'address'],
  required: ['fullName', 'idNumber'],
};

const documentBlock = (extra: JsonObject): JsonObject => ({
  type: 'object',
  title: 'Giấy tờ cần chứng thực',
  titleEn: 'Document to certify',
  properties: {
    tenGiayTo: text('Tên giấy tờ, văn bản', 'Name of the document', {
      max: 200,
      description: [
        'Ví dụ: Bằng tốt nghiệp trung học phổ thông; Giấy ủy quyền',
        'For example: upper secondary school diploma; letter of authorisation',
      ],
    }),
    ...extra,
    soBan: integer('Số bản cần chứng thực', 'Number of certified copies', 1, 50),
  },
  required: ['tenGiayTo', ...Object.keys(extra), 'soBan'],
});

/** The papers most often brought for a certified copy at a commune (a proposal; any other is typed). */
const COMMON_PAPERS = [
  'Giấy khai sinh',
  'Thẻ căn cước',
  'Bằng tốt nghiệp',
  'Học bạ',
  'Giấy chứng nhận kết hôn',
  'Giấy chứng nhận quyền sử dụng đất',
];

const requestInfo = () =>
  declaration(
    'Thông tin yêu cầu chứng thực (điền trên ki-ốt; pháp luật không quy định mẫu tờ khai)',
    'Request details typed at the kiosk (the law has no official form)',
    'phieu-yeu-cau',
  );

const banSao: Procedure = {
  id: 'chung-thuc-ban-sao-tu-ban-chinh',
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
  nameEn: 'Certified copy from an original issued in Viet Nam',
  ...FIELD,
  level: 3,
  processingDays: 0,
  fee: {
    amount: 2000,
    text: '2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản (Thông tư 226/2016/TT-BTC). Số tiền hiển thị là mức cho 01 trang; nhân viên tính đúng theo số trang khi nhận bản chính.',
  },
  agency: AGENCY,
  legalBasis: LAW,
  components: [
    requestInfo(),
    paper(
      'ban-chinh',
      'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực (mang bản chính đến quầy để đối chiếu)',
      'The original document (bring it to the counter to be compared)',
      'original',
    ),
    paper(
      'ban-sao',
      'Bản sao cần chứng thực',
      'The copy to certify',
      'copy',
      'Nếu tự chụp sẵn; nếu chỉ mang bản chính, nơi chứng thực chụp từ bản chính',
      'You have already made the copy yourself; if you bring only the original, the certifying office makes the copy from it',
    ),
  ],
  sets: 1,
  cutoff: '15:00',
  postal: false,
  result: 'Bản sao được chứng thực từ bản chính',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Yêu cầu chứng thực bản sao từ bản chính',
      titleEn: 'Request for certified copies',
      properties: {
        nguoiYeuCau: person(applicant),
        giayTo: documentBlock({
          soTrang: integer('Số trang của bản chính', 'Pages in the original', 1, 500),
        }),
      },
      required: ['nguoiYeuCau', 'giayTo'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'giayTo'],
      nguoiYeuCau: personUi(applicant),
      // One tap for the papers most often certified and the usual counts (renderer form/proposals.ts).
      giayTo: {
        'ui:order': ['tenGiayTo', 'soTrang', 'soBan'],
        tenGiayTo: { 'ui:options': { proposeValues: COMMON_PAPERS } },
        soTrang: { 'ui:options': { inputType: 'tel', proposeValues: [1, 2, 3, 4] } },
        soBan: { 'ui:options': { inputType: 'tel', proposeValues: [1, 2, 3, 5] } },
      },
    },
    persons: [{ path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu chứng thực', en: 'Applicant' } }],
  },
  sources: [...LAW, 'Nghị định 23/2015/NĐ-CP, Điều 7 và Điều 20', dvcqg('2.000815')],
};

const chuKy: Procedure = {
  id: 'chung-thuc-chu-ky',
  code: '2.000884',
  name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
  nameEn: 'Certification of a signature (or fingerprint) on a document',
  ...FIELD,
  level: 3,
  processingDays: 0,
  fee: { amount: 10000, text: '10.000 đồng/trường hợp (Thông tư 226/2016/TT-BTC).' },
  agency: AGENCY,
  legalBasis: LAW,
  components: [
    requestInfo(),
    paper(
      'giay-to-tuy-than',
      'Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị (thẻ căn cước, hộ chiếu)',
      'Valid identity document, original or certified copy',
      'original-or-copy',
    ),
    paper(
      'van-ban-can-ky',
      'Giấy tờ, văn bản sẽ ký (chưa ký; người yêu cầu ký trước mặt người thực hiện chứng thực)',
      'The document to be signed (unsigned: you sign it in front of the officer)',
      'original',
    ),
  ],
  sets: 1,
  cutoff: '15:00',
  // The signature is made in front of the officer, so the person comes to the counter.
  postal: false,
  result: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Yêu cầu chứng thực chữ ký',
      titleEn: 'Request for certification of a signature',
      properties: {
        nguoiYeuCau: person(applicant),
        giayTo: documentBlock({}),
      },
      required: ['nguoiYeuCau', 'giayTo'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'giayTo'],
      nguoiYeuCau: personUi(applicant),
      giayTo: { 'ui:order': ['tenGiayTo', 'soBan'], soBan: { 'ui:options': { inputType: 'tel' } } },
    },
    persons: [{ path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu chứng thực', en: 'Applicant' } }],
  },
  sources: [...LAW, 'Nghị định 23/2015/NĐ-CP, Điều 7 và Điều 24', dvcqg('2.000884')],
};

export const chungThuc: Procedure[] = [banSao, chuKy];
