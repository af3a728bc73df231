/**
 * "Lưu lại, làm tiếp sau" (issue 22): what happens is said first (a slip with a code prints; the code and
 * the citizen's birth date take it back; it is kept until the slip's date), then dossier.saveForLater; a
 * draft that names no birth date yet asks for it (one large date field, typed on the number pad) and
 * saves again. The saved screen shows the code as large as it can, since it is all the citizen leaves with.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { ErrorRegion } from '../../components/ErrorRegion';
import { CheckIcon, HomeIcon, PrinterIcon, WarningIcon } from '../../components/icons';
import { useKiosk } from '../../context';
import { ConfirmDialog } from './ConfirmDialog';
import { dateTextToIso, formatDateDigits } from './form/date';
import { formatDay } from './lib/format';
import type { DraftHandle } from './lib/draft';
import { saveForLater } from './lib/keep';
import '../../styles/keep.css';

export interface SavedLater {
  parkCode: string;
  keptUntil: string;
  printed: boolean;
}

/** A birth date typed as digits ("05091990" shows "05/09/1990"); `onChange` gets the ISO day or null. */
export function BirthDateField({
  id,
  label,
  hint,
  invalid,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  /** Shown under the field (and the field marked invalid) when not null. */
  invalid: string | null;
  onChange: (iso: string | null) => void;
}) {
  const [text, setText] = useState('');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="keep-field">
      <label htmlFor={id} className="df-label">
        {label}
      </label>
      <input
        id={id}
        className="df-input df-date keep-input"
        type="text"
        inputMode="numeric"
        data-osk="numeric"
        autoComplete="off"
        maxLength={10}
        value={text}
        placeholder="dd/mm/yyyy"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
        onChange={(e) => {
          const next = formatDateDigits(e.target.value);
          setText(next);
          onChange(dateTextToIso(next));
        }}
      />
      <p id={hintId} className="keep-hint">
        {hint}
      </p>
      <p id={errorId} className={invalid ? 'keep-field-error' : 'error-box-empty'} role="alert">
        {invalid}
      </p>
    </div>
  );
}

export function SaveLater({
  handle,
  flush,
  onSaved,
  onCancel,
}: {
  /** The draft to save; null before one exists (the button is not offered then). */
  handle: () => DraftHandle | null;
  /** Saves what was typed last, before the draft is parked. */
  flush: () => Promise<boolean>;
  onSaved: (saved: SavedLater) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const fieldId = useId();
  const [ask, setAsk] = useState<'confirm' | 'birth'>('confirm');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | undefined>();
  const [birth, setBirth] = useState<string | null>(null);
  const [birthInvalid, setBirthInvalid] = useState(false);

  const save = async (birthDate?: string): Promise<void> => {
    const draft = handle();
    if (!draft || busy) return;
    setBusy(true);
    setError(undefined);
    await flush();
    const outcome = await saveForLater(client, draft, birthDate);
    setBusy(false);
    if (outcome.kind === 'saved') return onSaved(outcome);
    if (outcome.kind === 'birth-date-needed') return setAsk('birth');
    setError(outcome.error);
  };

  const status = (
    <>
      <p role="status" className="keep-busy">
        {busy ? t('keep.saving') : null}
      </p>
      <ErrorRegion error={error} testId="keep-error" />
    </>
  );

  if (ask === 'birth')
    return (
      <ConfirmDialog
        title={t('keep.birth.title')}
        testId="keep-birth"
        onCancel={onCancel}
        actions={
          <>
            <button
              type="button"
              className="btn btn-primary btn-xl"
              data-testid="keep-birth-save"
              disabled={busy}
              onClick={() => {
                setBirthInvalid(birth === null);
                if (birth !== null) void save(birth);
              }}
            >
              {t('keep.birth.ok')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-xl"
              data-testid="keep-birth-cancel"
              onClick={onCancel}
            >
              {t('keep.confirm.cancel')}
            </button>
          </>
        }
      >
        <p>{t('keep.birth.body')}</p>
        <BirthDateField
          id={`${fieldId}-birth`}
          label={t('keep.birth.label')}
          hint={t('keep.birth.hint')}
          invalid={birthInvalid ? t('keep.birth.invalid') : null}
          onChange={(iso) => {
            setBirth(iso);
            if (iso) setBirthInvalid(false);
          }}
        />
        {status}
      </ConfirmDialog>
    );

  return (
    <ConfirmDialog
      title={t('keep.confirm.title')}
      testId="keep-confirm"
      onCancel={onCancel}
      actions={
        <>
          <button
            type="button"
            className="btn btn-primary btn-xl"
            data-testid="keep-confirm-save"
            disabled={busy}
            onClick={() => void save()}
          >
            {t('keep.confirm.ok')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="keep-cancel"
            onClick={onCancel}
          >
            {t('keep.confirm.cancel')}
          </button>
        </>
      }
    >
      <ul className="keep-facts">
        <li>{t('keep.confirm.slip')}</li>
        <li>{t('keep.confirm.bring')}</li>
        <li>{t('keep.confirm.kept')}</li>
      </ul>
      {status}
    </ConfirmDialog>
  );
}

/** After saving: the code, the last day it is kept, whether the slip printed, and "Xong". */
export function SavedForLater({ saved, onDone }: { saved: SavedLater; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const Icon = saved.printed ? PrinterIcon : WarningIcon;
  return (
    <section className="keep-saved" data-testid="keep-saved" aria-labelledby="keep-saved-title">
      <h1 id="keep-saved-title" ref={heading} tabIndex={-1}>
        <CheckIcon /> {t('keep.saved.heading')}
      </h1>
      <p className="keep-code-label">{t('keep.saved.codeLabel')}</p>
      <p
        className="keep-code"
        data-testid="keep-code"
        aria-label={`${t('keep.saved.codeLabel')}: ${saved.parkCode.split('').join(' ')}`}
      >
        {saved.parkCode}
      </p>
      <p className="keep-until" data-testid="keep-until">
        {t('keep.saved.keptUntil', { date: formatDay(saved.keptUntil) })}
      </p>
      <p
        className={saved.printed ? 'keep-print is-ok' : 'keep-print is-warn'}
        role="status"
        data-testid="keep-print"
        data-printed={saved.printed}
      >
        <Icon />
        <span>{saved.printed ? t('keep.saved.printed') : t('keep.saved.notPrinted')}</span>
      </p>
      <p className="keep-howto">{t('keep.saved.howTo')}</p>
      <button type="button" className="btn btn-primary btn-xl" data-testid="keep-done" onClick={onDone}>
        <HomeIcon />
        <span>{t('keep.saved.done')}</span>
      </button>
    </section>
  );
}
