/**
 * The proposals of form/proposals.ts as buttons: by an empty field ("Chạm để điền nhanh: Kinh (như Mẹ)")
 * and at the top of a person ("Người yêu cầu là: Mẹ — Trần Thị Bình"). A tap writes the value into the
 * field, where the person sees and can change it; a first word ("Nguyễn") puts the caret after it with
 * the keyboard up, to type the rest.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal, SameAs } from './proposals';
import '../../../styles/proposals.css';

/**
 * A tap on a proposal must not take focus from the field being typed in: the keyboard would close (and
 * move the page) while the finger is down. Like the keyboard's own keys.
 */
const keepFocus = (event: MouseEvent): void => event.preventDefault();

/** Puts the caret at the end of the field `id` once React has written its new value. */
export function typeOnAt(id: string): void {
  window.requestAnimationFrame(() => {
    const input = document.getElementById(id);
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  });
}

export function FieldProposals({
  id,
  proposals,
  onPick,
}: {
  id: string;
  proposals: readonly Proposal[];
  onPick: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const labelId = `${id}__proposals`;
  return (
    <div className="df-proposals" role="group" aria-labelledby={labelId} data-testid={`proposals-${id}`}>
      <span id={labelId} className="df-proposals-label">
        {t('dossier.form.proposals')}
      </span>
      {proposals.map((p) => (
        <button
          key={p.label}
          type="button"
          className="df-choice df-proposal"
          data-proposal={p.label}
          onMouseDown={keepFocus}
          onClick={() => onPick(p)}
        >
          {p.mode === 'start' ? t('dossier.form.proposalStart', { word: p.label }) : p.label}
          {p.from ? (
            <span className="df-proposal-from">{t('dossier.form.proposalFrom', { who: p.from })}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

export function SameAsChoices({
  id,
  title,
  choices,
  onPick,
}: {
  id: string;
  /** The person this group is ("Người yêu cầu"). */
  title: string;
  choices: readonly SameAs[];
  onPick: (choice: SameAs) => void;
}) {
  const { t } = useTranslation();
  const labelId = `${id}__sameAs`;
  return (
    <div
      className="df-proposals df-same-as"
      role="group"
      aria-labelledby={labelId}
      data-testid={`same-as-${id}`}
    >
      <span id={labelId} className="df-proposals-label">
        {t('dossier.form.sameAs', { who: title })}
      </span>
      {choices.map((c) => (
        <button
          key={c.path}
          type="button"
          className="df-choice df-proposal"
          data-same-as={c.path}
          onMouseDown={keepFocus}
          onClick={() => onPick(c)}
        >
          {t('dossier.form.sameAsChoice', { who: c.title, name: c.name })}
        </button>
      ))}
    </div>
  );
}
