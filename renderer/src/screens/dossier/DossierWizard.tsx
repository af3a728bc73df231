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
 *
 * The state and what each answer does to it are the pure reducer of wizard/model.ts; this component makes
 * the calls, reads scans and cards, moves the focus, and renders the header, the step (wizard/StepBody)
 * and the open question (wizard/WizardQuestions).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, KioskError, Problem } from '../../../../preload/api';
import { errorText } from '../../api';
import { useKiosk } from '../../context';
import { useDraftSave } from './useDraftSave';
import { Receipt } from './Receipt';
import { WizardHeader, WizardLoading } from './WizardHeader';
import { FIRST_ERROR, useFocusTarget } from './useFocusTarget';
import { createFormValidation } from './form/validator';
import { clearDraft } from './lib/draft';
import { openWizard, startDraft } from './draftStart';
import { fieldProblemText } from './text';
import { inLang, langOf } from './lib/format';
import { localiseSchema, readingFromChip, type CardReading, type FormData } from './lib/persons';
import { fieldLabel, fieldOfError, problemTarget, refusalKey, valueAt, type Step } from './lib/steps';
import { paperSectionId } from './steps/AttachmentsStep';
import type { AttachSource } from './steps/FileChooser';
import type { DossierForm } from './steps/FormStep';
import { errorCount, formCheckOutcome, initialWizardState, wizardReducer } from './wizard/model';
import { StepBody } from './wizard/StepBody';
import { useCardScans } from './wizard/useCardScans';
import { useCarriedCard } from './wizard/useCarriedCard';
import { CarriedCardLine } from './wizard/CarriedCardLine';
import { useFormView } from './wizard/useFormView';
import { useLeaving } from './wizard/useLeaving';
import { useKeep } from './wizard/useKeep';
import type { QueueLink } from '../citizen/queue/link';
import { WizardQuestions } from './wizard/WizardQuestions';
import { CounterCheckActions } from '../staff/reception/CounterCheckActions';
import '../../styles/dossier.css';

export interface DossierWizardProps {
  procedureId?: string;
  dossierId?: string;
  onExit: () => void;
  /** Staff filing for a citizen: no privacy wipe on leaving, the draft stays for parking. */
  assisted?: boolean;
  /** The queue's service picker, for a ticket linked to this draft or to the receipt (issue 22). */
  onQueue?: (link: QueueLink) => void;
  /** "Xong" after "Lưu lại, làm tiếp sau": the session ends as on idle, the draft parked, not wiped. */
  onSessionEnd?: () => void;
  /** A card scanned earlier in the citizen's session: it fills the applicant of a new filing. */
  carriedCard?: CardReading | null;
  /** The carried card filled the form: the session forgets it. */
  onCardUsed?: () => void;
  /**
   * Whether filing is over (the receipt or the saved-for-later code on screen): the shell then goes back
   * to the short idle timeout, so a receipt's QR (with its lookup secret) or a code left by someone who
   * walked away does not stay up for the wizard's minutes.
   */
  onFinished?: (finished: boolean) => void;
}

export function DossierWizard(props: DossierWizardProps) {
  const { procedureId, dossierId, onExit, assisted = false } = props;
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const lang = langOf(i18n.language);
  const validation = useMemo(() => createFormValidation(), []);
  const formRef = useRef<DossierForm>(null);
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const { step, procedure, dossier, formData, submitted } = state;
  const setFocusTarget = useFocusTarget(step);

  /** A refusal of the form's text in plain words (main's own words name the field by its data path). */
  const refusalText = useCallback(
    (error: KioskError): string => {
      const key = refusalKey(error.code);
      return key ? t(`dossier.form.errorsText.${key}`) : errorText(error, i18n.language);
    },
    [t, i18n.language],
  );

  const { setDraft, currentDraft, save, schedule, cancel, saveState, saveError } = useDraftSave(client, {
    onSaved: (saved) => dispatch({ type: 'dossier', dossier: saved }),
    onRefused: (error, data) => {
      const field = fieldOfError(error);
      if (field)
        dispatch({
          type: 'field-refused',
          error: { field, message: refusalText(error), value: valueAt(data, field) },
        });
    },
  });

  // Receipt print events can arrive before dossier.submit answers: listen from the start.
  useEffect(() => client.on('print.job', (event) => dispatch({ type: 'print-event', event })), [client]);

  useEffect(() => {
    let live = true;
    void openWizard(client, { procedureId, dossierId }, assisted).then((opened) => {
      if (!live) return;
      if (opened.kind === 'failed') return dispatch({ type: 'load-failed', error: opened.error });
      if (opened.kind === 'gone') return onExit();
      if (opened.kind === 'new') return dispatch({ type: 'opened', procedure: opened.procedure });
      setDraft(opened.handle);
      dispatch({
        type: 'resumed',
        procedure: opened.procedure,
        dossier: opened.dossier,
        notice: t('dossier.wizard.resumed'),
      });
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
    dispatch({ type: 'form-changed', data });
    schedule(data);
  };

  const { cards, slotLabel, showFill, receive } = useCardScans({
    procedure,
    formData,
    onFormChange,
    step,
    lang,
    enabled: procedure !== null && submitted === null && !state.chipOpen,
    dispatch,
    setFocusTarget,
  });

  const { carryInto, carried, notApplicant } = useCarriedCard({
    reading: props.carriedCard ?? null,
    step,
    cards,
    showFill,
    dispatch,
    onUsed: () => props.onCardUsed?.(),
  });

  const goTo = async (next: Step): Promise<void> => {
    if (next === step) return;
    if (step === 'form' && !(await save())) return;
    dispatch({ type: 'moved', step: next });
    window.scrollTo(0, 0);
    if (next === 'check') void runCheck();
  };

  const runCheck = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    dispatch({ type: 'check-start' });
    await save();
    const result = await client.call('dossier.check', handle);
    dispatch({ type: 'check-done', result });
  };

  const start = async (): Promise<void> => {
    if (!procedure) return;
    dispatch({ type: 'start-begin' });
    const started = await startDraft(client, procedure, assisted);
    if (!started.ok)
      return dispatch({ type: 'start-failed', notice: errorText(started.error, i18n.language) });
    setDraft(started.handle);
    dispatch({ type: 'started', dossier: started.dossier });
    carryInto(started.dossier.data as FormData);
  };

  const nextFromForm = async (): Promise<void> => {
    const handle = currentDraft();
    if (!procedure || !handle) return;
    dispatch({ type: 'tried' });
    let clientErrors = 0;
    if (validation.clientSide && formRef.current && !formRef.current.validateForm()) clientErrors = 1;
    if (!(await save())) return setFocusTarget(FIRST_ERROR);
    dispatch({ type: 'form-check-start' });
    const result = await client.call('dossier.check', handle);
    const outcome = formCheckOutcome(result, clientErrors, formData, problemText);
    dispatch({ type: 'form-checked', errors: outcome.errors });
    if (!outcome.proceed) return setFocusTarget(FIRST_ERROR);
    await goTo('attachments');
  };

  const fix = (problem: Problem): void => {
    const target = problemTarget(problem);
    if (!target) return;
    dispatch({ type: 'fix', problem, message: problemText(problem) });
    setFocusTarget(target.step === 'attachments' ? paperSectionId(target.componentId) : target.focusId);
  };

  const attach = async (componentId: string, source: AttachSource): Promise<KioskError | null> => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.attach', { ...handle, componentId, source });
    if (!result.ok) return result.error;
    dispatch({ type: 'dossier', dossier: result.value });
    return null;
  };

  const arrange = async (componentId: string, attachmentIds: string[]): Promise<KioskError | null> => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.arrange', { ...handle, componentId, attachmentIds });
    if (!result.ok) return result.error;
    dispatch({ type: 'dossier', dossier: result.value });
    return null;
  };

  const saveDelivery = async (delivery: Delivery, contact: { phone?: string; email?: string }) => {
    const handle = currentDraft();
    if (!handle) return null;
    const result = await client.call('dossier.update', { ...handle, delivery, contact });
    if (!result.ok) return result.error;
    dispatch({ type: 'dossier', dossier: result.value });
    await goTo('check');
    return null;
  };

  const submit = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    dispatch({ type: 'submit-start' });
    await save();
    const result = await client.call('dossier.submit', handle);
    if (!result.ok) return dispatch({ type: 'submit-failed', error: result.error });
    if (!assisted) clearDraft();
    dispatch({ type: 'submitted', submitted: result.value });
    window.scrollTo(0, 0);
  };

  const { requestExit, park, confirmExit } = useLeaving({
    client,
    state,
    assisted,
    dispatch,
    draft: { currentDraft, save, cancel },
    onExit,
  });

  const { extraErrors, clientErrorCount, localised } = useFormView(
    procedure,
    formData,
    state.fieldErrors,
    validation,
    lang,
  );

  const { onQueue } = props;
  const keep = useKeep({
    offered: !assisted && dossier !== null && submitted === null,
    procedureId: procedure?.id ?? null,
    draft: { currentDraft, save, cancel },
    onQueue,
    onSessionEnd: props.onSessionEnd ?? onExit,
  });

  const finished = Boolean(keep.savedScreen) || submitted !== null;
  const { onFinished } = props;
  useEffect(() => {
    onFinished?.(finished);
    return () => onFinished?.(false);
  }, [finished, onFinished]);

  if (keep.savedScreen) return keep.savedScreen;
  if (submitted) {
    const secret = submitted.lookupSecret;
    return (
      <Receipt
        submitted={submitted}
        printEvents={state.printEvents}
        onHome={onExit}
        {...(onQueue && secret
          ? { onTicket: () => onQueue({ kind: 'receipt', code: submitted.code, secret }) }
          : {})}
      />
    );
  }

  if (!procedure || !localised)
    return (
      <WizardLoading
        error={state.loadError ? errorText(state.loadError, i18n.language) : null}
        onExit={onExit}
      />
    );

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
        notice={state.notice}
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
        {...keep.headerActions}
      />

      {carried ? (
        <CarriedCardLine name={carried.name} who={slotLabel(carried.path)} onNotApplicant={notApplicant} />
      ) : null}

      <StepBody
        state={state}
        procedure={procedure}
        localised={localised}
        form={{
          validation,
          extraErrors,
          errorCount: errorCount(state, clientErrorCount),
          formRef,
          formContext: cards.formContext,
          chosenSlot: cards.chosenSlot,
          onChooseSlot: cards.setChosenSlot,
        }}
        on={{
          onAgree: () => void start(),
          onCancel: () => void requestExit(),
          onFormChange,
          onChip: () => dispatch({ type: 'chip', open: true }),
          onNextFromForm: () => void nextFromForm(),
          onAttach: attach,
          onArrange: arrange,
          onSaveDelivery: saveDelivery,
          onRecheck: () => void runCheck(),
          onFix: fix,
          onGo: (s) => void goTo(s),
          onSubmit: () => void submit(),
        }}
        {...(assisted && dossier
          ? { checkCounter: <CounterCheckActions dossierId={dossier.id} onLeave={onExit} /> }
          : {})}
      />

      <WizardQuestions
        state={state}
        procedure={procedure}
        slotLabel={slotLabel}
        dispatch={dispatch}
        on={{
          onPickPerson: (reading, path) => {
            cards.setChosenSlot(path);
            showFill(cards.receive(reading, path));
          },
          onReplace: (c) => showFill(cards.fill(c.path, c.reading, true)),
          onChipRead: (read) => receive(readingFromChip(read)),
          onPark: () => void park(),
          onDiscard: () => void confirmExit(),
          onDone: onExit,
        }}
      />
      {keep.dialog}
    </section>
  );
}
