import { createHmac, timingSafeEqual } from 'node:crypto';
import { removeDiacritics } from '../diacritics';
import type { DossierContext } from './context';
import type { FormData, Procedure } from './types';

/**
 * What a kept draft (set aside on idle, or parked) is found by when someone scans an ID card: for each
 * person slot of the draft (`procedure.form.persons`) naming a 12-digit ID number, a keyed hash of that
 * number with the slot's birth date, or, when the slot has no birth date, with its name (migration 0016
 * says why keyed). The card gives its ID number, birth date and name: a scan is text anyone can print,
 * so the number alone never matches. Whose slot it is goes into the hash too: a citizen's screen finds a
 * draft only by its applicant (`persons[0]`), so the card of a landlord, a spouse or a deceased person
 * named in it does not open it at the kiosk; staff at a counter find it by any person's card.
 *
 * The key is 32 random bytes this kiosk draws once and keeps in `kiosk_secrets` ('draft-keys').
 */

export interface CardKey {
  idNumber: string;
  /** YYYY-MM-DD; null when the slot has no birth date. */
  birthDate: string | null;
  /** The name folded (nameKey), only when the slot has no birth date. */
  name: string | null;
  /** The applicant's slot (`persons[0]`). */
  applicant: boolean;
}

/** A name as a QR (with diacritics) and an MRZ (without, `<` read as spaces) both give it. */
export function nameKey(name: string): string | null {
  const folded = removeDiacritics(name.normalize('NFC')).toUpperCase().replace(/\s+/g, ' ').trim();
  return folded === '' ? null : folded;
}

const SECRET_NAME = 'draft-keys';
const SECRET_BYTES = 32;
const ID_NUMBER = /^\d{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The slot's value as a person object, or null. */
function slot(data: FormData, path: string): Record<string, unknown> | null {
  const value = data[path];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A slot's birth date when it holds a whole YYYY-MM-DD, else null. */
export function birthDateOf(data: FormData, path: string): string | null {
  const day = text(slot(data, path)?.birthDate);
  return day !== null && DAY.test(day) ? day : null;
}

/**
 * Every person slot naming a 12-digit ID number, with its birth date, or its name when it has no birth
 * date (a slot with neither gives no key); duplicates once.
 */
export function cardKeysOf(procedure: Procedure, data: FormData): CardKey[] {
  const keys = new Map<string, CardKey>();
  procedure.form.persons.forEach(({ path }, index) => {
    const idNumber = text(slot(data, path)?.idNumber);
    if (idNumber === null || !ID_NUMBER.test(idNumber)) return;
    const birthDate = birthDateOf(data, path);
    const fullName = text(slot(data, path)?.fullName);
    const name = birthDate === null && fullName !== null ? nameKey(fullName) : null;
    if (birthDate === null && name === null) return;
    const k: CardKey = { idNumber, birthDate, name, applicant: index === 0 };
    keys.set(`${k.applicant ? 'a' : 'o'}|${idNumber}|${birthDate ?? ''}|${name ?? ''}`, k);
  });
  return [...keys.values()];
}

export function createKeys(ctx: DossierContext) {
  const { db, deps } = ctx;
  const q = {
    secret: db.prepare('SELECT secret FROM kiosk_secrets WHERE name = ?').pluck(),
    newSecret: db.prepare(
      'INSERT INTO kiosk_secrets (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
    ),
    forget: db.prepare('DELETE FROM draft_keys WHERE dossier_id = ?'),
    add: db.prepare('INSERT OR IGNORE INTO draft_keys (key_hash, dossier_id) VALUES (?, ?)'),
    // Kept drafts with no key row: parked before this version, or their keys lost with a salvaged file.
    unkeyed: db
      .prepare(
        `SELECT d.id FROM dossiers d
         WHERE (d.status = 'parked' OR (d.status = 'draft' AND d.set_aside_day IS NOT NULL))
           AND NOT EXISTS (SELECT 1 FROM draft_keys k WHERE k.dossier_id = d.id)`,
      )
      .pluck(),
  };
  let secret: Buffer | null = null;

  /** The kiosk's key, drawn and stored at first use (in the caller's transaction, if any). */
  function key(): Buffer {
    if (secret) return secret;
    let stored = q.secret.get(SECRET_NAME) as Buffer | undefined;
    if (!stored) {
      q.newSecret.run(SECRET_NAME, deps.randomBytes(SECRET_BYTES), ctx.now().toISOString());
      stored = q.secret.get(SECRET_NAME) as Buffer;
    }
    secret = stored;
    return stored;
  }

  const mac = (...parts: string[]): string =>
    createHmac('sha256', key()).update(parts.join('\u001f')).digest('hex');

  const hashOf = (k: CardKey): string =>
    mac('card', k.applicant ? 'applicant' : 'other', k.idNumber, k.birthDate ?? '', k.name ?? '');

  /**
   * Writes the draft's keys again from its data (they follow the data: a slot filled after parking finds
   * it too); returns how many it has. Run in the caller's transaction.
   */
  function refresh(id: string, procedure: Procedure, data: FormData): number {
    q.forget.run(id);
    const keys = cardKeysOf(procedure, data);
    for (const k of keys) q.add.run(hashOf(k), id);
    return keys.length;
  }

  return {
    refresh,

    forget(id: string): void {
      q.forget.run(id);
    },

    /**
     * The hashes a scanned card matches: its number with its birth date, and with its name; as the
     * applicant only, or (`anySlot`, staff) as any person of the draft.
     */
    lookupHashes(
      card: { idNumber: string; birthDate: string; fullName: string },
      anySlot: boolean,
    ): string[] {
      const name = nameKey(card.fullName);
      const roles = anySlot ? [true, false] : [true];
      return roles.flatMap((applicant) => [
        hashOf({ idNumber: card.idNumber, birthDate: card.birthDate, name: null, applicant }),
        ...(name === null ? [] : [hashOf({ idNumber: card.idNumber, birthDate: null, name, applicant })]),
      ]);
    },

    /** What is stored for the birth date a draft saved for later is taken back with. */
    birthHash: (id: string, birthDate: string): string => mac('birth', id, birthDate),

    /** Whether `birthDate` is the one stored for `id` (a constant-time compare; false when none is stored). */
    birthMatches(id: string, stored: string | null, birthDate: string): boolean {
      const presented = Buffer.from(mac('birth', id, birthDate), 'hex');
      const against = stored === null ? Buffer.alloc(presented.length) : Buffer.from(stored, 'hex');
      return against.length === presented.length && timingSafeEqual(against, presented) && stored !== null;
    },

    /** Kept drafts without keys get theirs (at start). Returns the ids it keyed. */
    backfill(read: (id: string) => { procedure: Procedure; data: FormData } | null): string[] {
      const ids = q.unkeyed.all() as string[];
      if (ids.length === 0) return [];
      return db.transaction(() =>
        ids.filter((id) => {
          const parts = read(id);
          return parts !== null && refresh(id, parts.procedure, parts.data) > 0;
        }),
      )();
    },
  };
}

export type Keys = ReturnType<typeof createKeys>;
