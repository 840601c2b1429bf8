/**
 * The hosts this PC paired with, kept in its user data (credential and pinned certificate), so a
 * pairing code is typed once: `host-pairings.json`, readable by this user only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HostAddress, HostPairing } from './host-client';

export const SAVED_PAIRINGS_FILE = 'host-pairings.json';

export function loadPairing(userDataDir: string, address: HostAddress): HostPairing | null {
  return readAll(userDataDir).find((pairing) => pairing.host === address.host && pairing.port === address.port) ?? null;
}

export function savePairing(userDataDir: string, pairing: HostPairing): void {
  const others = readAll(userDataDir).filter((saved) => saved.host !== pairing.host || saved.port !== pairing.port);
  fs.mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  const file = path.join(userDataDir, SAVED_PAIRINGS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ pairings: [...others, pairing] }, null, 2), { mode: 0o600 });
  fs.renameSync(temp, file);
}

function readAll(userDataDir: string): HostPairing[] {
  const file = path.join(userDataDir, SAVED_PAIRINGS_FILE);
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairings?: HostPairing[] }).pairings ?? [];
}
