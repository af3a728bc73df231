/**
 * Under an address read from a card (or typed the old way): the text as written, and what it is now. One
 * new commune is filled and the screen says so; an old commune split between several is a choice the
 * citizen makes here, with the core's sentence ("Phường Kim Mã cũ nay thuộc một trong các xã/phường: …").
 */
import { useTranslation } from 'react-i18next';
import type { AddressAnswer, AddressCandidate } from '../../../../../preload/api';
import type { Proposal } from './address';

export function AddressProposal({
  id,
  asWritten,
  label,
  loading,
  answer,
  proposal,
  message,
  chosen,
  disabled,
  onChoose,
}: {
  id: string;
  asWritten: string;
  label: string;
  loading: boolean;
  answer: AddressAnswer | undefined;
  proposal: Proposal | null;
  /** The core's sentence in the screen's language; null for a new address found as written. */
  message: string | null;
  chosen: string | null;
  disabled: boolean;
  onChoose: (candidate: AddressCandidate) => void;
}) {
  const { t } = useTranslation();
  const filled = proposal?.kind === 'one' && chosen === proposal.candidate.code;
  return (
    <div className="df-address-card" data-testid="address-proposal">
      <p className="df-address-card-label" id={`${id}__asWrittenLabel`}>
        {label}
      </p>
      <p
        className="df-address-written"
        aria-labelledby={`${id}__asWrittenLabel`}
        data-testid="address-as-written"
      >
        {asWritten}
      </p>
      <div role="status" className="df-address-message" data-testid="address-message">
        {loading && !answer ? t('address.reading') : null}
        {message ? <p>{message}</p> : null}
        {filled && !message ? <p>{t('address.filled')}</p> : null}
      </div>
      {proposal?.kind === 'choose' ? (
        <fieldset className="df-address-candidates">
          <legend className="df-label">{t('address.chooseLegend')}</legend>
          <ul className="df-address-list">
            {proposal.candidates.map((c) => (
              <li key={c.code}>
                <button
                  type="button"
                  className={c.code === chosen ? 'df-choice is-checked' : 'df-choice'}
                  aria-pressed={c.code === chosen}
                  disabled={disabled}
                  data-candidate={c.code}
                  onClick={() => onChoose(c)}
                >
                  {t('address.candidate', { commune: c.name, province: c.province })}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </div>
  );
}
