import os from 'node:os';
import type { z } from 'zod';
import type { ApiContext } from '../api/trpc';
import type { User, signInInput } from '../contract/system';
import { RapportError, validation } from '../errors';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';
import { verifyPin } from './pin';

/** Wrong PINs allowed per connection within the window before it has to wait. */
const WRONG_PIN_LIMIT = 5;
const WRONG_PIN_WINDOW_MS = 60_000;

interface UserRow {
  id: number;
  name: string;
  role: User['role'];
  active: number;
  pin_hash: string | null;
}

/**
 * One connection's sign-in state (a window, a browser connection, a test's caller). The user it
 * names belongs to one open workspace: on another file the connection starts signed out.
 */
export class StaffSession {
  private userId: number | null = null;
  private signedInOn: string | null = null;
  private wrongPins: number[] = [];
  private readonly views = new Map<string, Workspace>();

  /** `pc`: the computer this connection comes from, recorded in the audit. */
  constructor(readonly pc: string = os.hostname()) {}

  /**
   * Who is signed in, read afresh so a deactivation or role change counts at once. A workspace with
   * exactly one active user and no PIN signs that user in by itself (single-user comfort).
   */
  signedInUser(workspace: Workspace): User | null {
    if (this.signedInOn === workspace.clientId && this.userId !== null) {
      const row = readUser(workspace, this.userId);
      if (row && row.active === 1) return toUser(row);
      this.userId = null;
    }
    const active = statement(workspace.sqlite, 'SELECT id, name, role, active, pin_hash FROM users WHERE active = 1 AND deleted_at IS NULL ORDER BY id LIMIT 2').all() as UserRow[];
    const only = active.length === 1 ? active[0] : undefined;
    if (only && only.pin_hash === null) {
      this.remember(workspace, only.id);
      return toUser(only);
    }
    return null;
  }

  signIn(workspace: Workspace, input: z.output<typeof signInInput>, now = Date.now()): User {
    this.wrongPins = this.wrongPins.filter((at) => at > now - WRONG_PIN_WINDOW_MS);
    if (this.wrongPins.length >= WRONG_PIN_LIMIT) throw validation('pin', 'Too many wrong PINs; wait a minute and try again');
    const row = readUser(workspace, input.userId);
    if (!row || row.active !== 1) throw validation('userId', 'Choose someone from the list');
    if (row.pin_hash !== null && !verifyPin(input.pin ?? '', row.pin_hash)) {
      this.wrongPins.push(now);
      throw validation('pin', input.pin ? 'Wrong PIN' : 'Enter your PIN');
    }
    this.wrongPins = [];
    this.remember(workspace, row.id);
    return toUser(row);
  }

  signOut(): void {
    this.userId = null;
    this.signedInOn = null;
  }

  /** The workspace as this session's user acts on it: the same connection, with who and which PC. */
  view(workspace: Workspace, userId: number): Workspace {
    const key = `${workspace.clientId}:${userId}`;
    let view = this.views.get(key);
    if (!view) {
      if (this.views.size > 20) this.views.clear();
      view = Object.create(workspace, { userId: { value: userId, enumerable: true }, pc: { value: this.pc, enumerable: true } }) as Workspace;
      this.views.set(key, view);
    }
    return view;
  }

  private remember(workspace: Workspace, userId: number): void {
    this.userId = userId;
    this.signedInOn = workspace.clientId;
    try {
      // "Who else is in" shows this PC under the name of whoever signed in last.
      statement(workspace.sqlite, 'UPDATE presence SET user_id = ? WHERE client_id = ?').run(userId, workspace.clientId);
    } catch {
      // A busy file skips this; the presence row keeps its previous name until the next sign-in.
    }
  }
}

function readUser(workspace: Workspace, id: number): UserRow | undefined {
  return statement(workspace.sqlite, 'SELECT id, name, role, active, pin_hash FROM users WHERE id = ? AND deleted_at IS NULL').get(id) as UserRow | undefined;
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1 };
}

/**
 * The context one call runs in, read from its session at the moment it is used: after a sign-in the
 * same caller acts as the new user. Writes through `workspace` record that user and the session's PC.
 */
export function sessionContext(workspace: Workspace, session: StaffSession): ApiContext {
  return {
    session,
    get user() {
      return session.signedInUser(workspace);
    },
    get workspace() {
      return session.view(workspace, session.signedInUser(workspace)?.id ?? 0);
    },
  };
}

/** The signed-in user of a call that passed its access check (which refuses calls with nobody signed in). */
export function signedInActor(ctx: ApiContext): User {
  const user = ctx.user;
  if (!user) throw new RapportError('FORBIDDEN', 'Sign in first.');
  return user;
}
