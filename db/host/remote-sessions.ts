/**
 * One core session per window of a paired PC, as the browser host keeps one per tab: who is signed
 * in lives there. Sessions are named by the host, never by the client, and a window id only ever
 * reaches sessions of its own PC's credential.
 */
import type { User } from '../contract/system';
import { TAB_SESSION_IDLE_MS } from '../contract/host';
import { StaffSession } from '../system/session';
import type { Workspace } from '../workspace/open';

/** Far more windows than one PC opens; a client minting ids evicts its own longest idle. */
export const MAX_WINDOWS_PER_CLIENT = 32;

/**
 * A remote window's sign-in: nobody is signed in until someone signs in with their name (and PIN).
 * A local window signs in the only PIN-less user by itself; a PC across the network never does.
 */
export class RemoteStaffSession extends StaffSession {
  private signedInId: number | null = null;

  override signedInUser(workspace: Workspace): User | null {
    if (this.signedInId === null) return null;
    const user = super.signedInUser(workspace);
    if (user?.id === this.signedInId) return user;
    // Deactivated (or removed): signed out, never someone else in their place.
    this.signOut();
    return null;
  }

  override signIn(...args: Parameters<StaffSession['signIn']>): User {
    const user = super.signIn(...args);
    this.signedInId = user.id;
    return user;
  }

  override signOut(): void {
    super.signOut();
    this.signedInId = null;
  }
}

export interface SessionBackend {
  /** Opens a core session named `session` for a window of PC `pc`. */
  openSession(session: string, pc: string): void;
  closeSession(session: string): void;
}

interface Window {
  session: string;
  lastUsed: number;
}

export class RemoteSessions {
  /** Per client, its windows in order of last use (the first is the longest idle). */
  private readonly clients = new Map<string, Map<string, Window>>();
  private created = 0;

  constructor(
    private readonly backend: SessionBackend,
    private readonly now: () => number = Date.now,
    private readonly idleMs = TAB_SESSION_IDLE_MS,
  ) {}

  /** The core session of window `windowId` of client `clientId`, opened on first use. */
  sessionOf(clientId: string, pc: string, windowId: string): string {
    const now = this.now();
    this.endIdle(now);
    let windows = this.clients.get(clientId);
    if (!windows) {
      windows = new Map();
      this.clients.set(clientId, windows);
    }
    let window = windows.get(windowId);
    if (window) {
      windows.delete(windowId);
    } else {
      while (windows.size >= MAX_WINDOWS_PER_CLIENT) this.end(clientId, windows.keys().next().value!);
      window = { session: `remote-${++this.created}`, lastUsed: now };
      this.backend.openSession(window.session, pc);
    }
    window.lastUsed = now;
    windows.set(windowId, window);
    return window.session;
  }

  /** Ends a window's session (signed out, idle, or its PC unpaired); its next call starts afresh. */
  end(clientId: string, windowId: string): void {
    const windows = this.clients.get(clientId);
    const window = windows?.get(windowId);
    if (!windows || !window) return;
    windows.delete(windowId);
    if (windows.size === 0) this.clients.delete(clientId);
    this.backend.closeSession(window.session);
  }

  endClient(clientId: string): void {
    for (const windowId of [...(this.clients.get(clientId)?.keys() ?? [])]) this.end(clientId, windowId);
  }

  endAll(): void {
    for (const clientId of [...this.clients.keys()]) this.endClient(clientId);
  }

  private endIdle(now: number): void {
    for (const [clientId, windows] of [...this.clients]) {
      for (const [windowId, window] of [...windows]) {
        if (window.lastUsed > now - this.idleMs) break;
        this.end(clientId, windowId);
      }
    }
  }
}
