/**
 * HTTPS for the centre's LAN: the kiosk's CA (authority.ts) and a server certificate kept valid for the
 * machine's current addresses. A DHCP lease that changes the address is noticed at the next check (every
 * minute) and a new certificate is issued; the bridge swaps it in without a restart.
 */
import { hostname, networkInterfaces } from 'node:os';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import {
  loadOrCreateAuthority,
  serverCertificate,
  type Authority,
  type ServerCertificate,
} from './authority';
import { networkFilter } from './networks';

export { DEFAULT_LAN_NETWORKS } from './networks';

export { loadOrCreateAuthority, serverCertificate } from './authority';
export type { Authority, ServerCertificate } from './authority';

const log = createLogger('tls');

/** How often the addresses are compared with the certificate's. */
export const ADDRESS_CHECK_MS = 60_000;

/** The names the kiosk's certificates carry: `localhost`, and the host name for those who type it. */
export function kioskNames(): string[] {
  const name = hostname().trim().toLowerCase();
  return [...new Set(['localhost', ...(name && /^[a-z0-9.-]{1,253}$/.test(name) ? [name] : [])])];
}

/**
 * The machine's addresses a counter PC may use: every non-internal IPv4 inside the centre's networks
 * (the CA may vouch for no other), and loopback for the kiosk itself.
 */
export function currentAddresses(
  networks: readonly string[],
  interfaces = networkInterfaces(),
): { ips: string[]; dnsNames: string[] } {
  const inside = networkFilter(networks);
  const ips = new Set<string>(['127.0.0.1']);
  for (const list of Object.values(interfaces))
    for (const a of list ?? [])
      if (!a.internal && a.family === 'IPv4' && inside(a.address)) ips.add(a.address);
  return { ips: [...ips], dnsNames: kioskNames() };
}

export interface TlsInfo {
  /** SHA-256 fingerprint of the CA counter PCs install: compare it with the one the PC shows. */
  caFingerprint256: string;
  caPem: string;
  caValidUntil: string;
  serverIps: string[];
  serverNames: string[];
  serverValidUntil: string;
}

export interface LanTls {
  /** Key and certificate (chain: server, CA) for the HTTPS listener now. */
  current(): { key: string; cert: string };
  info(): TlsInfo;
  /** Called with the new key and certificate after a renewal. */
  onRenew(listener: (pair: { key: string; cert: string }) => void): void;
  stop(): void;
}

export async function startLanTls(options: {
  dataDir: string;
  clock: Clock;
  /** The CA's name: the centre and kiosk, as a counter PC's certificate list shows it. */
  name: string;
  /** `bridge.lanNetworks`: the CA's name constraints, and the addresses its certificates may carry. */
  networks: readonly string[];
  addresses?: () => { ips: string[]; dnsNames: string[] };
}): Promise<LanTls> {
  const addresses = options.addresses ?? (() => currentAddresses(options.networks));
  const authority: Authority = await loadOrCreateAuthority(options.dataDir, {
    now: options.clock.now(),
    name: options.name,
    networks: options.networks,
    dnsNames: kioskNames(),
  });
  let server: ServerCertificate = (
    await serverCertificate(options.dataDir, authority, { ...addresses(), now: options.clock.now() })
  ).certificate;
  const listeners: ((pair: { key: string; cert: string }) => void)[] = [];
  const pair = () => ({
    key: server.keyPem,
    cert: `${server.certPem.trim()}\n${authority.certPem.trim()}\n`,
  });
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    serverCertificate(options.dataDir, authority, { ...addresses(), now: options.clock.now() })
      .then(({ certificate, renewed }) => {
        server = certificate;
        if (!renewed) return;
        log.info('LAN certificate renewed', { ips: certificate.ips, names: certificate.dnsNames });
        for (const listener of listeners) listener(pair());
      })
      .catch((error: unknown) => log.error('LAN certificate could not be renewed', { error }))
      .finally(() => {
        checking = false;
      });
  }, ADDRESS_CHECK_MS);
  timer.unref();
  log.info('LAN HTTPS ready', { caFingerprint256: authority.fingerprint256, ips: server.ips });
  return {
    current: pair,
    info: () => ({
      caFingerprint256: authority.fingerprint256,
      caPem: authority.certPem,
      caValidUntil: authority.notAfter.toISOString(),
      serverIps: server.ips,
      serverNames: server.dnsNames,
      serverValidUntil: server.notAfter.toISOString(),
    }),
    onRenew: (listener) => listeners.push(listener),
    stop: () => clearInterval(timer),
  };
}
