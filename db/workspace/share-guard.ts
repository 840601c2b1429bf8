import type { ShareSafety, ShareReadOnlyReason } from '../contract/system';
import { RapportError } from '../errors';
import { Lease, heldElsewhereError, holderInfo, isLeaseLive, readLease } from './lease';
import { PcSlot, liveSlots, type UnlockedSlot } from './pc-slots';

export interface AdmitOptions {
  clientId: string;
  /** Take the "this PC only" lease instead of sharing the file. */
  onThisPcOnly: boolean;
  now: () => number;
  /** The same-PC check (lock-probe.ts): another process of this PC must be kept out of the held slot file. */
  probeSamePc: (slotFile: string) => boolean;
}

/**
 * Admits this client to a shared file, before anything is written to it, and keeps checking on
 * every heartbeat. Two ways in: sharing (every client holds a PC slot and tries the others'; see
 * pc-slots.ts) or the lease (one PC at a time, no byte-range locks needed; see lease.ts). Each
 * way first makes itself visible (takes its slot, creates its lease), then looks for the other,
 * so of two clients arriving at once at least one sees the other.
 */
export class ShareGuard {
  private readOnlyReason: ShareReadOnlyReason | null = null;
  private unreached: UnlockedSlot[] = [];

  private constructor(
    private readonly file: string,
    private readonly options: AdmitOptions,
    private readonly slot: PcSlot | null,
    private readonly lease: Lease | null,
  ) {}

  /** Throws HELD_ELSEWHERE, UNSAFE_SHARE or BUSY, leaving nothing behind; else the admitted guard. */
  static admit(file: string, options: AdmitOptions): ShareGuard {
    const now = options.now();
    if (options.onThisPcOnly) {
      const lease = Lease.acquire(file, options.clientId, now);
      const others = liveSlots(file, now);
      if (others.length > 0) {
        lease.release();
        const hosts = [...new Set(others.map((slot) => slot.host))].join(', ');
        throw new RapportError('BUSY', `Rapport has this database open on ${hosts}. Close it there first, then open it on this PC only. Nothing was changed.`);
      }
      return new ShareGuard(file, options, null, lease);
    }
    refuseLiveLease(file, now);
    const slot = PcSlot.take(file, options.clientId, now);
    const guard = new ShareGuard(file, options, slot, null);
    try {
      if (!options.probeSamePc(slot.file)) {
        throw new RapportError(
          'UNSAFE_SHARE',
          'The folder holding this database does not lock files reliably even on this PC, so several PCs writing to it could damage it. Nothing was changed. Move the file to a proper network share, or open it on this PC only.',
        );
      }
      guard.checkOthers(now);
      // A lease taken while our slot was being created: it did not see us, so we step back.
      refuseLiveLease(file, options.now());
    } catch (error) {
      slot.release();
      throw error;
    }
    return guard;
  }

  /** Set once a check failed: from then on this client writes nothing. */
  get readOnly(): ShareReadOnlyReason | null {
    return this.readOnlyReason;
  }

  get status(): ShareSafety {
    // The holder who took the file, as its lease file names them now.
    const lease = this.readOnlyReason === 'heldElsewhere' ? readLease(this.file) : null;
    return {
      mode: this.lease ? 'thisPcOnly' : 'shared',
      readOnly: this.readOnlyReason,
      unreachedPcs: [...new Set(this.unreached.map((slot) => slot.host))],
      holder: lease ? holderInfo(lease) : null,
    };
  }

  /** Runs with the workspace heartbeat: refreshes this client's slot or lease and checks again. */
  heartbeat(userName?: string | null): void {
    const now = this.options.now();
    if (this.lease) {
      try {
        if (!this.lease.refresh(now, userName)) this.readOnlyReason ??= 'heldElsewhere';
      } catch {
        // The share did not answer; the next beat tries again, well inside LEASE_STALE_MS.
      }
      return;
    }
    this.slot?.touch(now);
    this.checkOthers(now);
    const lease = readLease(this.file);
    if (lease && isLeaseLive(lease, now)) this.readOnlyReason ??= 'heldElsewhere';
  }

  close(): void {
    this.slot?.release();
    this.lease?.release();
  }

  private checkOthers(now: number): void {
    if (!this.slot) return;
    const unlocked = this.slot.tryOthers(this.file, now);
    if (unlocked.length === 0) return;
    this.unreached = [...this.unreached, ...unlocked];
    this.readOnlyReason ??= 'locksDoNotReach';
  }
}

function refuseLiveLease(file: string, now: number): void {
  const lease = readLease(file);
  if (lease && isLeaseLive(lease, now)) throw heldElsewhereError(lease);
}
