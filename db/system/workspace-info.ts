import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale, ShareSafety, User, WorkspaceInfo, settingsUpdate } from '../contract/system';
import { companies, contacts } from '../people/schema';
import type { Reads } from '../read/reads';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { readSetting, readSettingsVersion } from '../workspace/settings';
import { presence, users } from './schema';

/** What the open path found out about the file, besides what any Store carries. */
export interface OpenedStore extends Store {
  readonly journalMode: string;
  readonly schemaVersion: number;
  readonly integrity: { readonly status: WorkspaceInfo['integrity'] };
  readonly shareGuard: { readonly status: ShareSafety } | null;
}

export function listUsers(store: Store): User[] {
  return store.reads.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(isNull(users.deletedAt))
    .orderBy(asc(users.id))
    .all();
}

/** Three missed heartbeats and a client counts as gone. */
const PRESENCE_FRESH_MS = 90_000;

export function workspaceInfo(store: OpenedStore): WorkspaceInfo {
  const { reads } = store;
  // Null until someone signs in on this connection (userId is then 0).
  const currentUser = listUsers(store).find((user) => user.id === store.userId && user.active) ?? null;
  const live = (table: typeof contacts | typeof companies) => reads.db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
  return {
    path: store.file,
    workspaceId: readSetting(reads, 'workspace_id') ?? '',
    shared: store.shared,
    journalMode: store.journalMode,
    ...localeAndCurrency(reads),
    settingsVersion: readSettingsVersion(reads),
    initialized: readSetting(reads, 'initialized') === '1',
    currentUser,
    schemaVersion: store.schemaVersion,
    counts: { contacts: live(contacts), companies: live(companies) },
    others: reads.db
      .select({ host: presence.host, osUser: presence.osUser, since: presence.startedAt, userName: users.name })
      .from(presence)
      .leftJoin(users, eq(users.id, presence.userId))
      .where(and(ne(presence.clientId, store.clientId), gt(presence.heartbeatAt, Date.now() - PRESENCE_FRESH_MS)))
      .orderBy(asc(presence.startedAt))
      .all(),
    integrity: store.integrity.status,
    shareSafety: store.shareGuard?.status ?? null,
  };
}

function localeAndCurrency(reads: Reads): { locale: Locale; currency: string } {
  return { locale: (readSetting(reads, 'locale') ?? 'en') as Locale, currency: readSetting(reads, 'currency') ?? 'USD' };
}

/** Saves the workspace defaults if nobody saved them since `input.version`; else CONFLICT with the current ones. */
export function updateSettings(store: OpenedStore, input: z.output<typeof settingsUpdate>): WorkspaceInfo {
  write(store, (writer) => {
    writer.setSettings(
      { locale: input.locale, currency: input.currency },
      // What a CONFLICT on the settings carries: the values the other save left.
      { expectedVersion: input.version, describeCurrent: () => ({ version: readSettingsVersion(writer.reads), ...localeAndCurrency(writer.reads) }) },
    );
  });
  return workspaceInfo(store);
}
