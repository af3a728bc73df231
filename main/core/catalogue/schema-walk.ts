/**
 * Finding the part of a JSON Schema that describes a place in the form data, to name a field by its
 * title ("Trẻ được khai sinh – Họ, chữ đệm và tên") and to order problems as the form shows them.
 */
export type JsonSchemaNode = Record<string, unknown>;

export const asNode = (value: unknown): JsonSchemaNode | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchemaNode) : null;

function resolveRef(root: JsonSchemaNode, node: JsonSchemaNode): JsonSchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    target = asNode(target)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return asNode(target) ?? node;
}

/** The schemas that may declare a property of `node`: itself and its conditional/combined branches. */
function branches(root: JsonSchemaNode, node: JsonSchemaNode): JsonSchemaNode[] {
  const out = [node];
  for (const key of ['then', 'else']) {
    const b = asNode(node[key]);
    if (b) out.push(resolveRef(root, b));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const b = asNode(item);
      if (b) out.push(resolveRef(root, b));
    }
  }
  return out;
}

function child(root: JsonSchemaNode, node: JsonSchemaNode, segment: string): JsonSchemaNode | null {
  for (const b of branches(root, node)) {
    const prop = asNode(asNode(b.properties)?.[segment]);
    if (prop) return resolveRef(root, prop);
    if (/^\d+$/.test(segment)) {
      const items = asNode(b.items);
      if (items) return resolveRef(root, items);
    }
  }
  return null;
}

/** The schema of each level along `path`, starting with the root; null where the schema has none. */
export function schemasAlong(root: JsonSchemaNode, path: readonly string[]): (JsonSchemaNode | null)[] {
  const out: (JsonSchemaNode | null)[] = [resolveRef(root, root)];
  let node: JsonSchemaNode | null = out[0] ?? null;
  for (const segment of path) {
    node = node ? child(root, node, segment) : null;
    out.push(node);
  }
  return out;
}

export const titleOf = (node: JsonSchemaNode | null, lang: 'vi' | 'en'): string | null => {
  if (!node) return null;
  const en = node.titleEn;
  const vi = node.title;
  if (lang === 'en' && typeof en === 'string' && en !== '') return en;
  return typeof vi === 'string' && vi !== '' ? vi : null;
};

/**
 * "Parent – Field" in each language. A field without a title falls back to its key, so a portal
 * schema with no titles still names something the staff can find.
 */
export function fieldLabel(root: JsonSchemaNode, path: readonly string[]): { vi: string; en: string } {
  if (path.length === 0) return { vi: 'Tờ khai', en: 'Form' };
  const along = schemasAlong(root, path);
  const label = (lang: 'vi' | 'en') => {
    const own = titleOf(along[path.length] ?? null, lang) ?? path[path.length - 1] ?? '';
    // The nearest titled ancestor below the root; array indexes become "(2)" so rows are told apart.
    for (let i = path.length - 1; i >= 1; i -= 1) {
      const parent = titleOf(along[i] ?? null, lang);
      if (parent) {
        const segment = path[i - 1] ?? '';
        const index = /^\d+$/.test(segment) ? ` (${Number(segment) + 1})` : '';
        return `${parent}${index} – ${own}`;
      }
    }
    return own;
  };
  return { vi: label('vi'), en: label('en') };
}

/**
 * A sort key following the form's layout: at each level the position in `ui:order` (when the uiSchema
 * gives one) or in the schema's property order.
 */
export function orderKey(root: JsonSchemaNode, uiSchema: JsonSchemaNode, path: readonly string[]): number[] {
  const along = schemasAlong(root, path);
  const key: number[] = [];
  let ui: JsonSchemaNode | null = uiSchema;
  path.forEach((segment, i) => {
    if (/^\d+$/.test(segment)) {
      key.push(Number(segment));
      ui = asNode(ui?.items);
      return;
    }
    const order = ui?.['ui:order'];
    const listed = Array.isArray(order) ? order.indexOf(segment) : -1;
    const props = Object.keys(asNode(along[i]?.properties) ?? {});
    const inSchema = props.indexOf(segment);
    key.push(listed >= 0 ? listed : inSchema >= 0 ? inSchema : 1000);
    ui = asNode(ui?.[segment]);
  });
  return key;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
