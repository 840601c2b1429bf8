import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters; stored with each hash so they can be raised later without breaking old PINs. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

/** `scrypt$N$r$p$salt$hash` (base64url): one string holding everything a later check needs. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin.normalize('NFKC'), salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `pin` matches `stored`, compared in constant time; a malformed stored value never matches. */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Number.isInteger(cost.N) || !Number.isInteger(cost.r) || !Number.isInteger(cost.p) || expected.length === 0) return false;
  const actual = scryptSync(pin.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, cost);
  return timingSafeEqual(actual, expected);
}
