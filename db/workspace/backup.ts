import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Writes a consistent snapshot of the open database with VACUUM INTO: to a temporary name first,
 * renamed only when complete, so a crash never leaves a half-written backup under a real name.
 */
export function snapshotTo(sqlite: Database.Database, destination: string): string {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, destination);
  return destination;
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
