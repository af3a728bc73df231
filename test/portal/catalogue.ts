import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ProcedureSchema } from '../../preload/contract/catalogue';
import type { Procedure } from '../../preload/api';
import { createLogger } from '../../main/core/log';
import { canonicalJson, sha256Hex } from './store';

/**
 * The catalogue the portal serves: a JSON file (an array of procedures, or `{ procedures: [...] }`), an
 * array given by a test, or nothing (an empty list, still with an ETag). The file is re-read when its
 * modification time changes, so a tester can edit it while the portal runs and watch kiosks pick it up.
 */
const log = createLogger('portal.catalogue');

export interface CatalogueSnapshot {
  procedures: Procedure[];
  etag: string;
}

const FileSchema = z.union([z.array(ProcedureSchema), z.object({ procedures: z.array(ProcedureSchema) })]);

function snapshot(procedures: Procedure[]): CatalogueSnapshot {
  return { procedures, etag: `"${sha256Hex(canonicalJson(procedures)).slice(0, 32)}"` };
}

/** Throws with the file name and the first problems: a broken catalogue should stop the start. */
export function readCatalogueFile(path: string): Procedure[] {
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`catalogue ${path} is not a list of procedures: ${problems.join('; ')}`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.procedures;
}

export function createCatalogue(source: string | Procedure[] | undefined) {
  let current = snapshot(Array.isArray(source) ? source : []);
  let mtimeMs = -1;
  const file = typeof source === 'string' ? source : null;

  const refresh = (): void => {
    if (file === null) return;
    const m = statSync(file).mtimeMs;
    if (m === mtimeMs) return;
    current = snapshot(readCatalogueFile(file));
    mtimeMs = m;
  };
  refresh();

  return {
    /** A file that became unreadable keeps the last good catalogue (a half-saved edit must not empty it). */
    get(): CatalogueSnapshot {
      try {
        refresh();
      } catch (error) {
        log.warn('catalogue file unreadable: serving the last good one', { file, error });
      }
      return current;
    },
    /** Tests replace the catalogue to see a new ETag. */
    set(procedures: Procedure[]): void {
      current = snapshot(procedures);
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;

/** RFC 9110 If-None-Match: a list of (possibly weak) entity tags, or `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
