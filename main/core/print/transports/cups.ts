import { spawn } from 'node:child_process';
import { PrinterError } from '../errors';

export interface CupsOptions {
  /** The `lp` program; tests and unusual installs can point elsewhere. */
  lp?: string;
  timeoutMs?: number;
  title?: string;
}

/**
 * Hands a PDF to a CUPS queue with `lp -d <queue>`, the document on standard input. Resolves when CUPS
 * has accepted the job (lp exits 0): CUPS then owns it, with its own retries. The job id it prints is
 * returned for the log.
 */
export function sendToCups(queue: string, pdf: Uint8Array, options: CupsOptions = {}): Promise<string> {
  const args = ['-d', queue];
  if (options.title) args.push('-t', options.title);
  return new Promise((resolve, reject) => {
    const child = spawn(options.lp ?? 'lp', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new PrinterError('printer-timeout', `lp did not answer within ${options.timeoutMs ?? 15_000} ms`),
      );
    }, options.timeoutMs ?? 15_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PrinterError('printer-unreachable', `cannot run lp: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(/request id is (\S+)/.exec(out)?.[1] ?? out.trim());
      else reject(new PrinterError('printer-unreachable', `lp exited ${code}: ${err.trim() || out.trim()}`));
    });
    child.stdin.on('error', () => undefined); // lp may exit before reading everything; 'close' reports it
    child.stdin.end(Buffer.from(pdf));
  });
}
