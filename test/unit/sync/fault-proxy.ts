import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault-injecting proxy between the kiosk and the portal, on 127.0.0.1. It speaks HTTP on both sides so a
 * fault can be chosen per request (the kiosk's client keeps connections alive, so one TCP connection
 * carries many requests), and reaches for the raw socket for what HTTP cannot say: a reset half-way
 * through an upload, an answer cut off mid-body, an answer never sent after the portal committed.
 */
export type Fault =
  /** Forward both ways untouched. */
  | 'pass'
  /** Read part of the request body, then reset the connection (RST): the upload dies mid-way. */
  | 'reset-upload'
  /** Answer 500 without asking the portal. */
  | 'error-500'
  /** Answer 429 with Retry-After: 1 without asking the portal. */
  | 'busy-429'
  /** Read the request and never answer: the kiosk's request timeout must fire. */
  | 'stall'
  /** Forward; send the portal's status and headers but only half its body, then close. */
  | 'truncate'
  /** Forward and let the portal commit; then drop the connection without a byte of its answer. */
  | 'drop-after-commit';

export interface FaultRequest {
  method: string;
  path: string;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** While true every new connection is closed at once: the link is down. */
  down: boolean;
  /** Which fault each request gets, in arrival order. */
  log: (FaultRequest & { fault: Fault })[];
  close(): Promise<void>;
}

export async function startFaultProxy(options: {
  upstream: string;
  plan: (req: FaultRequest) => Fault;
}): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = { url: '', port: 0, down: false, log: [], close: async () => undefined };

  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? 'GET', path: req.url ?? '/' };
    const fault = options.plan(request);
    proxy.log.push({ ...request, fault });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const data = Buffer.from(JSON.stringify(body));
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': data.length,
        ...headers,
      });
      res.end(data);
    };
    switch (fault) {
      case 'error-500':
        req.resume();
        req.once('end', () => json(500, { message: 'Lỗi giả lập (proxy).', reasons: [] }));
        return;
      case 'busy-429':
        req.resume();
        req.once('end', () =>
          json(429, { message: 'Quá tải (proxy).', reasons: [] }, { 'Retry-After': '1' }),
        );
        return;
      case 'stall':
        req.resume(); // read it all, answer nothing
        return;
      case 'reset-upload': {
        const length = Number(req.headers['content-length'] ?? 0);
        let seen = 0;
        const cut = () => req.socket.resetAndDestroy();
        if (length === 0) return cut();
        req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen >= length / 2) cut();
        });
        req.once('end', cut);
        return;
      }
      case 'pass':
      case 'truncate':
      case 'drop-after-commit': {
        const up = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
            agent,
          },
          (answer) => {
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.once('end', () => {
              const body = Buffer.concat(chunks);
              if (fault === 'drop-after-commit') return void req.socket.destroy();
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              if (fault === 'truncate') {
                res.write(body.subarray(0, Math.floor(body.length / 2)));
                // Let the half reach the kiosk before the connection goes.
                setTimeout(() => req.socket.destroy(), 20);
                return;
              }
              res.end(body);
            });
          },
        );
        up.once('error', () => req.socket.destroy());
        req.pipe(up);
        return;
      }
    }
  });
  server.on('connection', (socket: Socket) => {
    if (proxy.down) {
      socket.resetAndDestroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.port = port;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = async () => {
    for (const s of sockets) s.destroy();
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
