import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../db/api/core';
import { tempDir } from '../../db/test-support/temp-workspace';
import { refusalFromOpenError } from '../browser-host/database-switch';
import { describeOpenError } from './open-errors';

/** A real workspace file, closed, then cut in half as a crash or a bad copy leaves it. */
function truncatedWorkspace(): string {
  const file = path.join(tempDir(), 'shop.db');
  const core = openCore(file, { probeLocks: false });
  const insert = core.workspace.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  for (let i = 0; i < 300; i++) insert.run(`filler${i}`, 'x'.repeat(400));
  core.workspace.sqlite.pragma('journal_mode = DELETE');
  core.close();
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
  return file;
}

function openFailure(file: string): unknown {
  try {
    openCore(file, { probeLocks: false, create: false }).close();
  } catch (error) {
    return error;
  }
  throw new Error('expected the open to fail');
}

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a damaged database, as each host tells the user', () => {
  it('the desktop dialog says the file is damaged and how to restore it', () => {
    const file = truncatedWorkspace();
    const text = describeOpenError(openFailure(file), file);
    expect(text).toMatchObject({ code: 'CORRUPT', title: 'The database is damaged' });
    expect(text.message).toMatch(/Restore it from a backup/);
    expect(text.detail).toMatch(/Restore it from a backup \(File → Show Backups Folder\)/);
  });

  it('the desktop dialog names a raw SQLite damage code as CORRUPT too, never UNKNOWN', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      const text = describeOpenError(sqliteError(code, 'database disk image is malformed'), '/office/shop.db');
      expect(text.code).toBe('CORRUPT');
      expect(text.message).toBe('shop.db is damaged and cannot be opened. Restore it from a backup.');
    }
    expect(describeOpenError(sqliteError('SQLITE_FULL', 'database or disk is full'), '/office/shop.db')).toMatchObject({
      code: 'DISK_FULL',
      title: 'The disk is full',
      message: 'The disk holding the database is full; nothing was saved.',
    });
  });

  it('the browser host refuses it with CORRUPT (not NOT_RAPPORT or INTERNAL)', () => {
    const file = truncatedWorkspace();
    const refusal = refusalFromOpenError(openFailure(file), file);
    expect(refusal.toJSON()).toMatchObject({ code: 'CORRUPT', file });
    expect(refusal.message).toMatch(/Restore it from a backup/);
    expect(refusalFromOpenError(sqliteError('SQLITE_NOTADB', 'file is not a database'), file).code).toBe('CORRUPT');
    expect(refusalFromOpenError(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'), file).code).toBe('CORRUPT');
    expect(refusalFromOpenError(sqliteError('ENOSPC', 'no space left on device'), file).code).toBe('DISK_FULL');
  });
});
