/**
 * The filing wizard, for a citizen at the kiosk and for staff filing on a citizen's behalf (the staff
 * console hosts this same component with `assisted`; the client attaches the staff token by itself).
 *
 *   privacy notice → e-form (with card auto-fill) → papers → result delivery → completeness check →
 *   review and submit → receipt
 *
 * The draft is saved on every step and a short pause after each change (dossier.update), and its id is
 * kept in sessionStorage so a reloaded page resumes it (dossier.get). A citizen who leaves is asked once,
 * then the draft is wiped (dossier.discard); a staff draft is kept for parking.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RJSFSchema } from '@rjsf/utils';
import type {
  CheckResult,
  Delivery,
  Dossier,
  KioskError,
  PrintJobEvent,
  Problem,
  Procedure,
  Submitted,
} from '../../../../preload/api';
import { errorText } from '../../api';
import { useKiosk } from '../../context';
import { useScan, type ScanOutcome } from '../../hooks/useScan';
import { ChipReadDialog } from '../chip/ChipReadDialog';
import { AskWhoDialog, ConflictDialog, ExitDialog, ParkedDialog, StaffExitDialog } from './WizardDialogs';
import { useDraftSave } from './useDraftSave';
import { Receipt } from './Receipt';
import { WizardHeader, WizardLoading, type Notice } from './WizardHeader';
import { FIRST_ERROR, personGroup, useFocusTarget } from './useFocusTarget';
import { createFormValidation } from './form/validator';
import { clearDraft } from './lib/draft';
import { openWizard, startDraft } from './draftStart';
import { fieldProblemText } from './text';
import { inLang, langOf } from './lib/format';
import {
  localiseSchema,
  localiseUiSchema,
  readingFromChip,
  readingFromScan,
  type CardReading,
  type FormData,
} from './lib/persons';
import {
  errorTree,
  fieldLabel,
  fieldOfError,
  formPath,
  isFormProblem,
  problemTarget,
  refusalKey,
  valueAt,
  type Step,
} from './lib/steps';
import { paperSectionId, AttachmentsStep } from './steps/AttachmentsStep';
import { CheckStep } from './steps/CheckStep';
import { DeliveryStep } from './steps/DeliveryStep';
import { FormStep, type DossierForm } from './steps/FormStep';
import { PrivacyStep } from './steps/PrivacyStep';
import { ReviewStep } from './steps/ReviewStep';
import { WizardActions } from './steps/WizardActions';
import type { AttachSource } from './steps/FileChooser';
import { useCardFill, type FillOutcome, type PendingConflict } from './useCardFill';
import '../../styles/dossier.css';

export interface DossierWizardProps {
  procedureId?: string;
  dossierId?: string;
  onExit: () => void;
  /** Staff filing for a citizen: no privacy wipe on leaving, the draft stays for parking. */
  assisted?: boolean;
}

interface FieldError {
  field: string;
  message: string;
  /** The value when the error was found: editing the field clears the error. */
  value: unknown;
}

export function DossierWizard({ procedureId, dossierId, onExit, assisted = false }: DossierWizardProps) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const lang = langOf(i18n.language);
  const validation = useMemo(() => createFormValidation(), []);
  const formRef = useRef<DossierForm>(null);
  const [step, setStep] = useState<Step>('privacy');
  const setFocusTarget = useFocusTarget(step);

  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [loadError, setLoadError] = useState<KioskError | null>(null);
  const [formData, setFormData] = useState<FormData>({});
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [askWho, setAskWho] = useState<CardReading | null>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [chipOpen, setChipOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checkError, setCheckError] = useState<KioskError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<KioskError | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [printEvents, setPrintEvents] = useState<PrintJobEvent[]>([]);
  const [exitAsk, setExitAsk] = useState(false);
  // Staff: "Tạm giữ hay bỏ?" on leaving, then the park code to write on the citizen's slip.
  const [parkAsk, setParkAsk] = useState(false);
  const [parking, setParking] = useState(false);
  const [parkError, setParkError] = useState<string | null>(null);
  const [parkShown, setParkShown] = useState<string | null>(null);

  /** A refusal of the form's text in plain words (main's own words name the field by its data path). */
  const refusalText = useCallback(
    (error: KioskError): string => {
      const key = refusalKey(error.code);
      return key ? t(`dossier.form.errorsText.${key}`) : errorText(error, i18n.language);
    },
    [t, i18n.language],
  );

  const { setDraft, currentDraft, save, schedule, cancel, saveState, saveError } = useDraftSave(client, {
    onSaved: setDossier,
    onRefused: (error, data) => {
      const field = fieldOfError(error);
      if (field)
        setFieldErrors((list) => [
          ...list.filter((e) => e.field !== field),
          { field, message: refusalText(error), value: valueAt(data, field) },
        ]);
    },
  });

  // Receipt print events can arrive before dossier.submit answers: listen from the start.
  useEffect(
    () => client.on('print.job', (event) => setPrintEvents((list) => [...list, event].slice(-100))),
    [client],
  );

  useEffect(() => {
    let live = true;
    void openWizard(client, { procedureId, dossierId }, assisted).then((opened) => {
      if (!live) return;
      if (opened.kind === 'failed') return setLoadError(opened.error);
      if (opened.kind === 'gone') return onExit();
      setProcedure(opened.procedure);
      if (opened.kind === 'resumed') {
        setDraft(opened.handle);
        setDossier(opened.dossier);
        setFormData(opened.dossier.data as FormData);
        setStep('form');
        setNotice({ tone: 'info', text: t('dossier.wizard.resumed') });
      }
    });
    return () => {
      live = false;
    };
    // Opened once per dossier/procedure: `t` or `onExit` changing must not reload the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, dossierId, procedureId, assisted]);

  const problemText = (problem: Problem): string =>
    fieldProblemText(
      t,
      problem,
      i18n.language,
      procedure ? localiseSchema(procedure.form.schema, lang) : null,
    );

  const onFormChange = (data: FormData): void => {
    setFormData(data);
    // An error found for a value goes away as soon as that value changes.
    setFieldErrors((list) => list.filter((e) => valueAt(data, e.field) === e.value));
    schedule(data);
  };

  const cards = useCardFill(procedure, formData, onFormChange);
  const slotLabel = (path: string): string => {
    const slot = procedure?.form.persons.find((s) => s.path === path);
    return slot ? inLang(slot.label.vi, slot.label.en, lang) : path;
  };

  const showFill = (outcome: FillOutcome): void => {
    switch (outcome.kind) {
      case 'filled':
        setNotice({
          tone: 'info',
          text: t(outcome.verified ? 'dossier.person.filledVerified' : 'dossier.person.filled', {
            name: outcome.name,
            who: slotLabel(outcome.path),
          }),
        });
        setFocusTarget(personGroup(outcome.path));
        return;
      case 'ask-who':
        setAskWho(outcome.reading);
        return;
      case 'conflict':
        setConflict(outcome.conflict);
        return;
      case 'no-persons':
      case 'no-slot':
        setNotice({ tone: 'info', text: t('dossier.wizard.scanNoPersons') });
    }
  };

  const receive = (reading: CardReading): void => {
    if (step !== 'form') {
      setNotice({ tone: 'info', text: t('dossier.wizard.scanElsewhere') });
      return;
    }
    showFill(cards.receive(reading));
  };

  useScan(
    (outcome: ScanOutcome) => {
      if (!outcome.result.ok) {
        setNotice({
          tone: 'error',
          text: `${t('dossier.person.scanError')}: ${errorText(outcome.result.error, i18n.language)}`,
        });
        return;
      }
      const reading = readingFromScan(outcome.result.value);
      if (reading) receive(reading);
      else setNotice({ tone: 'info', text: t('dossier.wizard.scanReceipt') });
    },
    { enabled: procedure !== null && submitted === null && !chipOpen },
  );

  const goTo = async (next: Step): Promise<void> => {
    if (next === step) return;
    if (step === 'form' && !(await save())) return;
    setNotice(null);
    setStep(next);
    window.scrollTo(0, 0);
    if (next === 'check') void runCheck();
  };

  const runCheck = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    setChecking(true);
    setCheckError(null);
    await save();
    const result = await client.call('dossier.check', handle);
    setChecking(false);
    if (result.ok) setCheck(result.value);
    else setCheckError(result.error);
  };

  const start = async (): Promise<void> => {
    if (!procedure) return;
    setStarting(true);
    const started = await startDraft(client, procedure, assisted);
    setStarting(false);
    if (!started.ok) return setNotice({ tone: 'error', text: errorText(started.error, i18n.language) });
    setDraft(started.handle);
    setDossier(started.dossier);
    setFormData(started.dossier.data as FormData);
    setNotice(null);
    setStep('form');
  };

  const nextFromForm = async (): Promise<void> => {
    const handle = currentDraft();
    if (!procedure || !handle) return;
    setTried(true);
    let clientErrors = 0;
    if (validation.clientSide && formRef.current && !formRef.current.validateForm()) clientErrors = 1;
    if (!(await save())) return setFocusTarget(FIRST_ERROR);
    setChecking(true);
    const result = await client.call('dossier.check', handle);
    setChecking(false);
    if (result.ok) {
      const problems = clientErrors > 0 ? [] : result.value.problems.filter(isFormProblem);
      setFieldErrors(
        problems.map((p) => {
          const field = formPath(p.field ?? '');
          return { field, message: problemText(p), value: valueAt(formData, field) };
        }),
      );
      if (problems.length + clientErrors > 0) return setFocusTarget(FIRST_ERROR);
    } else if (clientErrors > 0) return setFocusTarget(FIRST_ERROR);
    await goTo('attachments');
  };

  const fix = (problem: Problem): void => {
    const target = problemTarget(problem);
    if (!target) return;
    if (target.step === 'form') {
      const field = formPath(problem.field ?? '');
      setTried(true);
      setFieldErrors((list) => [
        ...list.filter((e) => e.field !== field),
        { field, message: problemText(problem), value: valueAt(formData, field) },
      ]);
    }
    setStep(target.step);
    setNotice(null);
    setFocusTarget(target.step === 'attachments' ? paperSectionId(target.componentId) : target.focusId);
  };

  const attach = async (componentId: string, source: AttachSource): Promise<KioskError | null> => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.attach', { ...handle, componentId, source });
    if (!result.ok) return result.error;
    setDossier(result.value);
    return null;
  };

  const arrange = async (componentId: string, attachmentIds: string[]): Promise<KioskError | null> => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.arrange', { ...handle, componentId, attachmentIds });
    if (!result.ok) return result.error;
    setDossier(result.value);
    return null;
  };

  const saveDelivery = async (delivery: Delivery, contact: { phone?: string; email?: string }) => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.update', { ...handle, delivery, contact });
    if (!result.ok) return result.error;
    setDossier(result.value);
    await goTo('check');
    return null;
  };

  const submit = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    setSubmitting(true);
    setSubmitError(null);
    await save();
    const result = await client.call('dossier.submit', handle);
    setSubmitting(false);
    if (!result.ok) return setSubmitError(result.error);
    if (!assisted) clearDraft();
    setSubmitted(result.value);
    window.scrollTo(0, 0);
  };

  const requestExit = async (): Promise<void> => {
    if (submitted || !dossier) return onExit();
    if (assisted) {
      await save(); // keep every last change, whatever staff choose next
      // A parked draft stays parked; an unparked one would be wiped unseen: ask.
      if (dossier.status === 'parked') return onExit();
      setParkError(null);
      return setParkAsk(true);
    }
    setExitAsk(true);
  };

  const park = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    setParking(true);
    setParkError(null);
    await save();
    const result = await client.call('dossier.park', { id: handle.id });
    setParking(false);
    if (!result.ok) {
      setParkAsk(true);
      return setParkError(`${t('dossier.wizard.parkFailed')} ${errorText(result.error, i18n.language)}`);
    }
    setDossier(result.value);
    setParkAsk(false);
    setParkShown(result.value.parkCode);
  };

  const confirmExit = async (): Promise<void> => {
    cancel();
    const handle = currentDraft();
    if (handle) await client.call('dossier.discard', handle);
    clearDraft();
    onExit();
  };

  const extraErrors = useMemo(() => errorTree(fieldErrors), [fieldErrors]);
  // Where ajv runs here, the same count rjsf shows under the fields (a failed `if` is not a field).
  const clientErrorCount = useMemo(() => {
    if (!validation.clientSide || !procedure) return 0;
    const schema = procedure.form.schema as RJSFSchema;
    return validation.validator.validateFormData(formData, schema).errors.filter((e) => e.name !== 'if')
      .length;
  }, [validation, procedure, formData]);
  const localised = useMemo(
    () =>
      procedure
        ? {
            ...procedure,
            form: {
              ...procedure.form,
              schema: localiseSchema(procedure.form.schema, lang),
              uiSchema: localiseUiSchema(procedure.form.uiSchema, lang),
            },
          }
        : null,
    [procedure, lang],
  );

  if (submitted) return <Receipt submitted={submitted} printEvents={printEvents} onHome={onExit} />;

  if (!procedure || !localised)
    return <WizardLoading error={loadError ? errorText(loadError, i18n.language) : null} onExit={onExit} />;

  const errorCount = fieldErrors.length + (tried ? clientErrorCount : 0);

  return (
    <section
      className={assisted ? 'wizard is-assisted' : 'wizard'}
      aria-labelledby="wizard-title"
      data-testid="wizard"
      data-step={step}
    >
      <WizardHeader
        title={inLang(procedure.name, procedure.nameEn, lang)}
        assisted={assisted}
        step={step}
        canJump={dossier !== null}
        saveState={saveState}
        notice={notice}
        saveProblem={
          saveState === 'error' && saveError
            ? saveError.field
              ? t('dossier.wizard.fieldRefused', {
                  field: fieldLabel(localised.form.schema, saveError.field),
                  reason: refusalText(saveError),
                })
              : `${t('dossier.wizard.saveFailed')} ${errorText(saveError, i18n.language)}`
            : null
        }
        onJump={(s) => void goTo(s)}
        onExit={() => void requestExit()}
        parkCode={dossier?.parkCode ?? null}
        {...(assisted && dossier ? { onPark: () => void park() } : {})}
      />

      {step === 'privacy' ? (
        <PrivacyStep
          procedure={procedure}
          busy={starting}
          onAgree={() => void start()}
          onCancel={() => void requestExit()}
        />
      ) : !dossier ? null : step === 'form' ? (
        <>
          <FormStep
            procedure={localised}
            formData={formData}
            onChange={onFormChange}
            validation={validation}
            extraErrors={extraErrors}
            tried={tried}
            errorCount={errorCount}
            checking={checking}
            formContext={cards.formContext}
            formRef={formRef}
            chosenSlot={cards.chosenSlot}
            onChooseSlot={cards.setChosenSlot}
            onChip={() => setChipOpen(true)}
          />
          <WizardActions onNext={() => void nextFromForm()} busy={checking} />
        </>
      ) : step === 'attachments' ? (
        <>
          <AttachmentsStep procedure={procedure} dossier={dossier} onAttach={attach} onArrange={arrange} />
          <WizardActions onBack={() => void goTo('form')} onNext={() => void goTo('delivery')} />
        </>
      ) : step === 'delivery' ? (
        <DeliveryStep
          procedure={procedure}
          dossier={dossier}
          onSave={saveDelivery}
          onBack={() => void goTo('attachments')}
        />
      ) : step === 'check' ? (
        <CheckStep
          result={check}
          error={checkError}
          checking={checking}
          onRecheck={() => void runCheck()}
          onFix={fix}
          onBack={() => void goTo('delivery')}
          onNext={() => void goTo('review')}
        />
      ) : (
        <ReviewStep
          procedure={procedure}
          dossier={dossier}
          formData={formData}
          submitting={submitting}
          error={submitError}
          onEdit={(s) => void goTo(s)}
          onBack={() => void goTo('check')}
          onSubmit={() => void submit()}
        />
      )}

      {askWho ? (
        <AskWhoDialog
          name={askWho.person.fullName ?? ''}
          slots={procedure.form.persons.map((slot) => ({ path: slot.path, label: slotLabel(slot.path) }))}
          onClose={() => setAskWho(null)}
          onPick={(path) => {
            const reading = askWho;
            setAskWho(null);
            cards.setChosenSlot(path);
            showFill(cards.receive(reading, path));
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictDialog
          who={slotLabel(conflict.path)}
          conflicts={conflict.conflicts}
          onKeep={() => setConflict(null)}
          onReplace={() => {
            const c = conflict;
            setConflict(null);
            showFill(cards.fill(c.path, c.reading, true));
          }}
        />
      ) : null}

      {chipOpen ? (
        <ChipReadDialog
          onClose={() => setChipOpen(false)}
          onRead={(read) => {
            setChipOpen(false);
            receive(readingFromChip(read));
          }}
        />
      ) : null}

      {exitAsk ? <ExitDialog onStay={() => setExitAsk(false)} onConfirm={() => void confirmExit()} /> : null}
      {parkAsk ? (
        <StaffExitDialog
          busy={parking}
          error={parkError}
          onPark={() => void park()}
          onStay={() => setParkAsk(false)}
          onDiscard={() => void confirmExit()}
        />
      ) : null}
      {parkShown && dossier ? (
        <ParkedDialog
          dossierId={dossier.id}
          code={parkShown}
          onDone={onExit}
          onStay={() => setParkShown(null)}
        />
      ) : null}
    </section>
  );
}
