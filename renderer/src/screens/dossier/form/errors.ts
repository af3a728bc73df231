/**
 * Vietnamese (or English) words for the e-form's validation errors: rjsf's `transformErrors` hook turns
 * ajv's "must have required property 'fullName'" into "Xin điền mục này." under the field itself. Plain
 * words, one sentence, saying what to do rather than what went wrong.
 */
import type { RJSFValidationError } from '@rjsf/utils';

/** The message keys this module uses, so a typo is a compile error. */
export type FormErrorKey =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'pattern'
  | 'idNumber'
  | 'phone'
  | 'date'
  | 'email'
  | 'number'
  | 'choose'
  | 'minimum'
  | 'maximum'
  | 'invalid';

export type Translate = (key: FormErrorKey, vars?: Record<string, string | number>) => string;

/** The last segment of rjsf's property path (`.mother.idNumber`, `['mother']['idNumber']`). */
export function lastSegment(property: string | undefined): string {
  if (!property) return '';
  const parts = property.split(/[.[\]'"]+/).filter((p) => p !== '');
  return parts.at(-1) ?? '';
}

function keyFor(error: RJSFValidationError): { key: FormErrorKey; vars?: Record<string, string | number> } {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const field = lastSegment(error.property).toLowerCase();
  switch (error.name) {
    case 'required':
      return { key: 'required' };
    case 'minLength':
      // "At least 1 character" is how a schema says "required" for a text: say it that way.
      return Number(params.limit ?? 0) <= 1
        ? { key: 'required' }
        : { key: 'tooShort', vars: { n: Number(params.limit) } };
    case 'maxLength':
      return { key: 'tooLong', vars: { n: Number(params.limit ?? 0) } };
    case 'pattern':
      if (field.endsWith('idnumber')) return { key: 'idNumber' };
      if (field.includes('phone')) return { key: 'phone' };
      return { key: 'pattern' };
    case 'format':
      if (params.format === 'date') return { key: 'date' };
      if (params.format === 'email') return { key: 'email' };
      return { key: 'pattern' };
    case 'type':
      return params.type === 'number' || params.type === 'integer' ? { key: 'number' } : { key: 'invalid' };
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return { key: 'choose' };
    case 'minimum':
    case 'exclusiveMinimum':
      return { key: 'minimum', vars: { n: Number(params.limit ?? 0) } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { key: 'maximum', vars: { n: Number(params.limit ?? 0) } };
    default:
      return { key: 'invalid' };
  }
}

/**
 * The transformer for `<Form transformErrors>`. `required` errors from ajv point at the parent object
 * with the missing name in `params.missingProperty`; rjsf 6 already moves them to the missing field's own
 * property path, so every error here is shown beside the field it is about.
 */
export function makeTransformErrors(t: Translate) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      // A failed `if` only says which branch failed; the branch's own error says what to do.
      .filter((error) => error.name !== 'if')
      .map((error) => {
        const { key, vars } = keyFor(error);
        const message = t(key, vars);
        return { ...error, message, stack: error.title ? `${error.title}: ${message}` : message };
      });
}
