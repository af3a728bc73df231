import { createLogger } from '../log';
import { parseScan } from './index';

const log = createLogger('identity.evidence');

/** How an applicant's identity was established at this kiosk, as the portal is told (PortalDossier.identity). */
export interface IdentityProof {
  method: 'chip' | 'qr';
  /** The chip's passive authentication succeeded (EF.SOD signed by a configured CSCA, hashes match). */
  passiveAuthentication: boolean;
}

export interface IdentityEvidence {
  /** A real card's chip was read here (not the demo card); `verified` passive authentication or not. */
  chip(idNumber: string, passiveAuthentication: boolean): void;
  /** A scanner connected to main sent this text: a chip card's QR is remembered, anything else ignored. */
  scan(text: string): void;
  /** What main saw of this ID number lately (the strongest, within `ttlMs`), or null. */
  lookup(idNumber: string): IdentityProof | null;
  /** How many card reads are held now, expired ones dropped first. */
  size(): number;
}

/** How many ID numbers are remembered, and for how long: a filing follows its read within minutes. */
export const EVIDENCE_MAX = 200;
export const EVIDENCE_TTL_MS = 30 * 60_000;

const strength = (p: IdentityProof): number => (p.method === 'qr' ? 1 : p.passiveAuthentication ? 3 : 2);

/**
 * What main itself read of ID cards, in memory only: the chip service's reads and the QR codes the
 * kiosk's own scanners sent. Submit asks it for the applicant's ID number to say how identity was
 * established; a screen cannot tell it (the renderer's word is not evidence, and a typed number is
 * `none`). Bounded (the last `EVIDENCE_MAX` numbers) and short-lived (`EVIDENCE_TTL_MS`): it holds ID
 * numbers, so nothing is written to disk and a restart forgets it.
 */
export function createIdentityEvidence(options: {
  now: () => Date;
  timeZone: string;
  max?: number;
  ttlMs?: number;
}): IdentityEvidence {
  const max = options.max ?? EVIDENCE_MAX;
  const ttlMs = options.ttlMs ?? EVIDENCE_TTL_MS;
  const seen = new Map<string, IdentityProof & { at: number }>();

  /** Entries past their time go, oldest first (the Map is in time order): no ID number outlives it. */
  function prune(): void {
    const now = options.now().getTime();
    for (const [id, entry] of seen) {
      if (now - entry.at <= ttlMs) break;
      seen.delete(id);
    }
  }

  function fresh(idNumber: string): (IdentityProof & { at: number }) | null {
    prune();
    const entry = seen.get(idNumber);
    if (!entry) return null;
    if (options.now().getTime() - entry.at > ttlMs) {
      seen.delete(idNumber);
      return null;
    }
    return entry;
  }

  function remember(idNumber: string, proof: IdentityProof): void {
    // A QR scanned after the chip of the same card was read does not weaken what the chip proved.
    const held = fresh(idNumber);
    const best = held && strength(held) > strength(proof) ? held : proof;
    seen.delete(idNumber); // re-inserted last: the Map's order is the eviction order
    seen.set(idNumber, {
      method: best.method,
      passiveAuthentication: best.passiveAuthentication,
      at: options.now().getTime(),
    });
    while (seen.size > max) {
      const oldest = seen.keys().next().value;
      if (oldest === undefined) break;
      seen.delete(oldest);
    }
  }

  return {
    size(): number {
      prune();
      return seen.size;
    },
    chip(idNumber, passiveAuthentication) {
      remember(idNumber, { method: 'chip', passiveAuthentication });
    },
    scan(text) {
      try {
        const parsed = parseScan(text, { now: options.now(), timeZone: options.timeZone });
        if (parsed.kind === 'cccd-qr')
          remember(parsed.person.idNumber, { method: 'qr', passiveAuthentication: false });
      } catch {
        // Not a readable card QR (a receipt code, a barcode, noise): nothing learnt.
        log.debug('scan is no card QR');
      }
    },
    lookup(idNumber) {
      const entry = fresh(idNumber);
      return entry ? { method: entry.method, passiveAuthentication: entry.passiveAuthentication } : null;
    },
  };
}
