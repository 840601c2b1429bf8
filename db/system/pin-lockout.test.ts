import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { PinLockouts } from './pin-lockout';
import { StaffSession } from './session';

const MINUTE = 60_000;

/** A clock the test moves by hand, and the lockouts counting by it. */
function handClock() {
  let now = Date.UTC(2027, 0, 4, 9);
  return { lockouts: new PinLockouts(() => now), advance: (ms: number) => (now += ms) };
}

/** A workspace with Sam, who has a PIN, on a fresh file; wrong PINs are counted in `lockouts`. */
async function withSam(lockouts: PinLockouts) {
  const opened = tempCore({}, undefined, lockouts);
  const sam = await opened.api.system.staff.create({ name: 'Sam Staff', role: 'staff', pin: '2468' });
  /** A new session (another window or browser tab) trying `pin` for Sam: what the PIN field says, or null once in. */
  const attempt = async (pin: string, core = opened.core) => {
    const session = appRouter.createCaller(core.context(new StaffSession()));
    const refused = await rapportError(() => session.system.session.signIn({ userId: sam.id, pin })).catch(() => null);
    if (refused) expect(refused.issues?.[0]?.path).toBe('pin');
    return refused?.issues?.[0]?.message ?? null;
  };
  return { ...opened, sam, attempt };
}

const WRONG = 'Wrong PIN';
const wait = (minutes: number) => `Too many wrong PINs; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;

describe('wrong PINs per staff member of a workspace', () => {
  it('counts guesses from every session of the workspace together, and doubles the wait up to 15 minutes', async () => {
    const clock = handClock();
    const { attempt, file } = await withSam(clock.lockouts);
    for (let guess = 1; guess < 5; guess++) expect(await attempt('0000')).toBe(WRONG);
    // The fifth wrong PIN, from yet another session, starts the wait; the right PIN waits too.
    expect(await attempt('1111')).toBe(wait(1));
    expect(await attempt('2468')).toBe(wait(1));
    // Another core on the same file in this process (a reopen, a second window's core) shares the count.
    const again = tempCore({}, file, clock.lockouts);
    clock.advance(MINUTE - 1);
    expect(await attempt('2468', again.core)).toBe(wait(1));
    clock.advance(1);
    for (const minutes of [2, 4, 8, 15, 15]) {
      expect(await attempt('0000')).toBe(wait(minutes));
      clock.advance(minutes * MINUTE - 90_000);
      expect(await attempt('2468')).toBe(wait(2));
      clock.advance(90_000);
    }
    expect(await attempt('2468')).toBeNull();
  });

  it('forgets the wrong PINs once the right one is entered', async () => {
    const clock = handClock();
    const { attempt } = await withSam(clock.lockouts);
    for (let guess = 1; guess < 5; guess++) expect(await attempt('0000')).toBe(WRONG);
    expect(await attempt('2468')).toBeNull();
    for (let guess = 1; guess < 5; guess++) expect(await attempt('0000')).toBe(WRONG);
    expect(await attempt('0000')).toBe(wait(1));
    clock.advance(MINUTE);
    expect(await attempt('2468')).toBeNull();
    // After a lockout too: the next wrong PIN is a free try again, not a longer wait.
    expect(await attempt('0000')).toBe(WRONG);
  });

  it('forgets wrong PINs after an hour without any', async () => {
    const clock = handClock();
    const { attempt } = await withSam(clock.lockouts);
    for (let guess = 1; guess < 5; guess++) expect(await attempt('0000')).toBe(WRONG);
    clock.advance(60 * MINUTE);
    for (let guess = 1; guess < 5; guess++) expect(await attempt('0000')).toBe(WRONG);
    expect(await attempt('0000')).toBe(wait(1));
  });

  it('keeps two workspaces apart, even for the same staff id', async () => {
    const clock = handClock();
    const shop = await withSam(clock.lockouts);
    const other = await withSam(clock.lockouts);
    expect(other.sam.id).toBe(shop.sam.id);
    for (let guess = 1; guess <= 5; guess++) await shop.attempt('0000');
    expect(await shop.attempt('2468')).toBe(wait(1));
    expect(await other.attempt('2468')).toBeNull();
  });
});
