import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/**
 * Proves that the filesystem's byte-range locks exclude another process: while this connection
 * holds a RESERVED lock, a child process must fail to take one. Where it succeeds (some FUSE and
 * old NAS setups), several writers would corrupt the file, so shared use is refused.
 */
export function probeLocksExclude(sqlite: Database.Database, file: string): boolean {
  // Not write(): the lock is held only to be tested and always rolled back, writing nothing.
  sqlite.prepare('BEGIN IMMEDIATE').run();
  try {
    const child = spawnSync(process.execPath, ['-e', CHILD_SCRIPT, file], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    return child.stdout.trim() === 'excluded';
  } finally {
    sqlite.prepare('ROLLBACK').run();
  }
}

// Runs in a plain child process; prints whether it was kept out of the write lock.
const CHILD_SCRIPT = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const db = new Database(process.argv[1], { timeout: 0 });
try { db.prepare('BEGIN IMMEDIATE').run(); db.prepare('ROLLBACK').run(); process.stdout.write('acquired'); }
catch (error) { process.stdout.write(String(error.code).startsWith('SQLITE_BUSY') ? 'excluded' : 'error:' + error.code); }
`;
