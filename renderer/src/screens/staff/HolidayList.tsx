/**
 * The year's days as a register: date, weekday, Vietnamese name (English below it in English), kind and
 * status in plain words, where the day comes from ("Có sẵn", "Đã sửa", "Đã bỏ") and who changed it; an
 * admin also gets Sửa / Bỏ / Khôi phục per row. Presentational: Holidays.tsx owns the data and the calls.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/Clock';
import { weekdayKey } from './HolidayForms';
import { type CalendarDay, actionsFor, displayDate, weekdayOf } from './holidaysModel';

function changedLine(t: TFunction, day: CalendarDay): string | null {
  if (day.changedBy === null) return null;
  const at = day.changedAt === null ? null : new Date(day.changedAt);
  const time = at === null || Number.isNaN(at.getTime()) ? '' : formatDateTime(t, at);
  return t('calendar.changedBy', { name: day.changedBy, time });
}

export function HolidayList({
  year,
  days,
  admin,
  busy,
  onEdit,
  onRemove,
  onRestore,
}: {
  year: number;
  days: readonly CalendarDay[];
  admin: boolean;
  busy: boolean;
  onEdit: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => void;
  onRestore: (day: CalendarDay) => void;
}) {
  const { t, i18n } = useTranslation();
  if (days.length === 0) return <p className="report-empty">{t('calendar.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="report-table holiday-table" data-testid="holiday-table">
        <caption>{t('calendar.tableCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.columns.date')}</th>
            <th scope="col">{t('calendar.columns.weekday')}</th>
            <th scope="col">{t('calendar.columns.name')}</th>
            <th scope="col">{t('calendar.columns.kind')}</th>
            <th scope="col">{t('calendar.columns.status')}</th>
            <th scope="col">{t('calendar.columns.origin')}</th>
            {admin ? <th scope="col">{t('calendar.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const weekday = weekdayOf(day.date);
            const weekend = weekday === 0 || weekday === 6;
            const removed = day.origin === 'staff-removed';
            const date = displayDate(day.date);
            const changed = changedLine(t, day);
            return (
              <tr
                key={day.date}
                data-date={day.date}
                data-origin={day.origin}
                className={removed ? 'is-removed' : undefined}
              >
                <th scope="row" className="holiday-date">
                  {date}
                </th>
                <td className={weekend ? 'holiday-weekend' : undefined}>
                  {weekday === null ? '' : t(weekdayKey(weekday))}
                </td>
                <td>
                  <span className="holiday-name" lang="vi">
                    {day.name.vi}
                  </span>
                  {i18n.language === 'en' ? (
                    <span className="holiday-name-en" lang="en">
                      {day.name.en}
                    </span>
                  ) : null}
                  {removed ? <span className="holiday-removed-note">{t('calendar.removedNote')}</span> : null}
                </td>
                <td>
                  <span className={`holiday-kind kind-${day.kind}`}>{t(`calendar.kind.${day.kind}`)}</span>
                </td>
                <td>
                  <span className={`holiday-status status-${day.status}`}>
                    {t(`calendar.status.${day.status}`)}
                  </span>
                </td>
                <td>
                  <span className={`sync-badge origin-${day.origin}`} data-testid="holiday-origin">
                    {t(`calendar.origin.${day.origin}`)}
                  </span>
                  {changed ? <span className="holiday-changed">{changed}</span> : null}
                </td>
                {admin ? (
                  <td>
                    <div className="row-actions">
                      {actionsFor(day).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className={`btn btn-small ${action === 'remove' ? 'btn-danger-quiet' : 'btn-secondary'}`}
                          disabled={busy}
                          data-testid={`holiday-${action}`}
                          aria-label={t(`calendar.${action}Label`, { date })}
                          onClick={() =>
                            action === 'edit'
                              ? onEdit(day)
                              : action === 'remove'
                                ? onRemove(day)
                                : onRestore(day)
                          }
                        >
                          {t(`calendar.${action}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
