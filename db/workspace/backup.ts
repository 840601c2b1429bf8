import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { requireIntact } from './integrity';

const PARTIAL = '.partial';

/**
 * Writes a consistent snapshot of the database with VACUUM INTO: to a temporary name first,
 * renamed only when complete, so a crash never leaves a half-written backup under a real name.
 * The file is integrity-checked first: a backup of a damaged file would only hide the damage.
 */
export function snapshotTo(sqlite: Database.Database, destination: string, fileName = path.basename(destination)): string {
  requireIntact(sqlite, fileName);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = partialName(destination);
  fs.rmSync(partial, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, destination);
  } catch (error) {
    // A full disk or a failed copy must not leave a database-sized leftover behind.
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return destination;
}

/**
 * The same, read through a connection of its own. VACUUM INTO cannot run inside a transaction, so
 * a caller holding the write lock (the migration runner) snapshots the file this way: a reader is
 * still let in beside a RESERVED lock, and it sees exactly the committed state the lock protects.
 */
export function snapshotFile(databaseFile: string, destination: string, busyTimeoutMs: number): string {
  const reader = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  try {
    return snapshotTo(reader, destination, path.basename(databaseFile));
  } finally {
    reader.close();
  }
}

/**
 * The temporary name of a snapshot being written: it says which PC and process writes it, so the
 * next open can tell a leftover (its process is gone) from another PC's backup in progress.
 */
export function partialName(destination: string, pid = process.pid): string {
  return `${destination}.${safeHostName()}.${pid}${PARTIAL}`;
}

/**
 * A snapshot still being written is touched continuously; one another PC left alone this long
 * was cut off by a crash or a kill there. This PC's own leftovers go as soon as their process is gone.
 */
export const STALE_PARTIAL_MS = 10 * 60 * 1000;

/** Deletes leftovers of interrupted backups (`*.partial`); a finished backup is never touched. */
export function removeStalePartials(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no backups folder yet
  }
  const host = safeHostName();
  for (const name of names) {
    if (!name.endsWith(PARTIAL)) continue;
    const file = path.join(dir, name);
    const [, writerHost, writerPid] = /\.([^.]+)\.(\d+)\.partial$/.exec(name) ?? [];
    const ownLeftover = writerHost === host && writerPid !== undefined && !processIsAlive(Number(writerPid));
    try {
      if (ownLeftover || now - fs.statSync(file).mtimeMs >= STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove (permissions): the next open tries again.
    }
  }
}

export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Host names may hold dots (FQDNs); the partial's name keeps only what its pattern can read back. */
export function safeHostName(): string {
  return os.hostname().replace(/[^A-Za-z0-9_-]/g, '_') || 'host';
}

export function backupFileName(databaseFile: string, reason: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${path.basename(databaseFile, path.extname(databaseFile))}-${stamp}-${reason}.db`;
}

/** Keeps the newest `keep` backups of one reason, deletes the rest. */
export function rotateBackups(dir: string, reason: string, keep: number): void {
  if (!fs.existsSync(dir)) return;
  const mine = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(`-${reason}.db`))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) fs.rmSync(path.join(dir, old), { force: true });
}
