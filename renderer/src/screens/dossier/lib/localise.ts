/**
 * The e-form in English for the language toggle. The catalogue writes every text twice, Vietnamese in
 * the keys react-jsonschema-form reads and English in a twin beside it (main/core/catalogue/seed/parts.ts):
 * - schema: `title` → `titleEn`, `description` → `descriptionEn`, on fields, groups and `oneOf`/`anyOf`
 *   options (the labels of a choice);
 * - uiSchema: `ui:placeholder` → `ui:placeholderEn`, likewise `ui:title`, `ui:description`, `ui:help`,
 *   `ui:enumNames`, and the same words inside `ui:options`.
 * English replaces Vietnamese only where a twin exists, so a portal form without English still shows
 * Vietnamese rather than nothing; the Vietnamese screen gets the very objects it was given. Pure.
 */

type Node = { [key: string]: unknown };

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

// Only the keywords that hold schemas are walked: `const`, `enum`, `default` and `examples` are form
// data, and a data object that happened to carry a `titleEn` key must come through untouched.
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_ONE = [
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

function schemaInEnglish(node: unknown): unknown {
  if (!isObject(node)) return node;
  const out: Node = { ...node };
  if (isText(node.titleEn)) out.title = node.titleEn;
  if (isText(node.descriptionEn)) out.description = node.descriptionEn;
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map))
      out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, schemaInEnglish(v)]));
  }
  // draft-07 `dependencies`: a schema, or a list of property names (left as it is).
  if (isObject(node.dependencies)) {
    out.dependencies = Object.fromEntries(
      Object.entries(node.dependencies).map(([k, v]) => [k, isObject(v) ? schemaInEnglish(v) : v]),
    );
  }
  for (const key of SCHEMA_ONE) if (isObject(node[key])) out[key] = schemaInEnglish(node[key]);
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) out[key] = list.map(schemaInEnglish);
  }
  // `items`: one schema, or a tuple of schemas.
  const items = node.items;
  if (Array.isArray(items)) out.items = items.map(schemaInEnglish);
  else if (isObject(items)) out.items = schemaInEnglish(items);
  return out;
}

/**
 * The schema with English titles, descriptions and choice labels where the catalogue gives them, for
 * the English screen; the Vietnamese schema is returned as it is.
 */
export function localiseSchema<T>(schema: T, lang: 'vi' | 'en'): T {
  return lang === 'vi' ? schema : (schemaInEnglish(schema) as T);
}

/** The uiSchema words a person reads, without the `ui:` prefix (as `ui:options` spells them too). */
const UI_TEXT = ['title', 'description', 'help', 'placeholder', 'enumNames'];

function swapTexts(node: Node, out: Node, prefix: string): void {
  for (const word of UI_TEXT) {
    const en = node[`${prefix}${word}En`];
    if (isText(en) || isTextList(en)) out[`${prefix}${word}`] = en;
  }
}

function uiInEnglish(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(uiInEnglish);
  if (!isObject(node)) return node;
  const out: Node = {};
  // Field names (no `ui:` prefix) and `items` lead to nested uiSchemas; `ui:*` values are settings.
  for (const [key, value] of Object.entries(node))
    out[key] = key.startsWith('ui:') ? value : uiInEnglish(value);
  swapTexts(node, out, 'ui:');
  const options = node['ui:options'];
  if (isObject(options)) {
    const localised: Node = { ...options };
    swapTexts(options, localised, '');
    out['ui:options'] = localised;
  }
  return out;
}

/** The uiSchema with English placeholders and other hints where the catalogue gives them. */
export function localiseUiSchema<T>(uiSchema: T, lang: 'vi' | 'en'): T {
  return lang === 'vi' ? uiSchema : (uiInEnglish(uiSchema) as T);
}
