import { type ReceiptData } from './receipt-data';

/**
 * A realistic receipt (birth registration, Luật Hộ tịch 2014: tờ khai + giấy chứng sinh, 3 working days
 * here only as an example) for a test print from the staff console, the benchmark and the tests. Nothing
 * in it is a real person.
 */
export function sampleReceipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    stage: 'received',
    code: '000.00.12.H29-K01-261123-0007',
    provisional: true,
    lookupSecret: 'K7Q2XF',
    portalCode: null,
    centre: {
      name: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
      address: 'Số 10 Đội Cấn, phường Ba Đình, thành phố Hà Nội',
      unitCode: '000.00.12.H29',
      agency: 'Ủy ban nhân dân phường Ba Đình',
      receivingUnit: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
    },
    kioskId: 'K01',
    applicant: {
      fullName: 'Nguyễn Thị Hương Giang',
      idNumber: '001190012345',
      address: 'Số 5 ngõ 12 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
      // Her card predates the 2025 reform; Phường Kim Mã was split and she chose Ba Đình.
      addressOnCard: 'Số 5 ngõ 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội',
      phone: '0912345678',
      email: 'huonggiang@example.vn',
    },
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 3 },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1, files: 1, pages: 1 },
      {
        name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp',
        form: 'original',
        copies: 1,
        files: 1,
        pages: 1,
      },
      {
        name: 'Giấy tờ chứng minh nơi cư trú của cha, mẹ',
        form: 'certified-copy',
        copies: 1,
        files: 2,
        pages: 3,
      },
    ],
    sets: 1,
    // 09:15 in Hà Nội (UTC+7) on Monday 23/11/2026.
    receivedAt: '2026-11-23T02:15:00.000Z',
    dueDate: '2026-11-26',
    dueEstimated: false,
    timeZone: 'Asia/Ho_Chi_Minh',
    delivery: { method: 'counter' },
    receivedBy: null,
    fee: { amount: 0, text: 'Miễn lệ phí đăng ký khai sinh đúng hạn' },
    payment: null,
    ...overrides,
  };
}
