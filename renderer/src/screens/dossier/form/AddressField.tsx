/**
 * The e-forms' address (rjsf field `address`, `'ui:field': 'address'`): province (34) → commune (the new
 * ones, searched without diacritics if the person types so) → house number and street, stored structured
 * with the text composed. An address read from a card, or typed in its old form, is shown as written and
 * read by `address.resolve`; AddressProposal.tsx shows what it came to (filled, or a choice).
 *
 * Every input is an ordinary text input or select with its own label, so the on-screen keyboard types into
 * it and screen readers name it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import type { AddressAnswer, CommuneHit, StructuredAddress } from '../../../../../preload/api';
import { useCall } from '../../../hooks/useCall';
import type { RjsfData } from '../lib/persons';
import {
  automaticValue,
  proposalOf,
  readAddress,
  withCommune,
  withProvince,
  withStreet,
  withWritten,
  type AddressValue,
  type Province,
} from './address';
import { AddressProposal } from './AddressProposal';
import type { DossierFormContext } from './theme';
import '../../../styles/address.css';

type Props = FieldProps<RjsfData, RJSFSchema, DossierFormContext>;

/** The messages rjsf has for one part of the address (and its name twin: a code and its name). */
function partErrors(errorSchema: Props['errorSchema'], ...keys: string[]): string[] {
  const tree = (errorSchema ?? {}) as Record<string, { __errors?: string[] } | undefined>;
  return keys.flatMap((key) => tree[key]?.__errors ?? []);
}

export function AddressField(props: Props) {
  const { t, i18n } = useTranslation();
  const id = props.fieldPathId.$id;
  const value = readAddress(props.formData);
  const disabled = Boolean(props.disabled || props.readonly);
  const [query, setQuery] = useState('');
  const [changing, setChanging] = useState(false);
  const [typed, setTyped] = useState(false);
  const [oldOpen, setOldOpen] = useState(false);
  const [oldText, setOldText] = useState('');
  const streetRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const applied = useRef<string | null>(null);

  // Nothing left (a province chosen, then none): no address at all, not an empty one that would make an
  // optional person's block count as begun.
  const change = (next: AddressValue): void =>
    props.onChange(
      Object.values(next).some((v) => v !== undefined && v !== '')
        ? (next as StructuredAddress as unknown as RjsfData)
        : undefined,
      props.fieldPathId.path,
    );

  const provinces = useCall((c) => c.call('address.provinces', {}), []);
  const provinceList: Province[] = provinces.value?.provinces ?? [];
  const asWritten = value.asWritten ?? '';
  const resolved = useCall<AddressAnswer>(
    asWritten === '' ? null : (c) => c.call('address.resolve', { text: asWritten }),
    [asWritten],
  );
  const answer = resolved.stale ? undefined : resolved.value;
  const proposal = answer && provinces.value ? proposalOf(answer, provinceList) : null;

  // Once per address as written: fill the one candidate, or open its province. A later change is the
  // person's own and is never replaced.
  useEffect(() => {
    if (!proposal || applied.current === asWritten) return;
    applied.current = asWritten;
    const next = automaticValue(value, proposal);
    if (next) change(next);
  });

  const provinceCode = value.provinceCode ?? '';
  const picking = !value.communeCode || changing;
  const search = useCall<{ communes: CommuneHit[] }>(
    provinceCode !== '' && picking
      ? (c) => c.call('address.search', { query: query.trim(), provinceCode })
      : null,
    [query.trim(), provinceCode, picking],
    { delayMs: query.trim() === '' ? 0 : 200 },
  );
  const hits = search.value?.communes ?? [];

  // The list comes under the search input, where the on-screen keyboard would cover it: while someone
  // types, bring the input up to just below the header so what it found shows above the keyboard.
  const found = search.value;
  useEffect(() => {
    const input = searchRef.current;
    if (!found || !input || document.activeElement !== input) return;
    const header = document.querySelector('.citizen-header')?.getBoundingClientRect().bottom ?? 0;
    const delta = input.getBoundingClientRect().top - header - 16;
    if (delta > 0) window.scrollBy({ top: delta, behavior: 'instant' });
  }, [found]);

  const choose = (hit: CommuneHit): void => {
    change(withCommune(value, hit));
    setChanging(false);
    setQuery('');
    streetRef.current?.focus();
  };

  const provinceErrors = partErrors(props.errorSchema, 'provinceCode', 'province');
  const communeErrors = partErrors(props.errorSchema, 'communeCode', 'commune');
  // `text` is composed from the others: its errors repeat theirs.
  const streetErrors = partErrors(props.errorSchema, 'street');
  const describe = (part: string, shown: boolean): string | undefined =>
    shown ? `${id}_${part}__error` : undefined;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const provinceName = provinceList.find((p) => p.code === provinceCode)?.name ?? value.province ?? '';

  return (
    <fieldset className="df-group df-address" id={id} tabIndex={-1} data-testid="address-field">
      <legend className="df-legend">
        {props.schema.title ?? props.name}
        {props.required ? (
          <span className="df-required">
            <span aria-hidden="true"> *</span>
            <span className="sr-only"> ({t('dossier.form.required')})</span>
          </span>
        ) : null}
      </legend>
      {props.schema.description ? <p className="df-description">{props.schema.description}</p> : null}

      {asWritten !== '' ? (
        <AddressProposal
          id={id}
          asWritten={asWritten}
          label={typed ? t('address.typedOld') : t('address.onCard')}
          loading={resolved.loading}
          answer={answer}
          proposal={proposal}
          message={answer?.message?.[lang] ?? null}
          chosen={value.communeCode ?? null}
          disabled={disabled}
          onChoose={(candidate) => {
            change(
              withCommune({ ...value, street: value.street || proposal?.street || undefined }, candidate),
            );
            setChanging(false);
          }}
        />
      ) : null}

      <div className="df-field">
        <label className="df-label" htmlFor={`${id}_provinceCode`}>
          {t('address.province')}
        </label>
        <select
          id={`${id}_provinceCode`}
          className="df-input df-select"
          value={provinceCode}
          disabled={disabled || provinceList.length === 0}
          aria-required={props.required || undefined}
          aria-invalid={provinceErrors.length > 0 || undefined}
          aria-describedby={describe('provinceCode', provinceErrors.length > 0)}
          onChange={(e) => {
            change(withProvince(value, provinceList.find((p) => p.code === e.target.value) ?? null));
            setChanging(false);
            setQuery('');
          }}
        >
          <option value="">
            {provinces.loading && provinceList.length === 0
              ? t('address.provincesLoading')
              : t('address.provinceChoose')}
          </option>
          {provinceList.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        {provinceErrors.length > 0 ? (
          <p id={`${id}_provinceCode__error`} className="df-errors">
            {t('address.errorProvince')}
          </p>
        ) : null}
      </div>

      <div className="df-field">
        {picking ? (
          <>
            <label className="df-label" htmlFor={`${id}_communeCode`}>
              {t('address.commune')}
            </label>
            <p id={`${id}_communeCode__hint`} className="df-description">
              {provinceCode === '' ? t('address.communeFirst') : t('address.communeSearch')}
            </p>
            <input
              ref={searchRef}
              id={`${id}_communeCode`}
              className="df-input"
              type="text"
              value={query}
              disabled={disabled || provinceCode === ''}
              autoComplete="off"
              spellCheck={false}
              aria-required={props.required || undefined}
              aria-invalid={communeErrors.length > 0 || undefined}
              aria-describedby={
                [`${id}_communeCode__hint`, describe('communeCode', communeErrors.length > 0)]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              onChange={(e) => setQuery(e.target.value)}
            />
            {provinceCode !== '' ? (
              <CommuneList
                label={t('address.communeList', { province: provinceName })}
                hits={hits}
                chosen={value.communeCode ?? null}
                disabled={disabled}
                status={
                  search.loading
                    ? t('address.searching')
                    : !search.value
                      ? null
                      : hits.length === 0
                        ? t('address.communeNone', { province: provinceName })
                        : t('address.communeCount', { count: hits.length, province: provinceName })
                }
                onChoose={choose}
              />
            ) : null}
          </>
        ) : (
          <>
            <span className="df-label" id={`${id}_communeCode__label`}>
              {t('address.commune')}
            </span>
            <p className="df-address-chosen">
              <span id={`${id}_communeCode`} tabIndex={-1}>
                {t('address.communeChosen', { commune: value.commune ?? '' })}
              </span>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={disabled}
                onClick={() => setChanging(true)}
              >
                {t('address.communeChange')}
              </button>
            </p>
          </>
        )}
        {communeErrors.length > 0 ? (
          <p id={`${id}_communeCode__error`} className="df-errors">
            {t('address.errorCommune')}
          </p>
        ) : null}
      </div>

      <div className="df-field">
        <label className="df-label" htmlFor={`${id}_street`}>
          {t('address.street')}
        </label>
        <input
          ref={streetRef}
          id={`${id}_street`}
          className="df-input"
          type="text"
          value={value.street ?? ''}
          maxLength={200}
          disabled={disabled}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          aria-invalid={streetErrors.length > 0 || undefined}
          aria-describedby={describe('street', streetErrors.length > 0)}
          onChange={(e) => change(withStreet(value, e.target.value))}
        />
        {streetErrors.length > 0 ? (
          <ul id={`${id}_street__error`} className="df-errors">
            {streetErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>

      {value.text ? (
        <p className="df-address-composed" data-testid="address-composed">
          {t('address.composed', { text: value.text })}
        </p>
      ) : null}

      <div className="df-address-old">
        <button
          type="button"
          className="btn btn-tool"
          aria-expanded={oldOpen}
          aria-controls={`${id}__old`}
          disabled={disabled}
          onClick={() => setOldOpen((open) => !open)}
        >
          {t('address.oldToggle')}
        </button>
        {oldOpen ? (
          <div id={`${id}__old`} className="df-field">
            <label className="df-label" htmlFor={`${id}__oldText`}>
              {t('address.oldLabel')}
            </label>
            <input
              id={`${id}__oldText`}
              className="df-input"
              type="text"
              value={oldText}
              maxLength={400}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setOldText(e.target.value)}
            />
            <button
              type="button"
              className="btn btn-primary"
              disabled={disabled || oldText.trim() === ''}
              onClick={() => {
                applied.current = null;
                setTyped(true);
                setOldOpen(false);
                setChanging(false);
                change(withWritten(value, oldText));
              }}
            >
              {t('address.oldFind')}
            </button>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * The communes found, as large buttons in a list (a screen reader says how many): pressing one chooses it.
 * Not radios: arrow keys would choose each commune they pass.
 */
function CommuneList({
  label,
  hits,
  chosen,
  disabled,
  status,
  onChoose,
}: {
  label: string;
  hits: CommuneHit[];
  chosen: string | null;
  disabled: boolean;
  status: string | null;
  onChoose: (hit: CommuneHit) => void;
}) {
  return (
    <>
      <p className="df-address-status" role="status">
        {status ?? ''}
      </p>
      {hits.length > 0 ? (
        <ul className="df-address-list" aria-label={label}>
          {hits.map((hit) => (
            <li key={hit.code}>
              <button
                type="button"
                className={hit.code === chosen ? 'df-choice is-checked' : 'df-choice'}
                aria-pressed={hit.code === chosen}
                disabled={disabled}
                data-commune={hit.code}
                onClick={() => onChoose(hit)}
              >
                {hit.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
