/**
 * A month of days under a date field whose dates are recent by nature (a child's birth to register,
 * `ui:options.calendar: true`): one tap on the day instead of eight digits. The field above still takes
 * digits, shows the date chosen, and can be changed; days after today cannot be chosen.
 */
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText, monthWeeks, shiftMonth } from './date';

/** Keep the caret in a field being typed: the keyboard would close while the finger is down. */
const keepFocus = (event: MouseEvent): void => event.preventDefault();

export function DateCalendar({
  id,
  text,
  disabled,
  onPick,
}: {
  id: string;
  /** The field's text ("dd/mm/yyyy" or part of it): the day it names is shown chosen. */
  text: string;
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  const { t } = useTranslation();
  const today = new Date();
  const [[year, month], setShown] = useState<[number, number]>([today.getFullYear(), today.getMonth() + 1]);
  const thisMonth = year === today.getFullYear() && month === today.getMonth() + 1;
  const labelId = `${id}__calendar`;
  const weekdays = t('dossier.form.calendarWeekdays').split(',');
  return (
    <div className="df-calendar" role="group" aria-labelledby={labelId} data-testid={`calendar-${id}`}>
      <div className="df-calendar-head">
        <button
          type="button"
          className="btn btn-tool"
          disabled={disabled}
          onMouseDown={keepFocus}
          onClick={() => setShown(shiftMonth(year, month, -1))}
        >
          ‹ {t('dossier.form.calendarPrevious')}
        </button>
        <span id={labelId} className="df-calendar-title" aria-live="polite">
          {t('dossier.form.calendarMonth', { month, year })}
        </span>
        <button
          type="button"
          className="btn btn-tool"
          disabled={disabled || thisMonth}
          onMouseDown={keepFocus}
          onClick={() => setShown(shiftMonth(year, month, 1))}
        >
          {t('dossier.form.calendarNext')} ›
        </button>
      </div>
      <table className="df-calendar-grid">
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (day === null) return <td key={j} />;
                const value = dayText(year, month, day);
                const future = new Date(year, month - 1, day) > today;
                return (
                  <td key={j}>
                    <button
                      type="button"
                      className={value === text ? 'df-calendar-day is-checked' : 'df-calendar-day'}
                      aria-pressed={value === text}
                      aria-label={t('dossier.form.calendarDay', { day, month, year })}
                      data-day={value}
                      disabled={disabled || future}
                      onMouseDown={keepFocus}
                      onClick={() => onPick(value)}
                    >
                      {day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
