/**
 * The attachment worker under Electron. The packaged app flips the runAsNode fuse (electron-builder.yml),
 * so `child_process.fork` cannot turn the Electron binary into Node; a utility process is Electron's way
 * to run a Node child. Same script as under browser mode (dist/main/file-worker.cjs, which talks to
 * `process.parentPort` here), same empty environment, killed the same way on a time limit.
 */
import type { UtilityProcess } from 'electron';
import { WORKER_EXEC_ARGV, workerEnv, type LaunchWorker } from '../core/dossier/decode';

/** The part of Electron's `utilityProcess` module used here (a fake in tests). */
export interface UtilityProcessModule {
  fork(
    modulePath: string,
    args: string[],
    options: {
      serviceName: string;
      env: NodeJS.ProcessEnv;
      execArgv: string[];
      stdio: 'ignore' | 'inherit' | 'pipe';
    },
  ): Pick<UtilityProcess, 'postMessage' | 'kill' | 'on'>;
}

export function utilityWorker(utilityProcess: UtilityProcessModule): LaunchWorker {
  return (script) => {
    const child = utilityProcess.fork(script, [], {
      serviceName: 'Một Cửa Kiosk – kiểm tra tệp',
      env: workerEnv(),
      execArgv: [...WORKER_EXEC_ARGV],
      stdio: 'inherit',
    });
    return {
      send: (message) => child.postMessage(message),
      kill: () => {
        child.kill();
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code: number) => listener(code)),
    };
  };
}
