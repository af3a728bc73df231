/**
 * The e-form as this screen shows it: the procedure with its titles in the screen's language, the errors
 * from main as rjsf `extraErrors` under their fields, and, where ajv runs here, how many errors rjsf shows
 * by itself.
 */
import { useMemo } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import type { Procedure } from '../../../../../preload/api';
import type { FormValidation } from '../form/validator';
import type { Lang } from '../lib/format';
import { localiseSchema, localiseUiSchema, type FormData } from '../lib/persons';
import { errorTree } from '../lib/steps';
import type { FieldError } from './model';

export function useFormView(
  procedure: Procedure | null,
  formData: FormData,
  fieldErrors: readonly FieldError[],
  validation: FormValidation,
  lang: Lang,
) {
  const extraErrors = useMemo(() => errorTree(fieldErrors), [fieldErrors]);
  // Where ajv runs here, the same count rjsf shows under the fields (a failed `if` is not a field).
  const clientErrorCount = useMemo(() => {
    if (!validation.clientSide || !procedure) return 0;
    const schema = procedure.form.schema as RJSFSchema;
    return validation.validator.validateFormData(formData, schema).errors.filter((e) => e.name !== 'if')
      .length;
  }, [validation, procedure, formData]);
  const localised = useMemo(
    () =>
      procedure
        ? {
            ...procedure,
            form: {
              ...procedure.form,
              schema: localiseSchema(procedure.form.schema, lang),
              uiSchema: localiseUiSchema(procedure.form.uiSchema, lang),
            },
          }
        : null,
    [procedure, lang],
  );
  return { extraErrors, clientErrorCount, localised };
}
