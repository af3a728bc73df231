import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core';
import { createLogger } from '../core/log';
import { isLoopback } from './guards';
import { httpErrors, rawErrorResponse } from './replies';
import { deviceTokenOf } from './cookies';
import { pairingErrors } from '../core/pairing/messages';

const log = createLogger('server.events');

interface Client {
  socket: WebSocket;
  /** Connected from this machine: may receive `local` events (raw scans). */
  local: boolean;
  token?: string;
  alive: boolean;
  /** The remote address, for the per-address cap. */
  address: string | undefined;
  /** The paired device this socket belongs to (null: the kiosk's own window). */
  deviceId: string | null;
}

const MAX_CLIENTS = 200;
/** Event sockets one LAN address may hold at once. */
export const MAX_CLIENTS_PER_ADDRESS = 8;
/** Event sockets one paired device may hold at once (a display, a counter PC with a tab or two). */
export const MAX_CLIENTS_PER_DEVICE = 4;

/**
 * The `/events` WebSocket. Public events go to every client (kiosks, the waiting-room display); staff
 * events only to clients that sent `{"type":"auth","token":…}` with a live session signed in on the same
 * device. Browsers cannot set headers on a WebSocket, hence the first message rather than Authorization;
 * the device's cookie does travel with the upgrade, so an unpaired LAN client gets no socket at all, and
 * a revoked device's sockets close at once.
 */
export function createEventsHub(core: Core) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const clients = new Set<Client>();
  // A handshake ws refuses (no key, wrong version …) is answered JSON, as every error of the bridge,
  // instead of ws's own plain-text reply.
  wss.on('wsClientError', (error: Error, socket: Duplex) => {
    if (socket.writable) socket.end(rawErrorResponse(httpErrors.badHandshake(error.message)));
    else socket.destroy();
  });

  const unsubscribe = core.subscribe((message, audience) => {
    const data = JSON.stringify(message);
    // A print job's `ref` names what printed (`receipt:<dossier code>`, `park-slip:<code>`): the
    // kiosk's own window and staff need it; a LAN client watching the hall gets the job and its status
    // only, so it cannot tie the person at the printer to their dossier code.
    const anonymous =
      message.event === 'print.job'
        ? JSON.stringify({ ...message, payload: { ...message.payload, ref: null } })
        : data;
    for (const client of clients) {
      const staff = core.isSessionValid(client.token, client.deviceId);
      if (audience === 'staff' && !staff) continue;
      if (audience === 'local' && !client.local) continue;
      client.socket.send(client.local || staff ? data : anonymous);
    }
  });

  const offRevoked = core.onDeviceRevoked((id) => {
    for (const client of clients) {
      if (client.deviceId !== id) continue;
      clients.delete(client);
      client.socket.terminate();
    }
  });

  // Drop clients that vanished without closing (a display unplugged from the LAN).
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, 30_000);
  heartbeat.unref();

  wss.on('connection', (socket: WebSocket, req: IncomingMessage, deviceId: string | null) => {
    const client: Client = {
      socket,
      alive: true,
      local: isLoopback(req.socket.remoteAddress),
      address: req.socket.remoteAddress,
      deviceId,
    };
    clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('message', (raw) => {
      try {
        const msg = JSON.parse(String(raw)) as { type?: unknown; token?: unknown };
        if (msg.type === 'auth') client.token = typeof msg.token === 'string' ? msg.token : undefined;
      } catch {
        log.debug('ignored a malformed client message');
      }
    });
    socket.on('close', () => clients.delete(client));
    socket.on('error', () => clients.delete(client));
  });

  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      // One LAN address (a display, a counter PC's tabs) holds a few sockets; 200 idle ones from one
      // script had filled the cap and the waiting-room display got 503. The kiosk's window is not counted.
      const from = req.socket.remoteAddress;
      const local = isLoopback(from);
      const device = local ? null : core.deviceFor(deviceTokenOf(req), from);
      if (!local && !device) {
        socket.end(rawErrorResponse(pairingErrors.notPaired()));
        return;
      }
      const deviceId = device?.id ?? null;
      const mine = local ? 0 : [...clients].filter((c) => c.address === from).length;
      const its = deviceId ? [...clients].filter((c) => c.deviceId === deviceId).length : 0;
      if (clients.size >= MAX_CLIENTS || mine >= MAX_CLIENTS_PER_ADDRESS || its >= MAX_CLIENTS_PER_DEVICE) {
        socket.end(rawErrorResponse(httpErrors.tooManyClients()));
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, deviceId));
    },
    get size() {
      return clients.size;
    },
    close(): void {
      clearInterval(heartbeat);
      unsubscribe();
      offRevoked();
      for (const client of clients) client.socket.terminate();
      wss.close();
    },
  };
}
