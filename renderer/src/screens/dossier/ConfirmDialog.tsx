/**
 * A question that must be answered before going on ("Dừng và xoá?", "Thay điều đã gõ?", "Thẻ này của
 * ai?"). A native modal <dialog>, like the idle and scan dialogs: the page behind is inert and focus stays
 * inside; Esc is the safe answer (`onCancel`).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The modal frame every filing and staff dialog shares: opened with showModal(), titled by its heading,
 * Esc handed to `onCancel`, and focus put on the first element `focus` selects.
 */
export function Modal({
  title,
  children,
  onCancel,
  focus,
  className = '',
  testId,
}: {
  title: string;
  children?: ReactNode;
  onCancel: () => void;
  /** A selector inside the dialog for what gets focus when it opens. */
  focus: string;
  /** Added to the shared `sheet dossier-dialog` classes. */
  className?: string;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLElement>(focus)?.focus();
    return () => d?.close();
  }, [focus]);

  return (
    <dialog
      ref={dialog}
      className={`sheet dossier-dialog ${className}`.trim()}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

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
  return (
    <Modal title={title} onCancel={onCancel} focus=".dialog-actions button" {...(testId ? { testId } : {})}>
      {children}
      <div className="dialog-actions">{actions}</div>
    </Modal>
  );
}
