/**
 * Step 2: the e-form, rendered by react-jsonschema-form from the procedure's JSON Schema and UI hints,
 * with the kiosk's templates (form/theme.tsx), Vietnamese errors (form/errors.ts) and, above it, the
 * person picker that fills a person's fields from their ID card.
 */
import { type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../../preload/api';
import type { FormData } from '../lib/persons';
import type { ErrorTree } from '../lib/steps';
import { KioskForm, type DossierForm } from '../form/KioskForm';
import type { DossierFormContext } from '../form/theme';
import type { FormValidation } from '../form/validator';
import { PersonPicker } from './PersonPicker';

export type { DossierForm };

export function FormStep({
  procedure,
  formData,
  onChange,
  validation,
  extraErrors,
  tried,
  errorCount,
  checking,
  formContext,
  formRef,
  chosenSlot,
  onChooseSlot,
  onChip,
}: {
  procedure: Procedure;
  formData: FormData;
  onChange: (data: FormData) => void;
  validation: FormValidation;
  extraErrors: ErrorTree;
  /** The person pressed "Tiếp tục" once: from now on errors show as they type. */
  tried: boolean;
  errorCount: number;
  checking: boolean;
  formContext: DossierFormContext;
  formRef: Ref<DossierForm>;
  chosenSlot: string | null;
  onChooseSlot: (path: string) => void;
  onChip: () => void;
}) {
  const { t } = useTranslation();

  const slots = procedure.form.persons;
  return (
    <div className="wizard-panel form-step" data-testid="step-form">
      <h2 className="step-heading">{t('dossier.form.heading')}</h2>
      <p className="dossier-lead">{t('dossier.form.lead')}</p>
      {slots.length > 0 ? (
        <PersonPicker slots={slots} chosen={chosenSlot} onChoose={onChooseSlot} onChip={onChip} />
      ) : null}
      <div
        role="alert"
        className={errorCount > 0 ? 'error-box form-errors' : 'error-box-empty'}
        data-testid="form-errors"
      >
        {errorCount > 0 ? t('dossier.form.errors', { count: errorCount }) : null}
      </div>
      <p role="status" className={checking ? 'form-checking' : 'sr-only'}>
        {checking ? t('dossier.form.checking') : ''}
      </p>
      <KioskForm
        form={procedure.form}
        className="dossier-form"
        formData={formData}
        formContext={formContext}
        validation={validation}
        extraErrors={extraErrors}
        tried={tried}
        formRef={formRef}
        onChange={onChange}
      />
    </div>
  );
}
