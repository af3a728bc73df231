/**
 * The kiosk's look for react-jsonschema-form: large labels and inputs, one field per row, person groups as
 * framed sections, errors in plain words under their field, and a mark on what a card filled in. Only
 * templates and widgets are replaced; rjsf still walks the schema, binds data and validates.
 *
 * Inputs choose their keyboard through standard attributes the on-screen keyboard reads: a number pad for
 * digits-only patterns (ID number), phone numbers and dates (typed dd/mm/yyyy), letters with Telex for
 * everything else.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  descriptionId,
  enumOptionsIsSelected,
  errorId,
  getUiOptions,
  helpId,
  type BaseInputTemplateProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type WidgetProps,
} from '@rjsf/utils';
import type { FormData, Json, RjsfData } from '../lib/persons';
import { AddressField } from './AddressField';
import { dateTextToIso, formatDateDigits, isoToDateText, recentYears } from './date';
import { DateCalendar } from './DateCalendar';
import { FieldProposals, SameAsChoices, typeOnAt } from './Proposals';
import type { FormProposals } from './proposals';

/** What the wizard tells the templates: which fields a card filled, which persons a chip verified. */
export interface DossierFormContext {
  /** rjsf ids of fields filled from a card and not changed since. */
  filled: ReadonlySet<string>;
  /** rjsf ids filled from an MRZ (names without diacritics): ask for a correction. */
  noDiacritics: ReadonlySet<string>;
  /** rjsf ids of person groups (`root_mother`) read from a verified chip. */
  verified: ReadonlySet<string>;
  /** One-tap proposals for empty fields and persons (form/proposals.ts), and how a tap writes one. */
  proposals?: FormProposals;
  propose?: (path: readonly string[], value: Json) => void;
  proposeGroup?: (path: readonly string[], values: FormData) => void;
}

type Props<P> = P & { registry: { formContext: DossierFormContext } };

const filledNoteId = (id: string): string => `${id}__filled`;

/** aria-describedby with only the ids that exist on the page (a dangling reference fails axe). */
function describedBy(
  id: string,
  parts: { errors: boolean; description: boolean; help: boolean; filled: boolean },
): string | undefined {
  const ids = [
    parts.errors ? errorId(id) : null,
    parts.description ? descriptionId(id) : null,
    parts.help ? helpId(id) : null,
    parts.filled ? filledNoteId(id) : null,
  ].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function describes(props: WidgetProps<RjsfData, RJSFSchema>): string | undefined {
  const options = getUiOptions(props.uiSchema);
  const ctx = (props.registry.formContext ?? {}) as Partial<DossierFormContext>;
  return describedBy(props.id, {
    errors: (props.rawErrors?.length ?? 0) > 0,
    description: Boolean(props.schema.description ?? options.description),
    help: Boolean(options.help),
    filled: ctx.filled?.has(props.id) ?? false,
  });
}

/**
 * Fields whose every word starts with a capital (a person's name, an ethnic group, a country): the
 * on-screen keyboard puts the capital by itself. Elsewhere it does not (a relationship is "mẹ", a place
 * "Bệnh viện Từ Dũ"); `ui:options.autocapitalize` says otherwise for one field.
 */
const NAME_FIELDS = new Set(['fullName', 'ethnicity', 'nationality']);

function autoCapitalizeOf(name: string, option: unknown, plainText: boolean): string {
  if (typeof option === 'string') return option;
  return plainText && NAME_FIELDS.has(name) ? 'words' : 'off';
}

const DIGITS_ONLY = /^\^?(\\d|\[0-9\])(\{\d+(,\d*)?\}|\+|\*)?\$?$/;

/** The input type and keyboard for a string or number field. */
function inputKind(
  schema: RJSFSchema,
  name: string,
  type: string | undefined,
): { type: string; inputMode?: 'numeric' | 'tel' | 'email' } {
  if (schema.type === 'number' || schema.type === 'integer') return { type: 'text', inputMode: 'numeric' };
  if (schema.format === 'email' || type === 'email') return { type: 'email', inputMode: 'email' };
  if (/phone|dienthoai/i.test(name) || type === 'tel') return { type: 'tel', inputMode: 'tel' };
  if (typeof schema.pattern === 'string' && DIGITS_ONLY.test(schema.pattern))
    return { type: 'text', inputMode: 'numeric' };
  return { type: 'text' };
}

export function BaseInputTemplate(props: BaseInputTemplateProps<RjsfData, RJSFSchema>) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    onChange,
    onBlur,
    onFocus,
    options,
    schema,
    required,
    rawErrors,
  } = props;
  const kind = inputKind(schema, props.name, props.type);
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const change = ({ target }: ChangeEvent<HTMLInputElement>): void => {
    const raw = target.value;
    if (raw === '') return onChange(options.emptyValue);
    if (numeric) {
      const n = Number(raw.replace(',', '.'));
      return onChange(Number.isFinite(n) && /^-?\d+([.,]\d+)?$/.test(raw) ? n : raw);
    }
    onChange(raw);
  };
  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="df-input"
      type={kind.type}
      inputMode={kind.inputMode}
      value={value === undefined || value === null ? '' : String(value)}
      readOnly={readonly}
      disabled={disabled}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      placeholder={props.placeholder || undefined}
      autoComplete="off"
      autoCapitalize={autoCapitalizeOf(
        props.name,
        options.autocapitalize,
        kind.type === 'text' && !kind.inputMode,
      )}
      spellCheck={false}
      aria-required={required || undefined}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={describes(props)}
      onChange={change}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

/**
 * A date typed as digits: "23112026" shows "23/11/2026" and stores "2026-11-23". Until the date is whole
 * and real the field's value is empty, so validation says "Xin nhập ngày …" instead of keeping half a date.
 */
export function DateWidget(props: WidgetProps<RjsfData, RJSFSchema>) {
  const { t } = useTranslation();
  const { id, value, onChange, onBlur, onFocus, readonly, disabled, required, rawErrors } = props;
  const [text, setText] = useState(() => isoToDateText(value));
  const [seen, setSeen] = useState<unknown>(value);
  // A new value from outside (a card was scanned): show it. Adjusting state while rendering, not in an
  // effect, is React's pattern for "props changed".
  if (seen !== value) {
    setSeen(value);
    if (value !== dateTextToIso(text)) setText(isoToDateText(value));
  }
  const write = (next: string): void => {
    setText(next);
    onChange(dateTextToIso(next) ?? undefined);
  };
  // `ui:options.proposeYears: n`: once day and month are typed, the last n years as one tap each;
  // `ui:options.calendar: true`: this month's days (and earlier months') to tap.
  const count = typeof props.options.proposeYears === 'number' ? props.options.proposeYears : 0;
  const years = readonly || disabled ? [] : recentYears(text, new Date().getFullYear(), count);
  const input = (
    <input
      id={id}
      name={props.htmlName ?? id}
      className="df-input df-date"
      type="text"
      inputMode="numeric"
      data-osk="numeric"
      placeholder={t('dossier.form.datePlaceholder')}
      value={text}
      maxLength={10}
      readOnly={readonly}
      disabled={disabled}
      autoComplete="off"
      aria-required={required || undefined}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={describes(props)}
      onChange={(e) => write(formatDateDigits(e.target.value))}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
  const calendar = props.options.calendar === true && !readonly;
  if (years.length === 0 && !calendar) return input;
  return (
    <>
      {input}
      {years.length > 0 ? (
        <div className="df-proposals df-date-years" role="group" aria-labelledby={`${id}__years`}>
          <span id={`${id}__years`} className="df-proposals-label">
            {t('dossier.form.proposeYear')}
          </span>
          {years.map((year) => (
            <button
              key={year}
              type="button"
              className="df-choice df-proposal"
              data-year={year}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => write(`${text}/${year}`)}
            >
              {year}
            </button>
          ))}
        </div>
      ) : null}
      {calendar ? <DateCalendar id={id} text={text} disabled={Boolean(disabled)} onPick={write} /> : null}
    </>
  );
}

/**
 * Choices as large buttons (radio inputs underneath, so arrow keys and screen readers work); a long list
 * (an ethnicity, a province) stays a native select.
 */
export function ChoiceWidget(props: WidgetProps<RjsfData, RJSFSchema>) {
  const { id, options, value, onChange, onBlur, onFocus, disabled, readonly, required } = props;
  const { t } = useTranslation();
  const choices = options.enumOptions ?? [];
  if (choices.length > 6) {
    const index = choices.findIndex((c) => enumOptionsIsSelected(c.value, value));
    return (
      <select
        id={id}
        name={props.htmlName ?? id}
        className="df-input df-select"
        value={index < 0 ? '' : String(index)}
        disabled={disabled || readonly}
        aria-required={required || undefined}
        aria-describedby={describes(props)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : choices[Number(e.target.value)]?.value)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      >
        <option value="">{t('dossier.form.choose')}</option>
        {choices.map((c, i) => (
          <option key={String(c.value)} value={String(i)}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div
      id={id}
      className="df-choices"
      role="radiogroup"
      aria-labelledby={`${id}__label`}
      aria-required={required || undefined}
      aria-describedby={describes(props)}
    >
      {choices.map((c, i) => {
        const checked = enumOptionsIsSelected(c.value, value);
        return (
          <label key={String(c.value)} className={checked ? 'df-choice is-checked' : 'df-choice'}>
            <input
              type="radio"
              id={`${id}-${i}`}
              name={props.htmlName ?? id}
              checked={checked}
              disabled={disabled || readonly}
              onChange={() => onChange(c.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <span>{c.label}</span>
          </label>
        );
      })}
    </div>
  );
}

export function FieldTemplate(props: Props<FieldTemplateProps<RjsfData, RJSFSchema>>) {
  const { t } = useTranslation();
  const {
    id,
    label,
    children,
    errors,
    help,
    description,
    hidden,
    required,
    displayLabel,
    rawErrors,
    schema,
  } = props;
  if (hidden) return <div hidden>{children}</div>;
  const ctx = props.registry.formContext;
  const container = schema.type === 'object' || schema.type === 'array';
  const filled = ctx.filled.has(id);
  const fieldProposals = container ? undefined : ctx.proposals?.fields.get(id);
  const classes = [
    'df-field',
    props.classNames,
    container ? 'df-container' : null,
    filled ? 'is-filled' : null,
    (rawErrors?.length ?? 0) > 0 ? 'has-error' : null,
  ]
    .filter(Boolean)
    .join(' ');
  const isBoolean = schema.type === 'boolean';
  return (
    <div className={classes} data-field={id}>
      {displayLabel && !container && !isBoolean ? (
        <label id={`${id}__label`} htmlFor={id} className="df-label">
          {label}
          {required ? (
            <span className="df-required">
              <span aria-hidden="true"> *</span>
              <span className="sr-only"> ({t('dossier.form.required')})</span>
            </span>
          ) : null}
        </label>
      ) : null}
      {displayLabel && !container ? description : null}
      {fieldProposals && ctx.propose && !props.disabled && !props.readonly ? (
        <FieldProposals
          id={id}
          proposals={fieldProposals.proposals}
          onPick={(p) => {
            ctx.propose?.(fieldProposals.path, p.value);
            if (p.mode === 'start') typeOnAt(id);
          }}
        />
      ) : null}
      {children}
      {filled ? (
        <p id={filledNoteId(id)} className="df-filled-note">
          {ctx.noDiacritics.has(id) ? t('dossier.form.filledNoDiacritics') : t('dossier.form.filled')}
        </p>
      ) : null}
      {errors}
      {help}
    </div>
  );
}

export function FieldErrorTemplate(props: FieldErrorProps<RjsfData, RJSFSchema>) {
  const errors = (props.errors ?? []).filter((e) => e !== '' && e !== undefined && e !== null);
  if (errors.length === 0) return null;
  return (
    <ul id={errorId(props.fieldPathId)} className="df-errors">
      {errors.map((error, i) => (
        <li key={i}>{error}</li>
      ))}
    </ul>
  );
}

export function ObjectFieldTemplate(props: Props<ObjectFieldTemplateProps<RjsfData, RJSFSchema>>) {
  const { t } = useTranslation();
  const { title, description, properties, fieldPathId } = props;
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  if (fieldPathId.path.length === 0) return <div className="df-root">{content}</div>;
  const ctx = props.registry.formContext;
  const verified = ctx.verified.has(fieldPathId.$id);
  const sameAs = ctx.proposals?.groups.get(fieldPathId.$id);
  return (
    <fieldset className="df-group" id={fieldPathId.$id} tabIndex={-1}>
      {title ? (
        <legend className="df-legend">
          {title}
          {verified ? <span className="badge df-verified">{t('dossier.person.chipVerified')}</span> : null}
        </legend>
      ) : null}
      {description ? (
        <p id={descriptionId(fieldPathId)} className="df-description">
          {description}
        </p>
      ) : null}
      {sameAs && ctx.proposeGroup && !props.disabled && !props.readonly ? (
        <SameAsChoices
          id={fieldPathId.$id}
          title={title}
          choices={sameAs.sameAs}
          onPick={(choice) => ctx.proposeGroup?.(sameAs.path, choice.values)}
        />
      ) : null}
      {content}
    </fieldset>
  );
}

export const dossierTemplates = {
  BaseInputTemplate,
  FieldTemplate,
  FieldErrorTemplate,
  ObjectFieldTemplate,
};

/**
 * A choice nobody has made stays empty: by default rjsf fills a required `oneOf` with its first option
 * ("Nam" for a child's sex), a value the person never chose that could be filed unnoticed.
 */
export const dossierDefaults = { constAsDefaults: 'skipOneOf' } as const;

export const dossierWidgets = {
  DateWidget,
  SelectWidget: ChoiceWidget,
  RadioWidget: ChoiceWidget,
};

/** Fields a procedure's uiSchema names (`'ui:field': 'address'`): the structured address of the e-forms. */
export const dossierFields = { address: AddressField };
