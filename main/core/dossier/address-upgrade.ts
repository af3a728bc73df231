import type Database from 'better-sqlite3';
import type { Procedure, StructuredAddress } from '../../../preload/api';
import { composeAddressText } from '../address/value';
import { createLogger } from '../log';

const log = createLogger('dossier.upgrade');

/**
 * Drafts and parked dossiers saved before the 2025 address reform hold a person's address as the string
 * the citizen typed or the card gave, in a form whose schema (copied into the dossier when it was
 * started) says `type: string`. The seed's forms now store it structured (catalogue/seed/parts.ts
 * addressField), and a citizen who comes back to a parked dossier meets the address widget. This step,
 * run once at start, carries each such dossier over:
 * - where the procedure in the catalogue now has an address field, a stored schema that has a string
 *   there gets the new field (and its uiSchema), so the form and its check agree with the data;
 * - each string address becomes `{ street, …, text, asWritten: <the old string> }`. When the resolver
 *   gives exactly one new commune for it, the commune and province are filled, `street` is the part it
 *   read as the street, and `text` is composed from them; otherwise (split, not found) the commune is left
 *   empty and `text` is the old string, and the form asks the citizen or staff to choose.
 * Submitted dossiers are never rewritten. The step is recorded in `dossier_upgrades` in the transaction
 * of its rewrites: it runs again only if it did not finish.
 */
export const ADDRESS_STEP = '2025-structured-addresses';

export interface AddressUpgradeDeps {
  /** The address book's resolve: the parts as written and the new communes the text may be now. */
  resolve(text: string): {
    parts: { street: string | null };
    candidates: readonly { code: string; name: string; province: string; provinceCode: string }[];
  };
  /** The procedure as the catalogue has it now, or null when it has none of that id. */
  current(procedureId: string): Procedure | null;
  now: Date;
}

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : null;

/** A node of the e-form that is a structured address (it has a commune code). */
const isAddressNode = (node: Node): boolean =>
  node.type === 'object' && asNode(asNode(node.properties)?.communeCode) !== null;

/** The properties a schema object declares, its own and those of a `then` branch (optional persons). */
function propertiesOf(node: Node): [string, Node][] {
  const out: [string, Node][] = [];
  for (const branch of [node, asNode(node.then)]) {
    for (const [key, child] of Object.entries(asNode(branch?.properties) ?? {})) {
      const c = asNode(child);
      if (c) out.push([key, c]);
    }
  }
  return out;
}

/** The paths of the address fields of a form, through nested objects (not through lists). */
export function addressPaths(schema: Node, at: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, child] of propertiesOf(schema)) {
    if (isAddressNode(child)) out.push([...at, key]);
    else if (child.type === 'object') out.push(...addressPaths(child, [...at, key]));
  }
  return out;
}

function nodeAt(schema: Node, path: readonly string[]): Node | null {
  let node: Node | null = schema;
  for (const key of path) {
    node = node ? (propertiesOf(node).find(([k]) => k === key)?.[1] ?? null) : null;
  }
  return node;
}

/** Puts `node` where the property at `path` is declared (the object's own properties or its `then`). */
function replaceAt(schema: Node, path: readonly string[], node: Node): void {
  const parent = nodeAt(schema, path.slice(0, -1));
  const key = path[path.length - 1] ?? '';
  for (const branch of [parent, asNode(parent?.then)]) {
    const props = asNode(branch?.properties);
    if (props && key in props) {
      props[key] = node;
      return;
    }
  }
}

function uiAt(ui: Node | null, path: readonly string[]): Node | null {
  let node = ui;
  for (const key of path) node = asNode(node?.[key]);
  return node;
}

/** The structured address a stored string becomes. */
export function structuredFromString(
  old: string,
  resolve: AddressUpgradeDeps['resolve'],
): Partial<StructuredAddress> & { street: string; text: string; asWritten: string } {
  const text = old.trim();
  const answer = resolve(text);
  const only = answer.candidates.length === 1 ? answer.candidates[0] : undefined;
  if (!only) return { street: '', text, asWritten: text };
  const street = answer.parts.street?.trim() ?? '';
  return {
    street,
    communeCode: only.code,
    commune: only.name,
    province: only.province,
    provinceCode: only.provinceCode,
    text: composeAddressText({ street, commune: only.name, province: only.province }),
    asWritten: text,
  };
}

interface Row {
  id: string;
  procedureId: string;
  procedureJson: string;
  dataJson: string;
}

function parse(text: string): Node | null {
  try {
    return asNode(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * One dossier's form carried over; null when nothing changes. A row that does not parse is left as it is
 * (damage.ts names it where it is read).
 */
function upgradeOne(
  row: Row,
  deps: AddressUpgradeDeps,
): { procedure: Node; data: Node; addresses: number } | null {
  const procedure = parse(row.procedureJson);
  const data = parse(row.dataJson);
  const reference = deps.current(row.procedureId);
  const form = asNode(procedure?.form);
  const schema = asNode(form?.schema);
  if (!procedure || !data || !reference || !form || !schema) return null;
  const refSchema = reference.form.schema as Node;
  const refUi = asNode(reference.form.uiSchema);
  let changed = false;
  let addresses = 0;
  for (const path of addressPaths(refSchema)) {
    const stored = nodeAt(schema, path);
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] ?? '';
    if (stored?.type === 'string') {
      const fresh = nodeAt(refSchema, path) ?? {};
      // The stored title is what this form called the field; the rest is the new field's.
      const node = structuredClone(fresh);
      for (const k of ['title', 'titleEn']) if (typeof stored[k] === 'string') node[k] = stored[k];
      replaceAt(schema, path, node);
      const ui = uiAt(refUi, path);
      if (ui) {
        let parent = asNode(form.uiSchema) ?? {};
        form.uiSchema = parent;
        for (const k of parentPath) {
          const next = asNode(parent[k]) ?? {};
          parent[k] = next;
          parent = next;
        }
        parent[key] = structuredClone(ui);
      }
      changed = true;
    }
    // Data is carried over only where this dossier's own form now has the address field.
    const field = nodeAt(schema, path);
    if (!field || !isAddressNode(field)) continue;
    const owner = parentPath.reduce<Node | null>((n, k) => asNode(n?.[k]), data);
    const value = owner?.[key];
    if (owner && typeof value === 'string') {
      // An empty line was an address not given yet: the widget starts empty.
      // (undefined: JSON.stringify leaves the key out.)
      if (value.trim() === '') owner[key] = undefined;
      else {
        owner[key] = structuredFromString(value, deps.resolve);
        addresses += 1;
      }
      changed = true;
    }
  }
  return changed ? { procedure, data, addresses } : null;
}

/** Runs the step once (see above); returns what it did, or null when it had already run. */
export function upgradeStoredAddresses(
  db: Database.Database,
  deps: AddressUpgradeDeps,
): { dossiers: number; addresses: number } | null {
  const done = db.prepare('SELECT 1 FROM dossier_upgrades WHERE step = ?').get(ADDRESS_STEP);
  if (done) return null;
  const rows = db
    .prepare(
      `SELECT id, procedure_id AS procedureId, procedure_json AS procedureJson, data_json AS dataJson
       FROM dossiers WHERE status IN ('draft', 'parked') ORDER BY id`,
    )
    .all() as Row[];
  // updated_at is left alone: carrying a draft over is not the citizen's activity, and must not keep an
  // abandoned draft from its sweep.
  const update = db.prepare(
    `UPDATE dossiers SET procedure_json = ?, data_json = ? WHERE id = ? AND status IN ('draft', 'parked')`,
  );
  const record = db.prepare('INSERT INTO dossier_upgrades (step, applied_at, dossiers) VALUES (?, ?, ?)');
  const result = db.transaction(() => {
    let dossiers = 0;
    let addresses = 0;
    for (const row of rows) {
      const next = upgradeOne(row, deps);
      if (!next) continue;
      update.run(JSON.stringify(next.procedure), JSON.stringify(next.data), row.id);
      dossiers += 1;
      addresses += next.addresses;
    }
    record.run(ADDRESS_STEP, deps.now.toISOString(), dossiers);
    return { dossiers, addresses };
  })();
  log.info('stored addresses carried over to the 2025 units', result);
  return result;
}

/**
 * The step as the core runs it at start: the catalogue in use tells where the address fields are, the
 * address book reads the old strings. A failure (the dataset cannot load) is logged and changes nothing;
 * the step runs at the next start, and until then the old strings read as they always did (addressOf).
 */
export function upgradeAddressesAtStart(
  db: Database.Database,
  deps: { catalogue: { get(id: string): Procedure }; book: Pick<AddressUpgradeDeps, 'resolve'>; now: Date },
): void {
  try {
    upgradeStoredAddresses(db, {
      resolve: (text) => deps.book.resolve(text),
      current: (id) => {
        try {
          return deps.catalogue.get(id);
        } catch {
          return null;
        }
      },
      now: deps.now,
    });
  } catch (error) {
    log.error('stored addresses not carried over; will try at the next start', { error });
  }
}
