import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../../main/core/log';
import { PrinterError, sendTcp, statusRequest, writeDevice } from '../../../main/core/print';
import { randomBitmap } from './helpers';

const servers: Server[] = [];
const sockets = new Set<Socket>();
let restoreSink: ReturnType<typeof setLogSink>;
beforeAll(() => {
  restoreSink = setLogSink(() => undefined);
});
afterAll(() => {
  setLogSink(restoreSink);
});
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

interface Listener {
  port: number;
  /** Everything received, once the client's side has ended or the socket closed. */
  received: Promise<Buffer>;
}

/** A real TCP listener on 127.0.0.1, port 0, serving one connection with `behaviour`. */
async function listen(
  behaviour: (socket: Socket, chunks: Buffer[]) => void = () => undefined,
): Promise<Listener> {
  let deliver: (b: Buffer) => void = () => undefined;
  const received = new Promise<Buffer>((r) => (deliver = r));
  const server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => deliver(Buffer.concat(chunks)));
    // Like a printer: close our side once the host has finished sending.
    socket.on('end', () => socket.end());
    behaviour(socket, chunks);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, received };
}

const job = (size: number): Uint8Array => randomBitmap(8, size, size).data;
const printer = (port: number) => ({ host: '127.0.0.1', port, timeoutMs: 2000 });

describe('sendTcp', () => {
  it('delivers the bytes exactly and resolves after a clean close', async () => {
    const l = await listen();
    const bytes = job(300_000);
    await expect(sendTcp(printer(l.port), bytes)).resolves.toEqual({
      bytesSent: bytes.length,
      paper: 'unknown',
    });
    expect(Buffer.compare(await l.received, Buffer.from(bytes))).toBe(0);
  });

  it('honours backpressure: a slow reader still gets every byte', async () => {
    const l = await listen((socket) => {
      socket.pause();
      const timer = setInterval(() => {
        socket.resume();
        setTimeout(() => socket.pause(), 2);
      }, 10);
      socket.on('close', () => clearInterval(timer));
    });
    const bytes = job(4_000_000);
    await sendTcp(printer(l.port), bytes);
    expect(Buffer.compare(await l.received, Buffer.from(bytes))).toBe(0);
  });

  it('rejects with printer-disconnected when the printer drops the connection mid-job', async () => {
    const l = await listen((socket, chunks) => {
      socket.on('data', () => {
        if (chunks.reduce((n, c) => n + c.length, 0) > 64 * 1024) socket.destroy();
      });
    });
    const error = await sendTcp(printer(l.port), job(8_000_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({
      code: 'printer-disconnected',
      vi: expect.stringContaining('ngắt kết nối'),
      en: expect.stringContaining('disconnected'),
    });
  });

  it('rejects with printer-unreachable when nothing listens', async () => {
    const l = await listen();
    await new Promise((r) => servers.pop()!.close(r));
    await expect(sendTcp(printer(l.port), job(10))).rejects.toMatchObject({
      code: 'printer-unreachable',
      vi: expect.any(String),
      en: expect.any(String),
    });
  });

  it('rejects with printer-timeout when the printer stops reading', async () => {
    const l = await listen((socket) => socket.pause());
    const started = Date.now();
    await expect(
      sendTcp({ host: '127.0.0.1', port: l.port, timeoutMs: 300 }, job(20_000_000)),
    ).rejects.toMatchObject({ code: 'printer-timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses to print on paper end: paper-out, and no job bytes sent', async () => {
    const l = await listen((socket) => {
      socket.once('data', () => socket.write(Uint8Array.of(0x72))); // bits 5/6: roll paper end
    });
    const error = await sendTcp(printer(l.port), job(1000), { queryStatus: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'paper-out', vi: 'Máy in hết giấy', en: 'Printer is out of paper' });
    expect([...(await l.received)]).toEqual([...statusRequest(4)]);
  });

  it('prints after a paper-near-end answer and reports it', async () => {
    const l = await listen((socket) => {
      socket.once('data', () => socket.write(Uint8Array.of(0x1e)));
    });
    const bytes = job(1000);
    await expect(sendTcp(printer(l.port), bytes, { queryStatus: true })).resolves.toMatchObject({
      paper: 'near-end',
    });
    expect(Buffer.compare(await l.received, Buffer.concat([statusRequest(4), bytes]))).toBe(0);
  });

  it('prints anyway when the printer does not answer the status request', async () => {
    const l = await listen();
    const bytes = job(1000);
    const started = Date.now();
    await expect(
      sendTcp(printer(l.port), bytes, { queryStatus: true, statusTimeoutMs: 150 }),
    ).resolves.toEqual({
      bytesSent: bytes.length,
      paper: 'unknown',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Buffer.compare(await l.received, Buffer.concat([statusRequest(4), bytes]))).toBe(0);
  });

  it('ignores bytes that are not a status answer', async () => {
    const l = await listen((socket) => {
      socket.once('data', () => socket.write(Uint8Array.of(0xff, 0x00, 0x12)));
    });
    await expect(sendTcp(printer(l.port), job(10), { queryStatus: true })).resolves.toMatchObject({
      paper: 'ok',
    });
  });
});

describe('writeDevice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every byte to the device file', async () => {
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const bytes = job(200_000);
    await writeDevice(path, bytes);
    expect(Buffer.compare(readFileSync(path), Buffer.from(bytes))).toBe(0);
  });

  it('does not create a missing device: printer-unreachable', async () => {
    await expect(writeDevice(join(dir, 'lp9'), job(10))).rejects.toMatchObject({
      code: 'printer-unreachable',
    });
    expect(() => readFileSync(join(dir, 'lp9'))).toThrow();
  });
});
