import fs from 'node:fs';
import { RapportError } from '../errors';
import { Lease } from './lease';
import { liveSlots } from './pc-slots';

/** Enough of the header for the magic string and the file format versions. */
export const HEADER_BYTES_READ = 20;

/** Header bytes 18–19 (file format write and read versions) are 2 in a WAL-mode file, 1 otherwise. */
export function isWalHeader(header: Buffer): boolean {
  return header.length >= 20 && (header[18] === 2 || header[19] === 2);
}

/**
 * A WAL-mode file found on a network share (it was last used from one PC's local disk, then moved
 * or the folder was shared). Opened in WAL, SQLite would map a -shm on the share, which a network
 * filesystem cannot keep coherent. When no -wal or -shm with content is there, the database file
 * holds every committed page, and setting the two header bytes to 1 is exactly the header change
 * of `journal_mode=DELETE`; it is done under the lease, so no other PC opens the file meanwhile.
 * Otherwise it is refused with the way out.
 */
export function convertWalOnShare(file: string, clientId: string, now: number): void {
  if (hasContent(`${file}-wal`) || hasContent(`${file}-shm`)) {
    throw new RapportError(
      'UNSAFE_SHARE',
      'This database is in single-PC (WAL) mode and its last changes are still in the -wal file beside it, which is not safe to open from a network folder. Nothing was changed. Open it once on the PC that used it last (or copy it with its -wal file to a local disk and open it there), close Rapport, then open it from the share.',
    );
  }
  const lease = Lease.acquire(file, clientId, now);
  try {
    // Someone else is in (their slot is live): they opened it before us, so it is not ours to change.
    if (liveSlots(file, now).length > 0) {
      throw new RapportError('BUSY', 'Another PC is opening this database at the same moment; nothing was changed. Try again.');
    }
    const fd = fs.openSync(file, 'r+');
    try {
      fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Empty leftovers would make SQLite think the file is still in WAL use.
    for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
  } finally {
    lease.release();
  }
}

function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}
