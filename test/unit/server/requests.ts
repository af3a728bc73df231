// Raw HTTP requests to the bridge, for tests that send what a browser, a LAN client or an attacker would
// (any header, a body that is not JSON, a body that never ends) and read the answer as it came.
import { request, type ClientRequest } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Headers = Record<string, string>;

/** Sends to the bridge on 127.0.0.1 and resolves with the whole answer, its body as UTF-8 text. */
function exchange(
  port: number,
  path: string,
  options: { method: string; headers?: Headers | undefined },
  send: (req: ClientRequest) => void,
  /** Drop the connection once the answer is read: the request itself was never finished. */
  hangUp = false,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (hangUp) req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.on('error', reject);
    send(req);
  });
}

/** A raw request, so tests can send the headers a browser or an attacker would. */
export function send(
  server: { port: number },
  path: string,
  options: { method?: string; headers?: Headers; body?: string | Buffer } = {},
): Promise<Reply> {
  const { method = 'GET', headers, body } = options;
  return exchange(server.port, path, { method, headers }, (req) => req.end(body));
}

/** A contract method called over the bridge with `body` as the request's text, sent as it is. */
export const post = (server: { port: number }, method: string, body: string | Buffer): Promise<Reply> =>
  send(server, `/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/**
 * A POST whose body is never finished: `write` sends part of it, and the answer must come without the
 * rest (the connection is dropped once it is read).
 */
export const unfinished = (
  server: { port: number },
  path: string,
  headers: Headers,
  write: (req: ClientRequest) => void,
): Promise<Reply> => exchange(server.port, path, { method: 'POST', headers }, write, true);
