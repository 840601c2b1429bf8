import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { RapportError } from '../errors';
import { rapportError, tempCore, tempDir } from '../test-support/temp-workspace';
import { STALE_PARTIAL_MS, partialName } from './backup';
import { MIGRATIONS_TABLE, defaultMigrationsDir, loadMigrations, runMigrations } from './migrations';
import { openWorkspace } from './open';

const require = createRequire(import.meta.url);
const WORKER = fileURLToPath(new URL('../test-support/worker-process.ts', import.meta.url));

function openError(file: string, options = {}): RapportError {
  try {
    openWorkspace(file, { probeLocks: false, ...options }).close();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('expected openWorkspace to refuse');
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * A closed workspace file with a few hundred contacts (a table opening does not read), in
 * rollback-journal mode so all of it is in the one file.
 */
function workspaceWithData(options: { shared?: boolean } = {}): string {
  const { core, file } = tempCore({ markShared: options.shared ?? false });
  const insert = core.workspace.sqlite.prepare(
    `INSERT INTO contacts (name, sort_name, lifecycle, street, version, created_at, updated_at) VALUES (?, ?, 'lead', ?, 1, 0, 0)`,
  );
  core.workspace.sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(`Person ${i}`, `person ${i}`, 'x'.repeat(400));
  })();
  core.workspace.sqlite.pragma('journal_mode = DELETE');
  core.close();
  return file;
}

/**
 * Junk over one page in the middle of the contacts table's data: damage that only a check finds, not
 * opening (wherever a migration's new indexes shift the tables opening reads, such as pipelines).
 */
function damageMiddlePage(file: string): void {
  const sqlite = new Database(file, { readonly: true });
  const pages = sqlite.prepare(`SELECT pageno FROM dbstat WHERE name = 'contacts' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
  sqlite.close();
  overwrite(file, (pages[Math.floor(pages.length / 2)]! - 1) * 4096, 4096);
}

function overwrite(file: string, offset: number, length: number): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  fs.closeSync(fd);
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

describe('a damaged file is refused with CORRUPT and the restore hint', () => {
  it('refuses a workspace cut in half, leaving it byte-identical', () => {
    const file = workspaceWithData();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    const before = sha256(file);
    const error = openError(file);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/Restore it from a backup/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a workspace whose schema page was overwritten with junk', () => {
    const file = workspaceWithData();
    overwrite(file, 100, 4096 - 100);
    const before = sha256(file);
    const error = openError(file);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/Restore it from a backup/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a workspace with junk over its data pages', () => {
    const file = workspaceWithData();
    const size = fs.statSync(file).size;
    overwrite(file, Math.floor(size / 2 / 4096) * 4096, 3 * 4096);
    const error = openError(file);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/Restore it from a backup/);
  });

  it('refuses a file with a SQLite header and junk after it', () => {
    const file = path.join(tempDir(), 'garbled.db');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0xee)]));
    const before = sha256(file);
    const error = openError(file);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/Restore it from a backup/);
    expect(sha256(file)).toBe(before);
  });
});

describe('another program’s empty SQLite file', () => {
  it('is refused with NOT_RAPPORT and left byte-identical', () => {
    const file = path.join(tempDir(), 'other-empty.db');
    const other = new Database(file);
    other.pragma('application_id = 1234567');
    other.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const before = sha256(file);
    expect(openError(file).code).toBe('NOT_RAPPORT');
    expect(sha256(file)).toBe(before);
  });

  it('an empty SQLite file with no application id is still adopted', () => {
    const file = path.join(tempDir(), 'blank.db');
    const blank = new Database(file);
    blank.pragma('user_version = 0');
    blank.exec('VACUUM');
    blank.close();
    openWorkspace(file, { probeLocks: false }).close();
  });
});

describe('backups around migrations', () => {
  it('removes leftovers of an interrupted backup on the next open and keeps the real backups', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.db');
    openWorkspace(file, { migrationsDir: olderMigrationsDir(1), probeLocks: false }).close();
    openWorkspace(file, { probeLocks: false }).close();
    const backups = path.join(dir, 'backups');
    const [real] = fs.readdirSync(backups);
    expect(real).toMatch(/pre-migration\.db$/);

    // A process of this PC killed (-9) while writing a snapshot: its half-written file stays behind.
    const destination = path.join(backups, 'shop-2026-01-01T00-00-00-000Z-pre-migration.db');
    const writer = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const killedLeftover = partialName(destination, writer.pid!);
    fs.writeFileSync(killedLeftover, Buffer.alloc(64 * 1024, 1));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    // Another PC's snapshot in progress (touched just now) is not a leftover; one untouched for long is.
    const otherPcWriting = path.join(backups, 'shop-x-pre-migration.db.OTHER-PC.4242.partial');
    fs.writeFileSync(otherPcWriting, 'x');
    const otherPcAbandoned = path.join(backups, 'shop-y-pre-migration.db.OTHER-PC.4343.partial');
    fs.writeFileSync(otherPcAbandoned, 'x');
    const old = new Date(Date.now() - STALE_PARTIAL_MS - 60_000);
    fs.utimesSync(otherPcAbandoned, old, old);

    openWorkspace(file, { probeLocks: false }).close();

    expect(fs.readdirSync(backups).sort()).toEqual([real, path.basename(otherPcWriting)].sort());
  });

  it('takes the pre-migration backup while holding the migration lock', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    openWorkspace(file, { migrationsDir: olderMigrationsDir(1), probeLocks: false }).close();
    const sqlite = new Database(file, { timeout: 50 });
    let otherWriter = 'not tried';
    runMigrations(sqlite, loadMigrations(), {
      beforeApplying: () => {
        // Another PC that starts migrating now must wait for this one: it cannot take the lock.
        const other = new Database(file, { timeout: 0 });
        try {
          other.prepare('BEGIN IMMEDIATE').run();
          otherWriter = 'got the lock';
          other.prepare('ROLLBACK').run();
        } catch (error) {
          otherWriter = String((error as { code?: string }).code);
        } finally {
          other.close();
        }
      },
    });
    sqlite.close();
    expect(otherWriter).toMatch(/^SQLITE_BUSY/);
  });

  it('two processes opening an old file at once: one migrates, and its one backup holds the old state', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'race.db');
    openWorkspace(file, { migrationsDir: olderMigrationsDir(1), probeLocks: false }).close();
    const startAt = Date.now() + 1500;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', WORKER, 'open', file, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (out += chunk));
        child.on('error', reject);
        child.on('exit', () => resolve(out.trim()));
      });
    const results = await Promise.all([run(), run()]);
    expect(results.every((line) => line.startsWith('opened'))).toBe(true);
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get()).toEqual({ n: 1 });
    backup.close();
  }, 30_000);

  it('refuses to back up (and so to migrate) a damaged file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const old = openWorkspace(file, { migrationsDir: olderMigrationsDir(1), probeLocks: false });
    const insert = old.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    for (let i = 0; i < 300; i++) insert.run(`filler${i}`, 'x'.repeat(400));
    old.sqlite.pragma('journal_mode = DELETE');
    old.close();
    overwrite(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096, 4096);
    // The quick check on open is off here, so the check before the backup is the one that finds it.
    const error = openError(file, { quickCheckMaxBytes: 0 });
    expect(error.code).toBe('CORRUPT');
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get()).toEqual({ n: 1 });
    sqlite.close();
    expect(fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : []).toEqual([]);
  });
});

describe('integrity checks', () => {
  it('records a full check run in the background and shows it in the workspace info', async () => {
    const { core, api } = tempCore();
    expect((await api.system.workspace.info()).integrity).toMatchObject({ quickCheckOnOpen: 'ok', lastFullCheckAt: null });
    const status = await core.workspace.integrity.runFullCheck();
    expect(status).toMatchObject({ lastFullCheckOk: true, running: false });
    const info = await api.system.workspace.info();
    expect(info.integrity.lastFullCheckOk).toBe(true);
    expect(info.integrity.lastFullCheckAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('the heartbeat is the idle step that starts the full check when one is due, and not again the same day', async () => {
    const { core } = tempCore();
    core.workspace.heartbeat();
    expect(core.workspace.integrity.status.running).toBe(true);
    await vi.waitFor(() => expect(core.workspace.integrity.status.lastFullCheckOk).toBe(true), { timeout: 20_000 });
    core.workspace.heartbeat();
    expect(core.workspace.integrity.status.running).toBe(false);
  });

  it('a file too big for the quick check on open is checked in the background, and damage found there refuses every call', async () => {
    const file = workspaceWithData();
    damageMiddlePage(file);
    const { core, api } = tempCore({ quickCheckMaxBytes: 0 }, file);
    expect(core.workspace.integrity.status.quickCheckOnOpen).toBe('deferred');
    const status = await core.workspace.integrity.runFullCheck();
    expect(status.lastFullCheckOk).toBe(false);
    const error = await rapportError(() => api.system.workspace.info());
    expect(error.code).toBe('CORRUPT');
    expect((await rapportError(() => api.people.contacts.create({ name: 'Not written' }))).code).toBe('CORRUPT');
  });

  it('checks a shared (rollback-journal) file table by table and finds damage there too', async () => {
    const sound = tempCore({ markShared: true });
    expect(sound.core.workspace.journalMode).toBe('delete');
    expect((await sound.core.workspace.integrity.runFullCheck()).lastFullCheckOk).toBe(true);

    const file = workspaceWithData({ shared: true });
    damageMiddlePage(file);
    const { core } = tempCore({ quickCheckMaxBytes: 0 }, file);
    expect(core.workspace.journalMode).toBe('delete');
    expect((await core.workspace.integrity.runFullCheck()).lastFullCheckOk).toBe(false);
    expect(core.workspace.integrity.refusal?.code).toBe('CORRUPT');
  });
});

describe('statistics', () => {
  it('a fresh file gets sqlite_stat1 rows for its big tables after use, from optimize on open and close', async () => {
    const { core, file, api } = tempCore();
    const insert = core.workspace.sqlite.prepare(`INSERT INTO contacts (name, sort_name, lifecycle, version, created_at, updated_at) VALUES (?, ?, 'lead', 1, 0, 0)`);
    core.workspace.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`Person ${i}`, `person ${i}`);
    })();
    await api.people.contacts.list({});
    core.close();
    const reopened = openWorkspace(file, { probeLocks: false });
    reopened.close();
    const sqlite = new Database(file, { readonly: true });
    const tables = (sqlite.prepare(`SELECT DISTINCT tbl FROM sqlite_stat1`).all() as { tbl: string }[]).map((row) => row.tbl);
    sqlite.close();
    expect(tables).toContain('contacts');
  });
});

describe('marking a workspace shared', () => {
  it('commits nothing when another process holds the file open in WAL, and says BUSY', async () => {
    const { core, file } = tempCore();
    expect(core.workspace.journalMode).toBe('wal');
    core.close();
    // Another client (here a plain process) with the file open in WAL mode, as another Rapport would.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new Database(process.argv[1]);
         db.prepare('SELECT count(*) FROM settings').get();
         process.stdout.write('holding\\n');
         process.stdin.on('data', () => {}); process.stdin.on('end', () => { db.close(); process.exit(0); });`,
        file,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });
    try {
      const error = openError(file, { markShared: true, busyTimeoutMs: 100 });
      expect(error.code).toBe('BUSY');
      const sqlite = new Database(file, { readonly: true });
      expect(sqlite.prepare(`SELECT value FROM settings WHERE key = 'shared'`).get()).toEqual({ value: '0' });
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      sqlite.close();
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Once the other client is gone, the switch goes through.
    const shared = openWorkspace(file, { markShared: true, probeLocks: false });
    expect(shared.shared).toBe(true);
    expect(shared.journalMode).toBe('delete');
    shared.close();
  }, 30_000);
});
