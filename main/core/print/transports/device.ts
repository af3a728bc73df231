import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { PrinterError, fromSystemError } from '../errors';

export interface WriteDeviceOptions {
  /** Bounds the whole write. A USB printer that is off-line can block a write indefinitely. */
  timeoutMs?: number;
}

const CHUNK = 64 * 1024;

/**
 * Writes a job to a printer device file (/dev/usb/lp0 and the like). Opened write-only without O_CREAT,
 * so a missing printer is an error instead of a new regular file in /dev.
 * Missing device → printer-unreachable; no permission (user not in the `lp` group) → printer-permission;
 * I/O error mid-job → printer-disconnected; over `timeoutMs` → printer-timeout. A write stuck in the kernel
 * cannot be cancelled: on timeout the handle is closed in the background and the promise rejects at once.
 */
export async function writeDevice(
  path: string,
  bytes: Uint8Array,
  options: WriteDeviceOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const open_: { handle: FileHandle | null } = { handle: null };
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new PrinterError('printer-timeout', `writing ${path} exceeded ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const job = async (): Promise<void> => {
    const handle = await open(path, constants.O_WRONLY | constants.O_NOCTTY);
    open_.handle = handle;
    let offset = 0;
    while (offset < bytes.length && !timedOut) {
      const length = Math.min(CHUNK, bytes.length - offset);
      const { bytesWritten } = await handle.write(bytes, offset, length);
      if (bytesWritten <= 0) throw new PrinterError('printer-disconnected', `${path} accepted no bytes`);
      offset += bytesWritten;
    }
    open_.handle = null;
    await handle.close();
  };
  try {
    await Promise.race([job(), deadline]);
  } catch (error) {
    void open_.handle?.close().catch(() => undefined);
    throw error instanceof PrinterError ? error : fromSystemError(error);
  } finally {
    clearTimeout(timer);
  }
}
