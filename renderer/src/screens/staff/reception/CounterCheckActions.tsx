/**
 * Staff filing with a citizen, when the completeness check found problems: "In phiếu yêu cầu bổ sung
 * (Mẫu 02)", every problem at once on paper for the citizen to take home (the draft stays, to park or go
 * on with), or "Từ chối tiếp nhận (Mẫu 03)" with a reason, after which the draft is refused and the
 * console goes back to its list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefuseDialog } from './RefuseDialog';
import { SupplementDialog } from './SupplementDialog';
import '../../../styles/reception.css';

export function CounterCheckActions({ dossierId, onLeave }: { dossierId: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'supplement' | 'refuse' | null>(null);
  return (
    <section className="counter-check" data-testid="counter-check" aria-labelledby="counter-check-title">
      <h3 id="counter-check-title">{t('reception.check.title')}</h3>
      <p>{t('reception.check.help')}</p>
      <div className="counter-check-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="check-supplement"
          onClick={() => setOpen('supplement')}
        >
          {t('reception.check.supplement')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="check-refuse"
          onClick={() => setOpen('refuse')}
        >
          {t('reception.check.refuse')}
        </button>
      </div>
      {open === 'supplement' ? (
        <SupplementDialog id={dossierId} code={null} onClose={() => setOpen(null)} />
      ) : open === 'refuse' ? (
        <RefuseDialog
          id={dossierId}
          code={null}
          closeLabel={t('reception.check.back')}
          onRefused={() => undefined}
          onClose={(refused) => (refused === null ? setOpen(null) : onLeave())}
        />
      ) : null}
    </section>
  );
}
