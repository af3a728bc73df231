import type Database from 'better-sqlite3';
import {
  ProcedureSchema,
  type KioskError,
  type Problem,
  type Procedure,
  type ProcedureSummary,
} from '../../../preload/api';
import type { Clock } from '../clock';
import { KioskFailure } from '../errors';
import { createLogger } from '../log';
import { sharedCompiler, type SchemaCompiler } from './ajv';
import { catalogueErrors } from './messages';
import { buildIndex, type SearchIndex } from './search';
import { SEED_PROCEDURES } from './seed';
import { validateForm } from './validate-form';

export { catalogueErrors } from './messages';
export { createCatalogueHandlers } from './handlers';
export { exampleData } from './examples';
export { fold } from './fold';
export { unsafeText, type UnsafeText } from './text-safety';
export { validateForm, type ValidateOptions } from './validate-form';
export { SEED_PROCEDURES } from './seed';

const log = createLogger('catalogue');

/** sync_state key holding the ETag of the portal catalogue in the `catalogue` table. */
export const ETAG_KEY = 'catalogue.etag';

export type ReplaceResult =
  { ok: true; count: number } | { ok: false; index: number; id: string | null; error: KioskError };

export interface Catalogue {
  /** Procedures whose name (or code, or field) matches every word of the query; empty lists all. */
  search(query?: string, field?: string): ProcedureSummary[];
  fields(): { field: string; fieldEn: string; count: number }[];
  /** Throws KioskFailure `procedure-not-found`. */
  get(id: string): Procedure;
  /** Every procedure served, in catalogue order. */
  all(): readonly Procedure[];
  /** 'seed' until the portal's catalogue has been stored. */
  source(): 'seed' | 'portal';
  /** The portal's catalogue, all or nothing: an invalid item refuses the whole set. */
  replace(procedures: unknown[], etag: string): ReplaceResult;
  etag(): string | null;
  /** `validateForm` with the catalogue's clock as "today". */
  validateForm(procedure: Procedure, data: unknown): Problem[];
}

export interface CatalogueDeps {
  db: Database.Database;
  clock: Clock;
  timeZone?: string;
  compiler?: SchemaCompiler;
}

interface Loaded {
  list: readonly Procedure[];
  byId: Map<string, Procedure>;
  index: SearchIndex;
  source: 'seed' | 'portal';
}

function load(list: readonly Procedure[], source: 'seed' | 'portal'): Loaded {
  return { list, byId: new Map(list.map((p) => [p.id, p])), index: buildIndex(list), source };
}

/** Checks beyond the contract's shape that would break a screen or a dossier if let through. */
function problemOf(p: Procedure, seen: Set<string>, compiler: SchemaCompiler): string | null {
  if (p.id.length === 0 || p.id.length > 64) return 'mã thủ tục (id) phải dài 1–64 ký tự';
  if (seen.has(p.id)) return `mã thủ tục "${p.id}" bị trùng`;
  const componentIds = new Set<string>();
  for (const c of p.components) {
    if (componentIds.has(c.id)) return `thành phần hồ sơ "${c.id}" bị trùng`;
    componentIds.add(c.id);
  }
  try {
    compiler.compile(p.form.schema);
  } catch (error) {
    return `biểu mẫu điện tử (JSON Schema) không hợp lệ: ${error instanceof Error ? error.message : String(error)}`;
  }
  const properties = p.form.schema.properties;
  for (const slot of p.form.persons) {
    const holder = typeof properties === 'object' && properties !== null && !Array.isArray(properties);
    if (!holder || !(slot.path in properties)) return `ô người "${slot.path}" không có trong biểu mẫu`;
  }
  return null;
}

export function createCatalogue(deps: CatalogueDeps): Catalogue {
  const { db, clock } = deps;
  const compiler = deps.compiler ?? sharedCompiler;
  const selectRows = db.prepare('SELECT id, json FROM catalogue ORDER BY position');
  const selectEtag = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();

  function fromDatabase(): Loaded {
    const rows = selectRows.all() as { id: string; json: string }[];
    if (rows.length === 0) return load(SEED_PROCEDURES, 'seed');
    const list: Procedure[] = [];
    for (const row of rows) {
      let parsed: ReturnType<typeof ProcedureSchema.safeParse>;
      try {
        parsed = ProcedureSchema.safeParse(JSON.parse(row.json));
      } catch {
        parsed = ProcedureSchema.safeParse(undefined);
      }
      if (!parsed.success) {
        // Only this module writes the table, after validating; a bad row means the file was damaged or
        // a newer app wrote it. The seed is a working catalogue, which beats none.
        log.error('stored catalogue unreadable, serving the seed', { id: row.id });
        return load(SEED_PROCEDURES, 'seed');
      }
      list.push(parsed.data);
    }
    return load(list, 'portal');
  }

  let current = fromDatabase();

  const insert = db.prepare('INSERT INTO catalogue (id, json, position) VALUES (?, ?, ?)');
  const saveEtag = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const store = db.transaction((list: readonly Procedure[], etag: string) => {
    db.prepare('DELETE FROM catalogue').run();
    list.forEach((p, i) => insert.run(p.id, JSON.stringify(p), i));
    saveEtag.run(ETAG_KEY, etag);
  });

  return {
    search: (query, field) => current.index.search(query, field),
    fields: () => current.index.fields(),
    get(id) {
      const p = current.byId.get(id);
      if (!p) throw new KioskFailure(catalogueErrors.notFound(id));
      return p;
    },
    all: () => current.list,
    source: () => current.source,
    replace(procedures, etag) {
      if (procedures.length === 0) return { ok: false, index: -1, id: null, error: catalogueErrors.empty() };
      const list: Procedure[] = [];
      const seen = new Set<string>();
      for (const [index, item] of procedures.entries()) {
        const parsed = ProcedureSchema.safeParse(item);
        const rawId =
          typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
            ? (item as { id: string }).id
            : null;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue ? `${issue.path.join('.') || '(gốc)'} – ${issue.message}` : 'sai cấu trúc';
          return { ok: false, index, id: rawId, error: catalogueErrors.invalidItem(index, rawId, where) };
        }
        const problem = problemOf(parsed.data, seen, compiler);
        if (problem) {
          return { ok: false, index, id: rawId, error: catalogueErrors.invalidItem(index, rawId, problem) };
        }
        seen.add(parsed.data.id);
        list.push(parsed.data);
      }
      store(list, etag);
      current = load(list, 'portal');
      log.info('catalogue replaced', { count: list.length });
      return { ok: true, count: list.length };
    },
    etag: () => (selectEtag.get(ETAG_KEY) as string | undefined) ?? null,
    validateForm: (procedure, data) =>
      validateForm(procedure, data, { now: clock.now(), timeZone: deps.timeZone, compiler }),
  };
}
