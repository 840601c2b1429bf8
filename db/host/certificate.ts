/**
 * The host's TLS identity: an ECDSA P-256 key and a self-signed certificate, made on first use and
 * kept in the host folder beside the user data (never beside the database file, which may move).
 * Clients do not trust it through a CA: they pin its SHA-256 fingerprint at pairing.
 *
 * Built with Node's crypto alone: it makes the key, exports the public key as SubjectPublicKeyInfo,
 * signs, and parses the result back (X509Certificate); only the DER frame of one fixed certificate
 * is written here. The libraries that would do it (`@peculiar/x509`, and `selfsigned`, which wraps
 * it) load a dependency-injection container that needs a global Reflect polyfill in the core
 * process, for a certificate with no chain and no names to check.
 */
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface HostCertificate {
  /** PEM private key (PKCS#8). */
  key: string;
  /** PEM certificate. */
  cert: string;
  /** `AB:CD:…`, as Node's `getPeerCertificate().fingerprint256` spells it: what clients pin. */
  fingerprint: string;
}

export const HOST_KEY_FILE = 'host-key.pem';
export const HOST_CERT_FILE = 'host-cert.pem';
const VALID_YEARS = 20;

/** The host's certificate in `dir`, made (with the folder) on first use. */
export function loadOrCreateHostCertificate(dir: string, now = new Date()): HostCertificate {
  const keyFile = path.join(dir, HOST_KEY_FILE);
  const certFile = path.join(dir, HOST_CERT_FILE);
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const key = fs.readFileSync(keyFile, 'utf8');
    const cert = fs.readFileSync(certFile, 'utf8');
    const parsed = new X509Certificate(cert);
    // A key and certificate that do not belong together would fail every handshake: make a new pair.
    if (parsed.checkPrivateKey(createPrivateKey(key)) && new Date(parsed.validTo) > now) return { key, cert, fingerprint: parsed.fingerprint256 };
  }
  const made = createSelfSignedCertificate(now);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The key first and private; the certificate last, so a crash in between leaves no half pair that loads.
  writeFileAtomic(keyFile, made.key, 0o600);
  writeFileAtomic(certFile, made.cert, 0o644);
  return made;
}

export function createSelfSignedCertificate(now = new Date()): HostCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serial = randomBytes(16);
  serial[0]! &= 0x7f; // a positive INTEGER
  const notBefore = new Date(now.getTime() - 24 * 3600_000); // a client whose clock runs behind still accepts it
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const name = seq(set(seq(oid(OID.commonName), utf8(`Rapport host ${randomBytes(4).toString('hex')}`))));
  const signatureAlgorithm = seq(oid(OID.ecdsaWithSha256));
  const extensions = explicit(
    3,
    seq(
      seq(oid(OID.basicConstraints), bool(true), octets(seq())), // not a CA
      seq(oid(OID.keyUsage), bool(true), octets(bits(Buffer.from([0x80])))), // digitalSignature
      seq(oid(OID.extKeyUsage), octets(seq(oid(OID.serverAuth)))),
    ),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    signatureAlgorithm,
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const der = seq(tbs, signatureAlgorithm, bits(sign('sha256', tbs, privateKey)));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

function writeFileAtomic(file: string, text: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode });
  fs.renameSync(temp, file);
}

const OID = {
  commonName: '2.5.4.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

// DER, the few types a certificate needs.
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const lengthBytes = length < 0x80 ? Buffer.from([length]) : lengthOfLength(length);
  return Buffer.concat([Buffer.from([tag]), lengthBytes, content]);
}
function lengthOfLength(length: number): Buffer {
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (tagNumber: number, content: Buffer) => tlv(0xa0 | tagNumber, content);
const octets = (content: Buffer) => tlv(0x04, content);
const bits = (content: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
function integer(value: Buffer): Buffer {
  return tlv(0x02, value[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
}
function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) chunk.unshift(0x80 | (value & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}
/** UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), 'latin1')) : tlv(0x18, Buffer.from(digits, 'latin1'));
}
