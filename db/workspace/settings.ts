import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Reads } from '../read/reads';
import { settings, users } from '../system/schema';
import type { RecordWriter } from '../write/record-writer';

export type SettingKey = 'workspace_id' | 'shared' | 'locale' | 'currency' | 'initialized' | 'created_at';
/** The settings' optimistic version, kept as a settings row of its own (written only by the writer). */
export const SETTINGS_VERSION_KEY = 'version';

/** Area code passes its `Reads`; the raw connection is accepted until every caller reads through `Reads`. */
export function readSetting(source: Reads | Database.Database, key: SettingKey): string | undefined {
  if (!('prepare' in source)) return source.value<string>(sql`SELECT ${settings.value} FROM ${settings} WHERE ${settings.key} = ${key}`);
  return (source.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The version an edit of the settings names (0 for a file from before settings were versioned). */
export function readSettingsVersion(sqlite: Database.Database): number {
  return Number((sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_VERSION_KEY) as { value: string } | undefined)?.value ?? 0);
}

/** Whether a file still lacks its defaults or its owner: only then does opening take the write lock. */
export function needsWorkspaceDefaults(sqlite: Database.Database): boolean {
  return !sqlite.prepare(`SELECT 1 FROM users WHERE role = 'owner' LIMIT 1`).get() || !readSetting(sqlite, 'workspace_id');
}

/**
 * First open of a new file: workspace id, locale, currency and the owner user, written inside the
 * caller's `write()` (attributed to the system) and audited. Idempotent: only what is missing is
 * written, checked again under the write lock, so two PCs opening a new file at once agree.
 */
export function ensureWorkspaceDefaults(writer: RecordWriter, defaults: { locale: 'en' | 'zh-CN'; shared: boolean }): void {
  const { sqlite } = writer;
  if (!needsWorkspaceDefaults(sqlite)) return;
  const wanted: Record<SettingKey, string> = {
    workspace_id: randomUUID(),
    shared: defaults.shared ? '1' : '0',
    locale: defaults.locale,
    currency: defaults.locale === 'zh-CN' ? 'CNY' : 'USD',
    initialized: '0',
    created_at: String(writer.now),
  };
  const missing = Object.fromEntries(Object.entries(wanted).filter(([key]) => readSetting(sqlite, key as SettingKey) === undefined));
  writer.setSettings(missing);
  if (!sqlite.prepare(`SELECT 1 FROM users WHERE role = 'owner' LIMIT 1`).get()) {
    writer.insert(users, { name: defaults.locale === 'zh-CN' ? '店主' : 'Owner', role: 'owner', active: true, pinHash: null });
  }
}
