import type { HostCapabilities, OpenDatabaseError, OpenDatabaseErrorCode, OpenDatabaseInput, OpenDatabaseResult } from '../../../db/contract/host';
import { getRapportBridge } from './ipc-link';
import { readSessionToken } from './session-token';

/**
 * What the host offers beside the API (db/contract/host.ts). Electron switches databases from its
 * File menu and has no `/host`; the browser host serves it on the page's own origin with the
 * launch token, like `/trpc`.
 */
export type HostKind = 'electron' | 'browser';

export function hostKind(): HostKind {
  return getRapportBridge() ? 'electron' : 'browser';
}

function hostPath(name: string): string {
  return new URL(`host/${name}`, window.location.href.split('#')[0]).pathname;
}

function tokenHeaders(): Record<string, string> {
  const token = readSessionToken();
  return token ? { 'x-rapport-token': token } : {};
}

const NONE: HostCapabilities = { openDatabase: false };

/** What this host can do; nothing when it has no `/host` (Electron, or an older host). */
export async function fetchHostCapabilities(): Promise<HostCapabilities> {
  if (hostKind() === 'electron') return NONE;
  try {
    const res = await fetch(hostPath('capabilities'), { headers: tokenHeaders(), cache: 'no-store' });
    if (!res.ok) return NONE;
    const body = (await res.json()) as Partial<HostCapabilities>;
    return { openDatabase: body.openDatabase === true, ...(typeof body.folder === 'string' ? { folder: body.folder } : {}) };
  } catch {
    return NONE;
  }
}

export type OpenDatabaseUiError = Omit<OpenDatabaseError, 'code'> & { code: OpenDatabaseErrorCode | 'UNAUTHORIZED' | 'NETWORK' };
export type OpenDatabaseOutcome = { ok: true; result: OpenDatabaseResult } | { ok: false; error: OpenDatabaseUiError };

/** Asks the host to open (or create) another database; a refusal comes back as a value, not thrown. */
export async function openDatabaseInHost(input: OpenDatabaseInput): Promise<OpenDatabaseOutcome> {
  let res: Response;
  try {
    res = await fetch(hostPath('open-database'), {
      method: 'POST',
      headers: { ...tokenHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch (error) {
    return { ok: false, error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } };
  }
  if (res.status === 401) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong Rapport token.' } };
  const body = (await res.json().catch(() => null)) as { file?: string; created?: boolean; error?: OpenDatabaseError } | null;
  if (res.ok && typeof body?.file === 'string') {
    announceDatabaseChanged();
    return { ok: true, result: { file: body.file, created: body.created === true } };
  }
  return { ok: false, error: body?.error ?? { code: 'INTERNAL', message: `HTTP ${res.status}` } };
}

const CHANNEL = 'rapport.host';

/** Other tabs on this host would keep showing the old file's data: tell them to reload. */
function announceDatabaseChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'database-changed' });
  channel.close();
}

/** Calls `onChange` when another tab of this host switched the database; returns the unsubscribe. */
export function onDatabaseChangedElsewhere(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'database-changed') onChange();
  };
  return () => channel.close();
}
