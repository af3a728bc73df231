import { BlockList } from 'node:net';

/**
 * The networks the kiosk's CA may vouch for: the kiosk's certificate authority is installed as a trusted
 * root on counter PCs, so it is limited by a Name Constraints extension to these (and `localhost` and the
 * kiosk's host name). Were its key ever stolen from a kiosk in a public hall, certificates it signed for
 * any public site would still be refused by those PCs. Private and loopback ranges by default
 * (RFC 1918, RFC 6598 carrier-grade NAT, link-local); a centre whose LAN uses other addresses lists them
 * in `bridge.lanNetworks` before the LAN is first turned on (the CA is made once, with them).
 */
export const DEFAULT_LAN_NETWORKS = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '127.0.0.0/8',
] as const;

export const CIDR4 =
  /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\/(?:[0-9]|[12]\d|3[0-2])$/;

/** A test of "is this IPv4 address in one of these networks". */
export function networkFilter(networks: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const cidr of networks) {
    const [address, prefix] = cidr.split('/');
    list.addSubnet(address ?? '', Number(prefix), 'ipv4');
  }
  return (ip) => list.check(ip, 'ipv4');
}
