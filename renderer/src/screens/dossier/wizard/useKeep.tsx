/**
 * The citizen's two ways out of the wizard that keep the draft (issue 22): "Lưu lại, làm tiếp sau" (the
 * SaveLater questions, then the saved screen in place of the wizard) and "Nhờ cán bộ giúp" (what was typed
 * saved first, then the queue's service picker with the draft to link the ticket to). Neither is offered
 * to staff (they park) nor before the draft exists (nothing to keep before the privacy notice is agreed).
 */
import { useState, type ReactNode } from 'react';
import type { DraftHandle } from '../lib/draft';
import type { QueueLink } from '../../citizen/queue/link';
import { SaveLater, SavedForLater, type SavedLater } from '../SaveLater';

export function useKeep({
  offered,
  procedureId,
  draft,
  onQueue,
  onSessionEnd,
}: {
  /** A citizen's draft exists and nothing was submitted yet. */
  offered: boolean;
  procedureId: string | null;
  draft: { currentDraft: () => DraftHandle | null; save: () => Promise<boolean>; cancel: () => void };
  onQueue: ((link: QueueLink) => void) | undefined;
  onSessionEnd: () => void;
}): {
  headerActions: { onSaveLater?: () => void; onAskStaff?: () => void };
  dialog: ReactNode;
  savedScreen: ReactNode;
} {
  const [keep, setKeep] = useState<'closed' | 'asking' | SavedLater>('closed');

  const askStaff = async (): Promise<void> => {
    const handle = draft.currentDraft();
    if (!handle || !procedureId || !onQueue) return;
    await draft.save();
    onQueue({ kind: 'draft', ...handle, procedureId });
  };

  const saved = typeof keep === 'object' ? keep : null;
  return {
    headerActions: offered
      ? {
          onSaveLater: () => setKeep('asking'),
          ...(onQueue ? { onAskStaff: () => void askStaff() } : {}),
        }
      : {},
    dialog:
      keep === 'asking' ? (
        <SaveLater
          handle={draft.currentDraft}
          flush={draft.save}
          onSaved={(done) => {
            draft.cancel(); // parked: no later autosave may touch it
            setKeep(done);
          }}
          onCancel={() => setKeep('closed')}
        />
      ) : null,
    savedScreen: saved ? <SavedForLater saved={saved} onDone={onSessionEnd} /> : null,
  };
}
