/**
 * The Electron adapter for the attachment worker (a utility process: the packaged app cannot fork
 * Node). Electron is not installed here, so a fake `utilityProcess` stands in; what is checked is the
 * adapter's side: the script and a bare environment go to `fork`, messages flow both ways, and the
 * decoder's time limit reaches `kill`.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createFileDecoder, DecodeFailed, DEFAULT_DECODE_LIMITS } from '../../../main/core/dossier/decode';
import type { DecodeRequest } from '../../../main/core/dossier/decode/protocol';
import { utilityWorker, type UtilityProcessModule } from '../../../main/shell/file-worker';

function fakeUtilityProcess(answer: boolean) {
  const forks: { path: string; env: NodeJS.ProcessEnv; serviceName: string }[] = [];
  let kills = 0;
  const module: UtilityProcessModule = {
    fork(path, _args, options) {
      forks.push({ path, env: options.env, serviceName: options.serviceName });
      const child = new EventEmitter();
      setImmediate(() => child.emit('message', { ready: true }));
      return {
        postMessage: (message: DecodeRequest) => {
          if (answer)
            setImmediate(() =>
              child.emit('message', {
                id: message.id,
                ok: true,
                value: { pdf: message.bytes, pages: 2, thumbnail: null },
                rss: 1,
              }),
            );
        },
        kill: () => {
          kills += 1;
          setImmediate(() => child.emit('exit', 9));
          return true;
        },
        on: (event: string, listener: (...args: unknown[]) => void) => child.on(event, listener),
      } as unknown as ReturnType<UtilityProcessModule['fork']>;
    },
  };
  return { module, forks, kills: () => kills };
}

describe('the attachment worker under Electron (utility process)', () => {
  it('forks the script with a bare environment and gets the answer back', async () => {
    process.env.KIOSK_ADMIN_PIN = '135790';
    const fake = fakeUtilityProcess(true);
    const decoder = createFileDecoder({
      script: '/app/dist/main/file-worker.cjs',
      launch: utilityWorker(fake.module),
      limits: DEFAULT_DECODE_LIMITS,
      timeoutMs: 2_000,
      maxWaiting: 2,
    });
    try {
      const result = await decoder.decode(new Uint8Array([7]), 'pdf');
      expect(result.pages).toBe(2);
      expect(fake.forks).toHaveLength(1);
      expect(fake.forks[0]!.path).toBe('/app/dist/main/file-worker.cjs');
      expect(fake.forks[0]!.env.KIOSK_ADMIN_PIN).toBeUndefined();
    } finally {
      delete process.env.KIOSK_ADMIN_PIN;
      decoder.close();
    }
  });

  it('kills the utility process when a file takes too long', async () => {
    const fake = fakeUtilityProcess(false);
    const decoder = createFileDecoder({
      script: 'worker.cjs',
      launch: utilityWorker(fake.module),
      limits: DEFAULT_DECODE_LIMITS,
      timeoutMs: 200,
      maxWaiting: 2,
    });
    try {
      const error = await decoder.decode(new Uint8Array([7]), 'png').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecodeFailed);
      expect((error as DecodeFailed).failure.code).toBe('file-too-slow');
      expect(fake.kills()).toBe(1);
    } finally {
      decoder.close();
    }
  });
});
