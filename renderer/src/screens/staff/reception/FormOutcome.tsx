/**
 * What became of a form staff just made (Mẫu 01, 02 or 03): printing on the forms printer, or, when the
 * kiosk has none (no print jobs), its PDF to download and print elsewhere. The PDF can be downloaded in
 * either case: a jammed printer does not leave the citizen without their paper.
 */
import { useTranslation } from 'react-i18next';
import { base64ToBytes } from '../dossierModel';
import { downloadBytes } from '../../../lib/download';
import { paperFileName, type Paper } from './model';

export function FormOutcome({
  paper,
  code,
  pdfBase64,
  jobIds,
}: {
  paper: Paper;
  code: string;
  pdfBase64: string;
  jobIds: readonly number[];
}) {
  const { t } = useTranslation();
  const name = t(`reception.paper.${paper}`);
  const printing = jobIds.length > 0;
  return (
    <div className="form-outcome" data-testid="form-outcome" data-paper={paper} data-printing={printing}>
      <p role="status">
        {printing ? t('reception.outcome.printing', { paper: name }) : t('reception.outcome.noPrinter')}
      </p>
      <button
        type="button"
        className={printing ? 'btn btn-secondary btn-small' : 'btn btn-primary btn-small'}
        aria-label={t('reception.outcome.downloadLabel', { paper: name })}
        data-testid="form-download"
        onClick={() => downloadBytes(paperFileName(paper, code), base64ToBytes(pdfBase64), 'application/pdf')}
      >
        {t('reception.outcome.download')}
      </button>
    </div>
  );
}
