import type { KioskConfigInput } from './schema';

/**
 * The embedded demo centre, used when the data folder has no kiosk.config.json so the app runs out of
 * the box. Its unit code is a made-up one in the QCVN 102 shape; app.info reports `demo: true` and the
 * staff console says so, so nobody mistakes it for a configured centre.
 */
const ALWAYS = { open: '00:00', close: '23:59' };

export const demoConfig: KioskConfigInput = {
  centre: {
    name: 'Trung tâm Phục vụ hành chính công (bản trình diễn)',
    unitCode: '000.00.00.H00',
    address: 'Địa chỉ minh hoạ',
  },
  kioskId: 'K01',
  // The demo centre is open around the clock so that it can be tried (and tested) at any hour.
  services: [
    {
      id: 'ho-tich',
      name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' },
      prefix: 'A',
      hours: ALWAYS,
    },
    { id: 'chung-thuc', name: { vi: 'Chứng thực', en: 'Certification' }, prefix: 'B', hours: ALWAYS },
    { id: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' }, prefix: 'C', hours: ALWAYS },
    {
      id: 'kinh-doanh',
      name: { vi: 'Đăng ký kinh doanh', en: 'Business registration' },
      prefix: 'D',
      hours: ALWAYS,
    },
  ],
  counters: [
    { id: 1, services: ['ho-tich', 'chung-thuc'] },
    { id: 2, services: ['ho-tich'] },
    { id: 3, services: ['dat-dai'] },
    { id: 4, services: ['kinh-doanh', 'chung-thuc'] },
  ],
};
