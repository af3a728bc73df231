import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { createLogger } from '../../log';
import { loadCertificates } from './passive';

const log = createLogger('chip.csca');

export interface CscaSet {
  /** Ready for `readCard({ cscaCertificates })`: PEM text or DER bytes, one entry per readable file. */
  certificates: (string | Uint8Array)[];
  /** Certificates found (a PEM file may hold several). */
  count: number;
  /** Configured files that could not be read or hold no certificate, as configured (for staff). */
  unreadable: string[];
}

const PEM_MARK = '-----BEGIN CERTIFICATE-----';

/**
 * Reads the CSCA certificate files of `chip.csca` (absolute, or relative to the data folder). Read again
 * before every chip read, so a certificate staff drop into the folder counts without a restart; a file
 * that is missing or is not a certificate is reported, never fatal (the read then says "not checked"
 * if no CSCA is left).
 */
export function loadCscaFiles(dataDir: string, paths: readonly string[]): CscaSet {
  const set: CscaSet = { certificates: [], count: 0, unreadable: [] };
  for (const path of paths) {
    try {
      const bytes = readFileSync(isAbsolute(path) ? path : resolve(dataDir, path));
      const text = bytes.toString('latin1');
      const item: string | Uint8Array = text.includes(PEM_MARK) ? text : new Uint8Array(bytes);
      const found = loadCertificates([item]).length;
      if (found === 0) throw new Error('no certificate in the file');
      set.certificates.push(item);
      set.count += found;
    } catch (error) {
      log.warn('CSCA certificate file unusable', {
        path,
        error: error instanceof Error ? error : String(error),
      });
      set.unreadable.push(path);
    }
  }
  return set;
}
