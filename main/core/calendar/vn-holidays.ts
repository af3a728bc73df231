import type { CalendarData, CalendarEntry } from './types';

/**
 * Days off for state agencies (cơ quan hành chính nhà nước) in Việt Nam, 2026 and 2027, as shipped. Staff
 * correct or extend them through `CalendarOverrides` (stored by `store.ts`); this file is only the seed.
 *
 * Rules (Bộ luật Lao động 2019): art. 112.1 gives 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm
 * lịch; 30/4; 1/5; 2/9 plus one day before or after it. Art. 111.3: a holiday on a weekly day off gives
 * a day off on the next working day (nghỉ bù). Art. 112.3: the Prime Minister fixes the Tết days and the
 * day beside 2/9 each year; since Nghị định 128/2025/NĐ-CP the Minister of Home Affairs (Bộ Nội vụ)
 * announces them for state agencies, sometimes swapping a weekday with a Saturday.
 *
 * Only weekdays matter to the count, but weekend holidays are listed too so a staff screen shows the
 * whole holiday. Lunar dates were converted with Hồ Ngọc Đức's algorithm at UTC+7 (the Vietnamese
 * calendar; the Chinese UTC+8 one puts the 2027 New Year on 7/2, a day later).
 */

const BLLD = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const BU = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp)';
const VPCP_2026_TET_DL =
  'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý phương án của Bộ Nội vụ): nghỉ 1/1–4/1/2026, hoán đổi thứ Sáu 2/1 với thứ Bảy 10/1';
const BNV_2026 =
  'Thông báo của Bộ Nội vụ ngày 17/10/2025 theo chỉ đạo của Thủ tướng: Tết Bính Ngọ nghỉ 16/2–20/2/2026 (liền 14/2–22/2); Quốc khánh nghỉ 29/8–2/9/2026, làm bù thứ Bảy 22/8 cho thứ Hai 31/8';
const ESTIMATE_2027 =
  'DỰ KIẾN: chưa có thông báo của Bộ Nội vụ cho năm 2027; suy ra theo Điều 111, 112 BLLĐ 2019 (1 ngày trước Tết và 4 ngày sau, nghỉ bù ngày trùng cuối tuần). Cán bộ cần đối chiếu khi có thông báo.';
const VAN_HOA =
  'CHƯA ÁP DỤNG: Nghị quyết 80-NQ/TW ngày 7/1/2026 chọn 24/11 là Ngày Văn hóa Việt Nam, ngày nghỉ hưởng nguyên lương; Nghị quyết 30/NQ-CP (2026) giao sửa khoản 1 Điều 112 BLLĐ. Chỉ tính khi luật có hiệu lực: cán bộ đổi trạng thái thành official.';

const tet = (vi: string, en: string) => ({ vi: `Tết Nguyên Đán (${vi})`, en: `Lunar New Year (${en})` });

function entries(
  status: CalendarEntry['status'],
  source: string,
  list: [string, CalendarEntry['kind'], CalendarEntry['name']][],
) {
  return list.map(([date, kind, name]): CalendarEntry => ({ date, kind, name, status, source }));
}

const NEW_YEAR = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const HUNG_KINGS = {
  vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  en: 'Hùng Kings Commemoration (10th day, 3rd lunar month)',
};
const REUNIFICATION = { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' };
const LABOUR = { vi: 'Ngày Quốc tế lao động (1/5)', en: "International Workers' Day (1 May)" };
const NATIONAL = { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' };
const NATIONAL_ADJ = { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' };
const CULTURE = { vi: 'Ngày Văn hóa Việt Nam (24/11)', en: 'Vietnamese Culture Day (24 November)' };
const swapOff = (vi: string, en: string) => ({ vi: `Nghỉ hoán đổi (${vi})`, en: `Swapped day off (${en})` });
const swapWork = (vi: string, en: string) => ({ vi: `Làm bù (${vi})`, en: `Make-up working day (${en})` });
const compensatory = (vi: string, en: string) => ({
  vi: `Nghỉ bù ${vi}`,
  en: `Compensatory day off for ${en}`,
});

export const VN_HOLIDAYS: CalendarData = {
  years: [
    { year: 2026, status: 'official', note: `${BLLD}; ${VPCP_2026_TET_DL}; ${BNV_2026}` },
    { year: 2027, status: 'estimated', note: ESTIMATE_2027 },
  ],
  entries: [
    // 2026 — every day decided.
    ...entries('official', BLLD, [
      ['2026-01-01', 'holiday', NEW_YEAR],
      ['2026-04-26', 'holiday', HUNG_KINGS], // Sunday
      ['2026-04-30', 'holiday', REUNIFICATION],
      ['2026-05-01', 'holiday', LABOUR],
      ['2026-09-02', 'holiday', NATIONAL],
    ]),
    ...entries('official', VPCP_2026_TET_DL, [
      ['2026-01-02', 'swap-off', swapOff('đổi với thứ Bảy 10/1/2026', 'for Saturday 10 Jan 2026')],
      ['2026-01-10', 'swap-work', swapWork('cho thứ Sáu 2/1/2026', 'for Friday 2 Jan 2026')],
    ]),
    ...entries('official', BNV_2026, [
      ['2026-02-16', 'holiday', tet('29 tháng Chạp Ất Tỵ, giao thừa', "New Year's Eve")],
      ['2026-02-17', 'holiday', tet('mùng 1 Tết Bính Ngọ', 'day 1')],
      ['2026-02-18', 'holiday', tet('mùng 2', 'day 2')],
      ['2026-02-19', 'holiday', tet('mùng 3', 'day 3')],
      ['2026-02-20', 'holiday', tet('mùng 4', 'day 4')],
      ['2026-08-22', 'swap-work', swapWork('cho thứ Hai 31/8/2026', 'for Monday 31 Aug 2026')],
      ['2026-08-31', 'swap-off', swapOff('đổi với thứ Bảy 22/8/2026', 'for Saturday 22 Aug 2026')],
      ['2026-09-01', 'holiday', NATIONAL_ADJ],
    ]),
    ...entries('official', BU, [
      ['2026-04-27', 'compensatory', compensatory('Giỗ Tổ Hùng Vương', 'Hùng Kings Day')],
    ]),
    ...entries('pending', VAN_HOA, [['2026-11-24', 'holiday', CULTURE]]),

    // 2027 — fixed dates are law; Tết and the day beside 2/9 are estimates until Bộ Nội vụ announces them.
    ...entries('official', BLLD, [
      ['2027-01-01', 'holiday', NEW_YEAR],
      ['2027-04-16', 'holiday', HUNG_KINGS],
      ['2027-04-30', 'holiday', REUNIFICATION],
      ['2027-05-01', 'holiday', LABOUR], // Saturday
      ['2027-09-02', 'holiday', NATIONAL],
    ]),
    ...entries('official', BU, [
      ['2027-05-03', 'compensatory', compensatory('Ngày Quốc tế lao động', 'Labour Day')],
    ]),
    // Mùng 1 Tết Đinh Mùi is Saturday 6/2/2027 (29 Chạp is Friday 5/2). Rule-based: 29 Chạp + mùng 1–4,
    // and mùng 1–2 fall on the weekend, so they are made up on Wednesday 10/2 and Thursday 11/2. The
    // government may instead choose 28–29 Chạp + mùng 3–5; replace these entries when it decides.
    ...entries('estimated', ESTIMATE_2027, [
      ['2027-02-05', 'holiday', tet('29 tháng Chạp Bính Ngọ, giao thừa', "New Year's Eve")],
      ['2027-02-06', 'holiday', tet('mùng 1 Tết Đinh Mùi', 'day 1')],
      ['2027-02-07', 'holiday', tet('mùng 2', 'day 2')],
      ['2027-02-08', 'holiday', tet('mùng 3', 'day 3')],
      ['2027-02-09', 'holiday', tet('mùng 4', 'day 4')],
      [
        '2027-02-10',
        'compensatory',
        compensatory('mùng 1 Tết (dự kiến)', 'Lunar New Year day 1 (estimated)'),
      ],
      [
        '2027-02-11',
        'compensatory',
        compensatory('mùng 2 Tết (dự kiến)', 'Lunar New Year day 2 (estimated)'),
      ],
      // 2/9/2027 is a Thursday: the Friday after makes the usual long weekend.
      ['2027-09-03', 'holiday', NATIONAL_ADJ],
    ]),
    ...entries('pending', VAN_HOA, [['2027-11-24', 'holiday', CULTURE]]),
  ],
};
