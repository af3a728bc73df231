/**
 * The wizard's open question, over its step: whose card this is, whether a card may replace what was
 * typed, the chip reading, and leaving (a citizen's "Dừng nộp hồ sơ?", staff's "Tạm giữ hay bỏ?" and the
 * park code after). Which one is open is the model's; the answers are the wizard's handlers.
 */
import type { Dispatch } from 'react';
import type { ChipRead, Procedure } from '../../../../../preload/api';
import { ChipReadDialog } from '../../chip/ChipReadDialog';
import { AskWhoDialog, ConflictDialog, ExitDialog, ParkedDialog, StaffExitDialog } from '../WizardDialogs';
import { formAsksEthnicity, type CardReading, type PendingConflict } from '../lib/persons';
import type { WizardEvent, WizardState } from './model';

export function WizardQuestions({
  state,
  procedure,
  slotLabel,
  dispatch,
  on,
}: {
  state: WizardState;
  procedure: Procedure;
  slotLabel: (path: string) => string;
  /** For the answers that only close a question. */
  dispatch: Dispatch<WizardEvent>;
  on: {
    onPickPerson: (reading: CardReading, path: string) => void;
    onReplace: (conflict: PendingConflict) => void;
    onChipRead: (read: ChipRead) => void;
    onPark: () => void;
    onDiscard: () => void;
    onDone: () => void;
  };
}) {
  const { askWho, conflict, leaving, dossier } = state;
  return (
    <>
      {askWho ? (
        <AskWhoDialog
          name={askWho.person.fullName ?? ''}
          slots={procedure.form.persons.map((slot) => ({ path: slot.path, label: slotLabel(slot.path) }))}
          onClose={() => dispatch({ type: 'ask-who', reading: null })}
          onPick={(path) => {
            dispatch({ type: 'ask-who', reading: null });
            on.onPickPerson(askWho, path);
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictDialog
          who={slotLabel(conflict.path)}
          conflicts={conflict.conflicts}
          onKeep={() => dispatch({ type: 'conflict', conflict: null })}
          onReplace={() => {
            dispatch({ type: 'conflict', conflict: null });
            on.onReplace(conflict);
          }}
        />
      ) : null}

      {state.chipOpen ? (
        <ChipReadDialog
          readEthnicity={formAsksEthnicity(procedure.form)}
          onClose={() => dispatch({ type: 'chip', open: false })}
          onRead={(read) => {
            dispatch({ type: 'chip', open: false });
            on.onChipRead(read);
          }}
        />
      ) : null}

      {leaving.kind === 'ask' ? (
        <ExitDialog onStay={() => dispatch({ type: 'leave-cancel' })} onConfirm={on.onDiscard} />
      ) : null}
      {leaving.kind === 'park-ask' ? (
        <StaffExitDialog
          busy={state.parking}
          error={leaving.error}
          onPark={on.onPark}
          onStay={() => dispatch({ type: 'leave-cancel' })}
          onDiscard={on.onDiscard}
        />
      ) : null}
      {leaving.kind === 'parked' && dossier ? (
        <ParkedDialog
          dossierId={dossier.id}
          code={leaving.code}
          onDone={on.onDone}
          onStay={() => dispatch({ type: 'leave-cancel' })}
        />
      ) : null}
    </>
  );
}
