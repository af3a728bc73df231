/**
 * The kiosk's own small certificate authority, for HTTPS on the centre's LAN (counter PCs, displays).
 * There is no public name to get a certificate for (a kiosk is reached by its LAN address), so the kiosk
 * makes a CA at first start, an admin installs that CA once on each counter PC and display (checking its
 * SHA-256 fingerprint against the one on the staff console), and the kiosk issues itself a server
 * certificate for its current addresses and host name, again whenever they change (DHCP).
 *
 * Keys are ECDSA P-256 from node:crypto's WebCrypto; certificates are written by @peculiar/x509 (Node can
 * read X.509 but not write it). The CA is constrained to issue end-entity certificates only (pathLen 0).
 * Files, in `<data>/tls/`: ca-key.pem (0600), ca-cert.pem, server-key.pem (0600), server-cert.pem.
 */
import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it, once, before the import below
import * as x509 from '@peculiar/x509';
import { X509Certificate, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  GeneralName,
  GeneralSubtree,
  GeneralSubtrees,
  NameConstraints,
  id_ce_nameConstraints,
} from '@peculiar/asn1-x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
/** Browsers refuse a server certificate valid for more than 398 days. */
export const SERVER_DAYS = 397;
/** A server certificate this close to its end is renewed at the next check. */
const RENEW_BEFORE_DAYS = 30;
const CA_YEARS = 10;

export interface Authority {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the CA certificate, as Windows and browsers show it: `AB:CD:…`. */
  fingerprint256: string;
  notAfter: Date;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** The addresses and names it is valid for. */
  ips: string[];
  dnsNames: string[];
  notAfter: Date;
}

const serial = (): string => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive integer
  return bytes.toString('hex');
};

/** Writes a file whole or not at all (a power cut mid-write must not leave half a key). */
function writeAtomic(path: string, text: string, secret: boolean): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text, { mode: secret ? 0o600 : 0o644 });
  if (secret) chmodSync(temp, 0o600);
  renameSync(temp, path);
}

async function exportKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

const tlsDir = (dataDir: string): string => join(dataDir, 'tls');

/**
 * A critical Name Constraints extension (RFC 5280 § 4.2.1.10): the CA may vouch only for these networks,
 * `localhost` and the kiosk's host name. Chromium and Windows enforce it on a trusted root, so a stolen
 * CA key cannot make certificates for public sites.
 */
function nameConstraints(networks: readonly string[], dnsNames: readonly string[]): x509.Extension {
  const subtrees = [
    ...networks.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) })),
    ...dnsNames.map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
  ];
  const value = AsnConvert.serialize(
    new NameConstraints({ permittedSubtrees: new GeneralSubtrees(subtrees) }),
  );
  return new x509.Extension(id_ce_nameConstraints, true, value);
}

/** The CA of this kiosk: read from the data folder, or made and saved on the first start. */
export async function loadOrCreateAuthority(
  dataDir: string,
  options: { now: Date; name: string; networks: readonly string[]; dnsNames: readonly string[] },
): Promise<Authority> {
  const dir = tlsDir(dataDir);
  const certPath = join(dir, 'ca-cert.pem');
  const keyPath = join(dir, 'ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const cert = new X509Certificate(certPem);
    return {
      certPem,
      keyPem: readFileSync(keyPath, 'utf8'),
      fingerprint256: cert.fingerprint256,
      notAfter: new Date(cert.validTo),
    };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(options.now.getTime() + CA_YEARS * 365 * DAY);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [options.name] }, { O: ['Một Cửa Kiosk'] }],
    notBefore: new Date(options.now.getTime() - DAY), // a PC whose clock is a little behind still accepts it
    notAfter,
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      nameConstraints(options.networks, options.dnsNames),
    ],
  });
  const keyPem = await exportKey(keys.privateKey);
  const certPem = cert.toString('pem');
  // The key first: a certificate on disk without its key would be kept and never work.
  writeAtomic(keyPath, keyPem, true);
  writeAtomic(certPath, certPem, false);
  return { certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256, notAfter };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * The server certificate for these addresses and names: the saved one while it covers exactly them and
 * is not near its end, else a new one (new key), saved. `renewed` says which.
 */
export async function serverCertificate(
  dataDir: string,
  authority: Authority,
  want: { ips: string[]; dnsNames: string[]; now: Date },
): Promise<{ certificate: ServerCertificate; renewed: boolean }> {
  const dir = tlsDir(dataDir);
  const certPath = join(dir, 'server-cert.pem');
  const keyPath = join(dir, 'server-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const cert = new X509Certificate(certPem);
    const names = (cert.subjectAltName ?? '').split(', ');
    const ips = names.filter((n) => n.startsWith('IP Address:')).map((n) => n.slice(11).toLowerCase());
    const dnsNames = names.filter((n) => n.startsWith('DNS:')).map((n) => n.slice(4));
    const notAfter = new Date(cert.validTo);
    const fresh = notAfter.getTime() - want.now.getTime() > RENEW_BEFORE_DAYS * DAY;
    const keyPem = readFileSync(keyPath, 'utf8');
    // The key is written before the certificate: a crash between them leaves a pair that does not match.
    const ours = cert.checkIssued(new X509Certificate(authority.certPem)) && matches(cert, keyPem);
    if (fresh && ours && sameSet(ips, want.ips.map(canonicalIp)) && sameSet(dnsNames, want.dnsNames))
      return {
        certificate: { certPem, keyPem, ips, dnsNames, notAfter },
        renewed: false,
      };
  }
  const caCert = new x509.X509Certificate(authority.certPem);
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(want.now.getTime() + SERVER_DAYS * DAY);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [want.dnsNames[0] ?? want.ips[0] ?? 'kiosk'] }],
    issuer: caCert.subject,
    notBefore: new Date(want.now.getTime() - DAY),
    notAfter,
    signingKey: await importKey(authority.keyPem),
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...want.ips.map((value) => ({ type: 'ip' as const, value })),
        ...want.dnsNames.map((value) => ({ type: 'dns' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const keyPem = await exportKey(keys.privateKey);
  const certPem = cert.toString('pem');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomic(keyPath, keyPem, true);
  writeAtomic(certPath, certPem, false);
  return {
    certificate: { certPem, keyPem, ips: want.ips.map(canonicalIp), dnsNames: want.dnsNames, notAfter },
    renewed: true,
  };
}

function matches(cert: X509Certificate, keyPem: string): boolean {
  try {
    return cert.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

/** `::FFFF:0A00:0001`-style spellings aside, Node prints IPv6 SANs in lower case and IPv4 as dotted quads. */
function canonicalIp(ip: string): string {
  return ip.toLowerCase();
}
