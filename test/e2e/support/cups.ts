import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The CUPS queue test/e2e/global-setup.ts creates on cups-pdf. */
export const PRINTER_QUEUE = 'KioskPDF';

const CUPS_PDF_CONF = '/etc/cups/cups-pdf.conf';

/**
 * Where cups-pdf writes the PDFs of jobs sent by this user: the `Out` key of /etc/cups/cups-pdf.conf
 * (Debian: `${HOME}/PDF`, so /root/PDF for root), with ${HOME} and ${USER} filled in.
 */
export function cupsPdfOutputDir(): string {
  if (process.env.KIOSK_E2E_PDF_DIR) return process.env.KIOSK_E2E_PDF_DIR;
  let out = '${HOME}/PDF';
  if (existsSync(CUPS_PDF_CONF)) {
    const line = readFileSync(CUPS_PDF_CONF, 'utf8')
      .split('\n')
      .find((l) => /^\s*Out\s+\S/.test(l));
    if (line) out = line.trim().replace(/^Out\s+/, '');
  }
  const user = process.env.USER ?? (process.getuid?.() === 0 ? 'root' : '');
  return out.replace(/\$\{HOME\}/g, homedir()).replace(/\$\{USER\}/g, user);
}

/** The PDFs in the output folder now (name → mtime), to tell the new one apart later. */
export function listPdfs(dir = cupsPdfOutputDir()): Map<string, number> {
  const found = new Map<string, number>();
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    if (!name.toLowerCase().endsWith('.pdf')) continue;
    found.set(name, statSync(join(dir, name)).mtimeMs);
  }
  return found;
}

/**
 * Polls (bounded) for a PDF that was not in `before` and whose text satisfies `accept`; cups-pdf writes the
 * file in place, so a file is read only once `pdftotext` succeeds on it.
 */
export async function waitForNewPdf(
  before: Map<string, number>,
  accept: (text: string) => boolean,
  timeoutMs = 30_000,
): Promise<{ path: string; text: string }> {
  const dir = cupsPdfOutputDir();
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  while (Date.now() < deadline) {
    for (const [name, mtime] of listPdfs(dir)) {
      if (before.get(name) === mtime) continue;
      const path = join(dir, name);
      const text = pdfText(path);
      if (text === null) continue;
      if (accept(text)) return { path, text };
      if (!seen.includes(name)) seen.push(name);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `no new PDF in ${dir} within ${timeoutMs} ms matched (new files seen: ${seen.join(', ') || 'none'})`,
  );
}

/** `pdftotext` of a PDF, or null while the file is still being written. */
export function pdfText(path: string): string | null {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    return null;
  }
}

/** Renders the PDF's first page at 200 dpi and reads its QR codes with zbarimg. */
export function pdfQrCodes(path: string, workDir: string): string[] {
  const prefix = join(workDir, 'qr-page');
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', '-singlefile', path, prefix], {
    timeout: 20_000,
  });
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`], {
    encoding: 'utf8',
    timeout: 20_000,
    // zbarimg complains on stderr about a missing D-Bus; only its stdout matters.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
