import fs from 'node:fs';
import os from 'node:os';
import type { LeaseHolderInfo } from '../contract/errors';
import { RapportError } from '../errors';

/**
 * "Open it on this PC only": a lease that does not depend on byte-range locks, only on exclusive
 * create (`wx`, O_EXCL), which every share honours because the server creates the file. The lease
 * file beside the database names its holder and carries a heartbeat; it is refreshed with the
 * workspace heartbeat and removed on close. A holder that stops refreshing (crash, power cut, a
 * dropped network) loses the lease after LEASE_STALE_MS.
 */
export const LEASE_STALE_MS = 2 * 60_000;

export interface LeaseRecord {
  clientId: string;
  host: string;
  osUser: string;
  pid: number;
  userName: string | null;
  since: number;
  heartbeatAt: number;
}

export function leaseFile(databaseFile: string): string {
  return `${databaseFile}.rapport-lease`;
}

/** The lease as written, or null when there is none. An unreadable one counts as held since its mtime. */
export function readLease(databaseFile: string): LeaseRecord | null {
  const file = leaseFile(databaseFile);
  let text: string;
  let mtimeMs: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const record = JSON.parse(text) as LeaseRecord;
    if (typeof record.clientId === 'string' && typeof record.heartbeatAt === 'number') return record;
  } catch {
    // Caught half-written by a refresh, or damaged: held by someone unknown until it goes stale.
  }
  return { clientId: '', host: 'unknown', osUser: 'unknown', pid: 0, userName: null, since: mtimeMs, heartbeatAt: mtimeMs };
}

export function isLeaseLive(record: LeaseRecord, now: number): boolean {
  return now - record.heartbeatAt < LEASE_STALE_MS;
}

export function holderInfo(record: LeaseRecord): LeaseHolderInfo {
  return { userName: record.userName, osUser: record.osUser, host: record.host, since: record.since };
}

export function heldElsewhereError(record: LeaseRecord): RapportError {
  const who = record.userName ? `${record.userName} (${record.osUser})` : record.osUser;
  return new RapportError(
    'HELD_ELSEWHERE',
    `${who} on ${record.host} has this database open on that PC only, since ${new Date(record.since).toISOString()}. Nothing was changed; ask them to close it, or wait until that PC has been gone for ${LEASE_STALE_MS / 60_000} minutes.`,
    { holder: holderInfo(record) },
  );
}

export class Lease {
  private record: LeaseRecord;

  private constructor(
    private readonly databaseFile: string,
    record: LeaseRecord,
  ) {
    this.record = record;
  }

  /** Takes the lease, or takes over a stale one; throws HELD_ELSEWHERE while another holder is live. */
  static acquire(databaseFile: string, clientId: string, now: number): Lease {
    const record: LeaseRecord = { clientId, host: os.hostname(), osUser: osUserName(), pid: process.pid, userName: null, since: now, heartbeatAt: now };
    const file = leaseFile(databaseFile);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(record), { flag: 'wx' });
        return new Lease(databaseFile, record);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readLease(databaseFile);
      if (current === null) continue; // released between our create and our read
      if (isLeaseLive(current, now)) throw heldElsewhereError(current);
      takeOverStale(databaseFile, current, clientId);
    }
    // Someone else took the stale lease over at the same moment and won.
    const winner = readLease(databaseFile);
    if (winner) throw heldElsewhereError(winner);
    throw new RapportError('BUSY', 'Another PC is taking this database at the same moment; try again.');
  }

  get holder(): LeaseRecord {
    return this.record;
  }

  /**
   * The heartbeat; also records who signed in, so a refused PC is told a person's name. Returns
   * false, writing nothing, when another PC took the lease over (this one stalled past its time).
   */
  refresh(now: number, userName?: string | null): boolean {
    if (!this.stillHeld()) return false;
    this.record = { ...this.record, heartbeatAt: now, ...(userName === undefined ? {} : { userName }) };
    // Rewritten in place (not replaced): replacing would open a gap where the name is free.
    fs.writeFileSync(leaseFile(this.databaseFile), JSON.stringify(this.record), { flag: 'r+' });
    fs.truncateSync(leaseFile(this.databaseFile), Buffer.byteLength(JSON.stringify(this.record)));
    return true;
  }

  /** Whether the file still names this lease (another PC may have taken it over after a long stall). */
  stillHeld(): boolean {
    return readLease(this.databaseFile)?.clientId === this.record.clientId;
  }

  release(): void {
    if (this.stillHeld()) fs.rmSync(leaseFile(this.databaseFile), { force: true });
  }
}

/**
 * Moves a stale lease aside under a name of our own. Rename is atomic, so of two PCs taking over
 * at once only one moves it; the one that moved a lease other than the stale one it read (the
 * other PC's fresh lease) puts it back.
 */
function takeOverStale(databaseFile: string, stale: LeaseRecord, clientId: string): void {
  const file = leaseFile(databaseFile);
  const aside = `${file}.stale.${clientId}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let moved: LeaseRecord | null = null;
  try {
    moved = JSON.parse(fs.readFileSync(aside, 'utf8')) as LeaseRecord;
  } catch {
    // Unreadable: it was the stale, damaged one.
  }
  if (moved && (moved.clientId !== stale.clientId || moved.heartbeatAt !== stale.heartbeatAt)) {
    fs.renameSync(aside, file);
    return;
  }
  fs.rmSync(aside, { force: true });
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
