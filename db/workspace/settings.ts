import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { readsOf, type Reads } from '../read/reads';
import { settings, users } from '../system/schema';
import type { RecordWriter } from '../write/record-writer';

export type SettingKey = 'workspace_id' | 'shared' | 'locale' | 'currency' | 'initialized' | 'created_at';
/** The settings' optimistic version, kept as a settings row of its own (written only by the writer). */
export const SETTINGS_VERSION_KEY = 'version';

/** A workspace setting, through the read interface (a raw connection only until every caller reads through `Reads`). */
export function readSetting(source: Reads | Database.Database, key: SettingKey | typeof SETTINGS_VERSION_KEY): string | undefined {
  const reads = 'values' in source ? source : readsOf(source);
  return reads.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

/** The version an edit of the settings names (0 for a file from before settings were versioned). */
export function readSettingsVersion(source: Reads | Database.Database): number {
  return Number(readSetting(source, SETTINGS_VERSION_KEY) ?? 0);
}

/** Whether a file still lacks its defaults or its owner: only then does opening take the write lock. */
export function needsWorkspaceDefaults(reads: Reads): boolean {
  return !hasOwner(reads) || !readSetting(reads, 'workspace_id');
}

function hasOwner(reads: Reads): boolean {
  return reads.db.select({ id: users.id }).from(users).where(eq(users.role, 'owner')).limit(1).get() !== undefined;
}

/**
 * First open of a new file: workspace id, locale, currency and the owner user, written inside the
 * caller's `write()` (attributed to the system) and audited. Idempotent: only what is missing is
 * written, checked again under the write lock, so two PCs opening a new file at once agree.
 */
export function ensureWorkspaceDefaults(writer: RecordWriter, defaults: { locale: 'en' | 'zh-CN'; shared: boolean }): void {
  const { reads } = writer;
  if (!needsWorkspaceDefaults(reads)) return;
  const wanted: Record<SettingKey, string> = {
    workspace_id: randomUUID(),
    shared: defaults.shared ? '1' : '0',
    locale: defaults.locale,
    currency: defaults.locale === 'zh-CN' ? 'CNY' : 'USD',
    initialized: '0',
    created_at: String(writer.now),
  };
  const missing = Object.fromEntries(Object.entries(wanted).filter(([key]) => readSetting(reads, key as SettingKey) === undefined));
  writer.setSettings(missing);
  if (!hasOwner(reads)) {
    writer.insert(users, { name: defaults.locale === 'zh-CN' ? '店主' : 'Owner', role: 'owner', active: true, pinHash: null });
  }
}
