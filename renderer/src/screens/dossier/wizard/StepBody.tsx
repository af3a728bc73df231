/**
 * The wizard's current step under its header: the privacy notice, the e-form, the papers, delivery, the
 * completeness check or the review (each its own component in ../steps). Nothing but the privacy notice
 * shows before the draft exists.
 */
import type { ReactNode, Ref } from 'react';
import type { Delivery, KioskError, Problem, Procedure } from '../../../../../preload/api';
import type { DossierFormContext } from '../form/theme';
import type { FormValidation } from '../form/validator';
import type { FormData } from '../lib/persons';
import type { ErrorTree, Step } from '../lib/steps';
import { AttachmentsStep } from '../steps/AttachmentsStep';
import { CheckStep } from '../steps/CheckStep';
import { DeliveryStep } from '../steps/DeliveryStep';
import type { AttachSource } from '../steps/FileChooser';
import { FormStep, type DossierForm } from '../steps/FormStep';
import { PrivacyStep } from '../steps/PrivacyStep';
import { ReviewStep } from '../steps/ReviewStep';
import { WizardActions } from '../steps/WizardActions';
import type { WizardState } from './model';

/** What the e-form step needs besides the state: its validation, errors and the card auto-fill. */
export interface FormStepProps {
  validation: FormValidation;
  extraErrors: ErrorTree;
  errorCount: number;
  formRef: Ref<DossierForm>;
  formContext: DossierFormContext;
  chosenSlot: string | null;
  onChooseSlot: (path: string) => void;
}

export interface StepHandlers {
  onAgree: () => void;
  onCancel: () => void;
  onFormChange: (data: FormData) => void;
  onChip: () => void;
  onNextFromForm: () => void;
  onAttach: (componentId: string, source: AttachSource) => Promise<KioskError | null>;
  onArrange: (componentId: string, attachmentIds: string[]) => Promise<KioskError | null>;
  onSaveDelivery: (
    delivery: Delivery,
    contact: { phone?: string; email?: string },
  ) => Promise<KioskError | null>;
  onRecheck: () => void;
  onFix: (problem: Problem) => void;
  /** Another step: a jump, "Quay lại", "Tiếp tục" or "Sửa" on the review. */
  onGo: (step: Step) => void;
  onSubmit: () => void;
}

export function StepBody({
  state,
  procedure,
  localised,
  form,
  on,
  checkCounter,
}: {
  state: WizardState;
  procedure: Procedure;
  /** The procedure with its form's titles in the screen's language. */
  localised: Procedure;
  form: FormStepProps;
  on: StepHandlers;
  /** Staff filing with a citizen: the check step's Mẫu 02 / Mẫu 03 actions. */
  checkCounter?: ReactNode;
}) {
  const { step, dossier } = state;
  return step === 'privacy' ? (
    <PrivacyStep procedure={procedure} busy={state.starting} onAgree={on.onAgree} onCancel={on.onCancel} />
  ) : !dossier ? null : step === 'form' ? (
    <>
      <FormStep
        procedure={localised}
        formData={state.formData}
        onChange={on.onFormChange}
        validation={form.validation}
        extraErrors={form.extraErrors}
        tried={state.tried}
        errorCount={form.errorCount}
        checking={state.checking}
        formContext={form.formContext}
        formRef={form.formRef}
        chosenSlot={form.chosenSlot}
        onChooseSlot={form.onChooseSlot}
        onChip={on.onChip}
      />
      <WizardActions onNext={on.onNextFromForm} busy={state.checking} />
    </>
  ) : step === 'attachments' ? (
    <>
      <AttachmentsStep
        procedure={procedure}
        dossier={dossier}
        onAttach={on.onAttach}
        onArrange={on.onArrange}
      />
      <WizardActions onBack={() => on.onGo('form')} onNext={() => on.onGo('delivery')} />
    </>
  ) : step === 'delivery' ? (
    <DeliveryStep
      procedure={procedure}
      dossier={dossier}
      onSave={on.onSaveDelivery}
      onBack={() => on.onGo('attachments')}
    />
  ) : step === 'check' ? (
    <CheckStep
      result={state.check}
      error={state.checkError}
      checking={state.checking}
      onRecheck={on.onRecheck}
      onFix={on.onFix}
      onBack={() => on.onGo('delivery')}
      onNext={() => on.onGo('review')}
      counter={checkCounter}
    />
  ) : (
    <ReviewStep
      procedure={procedure}
      dossier={dossier}
      formData={state.formData}
      submitting={state.submitting}
      error={state.submitError}
      onEdit={on.onGo}
      onBack={() => on.onGo('check')}
      onSubmit={on.onSubmit}
    />
  );
}
