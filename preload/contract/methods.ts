/**
 * The one method table of the renderer API contract, merged from the domains' own tables as Actual Budget
 * merges its per-domain handler types into one `Handlers`: each domain module (app.ts, staff.ts, …) writes
 * its methods beside its schemas, and this file is the only place that knows them all. Main implements
 * `Methods` (main/core/handlers.ts), the preload and the bridge serve `methods`, the renderer calls them.
 */
import type { z } from 'zod';
import { addressMethods } from './address';
import { appMethods } from './app';
import type { MethodTable } from './base';
import { calendarMethods } from './calendar';
import { catalogueMethods } from './catalogue';
import { devicesMethods } from './devices';
import { dossierMethods } from './dossier';
import { draftKeepMethods } from './drafts';
import { feedbackMethods } from './feedback';
import { identityMethods } from './identity';
import { lanMethods } from './lan';
import { paymentMethods } from './payment';
import { printMethods } from './print';
import { queueMethods } from './queue';
import { receptionMethods } from './reception';
import { reportMethods } from './report';
import { staffMethods } from './staff';
import { syncMethods } from './sync';

/** Each domain's table. A new domain adds its table here and nowhere else. */
export const methodTables = {
  app: appMethods,
  staff: staffMethods,
  queue: queueMethods,
  identity: identityMethods,
  devices: devicesMethods,
  lan: lanMethods,
  print: printMethods,
  catalogue: catalogueMethods,
  dossier: dossierMethods,
  drafts: draftKeepMethods,
  reception: receptionMethods,
  report: reportMethods,
  calendar: calendarMethods,
  payment: paymentMethods,
  feedback: feedbackMethods,
  sync: syncMethods,
  address: addressMethods,
} as const satisfies Record<string, MethodTable>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** The tables in one: their intersection, as Actual's `Handlers`. */
export type MergedTables<T extends Record<string, MethodTable>> = UnionToIntersection<T[keyof T]>;

type KeysOfOthers<T, D extends keyof T> = { [E in Exclude<keyof T, D>]: keyof T[E] }[Exclude<keyof T, D>];
/** Method names that two of the tables both define: their intersection would silently merge the two. */
export type DefinedTwice<T extends Record<string, MethodTable>> = {
  [D in keyof T]: keyof T[D] & KeysOfOthers<T, D>;
}[keyof T];
// Fails to compile, naming the method, when two domains define the same one; mergeMethodTables also
// throws at load, naming the domains.
const noDuplicates: [DefinedTwice<typeof methodTables>] extends [never]
  ? true
  : { definedTwice: DefinedTwice<typeof methodTables> } = true;
void noDuplicates;

/**
 * One table from the domains' tables. A name defined by two domains throws, naming both: a spread would
 * let the later silently replace the earlier, changing a method's access or schema without a word.
 */
export function mergeMethodTables<T extends Record<string, MethodTable>>(tables: T): MergedTables<T> {
  const merged: MethodTable = {};
  const owners = new Map<string, string>();
  for (const [domain, table] of Object.entries(tables)) {
    for (const [name, def] of Object.entries(table)) {
      const owner = owners.get(name);
      if (owner !== undefined)
        throw new Error(`Contract method ${name} is defined by both ${owner} and ${domain}`);
      owners.set(name, domain);
      merged[name] = def;
    }
  }
  // Every table's entries were copied, none replaced: the merged object has exactly the intersection's keys.
  return merged as MergedTables<T>;
}

export const methods = mergeMethodTables(methodTables);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
