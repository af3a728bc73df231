/**
 * The e-form's validator: @rjsf/validator-ajv8 where the page may compile code, else the server.
 *
 * Why the fallback: ajv compiles every schema into a JavaScript function with `new Function`, which the
 * kiosk's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'; main/core/policy/csp.ts) forbids,
 * as it should on a public terminal (rjsf #1464, ajv #2175: precompiled "standalone" validators are the
 * only eval-free route, and they need the schemas at build time, while ours come from the catalogue at
 * run time). So we try once: where eval is allowed (unit tests, a counter PC build that allows it) the form
 * validates as the person types with ajv and `transformErrors`; under the kiosk CSP the form validates on
 * "Tiếp tục" with `dossier.check`, which runs the same JSON Schema through ajv in main and answers with
 * Vietnamese problems per field (shown under the fields as rjsf `extraErrors`). Either way main validates
 * again at submit: the renderer is never the last word.
 */
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { FormData, RjsfData } from '../lib/persons';
import { withoutEmptyParts } from './address';

export interface FormValidation {
  validator: ValidatorType<RjsfData, RJSFSchema>;
  /** True when ajv runs here; false when the server validates (CSP forbids eval). */
  clientSide: boolean;
}

let evalCache: boolean | undefined;

/** Whether this page may turn strings into code (the CSP decides). Asked once. */
export function evalAllowed(): boolean {
  if (evalCache === undefined) {
    try {
      evalCache = new Function('return true')() === true;
    } catch {
      evalCache = false;
    }
  }
  return evalCache;
}

/** A validator that finds nothing: rjsf still needs one to render; main's check supplies the errors. */
export const serverValidator: ValidatorType<RjsfData, RJSFSchema> = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  // rjsf asks this to resolve `if`/`then` and to pick a oneOf/anyOf branch. "No" keeps a conditional
  // block optional on screen (the father's details: required only once one is typed, which main checks)
  // instead of marking every field of it required; the first branch stays the default for the others.
  isValid: () => false,
  rawValidation: () => ({ errors: [] }),
};

export function createFormValidation(canEval: boolean = evalAllowed()): FormValidation {
  if (!canEval) return { validator: serverValidator, clientSide: false };
  // allErrors: the law's "explain once and completely" applies to the form too.
  // Built untyped and narrowed once: inferring rjsf's generics over our recursive Json type is too deep for tsc.
  const ajv: ValidatorType<RjsfData, RJSFSchema> = customizeValidator({
    ajvOptionsOverrides: { allErrors: true },
  });
  // What is checked is what the screen sends (KioskForm): without the empty objects rjsf adds for an
  // untouched address, which would make an optional person's block count as begun.
  const validator = Object.create(ajv) as ValidatorType<RjsfData, RJSFSchema>;
  validator.validateFormData = (formData, ...rest) =>
    ajv.validateFormData(withoutEmptyParts((formData ?? {}) as FormData), ...rest);
  validator.isValid = (schema, formData, rootSchema) =>
    ajv.isValid(
      schema,
      isPlainObject(formData)
        ? ((withoutEmptyParts({ x: formData as FormData }).x ?? {}) as RjsfData)
        : formData,
      rootSchema,
    );
  return { validator, clientSide: true };
}

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
