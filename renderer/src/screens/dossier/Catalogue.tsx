/**
 * "Tra cứu thủ tục" / "Chọn thủ tục cần nộp": a search box (the on-screen keyboard opens under it), the
 * fields to browse by, and the procedures as large cards. Search runs as the person types (a short pause
 * first), with or without diacritics: catalogue.search folds them in main.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../../../preload/api';
import { errorText } from '../../api';
import { useCall } from '../../hooks/useCall';
import { HomeIcon, ProceduresIcon } from '../../components/icons';
import { inLang, langOf } from './lib/format';
import { daysText, feeText, levelText } from './text';

const SEARCH_PAUSE_MS = 250;

interface FieldCount {
  field: string;
  fieldEn: string;
  count: number;
}

export function Catalogue({
  mode,
  onChoose,
  onHome,
  onResumeSaved,
}: {
  /** `browse`: a card opens the information page; `file`: a card starts filing that procedure. */
  mode: 'browse' | 'file';
  onChoose: (procedure: ProcedureSummary) => void;
  onHome: () => void;
  /** "Làm tiếp hồ sơ đã lưu": a draft saved for later, taken back by its code (issue 22). */
  onResumeSaved?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  const [field, setField] = useState<string | null>(null);
  // Browsing by field is a help: without the counts the search still works, so their error is not shown.
  const fields: FieldCount[] = useCall((c) => c.call('catalogue.fields', {}), []).value ?? [];
  const search = useCall(
    (c) => {
      const input: { query?: string; field?: string } = {};
      if (query.trim() !== '') input.query = query.trim();
      if (field !== null) input.field = field;
      return c.call('catalogue.search', input);
    },
    [query, field],
    { delayMs: query === '' ? 0 : SEARCH_PAUSE_MS },
  );
  const results = search.value ?? null;
  const error = search.error ?? null;

  useEffect(() => heading.current?.focus(), []);

  const title = mode === 'file' ? t('dossier.catalogue.titleFile') : t('dossier.catalogue.title');

  return (
    <section className="catalogue" data-testid="catalogue" aria-labelledby="catalogue-title">
      <div className="dossier-topbar">
        <h1 id="catalogue-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <button type="button" className="btn btn-secondary" data-testid="home-button" onClick={onHome}>
          <HomeIcon />
          <span>{t('dossier.common.home')}</span>
        </button>
      </div>
      <p className="dossier-lead">
        {mode === 'file' ? t('dossier.catalogue.leadFile') : t('dossier.catalogue.lead')}
      </p>
      {onResumeSaved ? (
        <div className="keep-entry">
          <p>{t('keep.resume.entryHint')}</p>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="resume-saved"
            onClick={onResumeSaved}
          >
            {t('keep.resume.entry')}
          </button>
        </div>
      ) : null}

      <div className="catalogue-search" role="search">
        <label htmlFor="catalogue-query" className="df-label">
          {t('dossier.catalogue.searchLabel')}
        </label>
        <div className="catalogue-search-row">
          <input
            id="catalogue-query"
            className="df-input catalogue-input"
            type="text"
            enterKeyHint="search"
            value={query}
            placeholder={t('dossier.catalogue.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={120}
            data-testid="catalogue-query"
            onChange={(e) => setQuery(e.target.value)}
          />
          {query !== '' ? (
            <button type="button" className="btn btn-secondary" onClick={() => setQuery('')}>
              {t('dossier.catalogue.clear')}
            </button>
          ) : null}
        </div>
      </div>

      {fields.length > 0 ? (
        <div className="catalogue-fields" role="group" aria-label={t('dossier.catalogue.fieldsLabel')}>
          <button
            type="button"
            className="btn btn-tool"
            aria-pressed={field === null}
            onClick={() => setField(null)}
          >
            {t('dossier.catalogue.allFields')}
          </button>
          {fields.map((f) => (
            <button
              key={f.field}
              type="button"
              className="btn btn-tool"
              aria-pressed={field === f.field}
              data-testid={`catalogue-field-${f.field}`}
              onClick={() => setField(field === f.field ? null : f.field)}
            >
              {t('dossier.catalogue.fieldCount', { field: inLang(f.field, f.fieldEn, lang), count: f.count })}
            </button>
          ))}
        </div>
      ) : null}

      <div role="alert" className={error ? 'error-box' : 'error-box-empty'}>
        {error ? (
          <>
            <p>
              {t('dossier.catalogue.failed')} {errorText(error, i18n.language)}
            </p>
            <button type="button" className="btn btn-primary" onClick={search.reload}>
              {t('dossier.common.retry')}
            </button>
          </>
        ) : null}
      </div>

      <p role="status" className="catalogue-count" data-testid="catalogue-count">
        {results === null
          ? error
            ? ''
            : t('dossier.catalogue.loading')
          : results.length === 0
            ? t('dossier.catalogue.none')
            : t('dossier.catalogue.results', { count: results.length })}
      </p>

      {results && results.length > 0 ? (
        <ul
          className="procedure-cards"
          aria-label={t('dossier.catalogue.resultsLabel')}
          data-testid="catalogue-results"
        >
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="card-button procedure-card"
                data-testid={`procedure-${p.id}`}
                onClick={() => onChoose(p)}
              >
                <span className="procedure-card-icon" aria-hidden="true">
                  <ProceduresIcon />
                </span>
                <span className="procedure-card-text">
                  <span className="procedure-card-name">{inLang(p.name, p.nameEn, lang)}</span>
                  <span className="procedure-card-facts">
                    <span>{t('dossier.catalogue.field', { field: inLang(p.field, p.fieldEn, lang) })}</span>
                    <span>{t('dossier.catalogue.time', { time: daysText(t, p.processingDays) })}</span>
                    <span>{t('dossier.catalogue.fee', { fee: feeText(t, p.fee, i18n.language) })}</span>
                  </span>
                </span>
                <span className={p.level === 4 ? 'badge badge-level is-full' : 'badge badge-level'}>
                  {levelText(t, p.level)}
                </span>
                <span className="procedure-card-action" aria-hidden="true">
                  {mode === 'file' ? t('dossier.catalogue.file') : t('dossier.catalogue.open')} ›
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
