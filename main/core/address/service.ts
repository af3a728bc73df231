import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Bilingual, Problem, StaffUser } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure } from '../errors';
import { createLogger } from '../log';
import { localDay } from '../time';
import { type Dataset, DatasetSchema, datasetProblems, loadShippedDataset } from './dataset';
import { addressErrors, addressMessage, addressProblems } from './messages';
import { composeAddressText, isAddressObject } from './value';
import { type AddressResolution, resolveAddress } from './resolve';
import { type CommuneHit, searchCommunes } from './search';
import { type Chain, buildChain, worldAt } from './world';

const log = createLogger('address');

export interface DatasetInfo {
  version: string;
  effective: string;
  source: string;
  /** `shipped` with the app, or installed by an admin (who, when). */
  origin: 'shipped' | 'installed';
  installedAt: string | null;
  installedBy: string | null;
  /** In force today (the latest whose effective date has come). */
  inForce: boolean;
  provinces: number;
  communes: number;
}

export interface AddressAnswer extends AddressResolution {
  /** What the person reads: what was found and what to do; null for a new-form address found as it is. */
  message: Bilingual | null;
  /** The dataset the answer is in: the latest in force on `asOf`. */
  dataset: { version: string; effective: string };
}

export interface AddressBook {
  resolve(text: string, asOf?: string): AddressAnswer;
  search(query: string, provinceCode?: string, asOf?: string): CommuneHit[];
  provinces(asOf?: string): { code: string; name: string }[];
  datasets(): DatasetInfo[];
  /** Admin: installs a newer dataset (checked, audited; the shipped one is never replaced). */
  install(text: string, by: StaffUser): DatasetInfo;
  /** Loads and indexes the datasets now (after start, so the first citizen's lookup does not wait). */
  warm(): void;
  /**
   * What is wrong with the structured addresses in a form's data before it is submitted: a commune code
   * the dataset in force does not have, names or province that are not that commune's, or a text that is
   * not composed from the parts (the text is what the receipt prints). A hostile caller cannot print an
   * address the pickers would not give.
   */
  checkAddresses(data: unknown): Problem[];
}

export interface AddressBookDeps {
  clock: Clock;
  audit: Audit;
  timeZone: string;
  /** The shipped dataset; tests pass their own. Read on first use: the kiosk starts without it. */
  shipped?: () => Dataset;
}

interface InstalledRow {
  version: string;
  body: string;
  installed_at: string;
  installed_by: number | null;
  by_name: string | null;
}

/**
 * Largest dataset file accepted: a full list of communes with a resolution's changes is ~200 KB, the
 * shipped one with the old three levels ~600 KB. (The contract caps the text at 2,000,000 characters.)
 */
export const MAX_DATASET_BYTES = 3_000_000;

/**
 * The administrative units the kiosk knows: the shipped dataset plus the newer ones an admin installed,
 * chained by effective date. Loaded on the first address call (the dataset is ~600 KB and the index takes
 * a moment), then kept; an install rebuilds it.
 */
export function createAddressBook(db: Database.Database, deps: AddressBookDeps): AddressBook {
  const q = {
    all: db.prepare(
      `SELECT d.version, d.body, d.installed_at, d.installed_by, s.display_name AS by_name
       FROM address_datasets d LEFT JOIN staff_users s ON s.id = d.installed_by ORDER BY d.effective`,
    ),
    insert: db.prepare(
      `INSERT INTO address_datasets (version, effective, replaces, source, body, sha256, installed_at, installed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  let loaded: { chain: Chain; rows: Map<string, InstalledRow> } | null = null;

  function load(): { chain: Chain; rows: Map<string, InstalledRow> } {
    if (loaded) return loaded;
    const started = performance.now();
    const datasets = [deps.shipped ? deps.shipped() : loadShippedDataset()];
    const rows = new Map<string, InstalledRow>();
    for (const row of q.all.all() as InstalledRow[]) {
      // Checked when installed; read leniently so one bad row cannot stop addresses altogether.
      const parsed = DatasetSchema.safeParse(JSON.parse(row.body));
      if (!parsed.success) {
        log.error('installed address dataset unreadable, left out', { version: row.version });
        continue;
      }
      datasets.push(parsed.data);
      rows.set(row.version, row);
    }
    loaded = { chain: buildChain(datasets), rows };
    log.info('address datasets loaded', {
      versions: datasets.map((d) => d.version),
      ms: Math.round(performance.now() - started),
    });
    return loaded;
  }

  const today = () => localDay(deps.clock.now(), deps.timeZone);

  /** The world index (in chain.worlds) in force on `asOf`: the latest dataset whose date has come. */
  function worldOn(chain: Chain, asOf: string | undefined): number {
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new KioskFailure(addressErrors.asOf());
    const day = asOf ?? today();
    let t = 1;
    chain.datasets.forEach((d, i) => {
      if (d.effective <= day) t = i + 1;
    });
    return t;
  }

  function info(d: Dataset, chain: Chain, rows: Map<string, InstalledRow>): DatasetInfo {
    const row = rows.get(d.version);
    const t = worldOn(chain, undefined);
    return {
      version: d.version,
      effective: d.effective,
      source: d.source,
      origin: row ? 'installed' : 'shipped',
      installedAt: row?.installed_at ?? null,
      installedBy: row?.by_name ?? null,
      inForce: chain.datasets[t - 1] === d,
      provinces: d.provinces.length,
      communes: d.communes.length,
    };
  }

  /** Why `next` cannot follow `last` in the chain, or null when it can. */
  function chainProblem(last: Dataset, next: Dataset): [string, string] | null {
    if (next.replaces !== last.version)
      return [
        `Tệp này nối tiếp phiên bản "${next.replaces ?? '(không ghi)'}", nhưng phiên bản mới nhất đang có là "${last.version}".`,
        `This file follows version "${next.replaces ?? '(none given)'}", but the latest installed is "${last.version}".`,
      ];
    if (next.effective <= last.effective)
      return [
        `Ngày hiệu lực ${next.effective} phải sau ngày hiệu lực của phiên bản ${last.version} (${last.effective}).`,
        `Its effective date ${next.effective} must come after that of version ${last.version} (${last.effective}).`,
      ];
    if (next.before.levels !== 2)
      return [
        'Tệp nối tiếp phải mô tả các đơn vị hai cấp của phiên bản trước.',
        'A following file must describe the two-level units of the version before it.',
      ];
    const kept = new Set(next.communes.map((c) => c[0]));
    const listed = new Set(next.before.communes.map((c) => c[0]));
    const previous = new Set(last.communes.map((c) => c[0]));
    const stray = next.before.communes.find((c) => !previous.has(c[0]));
    if (stray)
      return [
        `Xã/phường ${stray[1]} (${stray[0]}) không có trong phiên bản ${last.version}.`,
        `Commune ${stray[1]} (${stray[0]}) is not in version ${last.version}.`,
      ];
    // Listed with no destination is lost too: its addresses would resolve to nothing, and be told they
    // were merged before 2025.
    const nowhere = next.before.communes.find((c) => c[3].length === 0);
    const lost = nowhere ?? last.communes.find((c) => !listed.has(c[0]) && !kept.has(c[0]));
    if (lost)
      return [
        `Xã/phường ${lost[1]} (${lost[0]}) của phiên bản ${last.version} không có nơi chuyển đến.`,
        `Commune ${lost[1]} (${lost[0]}) of version ${last.version} has no destination.`,
      ];
    return null;
  }

  return {
    warm() {
      try {
        load();
      } catch (error) {
        log.error('address datasets could not be loaded', { error });
      }
    },

    checkAddresses(data) {
      let chain: Chain;
      try {
        ({ chain } = load());
      } catch (error) {
        // A packaging fault (the dataset missing) must not stop every dossier from being submitted.
        log.error('address datasets could not be loaded: addresses not checked', { error });
        return [];
      }
      const world = worldAt(chain, worldOn(chain, undefined));
      const problems: Problem[] = [];
      const same = (a: unknown, b: string) =>
        typeof a === 'string' && a.normalize('NFC').replace(/\s+/g, ' ').trim() === b;
      const visit = (value: unknown, path: string[], depth: number): void => {
        if (depth > 12 || typeof value !== 'object' || value === null) return;
        if (Array.isArray(value)) {
          value.forEach((v, i) => visit(v, [...path, String(i)], depth + 1));
          return;
        }
        if (isAddressObject(value) && typeof value.communeCode === 'string') {
          const field = path.join('.');
          const unit = world.communes.byCode.get(value.communeCode);
          const province = unit ? world.provinces.byCode.get(unit.parent) : undefined;
          if (!unit || !province) problems.push(addressProblems.unknown(field));
          else if (
            !same(value.commune, unit.name) ||
            value.provinceCode !== province.code ||
            !same(value.province, province.name)
          )
            problems.push(addressProblems.mismatch(field));
          else if (
            !same(
              value.text,
              composeAddressText({ street: value.street, commune: unit.name, province: province.name }),
            )
          )
            problems.push(addressProblems.text(field));
          return;
        }
        for (const [key, v] of Object.entries(value)) visit(v, [...path, key], depth + 1);
      };
      visit(data, [], 0);
      return problems;
    },

    resolve(text, asOf) {
      const { chain } = load();
      const t = worldOn(chain, asOf);
      const r = resolveAddress(chain, text, t);
      const d = chain.datasets[t - 1];
      return {
        ...r,
        message: addressMessage(r),
        dataset: { version: d?.version ?? '', effective: d?.effective ?? '' },
      };
    },

    search(query, provinceCode, asOf) {
      const { chain } = load();
      return searchCommunes(worldAt(chain, worldOn(chain, asOf)), query, provinceCode);
    },

    provinces(asOf) {
      const { chain } = load();
      return worldAt(chain, worldOn(chain, asOf)).provinces.units.map((u) => ({
        code: u.code,
        name: u.name,
      }));
    },

    datasets() {
      const { chain, rows } = load();
      return chain.datasets.map((d) => info(d, chain, rows));
    },

    install(text, by) {
      if (Buffer.byteLength(text) > MAX_DATASET_BYTES)
        throw new KioskFailure(addressErrors.invalid(`lớn hơn ${MAX_DATASET_BYTES / 1_000_000} MB`));
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new KioskFailure(addressErrors.notJson());
      }
      const parsed = DatasetSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new KioskFailure(
          addressErrors.invalid(issue ? `${issue.path.join('.')}: ${issue.message}` : '?'),
        );
      }
      const next = parsed.data;
      const problems = datasetProblems(next);
      if (problems.length > 0) throw new KioskFailure(addressErrors.invalid(problems.slice(0, 3).join('; ')));
      const { chain } = load();
      if (chain.datasets.some((d) => d.version === next.version))
        throw new KioskFailure(addressErrors.installed(next.version));
      const last = chain.datasets[chain.datasets.length - 1];
      const problem = last ? chainProblem(last, next) : null;
      if (problem) throw new KioskFailure(addressErrors.chain(...problem));
      // Built before it is stored: a dataset the resolver cannot index never reaches the database.
      buildChain([...chain.datasets, next]);
      const sha256 = createHash('sha256').update(text).digest('hex');
      db.transaction(() => {
        q.insert.run(
          next.version,
          next.effective,
          next.replaces ?? '',
          next.source,
          JSON.stringify(next),
          sha256,
          deps.clock.now().toISOString(),
          by.id,
        );
        deps.audit.record({
          actorId: by.id,
          actor: by.user,
          action: 'address.installDataset',
          targetType: 'address-dataset',
          targetId: next.version,
          details: {
            effective: next.effective,
            replaces: next.replaces,
            sha256,
            communes: next.communes.length,
          },
        });
      })();
      loaded = null;
      const after = load();
      const installed = after.chain.datasets.find((d) => d.version === next.version);
      if (!installed) throw new Error(`Installed address dataset ${next.version} did not load`);
      return info(installed, after.chain, after.rows);
    },
  };
}
