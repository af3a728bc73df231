// The staff "Ngày nghỉ lễ" tab: which year opens, how a day reads, the form's checks and hints, and
// static renders of what an admin and a non-admin staff member see.
import { describe, expect, it } from 'vitest';
import type { AppInfo, StaffUser } from '../../../../preload/api';
import { DayFormDialog } from '../../../../renderer/src/screens/staff/HolidayForms';
import { HolidayList } from '../../../../renderer/src/screens/staff/HolidayList';
import { Holidays } from '../../../../renderer/src/screens/staff/Holidays';
import {
  type CalendarDay,
  actionsFor,
  blankForm,
  displayDate,
  fieldOfError,
  formHint,
  formOf,
  missingFields,
  pickYear,
  toInput,
  weekdayOf,
} from '../../../../renderer/src/screens/staff/holidaysModel';
import { recordingClient, render } from '../render';

const day = (over: Partial<CalendarDay> = {}): CalendarDay => ({
  date: '2026-09-01',
  kind: 'holiday',
  name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
  status: 'official',
  source: 'Thông báo của Bộ Nội vụ',
  origin: 'shipped',
  changedBy: null,
  changedAt: null,
  ...over,
});

const noop = () => undefined;

describe('the holidays model', () => {
  it('reads weekdays and dates of real calendar dates only', () => {
    expect(weekdayOf('2026-04-26')).toBe(0); // Giỗ Tổ 2026 is a Sunday
    expect(weekdayOf('2026-01-10')).toBe(6);
    expect(weekdayOf('2026-02-30')).toBeNull();
    expect(weekdayOf('')).toBeNull();
    expect(displayDate('2026-09-01')).toBe('01/09/2026');
  });

  it('opens this year when covered, else the next covered one, else the last', () => {
    expect(pickYear([2026, 2027], 2026)).toBe(2026);
    expect(pickYear([2026, 2027], 2025)).toBe(2026);
    expect(pickYear([2026, 2027], 2029)).toBe(2027);
    expect(pickYear([], 2026)).toBe(2026);
  });

  it('offers only "Khôi phục" for a removed day, "Sửa" and "Bỏ" otherwise', () => {
    expect(actionsFor(day({ origin: 'staff-removed' }))).toEqual(['restore']);
    expect(actionsFor(day())).toEqual(['edit', 'remove']);
    expect(actionsFor(day({ origin: 'staff' }))).toEqual(['edit', 'remove']);
  });

  it('names every empty field at once, and sends trimmed text', () => {
    expect(missingFields(blankForm())).toEqual(['date', 'nameVi', 'nameEn']);
    expect(missingFields({ ...blankForm(), date: '2026-02-30', nameVi: 'x', nameEn: ' ' })).toEqual([
      'date',
      'nameEn',
    ]);
    expect(toInput({ ...formOf(day()), nameVi: '  Nghỉ lễ ', source: ' BNV ' })).toMatchObject({
      name: { vi: 'Nghỉ lễ', en: 'National Day (adjacent day)' },
      source: 'BNV',
    });
  });

  it('maps a refusal to its form field', () => {
    expect(fieldOfError('date')).toBe('date');
    expect(fieldOfError('name.en')).toBe('nameEn');
    expect(fieldOfError('kind')).toBe('kind');
    expect(fieldOfError(undefined)).toBeNull();
  });

  it('hints at the compensatory day for a weekend holiday, and refuses nothing on its own', () => {
    const form = (date: string, kind: CalendarDay['kind']) => ({ ...blankForm(), date, kind });
    expect(formHint(form('2026-04-26', 'holiday'))).toEqual({ hint: 'holidayWeekend', weekday: 0 });
    expect(formHint(form('2026-04-25', 'swap-off'))).toEqual({ hint: 'offOnWeekend', weekday: 6 });
    expect(formHint(form('2026-04-28', 'swap-work'))).toEqual({ hint: 'swapWorkWeekday', weekday: 2 });
    expect(formHint(form('2026-04-25', 'swap-work'))).toBeNull();
    expect(formHint(form('2026-04-28', 'holiday'))).toBeNull();
  });
});

describe('the holiday list', () => {
  const days = [
    day({ date: '2026-04-26', name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings' } }),
    day({
      date: '2026-09-01',
      origin: 'staff-removed',
      changedBy: 'Trần Văn Quản',
      changedAt: '2026-11-23T02:00:00.000Z',
    }),
    day({ date: '2026-03-03', kind: 'swap-off', status: 'estimated', origin: 'staff' }),
  ];

  it('shows weekday, kind, status and origin in plain Vietnamese, with who changed a day', () => {
    const html = render(
      <HolidayList
        year={2026}
        days={days}
        admin
        busy={false}
        onEdit={noop}
        onRemove={noop}
        onRestore={noop}
      />,
    );
    expect(html).toContain('26/04/2026');
    expect(html).toContain('Chủ Nhật');
    expect(html).toContain('Có sẵn');
    expect(html).toContain('Đã bỏ');
    expect(html).toContain('Đã sửa');
    expect(html).toContain('Nghỉ hoán đổi');
    expect(html).toContain('Dự kiến');
    expect(html).toContain('Trần Văn Quản, ');
    expect(html).toContain('Không tính: ngày làm việc bình thường');
    expect(html).toContain('aria-label="Khôi phục ngày 01/09/2026 như có sẵn"');
    expect(html).toContain('aria-label="Bỏ ngày 26/04/2026 khỏi lịch"');
  });

  it('has no action column for staff who are not admins', () => {
    const html = render(
      <HolidayList
        year={2026}
        days={days}
        admin={false}
        busy={false}
        onEdit={noop}
        onRemove={noop}
        onRestore={noop}
      />,
    );
    expect(html).not.toContain('Thao tác');
    expect(html).not.toContain('data-testid="holiday-edit"');
  });

  it('adds the English name in English', () => {
    const html = render(
      <HolidayList
        year={2026}
        days={days}
        admin
        busy={false}
        onEdit={noop}
        onRemove={noop}
        onRestore={noop}
      />,
      'en',
    );
    expect(html).toContain('Hùng Kings');
    expect(html).toContain('Removed');
    expect(html).toContain('Sunday');
  });
});

describe('the day form', () => {
  it('marks the field the core refused and shows its message', () => {
    const html = render(
      <DayFormDialog
        initial={{ ...blankForm(), date: '2028-03-07', nameVi: 'a', nameEn: 'b' }}
        editing={false}
        busy={false}
        error={{
          code: 'calendar-year-not-covered',
          vi: 'Năm 2028 chưa có trong lịch ngày nghỉ. Hãy thêm năm 2028 trước.',
          en: 'Add the year 2028 first.',
          field: 'date',
        }}
        onCancel={noop}
        onSave={noop}
      />,
    );
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*data-testid="holiday-date"/);
    expect(html).toContain('value="07/03/2028"');
    expect(html).toContain('Hãy thêm năm 2028 trước');
  });

  it('tells the admin to add the compensatory day for a holiday on a Sunday', () => {
    const html = render(
      <DayFormDialog
        initial={{ ...blankForm(), date: '2026-04-26' }}
        editing={false}
        busy={false}
        error={undefined}
        onCancel={noop}
        onSave={noop}
      />,
    );
    expect(html).toContain('Ngày này là Chủ Nhật');
    expect(html).toContain('Nghỉ bù');
  });
});

describe('the tab for a non-admin', () => {
  it('says only an admin can change the calendar, and offers no "Thêm năm"', () => {
    const { client } = recordingClient(() => ({ ok: true, value: { year: null, days: [], years: [] } }));
    const staff: StaffUser = { id: 2, user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff' };
    const tab = (user: StaffUser) =>
      render(<Holidays user={user} onError={() => false} />, 'vi', { client, info: {} as AppInfo });
    const html = tab(staff);
    expect(html).toContain('Chỉ tài khoản quản trị mới thay đổi được lịch này');
    expect(html).toContain('Hồ sơ đã nộp giữ nguyên ngày hẹn trả');
    expect(html).not.toContain('holiday-add-year');
    const asAdmin = tab({ ...staff, role: 'admin' });
    expect(asAdmin).toContain('holiday-add-year');
    expect(asAdmin).not.toContain('Chỉ tài khoản quản trị');
  });
});
