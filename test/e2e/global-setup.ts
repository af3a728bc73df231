import { spawnSync } from 'node:child_process';
import { cupsPdfOutputDir, PRINTER_QUEUE } from './support/cups';

/**
 * Makes a real CUPS printer available to the print specs: the `KioskPDF` queue on cups-pdf, whose PDFs
 * land in a folder the specs read back. Idempotent: a queue that already exists is only re-enabled.
 * CI runs as root on a fresh Debian with the packages of scripts/install-system-deps.sh and cupsd not
 * running, so this starts the scheduler when needed (it daemonizes itself) and waits for it, bounded.
 */

const SCHEDULER_WAIT_MS = 15_000;

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 15_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error.message) : ''}`.trim();
  return { ok: r.status === 0, out };
}

function fail(step: string, detail: string): never {
  throw new Error(
    `CUPS setup for the print tests failed at "${step}": ${detail}\n` +
      'The print specs need cups, cups-pdf and cups-bsd (bash scripts/install-system-deps.sh) and root ' +
      '(or a running cupsd that lets this user run lpadmin).',
  );
}

function schedulerRunning(): boolean {
  const r = run('lpstat', ['-r']);
  return r.ok && /scheduler is running/.test(r.out) && !/not running/.test(r.out);
}

async function waitForScheduler(): Promise<void> {
  const deadline = Date.now() + SCHEDULER_WAIT_MS;
  while (Date.now() < deadline) {
    if (schedulerRunning()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  fail('wait for cupsd', `lpstat -r did not report a running scheduler within ${SCHEDULER_WAIT_MS} ms`);
}

export async function ensureCupsPrinter(): Promise<void> {
  if (!schedulerRunning()) {
    const started = run('cupsd', []);
    if (!started.ok) fail('start cupsd', started.out || 'cupsd exited with an error');
    await waitForScheduler();
  }
  if (!run('lpstat', ['-p', PRINTER_QUEUE]).ok) {
    const added = run('lpadmin', [
      '-p',
      PRINTER_QUEUE,
      '-v',
      'cups-pdf:/',
      '-E',
      '-m',
      'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd',
    ]);
    if (!added.ok) fail('lpadmin', added.out);
  }
  // cups-pdf takes PostScript. CUPS's default PDF→PS renderer (Ghostscript) turns the ticket's embedded
  // CID TrueType fonts into Type 3 fonts without a text mapping, so pdftotext would read nothing back;
  // poppler's cairo renderer keeps the text (and the QR stays sharp).
  const renderer = run('lpadmin', ['-p', PRINTER_QUEUE, '-o', 'pdftops-renderer-default=pdftocairo']);
  if (!renderer.ok) fail('lpadmin -o pdftops-renderer-default', renderer.out);
  for (const [cmd, args] of [
    ['cupsenable', [PRINTER_QUEUE]],
    ['cupsaccept', [PRINTER_QUEUE]],
  ] as const) {
    const r = run(cmd, [...args]);
    if (!r.ok) fail(cmd, r.out);
  }
  const check = run('lpstat', ['-p', PRINTER_QUEUE]);
  if (!check.ok || !/enabled/.test(check.out)) fail('lpstat -p', check.out);
  process.env.KIOSK_E2E_PDF_DIR = cupsPdfOutputDir();
}

export default async function globalSetup(): Promise<void> {
  await ensureCupsPrinter();
}
