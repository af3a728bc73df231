/**
 * The procedure to file for a citizen ("Nộp hồ sơ thay công dân"): a search over the catalogue (name with
 * or without diacritics, or the code; main does the matching) and a list to choose from.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, ProcedureSummary } from '../../../../preload/api';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';

/** Search as the person types, once they pause. */
const SEARCH_DEBOUNCE_MS = 250;

export function ProcedurePicker({
  onPick,
  onCancel,
  onError,
}: {
  onPick: (procedure: ProcedureSummary) => void;
  onCancel: () => void;
  onError: (error: KioskError) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const helpId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const search = useCall((c) => c.call('catalogue.search', { query: query.trim() }), [query], {
    delayMs: SEARCH_DEBOUNCE_MS,
    onError,
  });
  const found = search.value ?? null;
  const { error } = search;

  useEffect(() => heading.current?.focus(), []);

  const en = i18n.language === 'en';
  return (
    <section className="procedure-picker" data-testid="procedure-picker" aria-labelledby="picker-title">
      <div className="report-bar">
        <h2 id="picker-title" ref={heading} tabIndex={-1}>
          {t('staffDossier.file.pickTitle')}
        </h2>
        <button type="button" className="btn btn-secondary" data-testid="picker-cancel" onClick={onCancel}>
          {t('staffDossier.file.cancel')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={inputId}>{t('staffDossier.file.search')}</label>
        <input
          id={inputId}
          type="search"
          data-testid="picker-search"
          value={query}
          autoComplete="off"
          aria-describedby={helpId}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={helpId} className="field-help">
          {t('staffDossier.file.searchHelp')}
        </p>
      </div>
      <ErrorRegion error={error} testId="picker-error" />
      {found === null ? (
        error ? null : (
          <p role="status">{t('staffDossier.file.loading')}</p>
        )
      ) : found.length === 0 ? (
        <p className="report-empty">{t('staffDossier.file.none')}</p>
      ) : (
        <ul className="procedure-list" aria-busy={search.stale}>
          {found.map((p) => (
            <li key={p.id} className="procedure-item">
              <div className="procedure-text">
                <p className="procedure-name">{en ? p.nameEn : p.name}</p>
                <p className="procedure-meta">
                  <span>{en ? p.fieldEn : p.field}</span>
                  <span>{p.code}</span>
                  <span>{t('staffDossier.file.level', { level: p.level })}</span>
                  <span>{t('staffDossier.file.days', { count: p.processingDays })}</span>
                </p>
              </div>
              <button
                type="button"
                className="btn btn-primary btn-small"
                aria-label={t('staffDossier.file.chooseLabel', { name: en ? p.nameEn : p.name })}
                data-testid={`pick-${p.id}`}
                onClick={() => onPick(p)}
              >
                {t('staffDossier.file.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
