/**
 * A card scanned earlier in the session (the home screen's greeting, then "Nộp hồ sơ"): when a new
 * filing's form opens it fills the applicant (the form's first person) as if scanned there, once, and the
 * session forgets it. The line it leaves says whose card went where and offers "Không phải người nộp",
 * which takes the values out again and asks the usual "Thẻ này của ai?".
 */
import { useRef, useState, type Dispatch } from 'react';
import type { CardReading, FormData } from '../lib/persons';
import type { Step } from '../lib/steps';
import type { FillOutcome } from '../useCardFill';
import type { WizardEvent } from './model';

type Filled = Extract<FillOutcome, { kind: 'filled' }>;

export function useCarriedCard({
  reading,
  step,
  cards,
  showFill,
  dispatch,
  onUsed,
}: {
  /** The session's card when the wizard opened; null when none was scanned. */
  reading: CardReading | null;
  step: Step;
  cards: {
    carry: (reading: CardReading, data: FormData) => FillOutcome;
    unfill: (filled: Filled) => void;
  };
  showFill: (outcome: FillOutcome) => void;
  dispatch: Dispatch<WizardEvent>;
  onUsed: () => void;
}): { carryInto: (data: FormData) => void; carried: Filled | null; notApplicant: () => void } {
  // Taken at opening: the session wipes its copy once used, and a later scan is the wizard's own.
  const [card] = useState(reading);
  const used = useRef(false);
  const [carried, setCarried] = useState<Filled | null>(null);

  /** A new draft's form opens with `data`: the card fills its applicant (a draft opened again is not). */
  const carryInto = (data: FormData): void => {
    if (!card || used.current) return;
    used.current = true;
    const outcome = cards.carry(card, data);
    onUsed();
    if (outcome.kind === 'filled') setCarried(outcome);
    else showFill(outcome);
  };

  const notApplicant = (): void => {
    if (!carried || !card) return;
    cards.unfill(carried);
    setCarried(null);
    // Not the applicant's card, but maybe the mother's: the usual question places it.
    dispatch({ type: 'ask-who', reading: card });
  };

  // The line belongs to the form step.
  return { carryInto, carried: step === 'form' ? carried : null, notApplicant };
}
