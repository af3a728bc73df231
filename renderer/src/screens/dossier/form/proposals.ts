/**
 * One-tap proposals on the e-form (issue 22: fewer taps), each shown as a button by the empty field it
 * would fill, so nothing is filled unseen and whatever is chosen stays an ordinary, editable value.
 *
 * Where a proposal may come from: this dossier's own data, or what the procedure's uiSchema names. Never
 * from another citizen's input. The uiSchema says, per field, under `ui:options`:
 * - `proposeFrom: ["me.ethnicity", "cha.ethnicity"]`: the value of another field of this form, as it is
 *   (a child's ethnicity as the mother's);
 * - `proposeValues: ["Việt Nam"]`: fixed values the procedure offers (the nationality of most applicants
 *   at a Vietnamese one-stop centre; a relationship "mẹ", "cha"; the usual papers to certify; the legal
 *   grounds of a request), or numbers for a count (`[1, 2, 3]`);
 * - `proposeSurnameFrom: ["cha.fullName"]`: the first word of another person's name, to go on typing
 *   after (a child's surname from a parent's);
 * - `proposeStarts: ["Bệnh viện"]`: a first word to go on typing after;
 * and per person group, `sameAs: [{ from: "me", set: { quanHe: "mẹ" } }]`: this person is that one (the
 * applicant is the mother): her fields this group also has, and `set`, in one tap. Pure.
 */
import type { FormData, Json } from '../lib/persons';
import { valueAt } from '../lib/steps';

/** `set` replaces the empty field; `start` puts a first word in it and the person types on. */
export type ProposalMode = 'set' | 'start';

export interface Proposal {
  /** What the field will hold ("Nguyễn " for a start: the space so the next word follows; a number). */
  value: string | number;
  /** The button's text: the value without that space. */
  label: string;
  mode: ProposalMode;
  /** The title of the group the value comes from ("Mẹ"), when it comes from another field. */
  from: string | null;
}

export interface SameAs {
  /** The source group's path and title ("me", "Mẹ") and the name that tells which person it is. */
  path: string;
  title: string;
  name: string;
  /** What the tap writes into the group: the source's values for the keys both have, then `set`. */
  values: FormData;
}

export interface FormProposals {
  /** By rjsf field id (`root_tre_ethnicity`). */
  fields: ReadonlyMap<string, { path: string[]; proposals: Proposal[] }>;
  /** By rjsf group id (`root_nguoiYeuCau`). */
  groups: ReadonlyMap<string, { path: string[]; sameAs: SameAs[] }>;
}

export const NO_PROPOSALS: FormProposals = { fields: new Map(), groups: new Map() };

type Node = { [key: string]: Json };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

const isEmpty = (value: Json | undefined): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const text = (value: Json | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function groupTitle(schema: Node, dotted: string): string | null {
  const top = dotted.split('.')[0] ?? '';
  const properties = schema.properties;
  const group = isNode(properties) ? properties[top] : undefined;
  return isNode(group) && typeof group.title === 'string' ? group.title : null;
}

const numbers = (value: Json | undefined): number[] =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number' && Number.isInteger(v)) : [];

function fieldProposals(root: Node, options: Node, data: FormData, integer: boolean): Proposal[] {
  const out: Proposal[] = [];
  // A count ("Số bản": 1, 2, 3) proposes numbers, and only them.
  if (integer)
    return numbers(options.proposeValues).map((n) => ({
      value: n,
      label: String(n),
      mode: 'set',
      from: null,
    }));
  const add = (value: string, mode: ProposalMode, from: string | null): void => {
    if (out.some((p) => p.label === value)) return;
    out.push({ value: mode === 'start' ? `${value} ` : value, label: value, mode, from });
  };
  for (const source of strings(options.proposeFrom)) {
    const value = text(valueAt(data, source));
    if (value) add(value, 'set', groupTitle(root, source));
  }
  for (const value of strings(options.proposeValues)) add(value, 'set', null);
  for (const source of strings(options.proposeSurnameFrom)) {
    const surname = text(valueAt(data, source))?.split(/\s+/)[0];
    if (surname) add(surname, 'start', groupTitle(root, source));
  }
  for (const value of strings(options.proposeStarts)) add(value, 'start', null);
  return out;
}

function sameAsOf(root: Node, data: FormData, schema: Node, options: Node, here: Json | undefined): SameAs[] {
  if (!Array.isArray(options.sameAs)) return [];
  const current = isNode(here) ? here : {};
  // Once this person has a name, they are somebody: the choice would replace what was typed or scanned.
  if (!isEmpty(current.fullName)) return [];
  const keys = isNode(schema.properties) ? Object.keys(schema.properties) : [];
  const out: SameAs[] = [];
  for (const entry of options.sameAs) {
    if (!isNode(entry) || typeof entry.from !== 'string') continue;
    const source = valueAt(data, entry.from);
    if (!isNode(source)) continue;
    const name = text(source.fullName);
    if (!name) continue;
    const values: FormData = {};
    for (const key of keys) if (!isEmpty(source[key])) values[key] = source[key] as Json;
    if (isNode(entry.set)) Object.assign(values, entry.set);
    out.push({ path: entry.from, title: groupTitle(root, entry.from) ?? entry.from, name, values });
  }
  return out;
}

/** Every proposal the form shows now: only for empty fields, and only from what this dossier holds. */
export function proposalsFor(schema: unknown, uiSchema: unknown, data: FormData): FormProposals {
  if (!isNode(schema)) return NO_PROPOSALS;
  const top: Node = schema;
  const fields = new Map<string, { path: string[]; proposals: Proposal[] }>();
  const groups = new Map<string, { path: string[]; sameAs: SameAs[] }>();
  const walk = (node: Node, ui: Node, path: string[]): void => {
    const properties = isNode(node.properties) ? node.properties : {};
    for (const [key, child] of Object.entries(properties)) {
      if (!isNode(child)) continue;
      const childUi = isNode(ui[key]) ? ui[key] : {};
      const options = isNode(childUi['ui:options']) ? childUi['ui:options'] : {};
      const at = [...path, key];
      const id = ['root', ...at].join('_');
      const value = valueAt(data, at.join('.'));
      if (child.type === 'object') {
        const sameAs = sameAsOf(top, data, child, options, value);
        if (sameAs.length > 0) groups.set(id, { path: at, sameAs });
        walk(child, childUi, at);
      } else if ((child.type === 'string' || child.type === 'integer') && isEmpty(value)) {
        const proposals = fieldProposals(top, options, data, child.type === 'integer');
        if (proposals.length > 0) fields.set(id, { path: at, proposals });
      }
    }
  };
  walk(schema, isNode(uiSchema) ? uiSchema : {}, []);
  return { fields, groups };
}

/** `data` with `value` at `path` (groups on the way made as needed); the rest shared, not copied. */
export function setIn(data: FormData, path: readonly string[], value: Json): FormData {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: value };
  const child = data[head];
  return { ...data, [head]: setIn(isNode(child) ? child : {}, rest, value) };
}

/** `data` with the group at `path` given `values` (its other fields kept). */
export function mergeIn(data: FormData, path: readonly string[], values: FormData): FormData {
  const group = valueAt(data, path.join('.'));
  return setIn(data, path, { ...(isNode(group) ? group : {}), ...values });
}
