import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Proves that the filesystem's byte-range locks exclude another process of this PC: while this
 * process holds `file` locked (its PC lock slot, held in BEGIN EXCLUSIVE), a child process must
 * fail to take it. Where it succeeds (lock-forwarding FUSE mounts, some old NAS setups), even two
 * programs on one PC would corrupt the file, so shared use is refused. Probing the slot rather than
 * the database means SQLite never touches the database before the checks pass.
 */
export function probeLocksExclude(file: string): boolean {
  const child = spawnSync(process.execPath, ['-e', CHILD_SCRIPT, file], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return child.stdout.trim() === 'excluded';
}

// Runs in a plain child process; prints whether it was kept out of the lock.
const CHILD_SCRIPT = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const db = new Database(process.argv[1], { timeout: 0, fileMustExist: true });
try { db.pragma('journal_mode = MEMORY'); db.prepare('BEGIN IMMEDIATE').run(); db.prepare('ROLLBACK').run(); process.stdout.write('acquired'); }
catch (error) { process.stdout.write(String(error.code).startsWith('SQLITE_BUSY') ? 'excluded' : 'error:' + error.code); }
`;
