import { randomBytes as nodeRandomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Staff PINs are stored as scrypt hashes (node:crypto): `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 * The parameters travel with the hash so they can be raised later without locking anyone out.
 * A 6-digit PIN has only a million values, so the sign-in throttle (staff/throttle.ts) is what really protects
 * it; scrypt makes a stolen database file expensive to brute-force offline.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      pin.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      // maxmem must exceed 128·N·r bytes or node refuses.
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPin(
  pin: string,
  options: { params?: ScryptParams; randomBytes?: (n: number) => Buffer } = {},
): Promise<string> {
  const params = options.params ?? DEFAULT_PARAMS;
  const salt = (options.randomBytes ?? nodeRandomBytes)(16);
  const key = await derive(pin, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || !Number.isInteger(Math.log2(N))) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length !== KEY_LENGTH) return null;
  return { params: { N, r, p }, salt, key };
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(pin, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}
