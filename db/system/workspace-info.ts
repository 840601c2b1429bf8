import type { z } from 'zod';
import type { Locale, User, WorkspaceInfo, settingsUpdate } from '../contract/system';
import { statement } from '../read/statements';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { readSetting, readSettingsVersion } from '../workspace/settings';

export function listUsers(workspace: Workspace): User[] {
  return (
    statement(workspace.sqlite, 'SELECT id, name, role, active FROM users WHERE deleted_at IS NULL ORDER BY id').all() as (Omit<User, 'active'> & {
      active: number;
    })[]
  ).map((row) => ({ ...row, active: row.active === 1 }));
}

/** Three missed heartbeats and a client counts as gone. */
const PRESENCE_FRESH_MS = 90_000;

export function workspaceInfo(workspace: Workspace): WorkspaceInfo {
  const { sqlite } = workspace;
  // Null until someone signs in on this connection (workspace.userId is then 0).
  const currentUser = listUsers(workspace).find((user) => user.id === workspace.userId && user.active) ?? null;
  const count = (table: string) =>
    (statement(sqlite, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  return {
    path: workspace.file,
    workspaceId: readSetting(sqlite, 'workspace_id') ?? '',
    shared: workspace.shared,
    journalMode: workspace.journalMode,
    locale: (readSetting(sqlite, 'locale') ?? 'en') as Locale,
    currency: readSetting(sqlite, 'currency') ?? 'USD',
    settingsVersion: readSettingsVersion(sqlite),
    initialized: readSetting(sqlite, 'initialized') === '1',
    currentUser,
    schemaVersion: workspace.schemaVersion,
    counts: { contacts: count('contacts'), companies: count('companies') },
    others: (
      statement(
        sqlite,
        'SELECT p.host, p.os_user, p.started_at, u.name AS user_name FROM presence p LEFT JOIN users u ON u.id = p.user_id WHERE p.client_id != ? AND p.heartbeat_at > ? ORDER BY p.started_at',
      ).all(workspace.clientId, Date.now() - PRESENCE_FRESH_MS) as { host: string; os_user: string; started_at: number; user_name: string | null }[]
    ).map((row) => ({ host: row.host, osUser: row.os_user, since: row.started_at, userName: row.user_name })),
    integrity: workspace.integrity.status,
  };
}

/** Saves the workspace defaults if nobody saved them since `input.version`; else CONFLICT with the current ones. */
export function updateSettings(workspace: Workspace, input: z.output<typeof settingsUpdate>): WorkspaceInfo {
  write(workspace, (writer) => {
    writer.setSettings(
      { locale: input.locale, currency: input.currency },
      { expectedVersion: input.version, describeCurrent: () => currentSettings(workspace) },
    );
  });
  return workspaceInfo(workspace);
}

/** What a CONFLICT on the settings carries: the values the other save left. */
function currentSettings(workspace: Workspace): { version: number; locale: Locale; currency: string } {
  const { sqlite } = workspace;
  return {
    version: readSettingsVersion(sqlite),
    locale: (readSetting(sqlite, 'locale') ?? 'en') as Locale,
    currency: readSetting(sqlite, 'currency') ?? 'USD',
  };
}
