/**
 * The kiosk's certificate authority for LAN HTTPS: made once and kept, its key readable by the kiosk's
 * account only, and a server certificate that a counter PC trusting the CA accepts for the kiosk's
 * current addresses, issued again when the addresses change (DHCP) or the end is near.
 */
import { X509Certificate } from 'node:crypto';
import { connect, createServer } from 'node:tls';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateAuthority, serverCertificate, SERVER_DAYS } from '../../../main/core/tls/authority';
import { DEFAULT_LAN_NETWORKS } from '../../../main/core/tls/networks';
import { tempDir } from '../helpers';

const now = new Date('2026-12-07T03:00:00Z');
const DAY = 86_400_000;
const LAN = { networks: DEFAULT_LAN_NETWORKS, dnsNames: ['localhost', 'kiosk-01'] };

describe('the LAN certificate authority', () => {
  it('is made at the first start and the same one is read back after', async () => {
    const dir = tempDir();
    const first = await loadOrCreateAuthority(dir, { now, name: 'UBND phường Bến Nghé – K01', ...LAN });
    const again = await loadOrCreateAuthority(dir, {
      now: new Date(now.getTime() + DAY),
      name: 'other',
      ...LAN,
    });
    expect(again.fingerprint256).toBe(first.fingerprint256);
    expect(first.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const ca = new X509Certificate(first.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('UBND phường Bến Nghé – K01');
    expect(statSync(join(dir, 'tls', 'ca-key.pem')).mode & 0o077).toBe(0);
  });

  it('issues a server certificate for the addresses and names, signed by the CA, for under 398 days', async () => {
    const dir = tempDir();
    const authority = await loadOrCreateAuthority(dir, { now, name: 'K01', ...LAN });
    const { certificate, renewed } = await serverCertificate(dir, authority, {
      ips: ['127.0.0.1', '192.168.1.20'],
      dnsNames: ['localhost', 'kiosk-01'],
      now,
    });
    expect(renewed).toBe(true);
    const cert = new X509Certificate(certificate.certPem);
    const ca = new X509Certificate(authority.certPem);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(cert.checkHost('kiosk-01')).toBe('kiosk-01');
    expect(cert.checkIP('192.168.1.21')).toBeUndefined();
    expect((new Date(cert.validTo).getTime() - now.getTime()) / DAY).toBeLessThanOrEqual(SERVER_DAYS);
    expect(statSync(join(dir, 'tls', 'server-key.pem')).mode & 0o077).toBe(0);
  });

  it('keeps the certificate while the addresses stay, and issues a new one when they change or it nears its end', async () => {
    const dir = tempDir();
    const authority = await loadOrCreateAuthority(dir, { now, name: 'K01', ...LAN });
    const want = { ips: ['127.0.0.1', '10.0.0.5'], dnsNames: ['localhost'], now };
    const first = await serverCertificate(dir, authority, want);
    const same = await serverCertificate(dir, authority, { ...want, ips: ['10.0.0.5', '127.0.0.1'] });
    expect(same.renewed).toBe(false);
    expect(same.certificate.certPem).toBe(first.certificate.certPem);
    const moved = await serverCertificate(dir, authority, { ...want, ips: ['127.0.0.1', '10.0.0.77'] });
    expect(moved.renewed).toBe(true);
    expect(new X509Certificate(moved.certificate.certPem).checkIP('10.0.0.77')).toBe('10.0.0.77');
    const late = await serverCertificate(dir, authority, {
      ...want,
      ips: ['127.0.0.1', '10.0.0.77'],
      now: new Date(now.getTime() + (SERVER_DAYS - 10) * DAY),
    });
    expect(late.renewed).toBe(true);
  });

  it('cannot vouch for a public site even if its key were stolen: name constraints hold in a TLS handshake', async () => {
    const dir = tempDir();
    const authority = await loadOrCreateAuthority(dir, { now, name: 'K01', ...LAN });
    /** Serves `names` with a certificate signed by the CA and connects as a PC that trusts the CA. */
    async function handshake(want: { ips: string[]; dnsNames: string[] }, servername?: string) {
      const { certificate } = await serverCertificate(tempDir(), authority, { ...want, now: new Date() });
      const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (s) => s.end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      try {
        return await new Promise<string>((resolve) => {
          const socket = connect({
            host: '127.0.0.1',
            port,
            ca: authority.certPem,
            ...(servername ? { servername } : {}),
          });
          socket.once('secureConnect', () => {
            socket.destroy();
            resolve('trusted');
          });
          socket.once('error', (error: NodeJS.ErrnoException) =>
            resolve(`${error.code ?? ''} ${error.message}`),
          );
        });
      } finally {
        server.close();
      }
    }
    expect(await handshake({ ips: ['127.0.0.1'], dnsNames: ['localhost'] })).toBe('trusted');
    const rogue = await handshake({ ips: [], dnsNames: ['www.google.com'] }, 'www.google.com');
    expect(rogue).not.toBe('trusted');
    expect(rogue).toContain('permitted subtree violation');
    expect(await handshake({ ips: ['8.8.8.8', '127.0.0.1'], dnsNames: ['localhost'] })).not.toBe('trusted');
  });
});
