import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../schema';
import { RapportError, isBusyError } from '../errors';
import { backupFileName, rotateBackups, snapshotTo } from './backup';
import { probeLocksExclude } from './lock-probe';
import {
  RAPPORT_APPLICATION_ID,
  checkAppliedPrefix,
  loadMigrations,
  readAppliedMigrations,
  runMigrations,
} from './migrations';
import { isNetworkPath } from './network-path';
import { ensureDefaultPipeline } from '../sales/default-pipeline';
import { ensureWorkspaceDefaults, readSetting, writeSetting } from './settings';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Mark the workspace shared (several PCs) when creating or opening it. */
  markShared?: boolean;
  migrationsDir?: string;
  /** Where automatic backups go; default: a `backups` folder beside the database file. */
  backupDir?: string;
  busyTimeoutMs?: number;
  /** Probe byte-range locks before admitting several writers (default true in shared mode). */
  probeLocks?: boolean;
  /** Locale for a new workspace's defaults (pipeline names, etc.). */
  locale?: 'en' | 'zh-CN';
}

export interface Workspace {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Identifies this process's connection in `changes` and `presence`. */
  readonly clientId: string;
  readonly shared: boolean;
  readonly journalMode: string;
  readonly schemaVersion: number;
  /** The staff member acting through this connection. */
  userId: number;
  /** Refreshes this client's presence row, so others see it is still in. */
  heartbeat(): void;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const QUICK_CHECK_ABOVE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_BUSY_TIMEOUT_MS = 2000;

/**
 * Opens (or creates) a workspace file following DESIGN §3: identify, refuse newer schemas,
 * check integrity, back up and migrate, then set and read back the pragmas of the journal policy.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  // Other PCs writing can hold the file past busy_timeout; opening only reads and runs short
  // transactions, so it is safe to start over a few times before giving up with BUSY.
  for (let attempt = 1; ; attempt++) {
    try {
      return openOnce(file, options);
    } catch (error) {
      if (!isBusyError(error) || attempt >= OPEN_ATTEMPTS) {
        if (isBusyError(error)) throw new RapportError('BUSY', 'The database stayed locked by other users; try opening it again.', { cause: error });
        throw error;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * attempt + Math.random() * 100);
    }
  }
}

const OPEN_ATTEMPTS = 5;

function openOnce(file: string, options: OpenOptions): Workspace {
  const resolved = path.resolve(file);
  const existed = refuseForeignFile(resolved, options.create ?? true);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const sqlite = new Database(resolved, { timeout: busyTimeoutMs });
  try {
    const migrations = loadMigrations(options.migrationsDir);
    const tableCount = (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number }).n;
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    if (tableCount > 0 && applicationId !== RAPPORT_APPLICATION_ID) {
      throw new RapportError('NOT_RAPPORT', `${path.basename(resolved)} is a database, but not a Rapport workspace.`);
    }
    const applied = readAppliedMigrations(sqlite);
    checkAppliedPrefix(applied, migrations);

    if (existed && tableCount > 0) checkIntegrity(sqlite, resolved);

    if (applied.length < migrations.length) {
      if (existed && tableCount > 0) {
        const backupDir = options.backupDir ?? path.join(path.dirname(resolved), 'backups');
        snapshotTo(sqlite, path.join(backupDir, backupFileName(resolved, 'pre-migration')));
        rotateBackups(backupDir, 'pre-migration', 10);
      }
      runMigrations(sqlite, migrations);
    }

    setAndCheck(sqlite, 'foreign_keys', 'ON', 1);
    ensureWorkspaceDefaults(sqlite, { locale: options.locale ?? 'en' });
    ensureDefaultPipeline(sqlite, readSetting(sqlite, 'locale') ?? 'en');

    const onNetwork = isNetworkPath(resolved);
    if ((options.markShared || onNetwork) && readSetting(sqlite, 'shared') !== '1') {
      sqlite.prepare('BEGIN IMMEDIATE').run();
      writeSetting(sqlite, 'shared', '1');
      sqlite.prepare('COMMIT').run();
    }
    const shared = readSetting(sqlite, 'shared') === '1';
    const journalMode = applyJournalPolicy(sqlite, shared);
    if (shared && (options.probeLocks ?? true) && !probeLocksExclude(sqlite, resolved)) {
      throw new RapportError(
        'UNSAFE_SHARE',
        'The folder holding this database does not lock files reliably, so several PCs writing to it could damage it. Move the file to a proper network share or open it from one PC only.',
      );
    }

    const clientId = randomUUID();
    const ownerId = (sqlite.prepare(`SELECT id FROM users WHERE role = 'owner' AND deleted_at IS NULL ORDER BY id LIMIT 1`).get() as
      | { id: number }
      | undefined)?.id;
    registerPresence(sqlite, clientId, ownerId ?? null);

    const workspace: Workspace = {
      file: resolved,
      sqlite,
      db: drizzle({ client: sqlite, schema }),
      clientId,
      shared,
      journalMode,
      schemaVersion: migrations.length,
      userId: ownerId ?? 0,
      heartbeat() {
        try {
          sqlite.prepare('UPDATE presence SET heartbeat_at = ? WHERE client_id = ?').run(Date.now(), clientId);
        } catch {
          // A busy file skips one beat; the next one catches up.
        }
      },
      close() {
        try {
          sqlite.prepare('DELETE FROM presence WHERE client_id = ?').run(clientId);
        } catch {
          // Closing must not fail because the file is busy; the heartbeat ages the row out.
        }
        sqlite.close();
      },
    };
    return workspace;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Returns whether the file existed with content; throws, without touching it, if it is not SQLite. */
function refuseForeignFile(file: string, create: boolean): boolean {
  if (!fs.existsSync(file)) {
    if (!create) throw new RapportError('NOT_FOUND', `${file} does not exist.`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return false;
  }
  const stats = fs.statSync(file);
  if (!stats.isFile()) throw new RapportError('NOT_RAPPORT', `${file} is not a file.`);
  if (stats.size === 0) return false;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new RapportError('NOT_RAPPORT', `${path.basename(file)} is not a Rapport database.`);
  }
  return true;
}

function checkIntegrity(sqlite: Database.Database, file: string): void {
  const quick = fs.statSync(file).size > QUICK_CHECK_ABOVE_BYTES;
  let rows: { integrity_check?: string; quick_check?: string }[];
  try {
    rows = sqlite.pragma(quick ? 'quick_check' : 'integrity_check') as typeof rows;
  } catch (error) {
    throw new RapportError('CORRUPT', `${path.basename(file)} is damaged and cannot be opened.`, { cause: error });
  }
  const result = rows.map((row) => row.integrity_check ?? row.quick_check).join('; ');
  if (result !== 'ok') {
    throw new RapportError('CORRUPT', `${path.basename(file)} is damaged (${result.slice(0, 200)}). Restore it from a backup.`);
  }
}

function setAndCheck(sqlite: Database.Database, pragma: string, value: string, expected: string | number): void {
  sqlite.pragma(`${pragma} = ${value}`);
  const actual = sqlite.pragma(pragma, { simple: true });
  if (String(actual).toLowerCase() !== String(expected).toLowerCase()) {
    throw new RapportError('INTERNAL', `SQLite refused ${pragma}=${value} (it reports ${String(actual)}).`);
  }
}

/** WAL for a local file; rollback journal and full sync for a shared one, never WAL there. */
function applyJournalPolicy(sqlite: Database.Database, shared: boolean): string {
  const wanted = shared ? 'delete' : 'wal';
  let actual = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    actual = String(sqlite.pragma(`journal_mode = ${wanted}`, { simple: true })).toLowerCase();
    if (actual === wanted) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * (attempt + 1));
  }
  if (actual !== wanted) {
    if (shared) {
      throw new RapportError(
        'UNSAFE_SHARE',
        `This shared database is in ${actual} journal mode and could not be switched back to a rollback journal; close Rapport on the other PCs and try again.`,
      );
    }
    throw new RapportError('BUSY', 'Another program holds the database; close it and try again.');
  }
  setAndCheck(sqlite, 'synchronous', 'FULL', 2);
  return actual;
}

function registerPresence(sqlite: Database.Database, clientId: string, userId: number | null): void {
  const now = Date.now();
  sqlite.prepare('BEGIN IMMEDIATE').run();
  try {
    // Rows whose heartbeat stopped long ago belong to clients that crashed.
    sqlite.prepare('DELETE FROM presence WHERE heartbeat_at < ?').run(now - 10 * 60_000);
    sqlite
      .prepare(
        `INSERT INTO presence (client_id, host, os_user, pid, user_id, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(clientId, os.hostname(), safeUserName(), process.pid, userId, now, now);
    sqlite.prepare('COMMIT').run();
  } catch (error) {
    if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
    throw error;
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
