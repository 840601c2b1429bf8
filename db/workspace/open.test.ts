import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors';
import { fileBytes, tempCore, tempDir } from '../test-support/temp-workspace';
import { MIGRATIONS_TABLE, RAPPORT_APPLICATION_ID, defaultMigrationsDir, loadMigrations } from './migrations';
import { isNetworkPath } from './network-path';
import { openWorkspace } from './open';

function openError(file: string, options = {}): RapportError {
  try {
    openWorkspace(file, { probeLocks: false, ...options }).close();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('expected openWorkspace to refuse');
}

/** A migrations folder holding only the first `count` migrations, to play an older build. */
function olderMigrationsDir(count: number): string {
  const dir = tempDir();
  const source = defaultMigrationsDir();
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

describe('opening a workspace', () => {
  it('creates a new file with every migration, the Rapport id, defaults and an owner', () => {
    const { core } = tempCore();
    const { sqlite } = core.workspace;
    const applied = (sqlite.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
    expect(applied).toEqual(loadMigrations().map((m) => m.name));
    expect(sqlite.pragma('application_id', { simple: true })).toBe(RAPPORT_APPLICATION_ID);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.prepare(`SELECT role FROM users`).all()).toEqual([{ role: 'owner' }]);
    expect(core.workspace.journalMode).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses a file that is not SQLite and leaves its bytes alone', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'just some text, not a database '.repeat(100));
    const before = fileBytes(file);
    expect(openError(file).code).toBe('NOT_RAPPORT');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite database of another program and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    other.close();
    const before = fileBytes(file);
    expect(openError(file).code).toBe('NOT_RAPPORT');
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a file migrated by a newer Rapport and leaves it unchanged', () => {
    const { core, file } = tempCore();
    core.workspace.sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ('9999_from_the_future', 0)`).run();
    core.workspace.sqlite.pragma('journal_mode = DELETE');
    core.close();
    const before = fileBytes(file);
    const error = openError(file);
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toMatch(/newer Rapport/);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses a damaged file with CORRUPT', () => {
    const { core, file } = tempCore();
    const sqlite = core.workspace.sqlite;
    sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
      INSERT INTO settings (key, value) SELECT 'filler' || i, hex(randomblob(500)) FROM n`);
    sqlite.pragma('journal_mode = DELETE');
    core.close();
    // Scribble over a page in the middle of the file, past the header and schema.
    const bytes = fileBytes(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(bytes.length / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(['CORRUPT']).toContain(openError(file).code);
  });

  it('backs up an older workspace before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    openWorkspace(file, { migrationsDir: olderMigrationsDir(1), probeLocks: false }).close();
    const workspace = openWorkspace(file, { probeLocks: false });
    workspace.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/pre-migration\.db$/);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get()).toEqual({ n: 1 });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });

  it('puts a shared workspace in rollback-journal mode with full sync, on every open', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shared.db');
    openWorkspace(file, { markShared: true, probeLocks: false }).close();
    for (let i = 0; i < 2; i++) {
      const workspace = openWorkspace(file, { probeLocks: false });
      expect(workspace.shared).toBe(true);
      expect(workspace.journalMode).toBe('delete');
      expect(workspace.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(workspace.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      workspace.close();
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('probes that file locks exclude another process before admitting shared use', () => {
    const file = path.join(tempDir(), 'probe.db');
    const workspace = openWorkspace(file, { markShared: true, probeLocks: true });
    expect(workspace.shared).toBe(true);
    workspace.close();
  });

  it('recognises network locations', () => {
    expect(isNetworkPath('\\\\server\\share\\rapport.db', 'win32')).toBe(true);
    expect(isNetworkPath('//nas/office/rapport.db', 'linux')).toBe(true);
    expect(isNetworkPath(path.join(tempDir(), 'local.db'), 'linux')).toBe(false);
  });
});
