import type { JsonObject } from './types';

/** A structured address (seed/parts.ts addressField) with its composed text. */
const place = (
  street: string,
  [communeCode, commune]: [string, string],
  [provinceCode, province]: [string, string],
  asWritten?: string,
): JsonObject => ({
  street,
  communeCode,
  commune,
  province,
  provinceCode,
  text: [street, commune, province].join(', '),
  ...(asWritten === undefined ? {} : { asWritten }),
});

const HA_NOI: [string, string] = ['01', 'Thành phố Hà Nội'];
const HO_CHI_MINH: [string, string] = ['79', 'Thành phố Hồ Chí Minh'];
const HOAN_KIEM: [string, string] = ['00070', 'Phường Hoàn Kiếm'];
const SAI_GON: [string, string] = ['26740', 'Phường Sài Gòn'];

/**
 * One valid, made-up form per seed procedure: the unit tests prove each passes its schema, and the e2e
 * tests and the staff demo use them to fill a form quickly. Names and ID numbers are invented (ID
 * numbers follow the province/sex/year layout of DOMAIN.md so card checks accept them).
 */

const mother = {
  fullName: 'Trần Thị Mai',
  idNumber: '001190012345',
  birthDate: '1990-04-12',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  address: place('Số 12 phố Hàng Bạc', HOAN_KIEM, HA_NOI),
};

const father = {
  fullName: 'Nguyễn Văn Bình',
  idNumber: '001088054321',
  birthDate: '1988-09-30',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  // Filled from his card, which still has the address before the 2025 reform.
  address: place(
    'Số 12 phố Hàng Bạc',
    HOAN_KIEM,
    HA_NOI,
    'Số 12 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội',
  ),
};

const requesterFather = {
  fullName: father.fullName,
  idNumber: father.idNumber,
  address: father.address,
  quanHe: 'Cha',
};

const child = {
  fullName: 'Nguyễn Minh An',
  birthDate: '2025-10-01',
  sex: 'male',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  birthPlace: 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
  hometown: 'Xã Đông Anh, thành phố Hà Nội',
};

const adult = {
  fullName: 'Lê Thị Hồng',
  idNumber: '079195001234',
  birthDate: '1995-03-08',
  sex: 'female',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  address: place('Số 45 đường Nguyễn Huệ', SAI_GON, HO_CHI_MINH),
};

const self = {
  fullName: adult.fullName,
  idNumber: adult.idNumber,
  address: adult.address,
  quanHe: 'Bản thân',
};

const EXAMPLES: Record<string, JsonObject> = {
  'dang-ky-khai-sinh': { nguoiYeuCau: requesterFather, tre: child, me: mother, cha: father, soBanSao: 1 },
  'dang-ky-ket-hon': {
    benNu: { ...adult, lanKetHon: 1 },
    benNam: {
      fullName: 'Phạm Quốc Huy',
      idNumber: '079093006789',
      birthDate: '1993-11-20',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      address: place('Số 8 đường Lê Lợi', ['26743', 'Phường Bến Thành'], HO_CHI_MINH),
      lanKetHon: 1,
    },
    soBanSao: 0,
  },
  'dang-ky-khai-tu': {
    nguoiYeuCau: { ...requesterFather, quanHe: 'Con' },
    nguoiMat: {
      fullName: 'Nguyễn Văn Thành',
      idNumber: '001045000123',
      birthDate: '1945-02-14',
      sex: 'male',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      address: father.address,
      deathDate: '2025-09-15',
      deathTime: '05:30',
      deathPlace: 'Tại nhà, số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội',
      cause: 'Bệnh già',
    },
    soBanSao: 2,
  },
  'cap-ban-sao-trich-luc-ho-tich': {
    nguoiYeuCau: self,
    nguoiDuocCap: {
      fullName: adult.fullName,
      idNumber: adult.idNumber,
      birthDate: adult.birthDate,
      sex: 'female',
    },
    suKien: {
      loaiViec: 'khai-sinh',
      noiDangKy: 'Ủy ban nhân dân phường Bến Nghé, Quận 1',
      ngayDangKy: '1995-03-20',
    },
    soBan: 2,
  },
  'xac-nhan-tinh-trang-hon-nhan': {
    nguoiYeuCau: self,
    nguoiDuocXacNhan: adult,
    tinhTrang: 'chua-ket-hon',
    mucDich: 'Để đăng ký kết hôn',
    soBan: 1,
  },
  'dang-ky-lai-khai-sinh': {
    nguoiYeuCau: self,
    nguoiDuocKhaiSinh: {
      ...adult,
      birthPlace: 'Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh',
      hometown: 'Tỉnh Tây Ninh',
    },
    me: { ...mother, fullName: 'Võ Thị Lan', idNumber: '072168001111', birthDate: '1968-06-01' },
    noiDaDangKy: 'Ủy ban nhân dân phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
    soBanSao: 0,
  },
  'thay-doi-cai-chinh-ho-tich': {
    nguoiYeuCau: self,
    nguoiThayDoi: {
      fullName: adult.fullName,
      idNumber: adult.idNumber,
      birthDate: adult.birthDate,
      sex: 'female',
    },
    loaiYeuCau: 'cai-chinh',
    giayToHoTich: 'Giấy khai sinh số 123, quyển số 01/1995, ngày 20/3/1995',
    noiDung: 'Quê quán từ "Tây Ninh" thành "Long An"',
    lyDo: 'Ghi sai quê quán khi đăng ký khai sinh',
  },
  'lien-thong-khai-sinh-thuong-tru-bhyt': {
    nguoiYeuCau: requesterFather,
    tre: child,
    me: mother,
    cha: father,
    thuongTru: { address: father.address, chuHo: father.fullName, quanHeVoiChuHo: 'Con' },
    baoHiemYTe: { noiKhamBenh: 'Trạm y tế phường Hoàn Kiếm' },
    soBanSao: 1,
  },
  'chung-thuc-ban-sao-tu-ban-chinh': {
    nguoiYeuCau: { fullName: adult.fullName, idNumber: adult.idNumber, address: adult.address },
    giayTo: { tenGiayTo: 'Bằng tốt nghiệp đại học', soTrang: 1, soBan: 3 },
  },
  'chung-thuc-chu-ky': {
    nguoiYeuCau: { fullName: adult.fullName, idNumber: adult.idNumber },
    giayTo: { tenGiayTo: 'Giấy ủy quyền nhận lương hưu', soBan: 2 },
  },
  'dang-ky-thanh-lap-ho-kinh-doanh': {
    chuHo: { ...adult, phone: '0912345678' },
    hoKinhDoanh: {
      ten: 'Hộ kinh doanh Tạp hóa Hồng Phát',
      diaChi: place('Số 45 đường Nguyễn Huệ', SAI_GON, HO_CHI_MINH),
      phone: '0912345678',
      nganhNghe: 'Bán lẻ lương thực, thực phẩm, đồ uống trong cửa hàng',
      von: 100000000,
      soLaoDong: 2,
    },
    thanhVien: [],
  },
  'cap-phieu-ly-lich-tu-phap-so-1': {
    nguoiYeuCau: {
      ...adult,
      birthPlace: 'Thành phố Hồ Chí Minh',
      phone: '0912345678',
      email: 'hong.le@example.com',
    },
    cha: { fullName: 'Lê Văn Tâm' },
    me: { fullName: 'Võ Thị Lan' },
    mucDich: 'Bổ sung hồ sơ xin việc',
    soLuong: 1,
  },
  'dang-ky-thuong-tru': {
    nguoiDangKy: {
      fullName: adult.fullName,
      idNumber: adult.idNumber,
      birthDate: adult.birthDate,
      sex: 'female',
    },
    diaChi: place('Số 45 đường Nguyễn Huệ', SAI_GON, HO_CHI_MINH),
    chuHo: { fullName: 'Lê Văn Tâm', idNumber: '079065002222', quanHe: 'Con' },
    noiDung: 'Đăng ký thường trú vào nhà của bố đẻ',
  },
  'dang-ky-tam-tru': {
    nguoiDangKy: {
      fullName: adult.fullName,
      idNumber: adult.idNumber,
      birthDate: adult.birthDate,
      sex: 'female',
      phone: '0912345678',
    },
    diaChi: place('Phòng 3, số 10 ngõ 5 phố Láng Hạ', ['00025', 'Phường Giảng Võ'], HA_NOI),
    tamTruDen: '2027-12-31',
    noiDung: 'Đăng ký tạm trú tại nhà thuê để đi làm',
  },
};

/** A fresh copy of the example form for a seed procedure; throws for an id the seed does not have. */
export function exampleData(procedureId: string): JsonObject {
  const example = EXAMPLES[procedureId];
  if (!example) throw new Error(`no example form for procedure ${procedureId}`);
  return structuredClone(example);
}

/** The ids that have an example (every seed procedure, as a test checks). */
export const exampleIds = (): string[] => Object.keys(EXAMPLES);
