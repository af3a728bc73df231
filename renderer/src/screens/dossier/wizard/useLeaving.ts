/**
 * Leaving the wizard. A citizen is asked once, then the draft is wiped (dossier.discard) and its id
 * forgotten; staff keep every last change (saved first), then leave a parked draft as it is, or choose to
 * park (dossier.park gives the code to write on the citizen's slip) or discard. Which question is open is
 * the model's `leaving`.
 */
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, type KioskClient } from '../../../api';
import { clearDraft, type DraftHandle } from '../lib/draft';
import { exitChoice, type WizardEvent, type WizardState } from './model';

export function useLeaving({
  client,
  state,
  assisted,
  dispatch,
  draft,
  onExit,
}: {
  client: KioskClient;
  state: WizardState;
  assisted: boolean;
  dispatch: Dispatch<WizardEvent>;
  /** The draft's saving (useDraftSave). */
  draft: { currentDraft: () => DraftHandle | null; save: () => Promise<boolean>; cancel: () => void };
  onExit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { currentDraft, save, cancel } = draft;

  const requestExit = async (): Promise<void> => {
    switch (exitChoice(state, assisted)) {
      case 'leave':
        return onExit();
      case 'ask':
        return dispatch({ type: 'leave-ask' });
      case 'staff':
        await save(); // keep every last change, whatever staff choose next
        // A parked draft stays parked; an unparked one would be wiped unseen: ask.
        if (state.dossier?.status === 'parked') return onExit();
        return dispatch({ type: 'park-ask' });
    }
  };

  const park = async (): Promise<void> => {
    const handle = currentDraft();
    if (!handle) return;
    dispatch({ type: 'park-start' });
    await save();
    const result = await client.call('dossier.park', { id: handle.id });
    if (!result.ok)
      return dispatch({
        type: 'park-failed',
        message: `${t('dossier.wizard.parkFailed')} ${errorText(result.error, i18n.language)}`,
      });
    dispatch({ type: 'parked', dossier: result.value });
  };

  const confirmExit = async (): Promise<void> => {
    cancel();
    const handle = currentDraft();
    if (handle) await client.call('dossier.discard', handle);
    clearDraft();
    onExit();
  };

  return { requestExit, park, confirmExit };
}
