import fs from 'node:fs';
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
  const partial = `${destination}${PARTIAL}`;
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
 * A snapshot still being written is touched continuously; one left alone this long was cut off
 * by a crash or a kill and will never be finished. Younger ones may belong to another PC's
 * backup in progress in a shared folder, so they are left alone.
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
  for (const name of names) {
    if (!name.endsWith(PARTIAL)) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs >= STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove (permissions): the next open tries again.
    }
  }
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
