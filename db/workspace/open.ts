import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { ShareReadOnlyReason } from '../contract/system';
import * as schema from '../schema';
import { RapportError, corruptError, diskFullError, isBusyError, isCorruptError, isDiskFullError } from '../errors';
import { backupFileName, removeStalePartials, rotateBackups, snapshotFile } from './backup';
import { IntegrityMonitor, checkOnOpen } from './integrity';
import { probeLocksExclude } from './lock-probe';
import {
  RAPPORT_APPLICATION_ID,
  checkAppliedPrefix,
  loadMigrations,
  readAppliedMigrations,
  runMigrations,
} from './migrations';
import { isNetworkPath } from './network-path';
import { ShareGuard } from './share-guard';
import { HEADER_BYTES_READ, convertWalOnShare, isWalHeader } from './wal-on-share';
import { ensureDefaultPipeline, needsDefaultPipeline } from '../sales/default-pipeline';
import { write } from '../write/transaction';
import { readsOf, type Reads } from '../read/reads';
import { ensureWorkspaceDefaults, needsWorkspaceDefaults, readSetting } from './settings';

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
  /**
   * "Open it on this PC only": take the file's lease (lease.ts) instead of sharing it, for shares
   * whose locks do not reach across PCs. Other PCs are refused with HELD_ELSEWHERE while it is held.
   */
  onThisPcOnly?: boolean;
  /** The clock of the lease and lock-slot heartbeats (tests inject one). */
  now?: () => number;
  /** Locale for a new workspace's defaults (pipeline names, etc.). */
  locale?: 'en' | 'zh-CN';
  /** Files up to this size get the whole quick check on open (default QUICK_CHECK_ON_OPEN_MAX_BYTES). */
  quickCheckMaxBytes?: number;
}

export interface Workspace {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** The read interface area code uses (DESIGN §4): selects only, statements prepared once. */
  readonly reads: Reads;
  /** Identifies this process's connection in `changes` and `presence`. */
  readonly clientId: string;
  readonly shared: boolean;
  readonly journalMode: string;
  readonly schemaVersion: number;
  /** The staff member acting through this connection. */
  userId: number;
  /** The computer the acting user works at, recorded with each audit entry. */
  readonly pc: string;
  /** This client's integrity checks; a damaged file found in the background refuses every call. */
  readonly integrity: IntegrityMonitor;
  /** The cross-PC lock checks of a shared file (null when it is local and unshared); read-only once one fails. */
  readonly shareGuard: ShareGuard | null;
  /** Refreshes this client's presence row, so others see it is still in; also the idle step (full integrity check). */
  heartbeat(): void;
  /** Names who signed in on this client in its presence row ("who else is in"); a busy file skips it. */
  presentAs(userId: number): void;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
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
      // A damaged page can surface on any read of the open sequence, not only in the check.
      if (isCorruptError(error)) throw corruptError(path.basename(file), error);
      if (isDiskFullError(error)) throw diskFullError(error);
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
  const { existed, wal } = refuseForeignFile(resolved, options.create ?? true);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const clientId = randomUUID();
  const onNetwork = isNetworkPath(resolved);
  // Opened in WAL, SQLite would put a -shm on the share before anything could refuse it.
  if (onNetwork && wal) convertWalOnShare(resolved, clientId, now());
  let guard: ShareGuard | null = null;
  let sqlite: Database.Database | undefined;
  const admit = () =>
    ShareGuard.admit(resolved, {
      clientId,
      onThisPcOnly: options.onThisPcOnly ?? false,
      now,
      probeSamePc: (slotFile) => !(options.probeLocks ?? true) || probeLocksExclude(slotFile),
    });
  try {
    // A file known to be shared is admitted before SQLite reads a byte of it: a reader whose locks
    // do not reach the writer's PC takes the writer's journal for a crashed one and rolls it back.
    const knownShared = (options.markShared ?? false) || onNetwork;
    if (knownShared) guard = admit();
    sqlite = openConnection(resolved, busyTimeoutMs, guard?.readOnly ?? null, existed);
    const migrations = loadMigrations(options.migrationsDir);
    const tableCount = (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number }).n;
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    // An empty file tagged by another program is that program's, even with no tables yet.
    const foreignId = applicationId !== 0 && applicationId !== RAPPORT_APPLICATION_ID;
    if (foreignId || (tableCount > 0 && applicationId !== RAPPORT_APPLICATION_ID)) {
      throw new RapportError('NOT_RAPPORT', `${path.basename(resolved)} is a database, but not a Rapport workspace.`);
    }
    const applied = readAppliedMigrations(sqlite);
    checkAppliedPrefix(applied, migrations);

    const markedShared = applied.length > 0 && readSetting(sqlite, 'shared') === '1';
    const shared = knownShared || markedShared;
    // A local file marked shared is read first (local locks work); admitted before anything is written.
    if (shared && !guard) {
      guard = admit();
      if (guard.readOnly) {
        sqlite.close();
        sqlite = openConnection(resolved, busyTimeoutMs, guard.readOnly, existed);
      }
    }
    const readOnly = guard?.readOnly ?? null;
    const markingShared = shared && !markedShared;
    if (readOnly && (applied.length < migrations.length || markingShared)) throw needsChangesWhileUnsafe();

    const quickCheck = existed && tableCount > 0 ? checkOnOpen(sqlite, resolved, options.quickCheckMaxBytes) : 'ok';

    const backupDir = options.backupDir ?? path.join(path.dirname(resolved), 'backups');
    if (!readOnly) removeStalePartials(backupDir);
    if (applied.length < migrations.length) {
      runMigrations(sqlite, migrations, {
        // Under the runner's write lock, so the copy is exactly the state the migrations start from.
        beforeApplying:
          existed && tableCount > 0
            ? () => {
                snapshotFile(resolved, path.join(backupDir, backupFileName(resolved, 'pre-migration')), busyTimeoutMs);
                rotateBackups(backupDir, 'pre-migration', 10);
              }
            : undefined,
      });
    }

    setAndCheck(sqlite, 'foreign_keys', 'ON', 1);

    // The journal switch comes first: if another client holds the file in WAL it fails, and then
    // nothing about sharing (or anything else) has been committed.
    const journalMode = readOnly ? readJournalMode(sqlite) : applyJournalPolicy(sqlite, shared, markingShared);
    if (!readOnly) refreshStatistics(sqlite, OPTIMIZE_ON_OPEN);

    const connection = sqlite;
    const shareGuard = guard;
    const integrity = new IntegrityMonitor(resolved, journalMode !== 'wal', quickCheck);
    // Who signed in here last: the lease names them to a PC it refuses.
    let presentUserId: number | null = null;
    const workspace: Workspace = {
      file: resolved,
      sqlite: connection,
      db: drizzle({ client: connection, schema }),
      reads: readsOf(connection),
      clientId,
      shared,
      journalMode,
      schemaVersion: migrations.length,
      // The system (no user) until the owner is looked up below: set-up rows are the system's.
      userId: 0,
      pc: os.hostname(),
      integrity,
      get shareGuard() {
        return shareGuard;
      },
      heartbeat() {
        shareGuard?.heartbeat(signedInName(connection, presentUserId));
        if (!shareGuard?.readOnly) {
          try {
            connection.prepare('UPDATE presence SET heartbeat_at = ? WHERE client_id = ?').run(now(), clientId);
          } catch {
            // A busy file skips one beat; the next one catches up.
          }
        }
        // The idle step of the full integrity check: runs off this connection, at most daily.
        if (integrity.isDue(Date.now(), FULL_CHECK_INTERVAL_MS)) void integrity.runFullCheck();
      },
      presentAs(userId) {
        presentUserId = userId;
        shareGuard?.heartbeat(signedInName(connection, userId));
        if (shareGuard?.readOnly) return;
        try {
          connection.prepare('UPDATE presence SET user_id = ? WHERE client_id = ?').run(userId, clientId);
        } catch {
          // A busy file skips this; the presence row keeps its previous name until the next sign-in.
        }
      },
      close() {
        try {
          if (!shareGuard?.readOnly) {
            try {
              connection.prepare('DELETE FROM presence WHERE client_id = ?').run(clientId);
            } catch {
              // Closing must not fail because the file is busy; the heartbeat ages the row out.
            }
            refreshStatistics(connection, OPTIMIZE_ON_CLOSE);
          }
          connection.close();
        } finally {
          shareGuard?.close();
        }
      },
    };
    if (!readOnly) setUpWorkspace(workspace, { locale: options.locale ?? 'en', markingShared });

    const ownerId = (connection.prepare(`SELECT id FROM users WHERE role = 'owner' AND deleted_at IS NULL ORDER BY id LIMIT 1`).get() as
      | { id: number }
      | undefined)?.id;
    workspace.userId = ownerId ?? 0;
    if (!readOnly) registerPresence(workspace, now());
    return workspace;
  } catch (error) {
    sqlite?.close();
    guard?.close();
    // A refused open leaves nothing behind: not even the empty file SQLite created for it.
    if (!existed) removeIfEmpty(resolved);
    throw error;
  }
}

/**
 * The database connection. A client whose lock checks failed reads through a read-only one: it
 * cannot take another PC's journal for a crashed one and roll it back, nor write anything at all.
 */
function openConnection(file: string, busyTimeoutMs: number, readOnly: ShareReadOnlyReason | null, existed: boolean): Database.Database {
  if (!readOnly) return new Database(file, { timeout: busyTimeoutMs });
  if (!existed) throw needsChangesWhileUnsafe();
  return new Database(file, { timeout: busyTimeoutMs, readonly: true, fileMustExist: true });
}

function needsChangesWhileUnsafe(): RapportError {
  return new RapportError(
    'UNSAFE_SHARE',
    'This database is open on another PC whose file locks do not reach this one, and it needs changes before it can be opened here. Nothing was changed. Close it on the other PC first, or use host mode.',
  );
}

function signedInName(sqlite: Database.Database, userId: number | null): string | null {
  if (!userId) return null;
  try {
    return (sqlite.prepare('SELECT name FROM users WHERE id = ?').pluck().get(userId) as string | undefined) ?? null;
  } catch {
    return null;
  }
}

function removeIfEmpty(file: string): void {
  try {
    if (fs.statSync(file).size === 0) fs.rmSync(file);
  } catch {
    // Not there (never created) or not ours to remove.
  }
}

function readJournalMode(sqlite: Database.Database): string {
  return String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
}

/** SQLite's advice: 0x10002 on open (also tables this connection has not used yet), plain on close. */
const OPTIMIZE_ON_OPEN = 'optimize = 0x10002';
const OPTIMIZE_ON_CLOSE = 'optimize';
const FULL_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps sqlite_stat1 current so users' files get the plans the tests and the bench see. Since
 * SQLite 3.46 optimize analyses with a row limit, so it stays quick at any size. It is only an
 * optimisation: a busy or read-only file keeps its old statistics.
 */
function refreshStatistics(sqlite: Database.Database, pragma: string): void {
  // Never wait for another PC's lock for statistics: opening and closing stay as quick as before.
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma(pragma);
  } catch {
    // The next open or close tries again.
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Returns whether the file existed with content and whether its header says WAL; throws, without
 * touching it, if it is not SQLite. Read with plain fs, before SQLite opens the file.
 */
function refuseForeignFile(file: string, create: boolean): { existed: boolean; wal: boolean } {
  if (!fs.existsSync(file)) {
    if (!create) throw new RapportError('NOT_FOUND', `${file} does not exist.`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return { existed: false, wal: false };
  }
  const stats = fs.statSync(file);
  if (!stats.isFile()) throw new RapportError('NOT_RAPPORT', `${file} is not a file.`);
  if (stats.size === 0) return { existed: false, wal: false };
  const header = Buffer.alloc(HEADER_BYTES_READ);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw new RapportError('NOT_RAPPORT', `${path.basename(file)} is not a Rapport database.`);
  }
  return { existed: true, wal: isWalHeader(header) };
}

function setAndCheck(sqlite: Database.Database, pragma: string, value: string, expected: string | number): void {
  sqlite.pragma(`${pragma} = ${value}`);
  const actual = sqlite.pragma(pragma, { simple: true });
  if (String(actual).toLowerCase() !== String(expected).toLowerCase()) {
    throw new RapportError('INTERNAL', `SQLite refused ${pragma}=${value} (it reports ${String(actual)}).`);
  }
}

/** WAL for a local file; rollback journal and full sync for a shared one, never WAL there. */
function applyJournalPolicy(sqlite: Database.Database, shared: boolean, markingShared: boolean): string {
  const wanted = shared ? 'delete' : 'wal';
  let actual = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      actual = String(sqlite.pragma(`journal_mode = ${wanted}`, { simple: true })).toLowerCase();
    } catch (error) {
      if (!(markingShared && isBusyError(error))) throw error;
      actual = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
    }
    if (actual === wanted) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * (attempt + 1));
  }
  if (actual !== wanted) {
    if (markingShared) {
      throw new RapportError(
        'BUSY',
        'Another Rapport has this database open, so it cannot be switched to shared use. Nothing was changed; close it there and try again.',
      );
    }
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

/**
 * The rows a workspace needs before its first call (settings defaults, the owner, the default
 * pipeline, the shared flag): one write through the writer, attributed to the system and audited.
 * Skipped without taking the write lock when nothing is missing, as on nearly every open.
 */
function setUpWorkspace(workspace: Workspace, setup: { locale: 'en' | 'zh-CN'; markingShared: boolean }): void {
  const { sqlite } = workspace;
  if (!setup.markingShared && !needsWorkspaceDefaults(workspace.reads) && !needsDefaultPipeline(workspace.reads)) return;
  write(workspace, (writer) => {
    ensureWorkspaceDefaults(writer, { locale: setup.locale, shared: setup.markingShared });
    if (setup.markingShared) writer.setSettings({ shared: '1' });
    ensureDefaultPipeline(writer, readSetting(sqlite, 'locale') ?? 'en');
  });
}

function registerPresence(workspace: Workspace, now: number): void {
  // Presence is this connection's own row, not record state: no audit and no change row.
  write(workspace, () => {
    // Rows whose heartbeat stopped long ago belong to clients that crashed.
    workspace.sqlite.prepare('DELETE FROM presence WHERE heartbeat_at < ?').run(now - 10 * 60_000);
    workspace.sqlite
      .prepare(
        `INSERT INTO presence (client_id, host, os_user, pid, user_id, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(workspace.clientId, os.hostname(), safeUserName(), process.pid, workspace.userId || null, now, now);
  });
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
