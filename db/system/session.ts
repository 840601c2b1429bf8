import os from 'node:os';
import type { z } from 'zod';
import type { ApiContext } from '../api/trpc';
import type { User, signInInput } from '../contract/system';
import { RapportError, validation } from '../errors';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { readsFor, type Reads } from '../read/reads';
import { viewerOf } from '../read/viewer';
import type { Workspace } from '../workspace/open';
import { readSetting } from '../workspace/settings';
import { verifyPin } from './pin';
import type { PinLockouts } from './pin-lockout';
import { users } from './schema';

/** What a sign-in check reads of a staff member: who they are, and their PIN's hash. */
function signInSelect(reads: Reads) {
  return reads.db.select({ id: users.id, name: users.name, role: users.role, active: users.active, pinHash: users.pinHash }).from(users);
}

type UserRow = ReturnType<ReturnType<typeof signInSelect>['all']>[number];

/**
 * One connection's sign-in state (a window, a browser connection, a test's caller). The user it
 * names belongs to one open workspace: on another file the connection starts signed out.
 */
export class StaffSession {
  private userId: number | null = null;
  private signedInOn: string | null = null;
  private readonly views = new Map<string, Workspace>();

  /** `pc`: the computer this connection comes from, recorded in the audit. */
  constructor(readonly pc: string = os.hostname()) {}

  /**
   * Who is signed in, read afresh so a deactivation or role change counts at once. A workspace with
   * exactly one active user and no PIN signs that user in by itself (single-user comfort).
   */
  signedInUser(workspace: Workspace): User | null {
    if (this.signedInOn === workspace.clientId && this.userId !== null) {
      const row = readUser(workspace.reads, this.userId);
      if (row && row.active) return toUser(row);
      this.userId = null;
    }
    const active = signInSelect(workspace.reads)
      .where(and(eq(users.active, true), isNull(users.deletedAt)))
      .orderBy(asc(users.id))
      .limit(2)
      .all();
    const only = active.length === 1 ? active[0] : undefined;
    if (only && only.pinHash === null) {
      this.remember(workspace, only.id);
      return toUser(only);
    }
    return null;
  }

  /** Signs `input.userId` in; wrong PINs count against them in `lockouts`, whichever session tries. */
  signIn(workspace: Workspace, input: z.output<typeof signInInput>, lockouts: PinLockouts): User {
    const row = readUser(workspace.reads, input.userId);
    if (!row || !row.active) throw validation('userId', 'Choose someone from the list');
    const { pinHash } = row;
    const { pin } = input;
    if (pinHash !== null) {
      if (!pin) throw validation('pin', 'Enter your PIN');
      lockouts.check(workspaceKey(workspace), row.id, () => verifyPin(pin, pinHash));
    }
    this.remember(workspace, row.id);
    return toUser(row);
  }

  signOut(): void {
    this.userId = null;
    this.signedInOn = null;
  }

  /**
   * The workspace as this session's user acts on it: the same connection, with who, which PC, and
   * reads that leave out the private records this user may not see. Nobody signed in sees nothing
   * private (every call but signing in is refused then anyway).
   */
  view(workspace: Workspace, user: Pick<User, 'id' | 'role'> | null): Workspace {
    const viewer = user ? viewerOf(user) : { userId: 0, seesPrivate: false };
    const key = `${workspace.clientId}:${viewer.userId}:${viewer.seesPrivate}`;
    let view = this.views.get(key);
    if (!view) {
      if (this.views.size > 20) this.views.clear();
      view = Object.create(workspace, {
        userId: { value: viewer.userId, enumerable: true },
        pc: { value: this.pc, enumerable: true },
        reads: { value: readsFor(workspace.reads, viewer), enumerable: true },
      }) as Workspace;
      this.views.set(key, view);
    }
    return view;
  }

  private remember(workspace: Workspace, userId: number): void {
    this.userId = userId;
    this.signedInOn = workspace.clientId;
    // "Who else is in" shows this PC under the name of whoever signed in last.
    workspace.presentAs(userId);
  }
}

/** A workspace file's identity for counting wrong PINs: its id (the same by any path, across reopening), else its path. */
function workspaceKey(workspace: Workspace): string {
  return readSetting(workspace.reads, 'workspace_id') ?? workspace.file;
}

function readUser(reads: Reads, id: number): UserRow | undefined {
  return signInSelect(reads).where(and(eq(users.id, id), isNull(users.deletedAt))).get();
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active };
}

/**
 * The context one call runs in, read from its session at the moment it is used: after a sign-in the
 * same caller acts as the new user. Writes through `workspace` record that user and the session's PC.
 */
export function sessionContext(workspace: Workspace, session: StaffSession, pinLockouts: PinLockouts): ApiContext {
  return {
    session,
    pinLockouts,
    get user() {
      return session.signedInUser(workspace);
    },
    get workspace() {
      return session.view(workspace, session.signedInUser(workspace));
    },
  };
}

/** The signed-in user of a call that passed its access check (which refuses calls with nobody signed in). */
export function signedInActor(ctx: ApiContext): User {
  const user = ctx.user;
  if (!user) throw new RapportError('FORBIDDEN', 'Sign in first.');
  return user;
}
