/**
 * A question that must be answered before going on ("Dừng và xoá?", "Thay điều đã gõ?", "Thẻ này của
 * ai?"). A native modal <dialog>, like the idle and scan dialogs: the page behind is inert and focus stays
 * inside; Esc is the safe answer (`onCancel`).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog({
  title,
  children,
  actions,
  onCancel,
  testId,
}: {
  title: string;
  children?: ReactNode;
  /** The buttons; the first one gets focus. */
  actions: ReactNode;
  onCancel: () => void;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLButtonElement>('.dialog-actions button')?.focus();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="sheet dossier-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
