/**
 * The level-1 information page of a procedure: what to bring (original or copy, how many, only-if
 * conditions), fee, time, cut-off, where the result comes back, legal basis. "In thông tin" prints this
 * page through the browser's print (the print stylesheet in dossier.css keeps only the page's content).
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../preload/api';
import { errorText } from '../../api';
import { useAppInfo } from '../../context';
import { useCall } from '../../hooks/useCall';
import { HomeIcon, PrinterIcon } from '../../components/icons';
import { formatDateTime, inLang, langOf, paperFormKey } from './lib/format';
import { daysText, feeText, kindsText, levelText } from './text';

export function ProcedureInfo({
  id,
  canFile,
  onFile,
  onBack,
  onHome,
}: {
  id: string;
  /** Whether filing is offered on this kiosk (the `dossier` feature). */
  canFile: boolean;
  onFile: (procedure: Procedure) => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { info, clockOffsetMs } = useAppInfo();
  const lang = langOf(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = useCall((c) => c.call('catalogue.get', { id }), [id]);
  const procedure = loaded.value ?? null;
  const error = loaded.error ?? null;
  const [printedAt, setPrintedAt] = useState<string | null>(null);

  // The printout says when and where it was printed; the line must be on the page before print() runs.
  const print = (): void => {
    flushSync(() => setPrintedAt(new Date(Date.now() + clockOffsetMs).toISOString()));
    window.print();
  };

  useEffect(() => {
    if (procedure) heading.current?.focus();
  }, [procedure]);

  const topbar = (
    <div className="dossier-topbar no-print">
      <button type="button" className="btn btn-secondary" data-testid="info-back" onClick={onBack}>
        ‹ {t('dossier.info.back')}
      </button>
      <button type="button" className="btn btn-secondary" data-testid="home-button" onClick={onHome}>
        <HomeIcon />
        <span>{t('dossier.common.home')}</span>
      </button>
    </div>
  );

  if (!procedure) {
    return (
      <section className="procedure-info" aria-labelledby="procedure-loading">
        {topbar}
        <h1 id="procedure-loading" className="sr-only">
          {t('dossier.catalogue.title')}
        </h1>
        {error ? (
          <div role="alert" className="error-box">
            <p>
              {t('dossier.info.failed')} {errorText(error, i18n.language)}
            </p>
            <button type="button" className="btn btn-primary" onClick={loaded.reload}>
              {t('dossier.common.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('dossier.common.loading')}</p>
        )}
      </section>
    );
  }

  const papers = procedure.components;
  return (
    <section className="procedure-info" data-testid="procedure-info" aria-labelledby="procedure-title">
      {topbar}
      <article className="info-sheet">
        <header className="info-head">
          <p className="info-field">{inLang(procedure.field, procedure.fieldEn, lang)}</p>
          <h1 id="procedure-title" ref={heading} tabIndex={-1}>
            {inLang(procedure.name, procedure.nameEn, lang)}
          </h1>
          <p className="info-code">{t('dossier.info.code', { code: procedure.code })}</p>
        </header>

        <dl className="info-facts" aria-label={t('dossier.info.summary')}>
          <div>
            <dt>{t('dossier.info.time')}</dt>
            <dd data-testid="info-time">{daysText(t, procedure.processingDays)}</dd>
          </div>
          <div>
            <dt>{t('dossier.info.fee')}</dt>
            <dd data-testid="info-fee">
              <strong>{feeText(t, procedure.fee, i18n.language)}</strong>
              {procedure.fee.text ? <span className="info-fee-text">{procedure.fee.text}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('dossier.info.level')}</dt>
            <dd>{levelText(t, procedure.level)}</dd>
          </div>
          <div>
            <dt>{t('dossier.info.agency')}</dt>
            <dd>{procedure.agency}</dd>
          </div>
        </dl>
        {procedure.cutoff ? (
          <p className="info-cutoff" data-testid="info-cutoff">
            {t('dossier.info.cutoff', { time: procedure.cutoff })}
          </p>
        ) : null}

        <h2>{t('dossier.info.papers')}</h2>
        <p>{t('dossier.info.sets', { count: procedure.sets })}</p>
        <ol className="info-papers" data-testid="info-papers">
          {papers.map((paper) => (
            <li key={paper.id} className={paper.required ? 'info-paper' : 'info-paper is-conditional'}>
              <p className="info-paper-name">{inLang(paper.name, paper.nameEn, lang)}</p>
              <p className="info-paper-facts">
                <span className="badge badge-paper">{t(paperFormKey(paper.form))}</span>{' '}
                <span>{t('dossier.info.copies', { count: paper.copies })}</span>
                {paper.required ? (
                  <span className="badge badge-required">{t('dossier.info.required')}</span>
                ) : null}
              </p>
              {!paper.required && paper.condition ? (
                <p className="info-paper-condition">
                  {t('dossier.info.conditional', {
                    condition: inLang(paper.condition, paper.conditionEn ?? '', lang),
                  })}
                </p>
              ) : null}
              {paper.fromForm ? (
                <p className="info-paper-note">{t('dossier.info.fromForm')}</p>
              ) : (
                <p className="info-paper-note">
                  {t('dossier.info.accept', { kinds: kindsText(t, paper.accept) })}
                </p>
              )}
            </li>
          ))}
        </ol>

        <h2>{t('dossier.info.result')}</h2>
        <p>{procedure.result}</p>
        <h2>{t('dossier.info.delivery')}</h2>
        <p>{procedure.postal ? t('dossier.info.deliveryPost') : t('dossier.info.deliveryCounter')}</p>

        {procedure.legalBasis.length > 0 ? (
          <>
            <h2>{t('dossier.info.legal')}</h2>
            <ul className="info-legal">
              {procedure.legalBasis.map((basis) => (
                <li key={basis}>{basis}</li>
              ))}
            </ul>
          </>
        ) : null}
        {printedAt ? (
          <p className="print-only info-printed">
            {t('dossier.info.printedAt', { time: formatDateTime(printedAt), centre: info.centreName })}
          </p>
        ) : null}
      </article>

      <div className="info-actions no-print">
        <button type="button" className="btn btn-secondary btn-xl" data-testid="info-print" onClick={print}>
          <PrinterIcon />
          <span>{t('dossier.info.print')}</span>
        </button>
        {canFile ? (
          <button
            type="button"
            className="btn btn-primary btn-xl"
            data-testid="info-file"
            onClick={() => onFile(procedure)}
          >
            {t('dossier.info.file')}
          </button>
        ) : (
          <p className="info-file-unavailable">{t('dossier.info.fileUnavailable')}</p>
        )}
      </div>
      <p className="info-print-hint no-print">{t('dossier.info.printHint')}</p>
    </section>
  );
}
