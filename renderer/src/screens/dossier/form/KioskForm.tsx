/**
 * The e-form as every screen shows it (the filing wizard's form step, the staff "Sửa hồ sơ" dialog):
 * react-jsonschema-form with the kiosk's templates and widgets, its Vietnamese words, no pre-selected
 * choices, errors shown as people type once they have tried to go on, and no submit button of its own
 * (each screen has its own "Tiếp tục" / "Lưu và gửi lại"). One place, so a fix to the form reaches both.
 */
import { useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import Form from '@rjsf/core';
import { type ErrorSchema, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import type { Procedure } from '../../../../../preload/api';
import type { FormData, Json, RjsfData } from '../lib/persons';
import type { ErrorTree } from '../lib/steps';
import {
  dossierDefaults,
  dossierFields,
  dossierTemplates,
  dossierWidgets,
  type DossierFormContext,
} from './theme';
import { useFormText } from './useFormText';
import { withoutEmptyParts } from './address';
import { mergeIn, proposalsFor, setIn } from './proposals';
import type { FormValidation } from './validator';

export type DossierForm = Form<RjsfData, RJSFSchema, DossierFormContext>;

export function KioskForm({
  form,
  className,
  formData,
  formContext,
  validation,
  extraErrors,
  tried,
  disabled = false,
  formRef,
  onChange,
}: {
  /** The procedure's e-form, already in the screen's language (lib/localise.ts). */
  form: Procedure['form'];
  className: string;
  formData: FormData;
  formContext: DossierFormContext;
  validation: FormValidation;
  /** Refusals from main, under their fields. */
  extraErrors: ErrorTree;
  /** The person pressed the screen's "go on" once: from now on errors show as they type. */
  tried: boolean;
  disabled?: boolean;
  formRef?: Ref<DossierForm> | undefined;
  onChange: (data: FormData) => void;
}) {
  const { transformErrors, translateString } = useFormText();
  // A tap on a proposal writes into the data as it is then: rjsf keeps a field's first callbacks (its
  // props compare equal whatever functions they hold), so they read the latest data through a ref.
  const latest = useRef({ formData, onChange });
  useLayoutEffect(() => {
    latest.current = { formData, onChange };
  });
  const writes = useMemo(
    () => ({
      propose: (path: readonly string[], value: Json): void =>
        latest.current.onChange(withoutEmptyParts(setIn(latest.current.formData, path, value))),
      proposeGroup: (path: readonly string[], values: FormData): void =>
        latest.current.onChange(withoutEmptyParts(mergeIn(latest.current.formData, path, values))),
    }),
    [],
  );
  // The one-tap proposals for what is empty now (form/proposals.ts).
  const context = useMemo<DossierFormContext>(
    () => ({ ...formContext, ...writes, proposals: proposalsFor(form.schema, form.uiSchema, formData) }),
    [formContext, writes, form, formData],
  );
  return (
    <Form<RjsfData, RJSFSchema, DossierFormContext>
      ref={formRef}
      className={className}
      schema={form.schema as RJSFSchema}
      uiSchema={form.uiSchema as UiSchema<RjsfData, RJSFSchema, DossierFormContext>}
      formData={formData}
      formContext={context}
      validator={validation.validator}
      templates={dossierTemplates}
      widgets={dossierWidgets}
      fields={dossierFields}
      experimental_defaultFormStateBehavior={dossierDefaults}
      transformErrors={transformErrors}
      translateString={translateString}
      extraErrors={extraErrors as ErrorSchema<RjsfData>}
      liveValidate={tried && validation.clientSide ? 'onChange' : false}
      showErrorList={false}
      noHtml5Validate
      disabled={disabled}
      onChange={(event) => onChange(withoutEmptyParts((event.formData ?? {}) as FormData))}
    >
      {/* The screen's own button saves or goes on; none inside the form. */}
      <></>
    </Form>
  );
}
