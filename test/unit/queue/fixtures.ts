import type { KioskConfigInput } from '../../../main/core/config/schema';

const ALL_DAY = { open: '00:00', close: '23:59' };

/** Two services, three counters: counter 1 serves both, 2 only civil status, 3 only land. */
export const queueConfig: KioskConfigInput = {
  centre: { name: 'UBND phường Thử Nghiệm', unitCode: '000.00.12.H29' },
  services: [
    { id: 'ho-tich', name: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' }, prefix: 'A', hours: ALL_DAY },
    { id: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' }, prefix: 'C', hours: ALL_DAY, range: [1, 3] },
  ],
  counters: [
    { id: 1, services: ['ho-tich', 'dat-dai'] },
    { id: 2, services: ['ho-tich'] },
    { id: 3, services: ['dat-dai'] },
  ],
  priorityRatio: 2,
  noShowRecallMinutes: 10,
};
