/**
 * One core session per browser tab. The core keeps who is signed in per session (db/api/core-server.ts),
 * as it does for each Electron window; the browser host has one channel into the core, so it opens a
 * session there for each tab id it sees (`connect`, on first use) and names it in that tab's calls.
 * A tab that closes says nothing, so a session nobody used for a while is ended (`disconnect`), and
 * there are never more than `maxSessions`: a client minting ids evicts the longest idle instead of
 * growing the host's and the core's memory.
 */
import type { IpcResponse } from '../../db/api/call';
import { TAB_SESSION_IDLE_MS } from '../../db/contract/host';
/** Far more tabs than a shop opens; each holds a signed-in user and a few cached views in the core. */
export const MAX_TAB_SESSIONS = 64;

export interface TabSessionsOptions {
  /** Opens a session in the core (the `connect` control message). */
  connect: (coreSession: string) => Promise<IpcResponse>;
  /** Ends one there (`disconnect`); nothing waits for the answer. */
  disconnect: (coreSession: string) => void;
  idleMs?: number;
  maxSessions?: number;
  now?: () => number;
}

interface TabSession {
  coreSession: string;
  lastUsed: number;
  /** Settles once the core has the session; calls wait for it, so a tab's first batch connects once. */
  connected: Promise<IpcResponse>;
}

export type TabSessionLookup = { ok: true; coreSession: string } | { ok: false; refusal: Extract<IpcResponse, { ok: false }> };

/** The tabs of one core process: a core that is replaced starts with none (its sessions died with it). */
export class TabSessions {
  /** In order of last use (a use moves a tab to the end), so the first entries are the longest idle. */
  private readonly tabs = new Map<string, TabSession>();
  private created = 0;
  private readonly idleMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(private readonly options: TabSessionsOptions) {
    this.idleMs = options.idleMs ?? TAB_SESSION_IDLE_MS;
    this.maxSessions = options.maxSessions ?? MAX_TAB_SESSIONS;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.tabs.size;
  }

  /** The core session a tab's call runs as, opened on the tab's first call. */
  async sessionOf(tabId: string): Promise<TabSessionLookup> {
    const now = this.now();
    this.endIdle(now);
    let tab = this.tabs.get(tabId);
    if (tab) {
      this.tabs.delete(tabId);
    } else {
      while (this.tabs.size >= this.maxSessions) this.end(this.tabs.keys().next().value!);
      // The core's name is the host's own, never the tab's id: a tab signed out and back gets a new
      // session even while the old one's disconnect is still on its way.
      const coreSession = `tab-${++this.created}`;
      tab = { coreSession, lastUsed: now, connected: this.options.connect(coreSession) };
    }
    tab.lastUsed = now;
    this.tabs.set(tabId, tab);
    const answer = await tab.connected;
    if (answer.ok) return { ok: true, coreSession: tab.coreSession };
    // Not connected (the core stopped): the next call tries afresh.
    if (this.tabs.get(tabId) === tab) this.tabs.delete(tabId);
    return { ok: false, refusal: answer };
  }

  /** Ends a tab's session (its user signed out, or it went idle); its next call starts a new one. */
  end(tabId: string): void {
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    this.tabs.delete(tabId);
    void tab.connected.then((answer) => {
      if (answer.ok) this.options.disconnect(tab.coreSession);
    });
  }

  private endIdle(now: number): void {
    for (const [tabId, tab] of this.tabs) {
      if (tab.lastUsed > now - this.idleMs) break;
      this.end(tabId);
    }
  }
}
