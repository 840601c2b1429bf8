import { validation } from '../errors';

/**
 * How wrong PINs lock a staff member out: a few free tries, then a wait that doubles with every
 * further wrong PIN up to a cap. Wrong PINs are forgotten after a right one, or after a quiet spell.
 */
export interface PinLockoutPolicy {
  freeTries: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** Wrong PINs this long ago, with none since, no longer count (a typo in the morning, another at night). */
  forgetAfterMs: number;
}

export const PIN_LOCKOUT_POLICY: PinLockoutPolicy = {
  freeTries: 5,
  firstWaitMs: 60_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

interface WrongPins {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

/** Beyond this many remembered staff members, the ones whose wrong PINs no longer count are dropped. */
const PRUNE_ABOVE = 1_000;

/**
 * Wrong PINs per staff member of a workspace file, held once per core process so that every
 * session on that file (each window, each browser tab, each PC of a LAN host) draws on the same
 * tries: opening another session gives no fresh ones. The only place sign-in guesses are counted.
 */
export class PinLockouts {
  private readonly wrong = new Map<string, WrongPins>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly policy: PinLockoutPolicy = PIN_LOCKOUT_POLICY,
  ) {}

  /**
   * Checks a PIN of `userId` on the workspace `workspaceKey` with `isRight` (called only when they
   * may try). Throws VALIDATION on `pin` while they are locked out, saying how long to wait, and
   * on a wrong PIN; a right one forgets their wrong PINs.
   */
  check(workspaceKey: string, userId: number, isRight: () => boolean): void {
    const key = `${workspaceKey}\n${userId}`;
    const now = this.clock();
    const entry = this.current(key, now);
    if (entry && entry.lockedUntil > now) throw lockedOut(entry.lockedUntil - now);
    if (isRight()) {
      this.wrong.delete(key);
      return;
    }
    const count = (entry?.count ?? 0) + 1;
    const extra = count - this.policy.freeTries;
    const waitMs = extra < 0 ? 0 : Math.min(this.policy.maxWaitMs, this.policy.firstWaitMs * 2 ** extra);
    this.remember(key, { count, lastAt: now, lockedUntil: now + waitMs });
    if (waitMs > 0) throw lockedOut(waitMs);
    throw validation('pin', 'Wrong PIN');
  }

  private current(key: string, now: number): WrongPins | undefined {
    const entry = this.wrong.get(key);
    if (entry && this.forgotten(entry, now)) {
      this.wrong.delete(key);
      return undefined;
    }
    return entry;
  }

  private forgotten(entry: WrongPins, now: number): boolean {
    return entry.lockedUntil <= now && entry.lastAt <= now - this.policy.forgetAfterMs;
  }

  private remember(key: string, entry: WrongPins): void {
    this.wrong.set(key, entry);
    if (this.wrong.size <= PRUNE_ABOVE) return;
    for (const [other, wrong] of this.wrong) if (this.forgotten(wrong, entry.lastAt)) this.wrong.delete(other);
  }
}

/** The whole minutes left, so the person reads "try again in 3 minutes" rather than a countdown. */
function lockedOut(waitMs: number) {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return validation('pin', `Too many wrong PINs; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
}

/** The core process's own: every core it opens counts wrong PINs here, keyed by the workspace file. */
export const processPinLockouts = new PinLockouts();
