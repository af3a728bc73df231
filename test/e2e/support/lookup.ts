import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * A dossier's receipt "Mã tra cứu", as submit stored it: what the printed receipt's QR carries after the
 * code (`<code>#<secret>`). The printed receipts themselves are checked in unit tests (pdftotext, zbarimg).
 */
export function lookupSecret(dataDir: string, code: string): string {
  const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true, fileMustExist: true });
  try {
    const secret = db.prepare('SELECT lookup_secret FROM dossiers WHERE code = ?').pluck().get(code);
    if (typeof secret !== 'string') throw new Error(`no lookup secret for ${code}`);
    return secret;
  } finally {
    db.close();
  }
}
