/**
 * "Sửa hồ sơ": staff correct a dossier the portal refused (a 422 with its reasons) and send it again.
 *
 * The dialog shows the portal's reasons above the dossier's own e-form, filled with what was submitted.
 * The form is the filing wizard's: react-jsonschema-form with the kiosk's templates and widgets
 * (dossier/form/theme.tsx), its Vietnamese validation words (dossier/form/errors.ts) and its validator
 * choice (dossier/form/validator.ts), so a corrected field looks and validates as it did when filed.
 * "Lưu và gửi lại" is `dossier.correct` (main validates again and audits which fields changed), then
 * `sync.retry` for that dossier alone.
 *
 * No person picker here: a correction is typed from the portal's reasons, not read again from a card.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, MethodOutput, Procedure, Result, SyncStatus } from '../../../../preload/api';
import type { KioskClient } from '../../api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { KioskForm, type DossierForm } from '../dossier/form/KioskForm';
import type { DossierFormContext } from '../dossier/form/theme';
import { createFormValidation, type FormValidation } from '../dossier/form/validator';
import { localiseSchema, localiseUiSchema, type FormData } from '../dossier/lib/persons';
import { errorTree, type ErrorTree } from '../dossier/lib/steps';
// The e-form's and dialog's look are the wizard's; the console may open this before any wizard loaded.
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';

export type Attention = MethodOutput<'sync.attention'>[number];

/**
 * Whether correcting the form can help: the portal refused the content (422, or reasons it gave).
 * A 409 (already there) or 401 (the kiosk's credentials) is not fixed by editing the dossier.
 */
export function canCorrect(item: Pick<Attention, 'httpStatus' | 'reasons'>): boolean {
  return item.httpStatus === 422 || item.reasons.length > 0;
}

export type CorrectOutcome =
  | { ok: true; status: SyncStatus }
  /** `saved`: the correction is stored but sending again failed (staff can press "Thử lại ngay"). */
  | { ok: false; saved: boolean; error: KioskError };

/** Save the corrected form, then ask to send this dossier again; never resend what was not saved. */
export async function correctAndResend(
  client: KioskClient,
  id: string,
  data: FormData,
): Promise<CorrectOutcome> {
  const corrected = await client.call('dossier.correct', { id, data });
  if (!corrected.ok) return { ok: false, saved: false, error: corrected.error };
  const retried = await client.call('sync.retry', { dossierId: id });
  if (!retried.ok) return { ok: false, saved: true, error: retried.error };
  return { ok: true, status: retried.value };
}

/** The field a refusal names (`data.me.idNumber`), for showing it under that field. */
function fieldErrors(error: KioskError | undefined, language: string): ErrorTree {
  if (!error?.field) return {};
  return errorTree([{ field: error.field, message: language === 'en' ? error.en : error.vi }]);
}

const NO_CARD_FILL: DossierFormContext = {
  filled: new Set(),
  noDiacritics: new Set(),
  verified: new Set(),
};

/** The dialog's content once loaded: reasons, the e-form, the actions. Static, for tests too. */
export function CorrectForm({
  item,
  procedure,
  data,
  onChange,
  validation,
  tried,
  saving,
  error,
  formRef,
  onSave,
  onCancel,
}: {
  item: Attention;
  procedure: Procedure;
  data: FormData;
  onChange: (data: FormData) => void;
  validation: FormValidation;
  /** "Lưu và gửi lại" was pressed once: from now on errors show as staff type (where ajv runs). */
  tried: boolean;
  saving: boolean;
  error: KioskError | undefined;
  formRef?: Ref<DossierForm>;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const form = useMemo(() => {
    const lang = language === 'en' ? 'en' : 'vi';
    return {
      ...procedure.form,
      schema: localiseSchema(procedure.form.schema, lang),
      uiSchema: localiseUiSchema(procedure.form.uiSchema, lang),
    };
  }, [procedure, language]);
  const extraErrors = useMemo(() => fieldErrors(error, language), [error, language]);

  return (
    <>
      <div className="correct-reasons" data-testid="correct-reasons">
        <p>{t('sync.attention.reasons')}</p>
        {item.reasons.length > 0 ? (
          <ul>
            {item.reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p>{language === 'en' ? item.error.en : item.error.vi}</p>
        )}
      </div>
      <p className="sync-help">{t('sync.correct.lead')}</p>
      <ErrorRegion error={error} testId="correct-error" />
      <KioskForm
        form={form}
        className="dossier-form correct-form"
        formData={data}
        formContext={NO_CARD_FILL}
        validation={validation}
        extraErrors={extraErrors}
        tried={tried}
        disabled={saving}
        formRef={formRef}
        onChange={onChange}
      />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="correct-save"
          disabled={saving}
          onClick={onSave}
        >
          {saving ? t('sync.correct.saving') : t('sync.correct.save')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={saving} onClick={onCancel}>
          {t('sync.correct.cancel')}
        </button>
      </div>
    </>
  );
}

type Loaded = { procedure: Procedure; data: FormData };

/**
 * The modal dialog: loads the dossier (`dossier.get` answers for submitted dossiers too) and its
 * procedure's e-form (`catalogue.get`), then hands the outcome of saving to the panel.
 */
export function CorrectDossier({
  item,
  onClose,
  onDone,
}: {
  item: Attention;
  onClose: () => void;
  /** Saved; `outcome` says whether it was also sent again. */
  onDone: (outcome: CorrectOutcome) => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const dialog = useRef<HTMLDialogElement>(null);
  const formRef = useRef<DossierForm>(null);
  const titleId = useId();
  const validation = useMemo(() => createFormValidation(), []);
  // The dossier, then its procedure's e-form; the form's edits change the data in place, and a refused
  // save shows where a refused load does.
  const dossier = useCall(
    async (c, signal): Promise<Result<Loaded> | null> => {
      const d = await c.call('dossier.get', { id: item.dossierId });
      if (!d.ok) return d;
      if (signal.aborted) return null;
      const p = await c.call('catalogue.get', { id: d.value.procedureId });
      if (!p.ok) return p;
      return { ok: true, value: { procedure: p.value, data: d.value.data } };
    },
    [item.dossierId],
  );
  const loaded = dossier.value ?? null;
  const { error, setError, update: setLoaded } = dossier;
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const onChange = useCallback(
    (data: FormData) => setLoaded((current) => (current ? { ...current, data } : current)),
    [setLoaded],
  );

  const save = async (): Promise<void> => {
    if (!loaded) return;
    setTried(true);
    // Where ajv runs here, show every problem under its field before asking main; main checks again.
    if (validation.clientSide && formRef.current && !formRef.current.validateForm()) return;
    setSaving(true);
    setError(undefined);
    const outcome = await correctAndResend(client, item.dossierId, loaded.data);
    setSaving(false);
    if (!outcome.ok && !outcome.saved) return setError(outcome.error);
    onDone(outcome);
  };

  return (
    <dialog
      ref={dialog}
      className="sheet dossier-dialog correct-dialog"
      aria-labelledby={titleId}
      aria-busy={loaded === null && error === undefined}
      data-testid="correct-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!saving) onClose();
      }}
    >
      <h2 id={titleId}>{t('sync.correct.title', { code: item.code })}</h2>
      <p className="attention-procedure">{item.procedureName}</p>
      {loaded ? (
        <CorrectForm
          item={item}
          procedure={loaded.procedure}
          data={loaded.data}
          onChange={onChange}
          validation={validation}
          tried={tried}
          saving={saving}
          error={error}
          formRef={formRef}
          onSave={() => void save()}
          onCancel={onClose}
        />
      ) : (
        <>
          <ErrorRegion error={error} testId="correct-error" />
          {error ? null : <p role="status">{t('sync.correct.loading')}</p>}
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={onClose}>
              {t('sync.correct.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
