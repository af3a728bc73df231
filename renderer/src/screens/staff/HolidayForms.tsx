/**
 * The admin's forms of the "Ngày nghỉ lễ" tab, each in a modal dialog (the list behind stays as it was;
 * Esc or "Huỷ" leaves without saving): add or edit a day, add a year or change a year's status and note.
 * They only collect and show; Holidays.tsx calls the core and hands back its refusal to show here.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { WEEKDAY_KEYS } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { Modal } from '../dossier/ConfirmDialog';
import {
  DAY_KINDS,
  DAY_STATUSES,
  type DayForm,
  type FormField,
  displayDate,
  fieldOfError,
  formHint,
  missingFields,
} from './holidaysModel';
import { DayInput } from '../../components/DayInput';

export const weekdayKey = (weekday: number) => WEEKDAY_KEYS[weekday] ?? WEEKDAY_KEYS[0];

function FormDialog({
  title,
  onCancel,
  onSubmit,
  children,
  testId,
}: {
  title: string;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Modal
      title={title}
      onCancel={onCancel}
      focus="input:not([readonly]), select"
      className="holiday-dialog"
      testId={testId}
    >
      <form
        className="holiday-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}

function Actions({ busy, onCancel, save }: { busy: boolean; onCancel: () => void; save: string }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" className="btn btn-secondary" onClick={onCancel} data-testid="holiday-cancel">
        {t('calendar.form.cancel')}
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="holiday-save">
        {busy ? t('calendar.form.saving') : save}
      </button>
    </div>
  );
}

/** Add (no `editing`) or edit a day. `error` is the core's refusal of the last save, if any. */
export function DayFormDialog({
  initial,
  editing,
  busy,
  error,
  onCancel,
  onSave,
}: {
  initial: DayForm;
  editing: boolean;
  busy: boolean;
  error: KioskError | undefined;
  onCancel: () => void;
  onSave: (form: DayForm) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(initial);
  const [missing, setMissing] = useState<FormField[]>([]);
  const set = <K extends FormField>(key: K, value: DayForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setMissing((m) => m.filter((k) => k !== key));
  };
  const errorField = fieldOfError(error?.field);
  const invalid = (key: FormField) => missing.includes(key) || errorField === key;
  const hint = formHint(form);
  const labels: Record<FormField, string> = {
    date: t('calendar.form.date'),
    kind: t('calendar.form.kind'),
    nameVi: t('calendar.form.nameVi'),
    nameEn: t('calendar.form.nameEn'),
    status: t('calendar.form.status'),
    source: t('calendar.form.source'),
  };
  const submit = (): void => {
    const gaps = missingFields(form);
    setMissing(gaps);
    if (gaps.length === 0) onSave(form);
  };
  const field = (key: FormField) => ({
    id: `${id}-${key}`,
    'aria-invalid': invalid(key) || undefined,
    'data-testid': `holiday-${key}`,
  });

  return (
    <FormDialog
      title={
        editing
          ? t('calendar.form.editTitle', { date: displayDate(initial.date) })
          : t('calendar.form.addTitle')
      }
      onCancel={onCancel}
      onSubmit={submit}
      testId="holiday-form"
    >
      <div className="holiday-fields">
        <div className="field">
          <label htmlFor={`${id}-date`}>{labels.date}</label>
          <DayInput
            {...field('date')}
            value={form.date}
            readOnly={editing}
            aria-describedby={`${id}-date-help`}
            onChange={(iso) => set('date', iso)}
          />
          <span id={`${id}-date-help`} className="field-help">
            {t('calendar.form.dateHelp')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{labels.kind}</label>
          <select
            {...field('kind')}
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as DayForm['kind'])}
          >
            {DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`calendar.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-nameVi`}>{labels.nameVi}</label>
          <input
            {...field('nameVi')}
            lang="vi"
            maxLength={80}
            value={form.nameVi}
            onChange={(e) => set('nameVi', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-nameEn`}>{labels.nameEn}</label>
          <input
            {...field('nameEn')}
            lang="en"
            maxLength={80}
            value={form.nameEn}
            onChange={(e) => set('nameEn', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{labels.status}</label>
          <select
            {...field('status')}
            value={form.status}
            onChange={(e) => set('status', e.target.value as DayForm['status'])}
          >
            {DAY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`calendar.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field holiday-field-wide">
          <label htmlFor={`${id}-source`}>{labels.source}</label>
          <textarea
            {...field('source')}
            rows={3}
            maxLength={500}
            value={form.source}
            aria-describedby={`${id}-source-help`}
            onChange={(e) => set('source', e.target.value)}
          />
          <span id={`${id}-source-help`} className="field-help">
            {t('calendar.form.sourceHelp')}
          </span>
        </div>
      </div>
      <p className="holiday-hint" role="status" data-testid="holiday-hint">
        {hint ? t(`calendar.form.hint.${hint.hint}`, { weekday: t(weekdayKey(hint.weekday)) }) : null}
      </p>
      <ErrorRegion
        error={
          missing.length > 0
            ? {
                code: 'missing',
                vi: t('calendar.form.missing', { fields: missing.map((k) => labels[k]).join(', ') }),
                en: t('calendar.form.missing', { fields: missing.map((k) => labels[k]).join(', ') }),
              }
            : error
        }
        testId="holiday-form-error"
      />
      <Actions busy={busy} onCancel={onCancel} save={t('calendar.form.save')} />
    </FormDialog>
  );
}

export interface YearForm {
  year: string;
  status: 'official' | 'estimated';
  note: string;
}

/** Add a year (`fixedYear` absent) or change the status and note of `fixedYear`. */
export function YearFormDialog({
  initial,
  fixedYear,
  busy,
  error,
  onCancel,
  onSave,
}: {
  initial: YearForm;
  fixedYear?: number;
  busy: boolean;
  error: KioskError | undefined;
  onCancel: () => void;
  onSave: (form: YearForm) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(initial);
  const yearInvalid = error?.field === 'year';
  return (
    <FormDialog
      title={
        fixedYear === undefined
          ? t('calendar.yearForm.addTitle')
          : t('calendar.yearForm.editTitle', { year: fixedYear })
      }
      onCancel={onCancel}
      onSubmit={() => onSave(form)}
      testId="year-form"
    >
      <p className="field-help holiday-year-help">{t('calendar.yearForm.help')}</p>
      <div className="holiday-fields">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('calendar.yearForm.year')}</label>
          <input
            id={`${id}-year`}
            data-testid="year-year"
            inputMode="numeric"
            maxLength={4}
            value={form.year}
            readOnly={fixedYear !== undefined}
            aria-invalid={yearInvalid || undefined}
            onChange={(e) => setForm((f) => ({ ...f, year: e.target.value.replace(/\D/g, '') }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('calendar.yearForm.status')}</label>
          <select
            id={`${id}-status`}
            data-testid="year-status"
            value={form.status}
            onChange={(e) => setForm((f) => ({ ...f, status: e.target.value as YearForm['status'] }))}
          >
            <option value="official">{t('calendar.yearForm.statusOfficial')}</option>
            <option value="estimated">{t('calendar.yearForm.statusEstimated')}</option>
          </select>
        </div>
        <div className="field holiday-field-wide">
          <label htmlFor={`${id}-note`}>{t('calendar.yearForm.note')}</label>
          <textarea
            id={`${id}-note`}
            data-testid="year-note"
            rows={4}
            maxLength={500}
            value={form.note}
            onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))}
          />
        </div>
      </div>
      <ErrorRegion error={error} testId="year-form-error" />
      <Actions busy={busy} onCancel={onCancel} save={t('calendar.yearForm.save')} />
    </FormDialog>
  );
}
