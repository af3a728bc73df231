import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * One ajv for every e-form, with a cache of compiled validators. Compiling a schema costs milliseconds
 * and a dossier is checked on every step, so each schema is compiled once.
 *
 * `strict: false` at run time: a catalogue from the portal may carry harmless annotations we do not
 * know (e.g. react-jsonschema-form's `enumNames`), and refusing the whole catalogue for them would keep
 * a stale one. The seed is held to `strict: true` by its tests (`createAjv(true)`).
 */

/** Annotations the seed's schemas carry for the English screen and the error messages. */
export const ANNOTATIONS = ['titleEn', 'descriptionEn'] as const;

export function createAjv(strict: boolean): Ajv {
  // allErrors: the law's "explain once and completely" rule needs every error, not the first.
  // strictRequired is off: `then: { required }` names properties declared beside it, which is fine.
  const ajv = new Ajv({ allErrors: true, strict, strictRequired: false, logger: false });
  addFormats(ajv);
  ajv.addVocabulary([...ANNOTATIONS]);
  return ajv;
}

const MAX_CACHED = 256;

export interface SchemaCompiler {
  /** Throws ajv's error when the schema itself is not valid JSON Schema. */
  compile(schema: Record<string, unknown>): ValidateFunction;
}

export function createCompiler(ajv: Ajv = createAjv(false)): SchemaCompiler {
  // Keyed by the schema's JSON: a procedure read back from a dossier row is a new object every time.
  const cache = new Map<string, { fn: ValidateFunction; schema: Record<string, unknown> }>();
  return {
    compile(schema) {
      const key = JSON.stringify(schema);
      const hit = cache.get(key);
      if (hit) {
        // Refresh its place so the least recently used schema is dropped first.
        cache.delete(key);
        cache.set(key, hit);
        return hit.fn;
      }
      // A schema with an $id registers under it; a second compile of a changed schema with the same
      // $id (a new catalogue version) would otherwise be refused as a duplicate.
      if (typeof schema.$id === 'string') ajv.removeSchema(schema.$id);
      const fn = ajv.compile(schema);
      cache.set(key, { fn, schema });
      if (cache.size > MAX_CACHED) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) {
          const dropped = cache.get(oldest);
          cache.delete(oldest);
          if (dropped) ajv.removeSchema(dropped.schema);
        }
      }
      return fn;
    },
  };
}

/** The compiler the module uses unless a test passes its own. */
export const sharedCompiler: SchemaCompiler = createCompiler();
