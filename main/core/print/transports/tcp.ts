import { type Socket, createConnection } from 'node:net';
import { createLogger } from '../../log';
import { PrinterError, fromSystemError } from '../errors';
import { parseStatus, statusRequest } from '../escpos';

const log = createLogger('print.tcp');

export interface TcpPrinter {
  host: string;
  /** Raw printing port, 9100 on almost every network printer. */
  port: number;
  /** Bounds the connect and every later wait for progress (write drain, close). */
  timeoutMs: number;
}

export interface SendTcpOptions {
  /** Ask DLE EOT 4 (paper sensor) first and refuse to print on paper end. */
  queryStatus?: boolean;
  /** How long to wait for the status byte; many printers never answer, so this is short. */
  statusTimeoutMs?: number;
  /** Upper bound on the whole job, whatever the progress. */
  jobTimeoutMs?: number;
}

export type PaperState = 'ok' | 'near-end' | 'unknown';

export interface SendTcpResult {
  bytesSent: number;
  /** From the status answer; `unknown` when not asked or the printer did not answer. */
  paper: PaperState;
}

const CHUNK = 16 * 1024;

/**
 * Sends a job to a network printer and resolves once every byte is written, our side is closed, and the
 * printer has closed its side: that last step is the only sign the bytes were taken off the wire, so a
 * printer that never closes ends in `printer-timeout` rather than a false success.
 * Errors: refused/no route → printer-unreachable; reset, broken pipe or an early close →
 * printer-disconnected; no progress within `timeoutMs` (connect included) → printer-timeout; a paper-end
 * answer → paper-out, before any of the job is sent.
 */
export function sendTcp(
  printer: TcpPrinter,
  bytes: Uint8Array,
  options: SendTcpOptions = {},
): Promise<SendTcpResult> {
  const statusTimeoutMs = options.statusTimeoutMs ?? 500;
  const jobTimeoutMs = options.jobTimeoutMs ?? Math.max(60_000, printer.timeoutMs * 4);

  return new Promise<SendTcpResult>((resolve, reject) => {
    const timers = new Set<NodeJS.Timeout>();
    let settled = false;
    let closing = false;
    let onData: ((chunk: Buffer) => void) | null = null;
    let onDrain: (() => void) | null = null;
    let paper: PaperState = 'unknown';

    const socket: Socket = createConnection({ host: printer.host, port: printer.port });
    const after = (ms: number, fn: () => void): NodeJS.Timeout => {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
      return t;
    };
    const cancel = (t: NodeJS.Timeout): void => {
      clearTimeout(t);
      timers.delete(t);
    };
    const finish = (error: PrinterError | null, result?: SendTcpResult): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        log.warn('print job failed', {
          host: printer.host,
          port: printer.port,
          code: error.code,
          detail: error.detail,
        });
        reject(error);
      } else if (result) {
        resolve(result);
      }
    };

    // Incoming bytes: the status answer while we wait for one; otherwise read and dropped, because a paused
    // socket never sees the printer's FIN.
    socket.on('data', (chunk: Buffer) => onData?.(chunk));
    socket.on('drain', () => onDrain?.());
    socket.on('error', (error) => finish(fromSystemError(error)));
    socket.on('timeout', () =>
      finish(new PrinterError('printer-timeout', `no progress for ${printer.timeoutMs} ms`)),
    );
    socket.on('close', (hadError) => {
      if (closing && !hadError) {
        finish(null, { bytesSent: bytes.length, paper });
      } else {
        finish(new PrinterError('printer-disconnected', 'the printer closed the connection mid-job'));
      }
    });
    after(jobTimeoutMs, () => finish(new PrinterError('printer-timeout', `job exceeded ${jobTimeoutMs} ms`)));
    const connectTimer = after(printer.timeoutMs, () =>
      finish(new PrinterError('printer-timeout', `connect exceeded ${printer.timeoutMs} ms`)),
    );

    const writeJob = (): void => {
      let offset = 0;
      const pump = (): void => {
        onDrain = null;
        while (offset < bytes.length && !settled) {
          const end = Math.min(offset + CHUNK, bytes.length);
          const flushed = socket.write(bytes.subarray(offset, end));
          offset = end;
          if (!flushed) {
            // Backpressure: the kernel buffer is full; carry on when it drains (the idle timeout bounds it).
            onDrain = pump;
            return;
          }
        }
        if (!settled) {
          closing = true;
          socket.end();
        }
      };
      pump();
    };

    socket.once('connect', () => {
      cancel(connectTimer);
      socket.setTimeout(printer.timeoutMs);
      if (!options.queryStatus) {
        writeJob();
        return;
      }
      const statusTimer = after(statusTimeoutMs, () => {
        onData = null;
        log.debug('printer did not answer DLE EOT 4; printing anyway', { host: printer.host });
        writeJob();
      });
      onData = (chunk) => {
        for (const byte of chunk) {
          const status = parseStatus(4, byte);
          if (status?.kind !== 'paper') continue;
          onData = null;
          cancel(statusTimer);
          if (status.end) {
            finish(new PrinterError('paper-out', `DLE EOT 4 answered 0x${byte.toString(16)}`));
            return;
          }
          paper = status.nearEnd ? 'near-end' : 'ok';
          writeJob();
          return;
        }
      };
      socket.write(statusRequest(4));
    });
  });
}
