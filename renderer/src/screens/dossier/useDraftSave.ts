/**
 * Saving the e-form of a draft: a short pause after the last change, and at once on every step
 * (dossier.update). Saves run one after another, so an older save never lands after a newer one; data a
 * save could not store (the network, or a refusal such as markup in a name) is kept for the next attempt.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier, KioskError } from '../../../../preload/api';
import type { KioskClient } from '../../api';
import type { DraftHandle } from './lib/draft';
import type { FormData } from './lib/persons';

/** The pause after the last change before the draft is saved. */
export const SAVE_PAUSE_MS = 800;

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function useDraftSave(
  client: KioskClient,
  handlers: { onSaved: (dossier: Dossier) => void; onRefused: (error: KioskError, data: FormData) => void },
) {
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<KioskError | null>(null);
  const draft = useRef<DraftHandle | null>(null);
  const pending = useRef<FormData | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** Saves what is waiting now; resolves to false when it could not be stored. */
  const save = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const data = pending.current;
      const handle = draft.current;
      if (!data || !handle) return true;
      pending.current = null;
      setSaveState('saving');
      const result = await client.call('dossier.update', { ...handle, data });
      if (result.ok) {
        latest.current.onSaved(result.value);
        setSaveState('saved');
        setSaveError(null);
        return true;
      }
      pending.current ??= data;
      setSaveState('error');
      setSaveError(result.error);
      latest.current.onRefused(result.error, data);
      return false;
    });
    return chain.current;
  }, [client]);

  /** A change: saved after the pause, unless another change comes first. */
  const schedule = useCallback(
    (data: FormData): void => {
      if (!draft.current) return;
      pending.current = data;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), SAVE_PAUSE_MS);
    },
    [save],
  );

  /** The draft is being discarded: nothing more is sent. */
  const cancel = useCallback((): void => {
    window.clearTimeout(timer.current);
    pending.current = null;
  }, []);

  /**
   * The draft being saved: its id and token (set once it exists, so early changes are not sent
   * anywhere). Every call on the draft sends the same handle.
   */
  const setDraft = useCallback((handle: DraftHandle): void => {
    draft.current = handle;
  }, []);
  const currentDraft = useCallback((): DraftHandle | null => draft.current, []);

  return { setDraft, currentDraft, save, schedule, cancel, saveState, saveError };
}
