/**
 * Pairing a PC with the host: the host shows a short code; a client that presents it once, before it
 * expires, gets a long random credential. The host keeps only the credential's SHA-256 (a 256-bit
 * random secret needs no slow hash), in a file beside its certificate, so a restart keeps its PCs.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PAIRING_CODE_TTL_MS = 5 * 60_000;
/** Wrong codes tried before the code shown is void (a new one must be shown): no guessing it in time. */
export const PAIRING_ATTEMPTS = 5;
/** No 0/O, 1/I/L: the code is read off a screen and typed on another PC. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

export interface PairingCode {
  /** `ABCD-EFGH`, as shown. */
  code: string;
  expiresAt: number;
}

/** The one pairing code valid now, if any. */
export class PairingCodes {
  private current: { code: string; expiresAt: number; attemptsLeft: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** A new code; the one shown before stops working. */
  issue(): PairingCode {
    const letters = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const code = `${letters.slice(0, 4)}-${letters.slice(4)}`;
    this.current = { code: normalizeCode(code), expiresAt: this.now() + PAIRING_CODE_TTL_MS, attemptsLeft: PAIRING_ATTEMPTS };
    return { code, expiresAt: this.current.expiresAt };
  }

  /** True once for the code shown, before it expires; any other answer counts against it. */
  redeem(given: string): boolean {
    const current = this.current;
    if (!current) return false;
    if (this.now() >= current.expiresAt) {
      this.current = null;
      return false;
    }
    if (sameText(normalizeCode(given), current.code)) {
      this.current = null;
      return true;
    }
    current.attemptsLeft -= 1;
    if (current.attemptsLeft <= 0) this.current = null;
    return false;
  }
}

/** Case, spaces and dashes do not matter when typing the code. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function sameText(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

export interface PairedClient {
  id: string;
  /** The PC's name as it gave it at pairing. */
  pc: string;
  pairedAt: number;
}

interface StoredClient extends PairedClient {
  credentialSha256: string;
}

export const PAIRED_CLIENTS_FILE = 'paired-clients.json';

/** The PCs paired with this host, each known by its credential's hash. */
export class PairedClients {
  private readonly byHash = new Map<string, StoredClient>();
  private readonly file: string;

  constructor(dir: string) {
    this.file = path.join(dir, PAIRED_CLIENTS_FILE);
    if (!fs.existsSync(this.file)) return;
    const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { clients?: StoredClient[] };
    for (const client of stored.clients ?? []) this.byHash.set(client.credentialSha256, client);
  }

  /** Pairs a PC: its credential is returned once and never stored. */
  add(pc: string, now = Date.now()): { client: PairedClient; credential: string } {
    const credential = randomBytes(32).toString('base64url');
    const client: StoredClient = { id: randomBytes(9).toString('base64url'), pc, pairedAt: now, credentialSha256: hashCredential(credential) };
    this.byHash.set(client.credentialSha256, client);
    this.save();
    return { client: publicPart(client), credential };
  }

  /** The paired PC a credential belongs to, or null. */
  find(credential: string): PairedClient | null {
    if (credential.length < 16 || credential.length > 256) return null;
    const client = this.byHash.get(hashCredential(credential));
    return client ? publicPart(client) : null;
  }

  list(): PairedClient[] {
    return [...this.byHash.values()].map(publicPart);
  }

  /** Unpairs a PC: its credential stops working at once. */
  remove(id: string): boolean {
    for (const [hash, client] of this.byHash) {
      if (client.id !== id) continue;
      this.byHash.delete(hash);
      this.save();
      return true;
    }
    return false;
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ clients: [...this.byHash.values()] }, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}

function hashCredential(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('hex');
}

function publicPart(client: StoredClient): PairedClient {
  return { id: client.id, pc: client.pc, pairedAt: client.pairedAt };
}
