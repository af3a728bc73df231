import { kioskError } from '../errors';

export const calendarErrors = {
  receivedAt: () =>
    kioskError(
      'invalid-received-at',
      'Thời điểm tiếp nhận không hợp lệ: cần ngày giờ ISO 8601 có múi giờ, ví dụ 2026-03-02T09:15:00+07:00.',
      'The time of receipt is invalid: use an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:15:00+07:00.',
      'receivedAt',
    ),
  workingDays: () =>
    kioskError(
      'invalid-working-days',
      'Số ngày làm việc phải là số nguyên từ 0 trở lên.',
      'The number of working days must be a whole number, 0 or more.',
      'workingDays',
    ),
  cutoff: () =>
    kioskError(
      'invalid-cutoff',
      'Giờ chốt tiếp nhận phải có dạng GG:PP (ví dụ 15:00).',
      'The receipt cut-off must look like HH:MM (e.g. 15:00).',
      'cutoff',
    ),
  timeZone: (zone: string) =>
    kioskError(
      'invalid-time-zone',
      `Múi giờ "${zone}" không hợp lệ.`,
      `"${zone}" is not a valid time zone.`,
      'timeZone',
    ),
  date: (field = 'date') =>
    kioskError(
      'invalid-date',
      'Ngày không hợp lệ: cần dạng NNNN-TT-NN, ví dụ 2026-04-30.',
      'The date is invalid: use YYYY-MM-DD, e.g. 2026-04-30.',
      field,
    ),
  yearMissing: (year: number) =>
    kioskError(
      'calendar-year-missing',
      `Chưa có danh sách ngày nghỉ lễ, Tết năm ${year} nên ki-ốt không tính được ngày hẹn trả. Cán bộ cần cập nhật lịch nghỉ năm ${year}.`,
      `The holiday list for ${year} is missing, so the kiosk cannot work out the due date. Staff need to add the ${year} holidays.`,
    ),
  badEntry: (date: string, why: string, whyEn: string, field?: string) =>
    kioskError(
      'invalid-calendar-entry',
      `Ngày nghỉ ${date} không hợp lệ: ${why}.`,
      `The calendar entry for ${date} is invalid: ${whyEn}.`,
      field,
    ),
  /** An admin adds a day in a year the calendar does not cover: the year (and its note) comes first. */
  yearNotCovered: (year: number) =>
    kioskError(
      'calendar-year-not-covered',
      `Năm ${year} chưa có trong lịch ngày nghỉ. Hãy thêm năm ${year} trước (nút “Thêm năm”), rồi thêm ngày này.`,
      `${year} is not in the holiday calendar yet. Add the year ${year} first ("Add a year"), then this day.`,
      'date',
    ),
} as const;
