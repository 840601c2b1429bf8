import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors';
import { tempDir } from '../test-support/temp-workspace';
import { LEASE_STALE_MS, leaseFile, readLease } from './lease';
import { openWorkspace, type OpenOptions } from './open';

function refusal(file: string, options: OpenOptions): RapportError {
  try {
    openWorkspace(file, { probeLocks: false, ...options }).close();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

describe('the "this PC only" lease', () => {
  const T0 = Date.UTC(2026, 0, 5, 9, 0);

  function sharedFile(): string {
    const file = path.join(tempDir(), 'shop.db');
    openWorkspace(file, { markShared: true, probeLocks: false }).close();
    return file;
  }

  it('names its holder in the lease file, refreshes it with the heartbeat and removes it on close', () => {
    const file = sharedFile();
    let now = T0;
    const holder = openWorkspace(file, { onThisPcOnly: true, probeLocks: false, now: () => now });
    expect(readLease(file)).toMatchObject({ clientId: holder.clientId, pid: process.pid, since: T0, heartbeatAt: T0 });
    now = T0 + 30_000;
    holder.heartbeat();
    expect(readLease(file)).toMatchObject({ since: T0, heartbeatAt: T0 + 30_000 });
    holder.close();
    expect(fs.existsSync(leaseFile(file))).toBe(false);
  });

  it('a stale lease is taken over only after its stated time, and the stalled holder then goes read-only', () => {
    const file = sharedFile();
    const first = openWorkspace(file, { onThisPcOnly: true, probeLocks: false, now: () => T0 });
    try {
      const early = refusal(file, { onThisPcOnly: true, now: () => T0 + LEASE_STALE_MS - 1 });
      expect(early.code).toBe('HELD_ELSEWHERE');
      expect(early.holder).toMatchObject({ since: T0 });
      expect(refusal(file, { now: () => T0 + LEASE_STALE_MS - 1 }).code).toBe('HELD_ELSEWHERE');

      const second = openWorkspace(file, { onThisPcOnly: true, probeLocks: false, now: () => T0 + LEASE_STALE_MS });
      expect(readLease(file)).toMatchObject({ clientId: second.clientId, since: T0 + LEASE_STALE_MS });
      // The first holder comes back from its stall: its lease is gone, so it writes nothing more,
      // and it does not overwrite the new holder's lease.
      first.heartbeat();
      expect(first.shareGuard?.readOnly).toBe('heldElsewhere');
      expect(readLease(file)?.clientId).toBe(second.clientId);
      first.close();
      expect(readLease(file)?.clientId).toBe(second.clientId);
      second.close();
      expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('rapport-'))).toEqual([]);
    } finally {
      try {
        first.close();
      } catch {
        // closed above
      }
    }
  });
});
