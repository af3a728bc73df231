/**
 * Beside the called number: the dossier the ticket was taken with ("Hồ sơ kèm theo: Đăng ký khai sinh
 * (đang làm dở)", or "(đã nộp, chờ tiếp nhận)" and its code), and the one tap that opens it (Handover).
 * Nothing personal: the procedure and the receipt code only, as the ticket carries them.
 */
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../../preload/api';
import { ticketTarget, type HandoverTarget } from './handover';
import '../../../styles/handover.css';

export function LinkedDossier({
  ticket,
  onOpen,
}: {
  ticket: Ticket;
  onOpen: (target: HandoverTarget) => void;
}) {
  const { t } = useTranslation();
  const dossier = ticket.dossier;
  if (dossier === null) return null;
  const target = ticketTarget(dossier);
  return (
    <div className="linked-dossier" data-testid="linked-dossier" data-status={dossier.status}>
      <p className="linked-dossier-text">
        <span className="linked-dossier-label">{t('handover.linked.label')}</span>{' '}
        <strong>{dossier.procedureName}</strong> ({t(`handover.linked.state.${dossier.status}`)})
        {dossier.code !== null ? (
          <>
            {' '}
            <span className="dossier-code" data-testid="linked-dossier-code">
              {dossier.code}
            </span>
          </>
        ) : null}
      </p>
      {target !== null ? (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="linked-dossier-open"
          aria-label={t('handover.linked.openLabel', {
            procedure: dossier.procedureName,
            number: ticket.number,
          })}
          onClick={() => onOpen(target)}
        >
          {t('handover.linked.open')}
        </button>
      ) : null}
    </div>
  );
}
