/**
 * Cards and scans in the wizard: a scanned CCCD QR or MRZ, or a chip read, fills the chosen person on the
 * form step (useCardFill decides where); anywhere else, or for a receipt QR, the notice line says why
 * nothing was filled. What a fill asks ("whose card?", "replace what was typed?") goes to the model.
 */
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../../preload/api';
import { errorText } from '../../../api';
import { useScan, type ScanOutcome } from '../../../hooks/useScan';
import { inLang, type Lang } from '../lib/format';
import { readingFromScan, type CardReading, type FormData } from '../lib/persons';
import type { Step } from '../lib/steps';
import { useCardFill, type FillOutcome } from '../useCardFill';
import { personGroup } from '../useFocusTarget';
import type { WizardEvent } from './model';

export function useCardScans({
  procedure,
  formData,
  onFormChange,
  step,
  lang,
  enabled,
  dispatch,
  setFocusTarget,
}: {
  procedure: Procedure | null;
  formData: FormData;
  onFormChange: (data: FormData) => void;
  step: Step;
  lang: Lang;
  /** Scans are read while the form is open, not on the receipt or under the chip dialog. */
  enabled: boolean;
  dispatch: Dispatch<WizardEvent>;
  setFocusTarget: (target: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const cards = useCardFill(procedure, formData, onFormChange);
  const slotLabel = (path: string): string => {
    const slot = procedure?.form.persons.find((s) => s.path === path);
    return slot ? inLang(slot.label.vi, slot.label.en, lang) : path;
  };

  const showFill = (outcome: FillOutcome): void => {
    switch (outcome.kind) {
      case 'filled':
        dispatch({
          type: 'notice',
          notice: {
            tone: 'info',
            text: t(outcome.verified ? 'dossier.person.filledVerified' : 'dossier.person.filled', {
              name: outcome.name,
              who: slotLabel(outcome.path),
            }),
          },
        });
        setFocusTarget(personGroup(outcome.path));
        return;
      case 'ask-who':
        dispatch({ type: 'ask-who', reading: outcome.reading });
        return;
      case 'conflict':
        dispatch({ type: 'conflict', conflict: outcome.conflict });
        return;
      case 'no-persons':
      case 'no-slot':
        dispatch({ type: 'notice', notice: { tone: 'info', text: t('dossier.wizard.scanNoPersons') } });
    }
  };

  const receive = (reading: CardReading): void => {
    if (step !== 'form') {
      dispatch({ type: 'notice', notice: { tone: 'info', text: t('dossier.wizard.scanElsewhere') } });
      return;
    }
    showFill(cards.receive(reading));
  };

  useScan(
    (outcome: ScanOutcome) => {
      if (!outcome.result.ok) {
        dispatch({
          type: 'notice',
          notice: {
            tone: 'error',
            text: `${t('dossier.person.scanError')}: ${errorText(outcome.result.error, i18n.language)}`,
          },
        });
        return;
      }
      const reading = readingFromScan(outcome.result.value);
      if (reading) receive(reading);
      else dispatch({ type: 'notice', notice: { tone: 'info', text: t('dossier.wizard.scanReceipt') } });
    },
    { enabled },
  );

  return { cards, slotLabel, showFill, receive };
}
