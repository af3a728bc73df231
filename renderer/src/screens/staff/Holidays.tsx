/**
 * The console's "Ngày nghỉ lễ" tab: the holiday calendar due dates are counted with, one year at a
 * time. Every staff member can read it (and how due dates use it); an admin adds, edits, removes and
 * restores days and adds a year (calendar.setDay / removeDay / restoreDay / setYear). A change counts
 * for dossiers received from then on; the screen says so, because receipts already printed keep theirs.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, StaffUser } from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ConfirmDialog } from '../dossier/ConfirmDialog';
import { ErrorRegion } from '../../components/ErrorRegion';
import { clockParts } from '../../lib/clock';
import { DayFormDialog, YearFormDialog, type YearForm } from './HolidayForms';
import { HolidayList } from './HolidayList';
import {
  type CalendarDay,
  type DayForm,
  blankForm,
  displayDate,
  formOf,
  pickYear,
  toInput,
} from './holidaysModel';
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';
import '../../styles/holidays.css';

type Editing =
  | { what: 'day'; initial: DayForm; editing: boolean }
  | { what: 'year'; initial: YearForm; fixedYear?: number };

export function Holidays({ user, onError }: { user: StaffUser; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const admin = user.role === 'admin';
  const [year, setYear] = useState(() => Number(clockParts(new Date(Date.now() + clockOffsetMs)).year));
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [formError, setFormError] = useState<KioskError | undefined>();
  const [confirming, setConfirming] = useState<CalendarDay | null>(null);
  const [busy, setBusy] = useState(false);

  // The first answer may show that this year is not covered: open a covered one instead, once.
  const settled = useRef(false);
  const calendar = useCall(
    async (c, signal) => {
      const result = await c.call('calendar.year', { year });
      if (signal.aborted || !result.ok || settled.current) return result;
      settled.current = true;
      const best = pickYear(result.value.years, year);
      if (result.value.year !== null || best === year) return result;
      setYear(best);
      return null;
    },
    [year],
    { onError },
  );
  const error = calendar.error;
  const fail = (e: KioskError): void => void (onError(e) || calendar.setError(e));
  // Called after a change to fetch the shown year again.
  const refresh = calendar.reload;

  // While another year loads, the old year's days are not shown under the new year's title.
  const view = calendar.stale ? null : (calendar.value ?? null);

  /** Runs one change; a refusal stays in the open form (or on the screen when none is open). */
  const change = async (
    run: () => Promise<{ ok: true } | { ok: false; error: KioskError }>,
    done: string,
    show: number,
  ): Promise<void> => {
    setBusy(true);
    setNotice(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      if (onError(result.error)) return;
      if (editing) setFormError(result.error);
      else calendar.setError(result.error);
      return;
    }
    setEditing(null);
    setFormError(undefined);
    setConfirming(null);
    setNotice(done);
    if (show === year) refresh();
    else setYear(show);
  };

  const saveDay = (form: DayForm): void =>
    void change(
      () => client.call('calendar.setDay', toInput(form)),
      t('calendar.notice.saved', { date: displayDate(form.date) }),
      Number(form.date.slice(0, 4)),
    );

  const saveYear = (form: YearForm): void =>
    void change(
      () =>
        client.call('calendar.setYear', { year: Number(form.year), status: form.status, note: form.note }),
      t('calendar.notice.yearSaved', { year: form.year }),
      Number(form.year) || year,
    );

  const remove = async (day: CalendarDay): Promise<void> => {
    setBusy(true);
    const result = await client.call('calendar.removeDay', { date: day.date });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return fail(result.error);
    const date = displayDate(day.date);
    setNotice(
      result.value.origin === 'none'
        ? t('calendar.notice.deleted', { date })
        : t('calendar.notice.removed', { date }),
    );
    refresh();
  };

  const restore = async (day: CalendarDay): Promise<void> => {
    setBusy(true);
    const result = await client.call('calendar.restoreDay', { date: day.date });
    setBusy(false);
    if (!result.ok) return fail(result.error);
    setNotice(t('calendar.notice.restored', { date: displayDate(day.date) }));
    refresh();
  };

  const info = view?.year ?? null;
  const years = view ? [...new Set([...view.years, year])].sort((a, b) => a - b) : [year];

  return (
    <section
      className="report holidays"
      data-testid="holidays"
      aria-labelledby="holidays-title"
      aria-busy={view === null}
    >
      <div className="report-bar">
        <h2 id="holidays-title">{t('calendar.title')}</h2>
        <div className="field field-inline">
          <label htmlFor="holiday-year">{t('calendar.year')}</label>
          <select
            id="holiday-year"
            data-testid="holiday-year"
            title={t('calendar.yearLabel')}
            value={year}
            onChange={(e) => {
              setNotice(null);
              setYear(Number(e.target.value));
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {admin ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="holiday-add-year"
            onClick={() => {
              setFormError(undefined);
              setEditing({ what: 'year', initial: { year: '', status: 'official', note: '' } });
            }}
          >
            {t('calendar.addYear')}
          </button>
        ) : null}
      </div>

      <section className="holiday-how" aria-labelledby="holiday-how-title">
        <h3 id="holiday-how-title">{t('calendar.howTitle')}</h3>
        <ul>
          <li>{t('calendar.how.count')}</li>
          <li>{t('calendar.how.swapWork')}</li>
          <li>{t('calendar.how.pending')}</li>
          <li>{t('calendar.how.cutoff')}</li>
        </ul>
        <p className="holiday-from-now" data-testid="holiday-from-now">
          {t('calendar.appliesFromNow')}
        </p>
      </section>
      {admin ? null : (
        <p className="holiday-readonly" data-testid="holiday-readonly">
          {t('calendar.readOnly')}
        </p>
      )}

      <ErrorRegion error={error} testId="holidays-error" />
      <p role="status" className="sync-notice reprint-notice is-done" data-testid="holiday-notice">
        {notice}
      </p>

      {view === null ? (
        error ? null : (
          <p role="status">{t('calendar.loading')}</p>
        )
      ) : (
        <>
          <div className="holiday-year-bar">
            <div className="holiday-year-info" data-testid="holiday-year-info">
              <p className="holiday-year-status">
                {info === null
                  ? t('calendar.yearMissing', { year })
                  : info.status === 'official'
                    ? t('calendar.yearOfficial', { year })
                    : t('calendar.yearEstimated', { year })}{' '}
                {info?.origin === 'staff' ? (
                  <span className="sync-badge origin-staff">{t('calendar.origin.staff')}</span>
                ) : null}
              </p>
              {info?.note ? <p className="holiday-year-note">{info.note}</p> : null}
            </div>
            {admin && info !== null ? (
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid="holiday-edit-year"
                  onClick={() => {
                    setFormError(undefined);
                    setEditing({
                      what: 'year',
                      fixedYear: info.year,
                      initial: { year: String(info.year), status: info.status, note: info.note },
                    });
                  }}
                >
                  {t('calendar.editYear')}
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="holiday-add"
                  onClick={() => {
                    setFormError(undefined);
                    setEditing({ what: 'day', initial: blankForm(), editing: false });
                  }}
                >
                  {t('calendar.add')}
                </button>
              </div>
            ) : null}
          </div>
          <HolidayList
            year={year}
            days={view.days}
            admin={admin}
            busy={busy}
            onEdit={(day) => {
              setFormError(undefined);
              setEditing({ what: 'day', initial: formOf(day), editing: true });
            }}
            onRemove={setConfirming}
            onRestore={(day) => void restore(day)}
          />
        </>
      )}

      {editing?.what === 'day' ? (
        <DayFormDialog
          initial={editing.initial}
          editing={editing.editing}
          busy={busy}
          error={formError}
          onCancel={() => setEditing(null)}
          onSave={saveDay}
        />
      ) : editing?.what === 'year' ? (
        <YearFormDialog
          initial={editing.initial}
          fixedYear={editing.fixedYear}
          busy={busy}
          error={formError}
          onCancel={() => setEditing(null)}
          onSave={saveYear}
        />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('calendar.confirmRemove.title', { date: displayDate(confirming.date) })}
          onCancel={() => setConfirming(null)}
          testId="holiday-confirm-remove"
          actions={
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setConfirming(null)}>
                {t('calendar.confirmRemove.keep')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                data-testid="holiday-confirm-remove-button"
                onClick={() => void remove(confirming)}
              >
                {t('calendar.confirmRemove.confirm')}
              </button>
            </>
          }
        >
          <p>{t('calendar.confirmRemove.body', { name: confirming.name.vi })}</p>
          <p>
            {confirming.origin === 'shipped'
              ? t('calendar.confirmRemove.shipped')
              : t('calendar.confirmRemove.added')}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
