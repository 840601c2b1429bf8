import { describe, expect, it } from 'vitest';
import { openWorkspace } from './open';
import { rapportError, tempCore, tempDir } from '../test-support/temp-workspace';
import path from 'node:path';

const auditOf = (sqlite: import('better-sqlite3').Database, table: string) =>
  (sqlite.prepare('SELECT action, user_id AS userId, changes FROM audit_log WHERE table_name = ? ORDER BY id').all(table) as { action: string; userId: number | null; changes: string }[]).map(
    (row) => ({ ...row, changes: JSON.parse(row.changes) as { field: string; before: unknown; after: unknown }[] }),
  );

describe('workspace settings', () => {
  it('refuses a save from a stale form with CONFLICT and the current settings, and audits field by field', async () => {
    const { api, core } = tempCore();
    const opened = await api.system.workspace.info();
    const mine = await api.system.workspace.updateSettings({ version: opened.settingsVersion, currency: 'EUR' });
    expect(mine.settingsVersion).toBe(opened.settingsVersion + 1);

    // A second PC's form was opened before that save.
    const error = await rapportError(() => api.system.workspace.updateSettings({ version: opened.settingsVersion, currency: 'GBP', locale: 'zh-CN' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.current).toEqual({ version: mine.settingsVersion, locale: 'en', currency: 'EUR' });
    expect(await api.system.workspace.info()).toMatchObject({ currency: 'EUR', locale: 'en' });

    const updates = auditOf(core.workspace.sqlite, 'settings').filter((entry) => entry.action === 'update');
    expect(updates).toEqual([{ action: 'update', userId: core.workspace.userId, changes: [{ field: 'currency', before: 'USD', after: 'EUR' }] }]);
    // Saving what is already there changes nothing and keeps the version.
    expect((await api.system.workspace.updateSettings({ version: mine.settingsVersion, currency: 'EUR' })).settingsVersion).toBe(mine.settingsVersion);
  });

  it('writes a new file’s defaults, owner and pipeline through the writer, attributed to the system', () => {
    const file = path.join(tempDir(), 'new.db');
    const workspace = openWorkspace(file, { probeLocks: false, locale: 'zh-CN' });
    try {
      const { sqlite } = workspace;
      const created = (table: string) => auditOf(sqlite, table).filter((entry) => entry.action === 'create');
      const [settingsEntry] = created('settings');
      expect(settingsEntry!.userId).toBeNull();
      expect(settingsEntry!.changes.map((change) => change.field).sort()).toEqual(['created_at', 'currency', 'initialized', 'locale', 'shared', 'workspace_id']);
      expect(created('users')).toEqual([expect.objectContaining({ userId: null, changes: expect.arrayContaining([{ field: 'name', before: null, after: '店主' }]) })]);
      expect(created('pipelines')).toHaveLength(1);
      expect(created('stages')).toHaveLength(6);
      const feed = sqlite.prepare('SELECT DISTINCT table_name FROM changes ORDER BY table_name').all();
      expect(feed).toEqual([{ table_name: 'pipelines' }, { table_name: 'settings' }, { table_name: 'stages' }, { table_name: 'users' }]);
      expect(sqlite.prepare(`SELECT version FROM users WHERE role = 'owner'`).get()).toEqual({ version: 1 });
      // The session then acts as the owner.
      expect(workspace.userId).toBe((sqlite.prepare(`SELECT id FROM users WHERE role = 'owner'`).get() as { id: number }).id);
    } finally {
      workspace.close();
    }
    // Opening again writes nothing: everything is in place.
    const again = openWorkspace(file, { probeLocks: false });
    try {
      expect(again.sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual({ n: 1 + 1 + 1 + 6 });
    } finally {
      again.close();
    }
  });
});
