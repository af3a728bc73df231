/**
 * The file worker's entry (bundled alone as dist/main/file-worker.cjs): a child process that decodes
 * and checks attachments one at a time for the kiosk (decode/pool.ts). It works under plain Node
 * (child_process.fork: `process.send`) and as an Electron utility process (`process.parentPort`), the
 * only way to start a child when the packaged app's runAsNode fuse is off. It holds no secrets (its
 * environment is emptied by the kiosk) and touches no file: bytes come in, a PDF goes out.
 */
import { imageToPdf, Refused } from './image';
import { checkPdf } from './pdf';
import type { DecodeRequest, DecodeResponse, WorkerReady } from './protocol';
import { startWatchdog } from './watchdog';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;
const watchdog = startWatchdog();

// pdf-lib warns on the console for every object it cannot read: a crafted file has hundreds of
// thousands, which would flood the kiosk's log (the worker's stderr is the kiosk's). Its verdict is what
// counts, and that goes back as the answer.
// eslint-disable-next-line no-console -- silencing a library's console, not logging
console.warn = () => {};
// eslint-disable-next-line no-console -- likewise
console.log = () => {};

function reply(message: DecodeResponse | WorkerReady): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

const isRequest = (m: unknown): m is DecodeRequest =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as DecodeRequest).id === 'number' &&
  ((m as DecodeRequest).kind === 'pdf' ||
    (m as DecodeRequest).kind === 'jpeg' ||
    (m as DecodeRequest).kind === 'png') &&
  (m as DecodeRequest).bytes instanceof Uint8Array &&
  typeof (m as DecodeRequest).timeoutMs === 'number';

async function handle(request: DecodeRequest): Promise<void> {
  const rss = () => process.memoryUsage.rss();
  watchdog.begin({ maxRssBytes: request.limits.maxRssBytes, timeoutMs: request.timeoutMs });
  try {
    const value =
      request.kind === 'pdf'
        ? await checkPdf(request.bytes)
        : await imageToPdf(request.bytes, request.limits);
    reply({ id: request.id, ok: true, value, rss: rss() });
  } catch (error) {
    if (error instanceof Refused) reply({ id: request.id, ok: false, refusal: error.refusal, rss: rss() });
    else reply({ id: request.id, ok: false, crash: String((error as Error)?.stack ?? error), rss: rss() });
  } finally {
    watchdog.end();
  }
}

// One request at a time: the kiosk sends the next only after this one's answer.
const onMessage = (message: unknown): void => {
  if (isRequest(message)) void handle(message);
};
if (parentPort) parentPort.on('message', (event) => onMessage(event.data));
else process.on('message', onMessage);
// The kiosk gone (crash, SIGKILL): nobody will read an answer, so do not linger.
process.on('disconnect', () => process.exit(0));
reply({ ready: true });
