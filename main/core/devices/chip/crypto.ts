import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { concat } from './bytes';

/**
 * The symmetric primitives of Basic Access Control (ICAO Doc 9303 Part 11 §9.7 and §9.8): two-key 3DES in
 * CBC mode with a zero IV, the ISO 9797-1 retail MAC (MAC algorithm 3, padding method 2) and odd parity.
 *
 * Node 20's OpenSSL 3 keeps single DES (`des-ecb`, `des-cbc`) in the legacy provider, which is not loaded,
 * but two-key 3DES (`des-ede-cbc`, `des-ede-ecb`) is in the default provider. The retail MAC needs single
 * DES for its CBC chain; DES-EDE with K‖K is exactly single DES under K (E_K(D_K(E_K(x))) = E_K(x)), so
 * every primitive here uses the default provider and no hand-written DES is needed. Electron's BoringSSL
 * also ships `des-ede-cbc`/`des-ede-ecb`. The Appendix D test vectors pin the behaviour on both.
 */

export const BLOCK = 8;
const ZERO_IV = new Uint8Array(BLOCK);

function check3desKey(key: Uint8Array): void {
  if (key.length !== 16) throw new Error(`3DES key must be 16 bytes, got ${key.length}`);
}

function run(decipher: boolean, algorithm: string, key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length % BLOCK !== 0)
    throw new Error(`3DES input must be a multiple of 8 bytes, got ${data.length}`);
  const iv = algorithm.endsWith('-cbc') ? ZERO_IV : null;
  const c = decipher ? createDecipheriv(algorithm, key, iv) : createCipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  const out = concat(c.update(data), c.final());
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Two-key 3DES-CBC, IV zero, no padding (the caller pads). */
export function tdesEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  check3desKey(key);
  return run(false, 'des-ede-cbc', key, data);
}

export function tdesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  check3desKey(key);
  return run(true, 'des-ede-cbc', key, data);
}

/** Single-DES of one block, through DES-EDE with the key doubled (see the file comment). */
function desBlock(decipher: boolean, key8: Uint8Array, block: Uint8Array): Uint8Array {
  return run(decipher, 'des-ede-ecb', concat(key8, key8), block);
}

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to the block boundary (always adds ≥ 1 byte). */
export function pad(data: Uint8Array): Uint8Array {
  const length = (Math.floor(data.length / BLOCK) + 1) * BLOCK;
  const out = new Uint8Array(length);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes padding method 2; undefined when the padding is malformed. */
export function unpad(data: Uint8Array): Uint8Array | undefined {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0x00) i--;
  if (i < 0 || data[i] !== 0x80 || data.length - i > BLOCK) return undefined;
  return data.subarray(0, i);
}

/**
 * Retail MAC, ISO/IEC 9797-1 MAC algorithm 3 with DES: a single-DES CBC chain under Ka over the (already
 * padded) message, then the last block is decrypted under Kb and encrypted under Ka. 8-byte result.
 */
export function retailMac(key: Uint8Array, paddedMessage: Uint8Array): Uint8Array {
  check3desKey(key);
  if (paddedMessage.length === 0 || paddedMessage.length % BLOCK !== 0) {
    throw new Error('retailMac: message must be padded to a multiple of 8 bytes');
  }
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  let h: Uint8Array = new Uint8Array(BLOCK);
  for (let at = 0; at < paddedMessage.length; at += BLOCK) {
    const x = new Uint8Array(BLOCK);
    for (let i = 0; i < BLOCK; i++) x[i] = (h[i] ?? 0) ^ (paddedMessage[at + i] ?? 0);
    h = desBlock(false, ka, x);
  }
  return desBlock(false, ka, desBlock(true, kb, h));
}

/** Sets the least significant bit of each byte so that the byte has an odd number of 1 bits (DES parity). */
export function adjustParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = (key[i] ?? 0) & 0xfe;
    let ones = 0;
    for (let v = b; v !== 0; v >>= 1) ones += v & 1;
    out[i] = ones % 2 === 0 ? b | 1 : b;
  }
  return out;
}

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}

/** Doc 9303 Part 11 §9.7.1: K = first 16 bytes of SHA-1(K_seed ‖ counter), parity-adjusted (3DES). */
export function kdf(seed: Uint8Array, counter: number): Uint8Array {
  const c = new Uint8Array([counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff]);
  return adjustParity(sha1(concat(seed, c)).subarray(0, 16));
}
