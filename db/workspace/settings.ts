import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export type SettingKey = 'workspace_id' | 'shared' | 'locale' | 'currency' | 'initialized' | 'created_at';

export function readSetting(sqlite: Database.Database, key: SettingKey): string | undefined {
  return (sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** Callers run this inside their own write transaction. */
export function writeSetting(sqlite: Database.Database, key: SettingKey, value: string): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

/** First open of a new file: workspace id, locale, currency, and the owner user. Idempotent. */
export function ensureWorkspaceDefaults(sqlite: Database.Database, defaults: { locale: 'en' | 'zh-CN' }): void {
  const hasOwner = sqlite.prepare(`SELECT 1 FROM users WHERE role = 'owner' LIMIT 1`).get();
  if (hasOwner && readSetting(sqlite, 'workspace_id')) return;
  sqlite.prepare('BEGIN IMMEDIATE').run();
  try {
    const now = Date.now();
    const insertDefault = sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
    insertDefault.run('workspace_id', randomUUID());
    insertDefault.run('shared', '0');
    insertDefault.run('locale', defaults.locale);
    insertDefault.run('currency', defaults.locale === 'zh-CN' ? 'CNY' : 'USD');
    insertDefault.run('initialized', '0');
    insertDefault.run('created_at', String(now));
    if (!sqlite.prepare(`SELECT 1 FROM users WHERE role = 'owner' LIMIT 1`).get()) {
      sqlite
        .prepare(
          `INSERT INTO users (name, role, active, version, created_at, updated_at) VALUES (?, 'owner', 1, 1, ?, ?)`,
        )
        .run(defaults.locale === 'zh-CN' ? '店主' : 'Owner', now, now);
    }
    sqlite.prepare('COMMIT').run();
  } catch (error) {
    if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
    throw error;
  }
}
