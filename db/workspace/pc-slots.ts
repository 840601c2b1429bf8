import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { processIsAlive, safeHostName } from './backup';

/**
 * The cross-PC lock check. Each client with a shared file open holds a lock on a slot of its own
 * beside the database, and tries the other live clients' slots: where it gets one, byte-range
 * locks do not reach from that PC to this one, and several writers would corrupt the file.
 *
 * A slot is a tiny SQLite file held in `BEGIN EXCLUSIVE` by a connection of its own. Node cannot
 * take a byte-range lock itself (no fcntl/LockFileEx without a native addon), but SQLite's own
 * locks are byte ranges on the file (fcntl on Linux and macOS, LockFileEx on Windows): the very
 * locks the database relies on, through the same VFS, so what the slot proves holds for the
 * database. The slot is named by host, pid and the client id of the presence row, so the presence
 * row records it and a leftover of a crashed process on this PC is recognised at once. Nothing is
 * ever written to a slot: it stays an empty file with no journal.
 */
export const SLOT_STALE_MS = 90_000;

const SLOT_MARK = '.rapport-pc.';

export interface SlotName {
  file: string;
  host: string;
  pid: number;
  clientId: string;
}

export function slotFileOf(databaseFile: string, clientId: string): string {
  return `${databaseFile}${SLOT_MARK}${safeHostName()}.${process.pid}.${clientId}`;
}

/** Another client's slot this client took: the evidence that locks do not reach across PCs. */
export interface UnlockedSlot {
  host: string;
  pid: number;
  clientId: string;
}

export class PcSlot {
  private constructor(
    readonly file: string,
    private readonly holder: Database.Database,
  ) {}

  /** Creates this client's slot and locks it; throws if even that fails (the folder is read-only). */
  static take(databaseFile: string, clientId: string, now: number): PcSlot {
    const file = slotFileOf(databaseFile, clientId);
    fs.writeFileSync(file, '', { flag: 'wx' });
    let holder: Database.Database | undefined;
    try {
      holder = new Database(file, { timeout: 0, fileMustExist: true });
      // The journal in memory: BEGIN EXCLUSIVE would otherwise leave an empty -journal beside the
      // slot, which a PC whose locks do not reach takes for a crashed one's and deletes. (OFF does
      // not take on an empty file; MEMORY does.)
      holder.pragma('journal_mode = MEMORY');
      holder.prepare('BEGIN EXCLUSIVE').run();
      touch(file, now);
      return new PcSlot(file, holder);
    } catch (error) {
      holder?.close();
      fs.rmSync(file, { force: true });
      throw error;
    }
  }

  /** The heartbeat: the slot's mtime says its holder is alive. */
  touch(now: number): void {
    try {
      touch(this.file, now);
    } catch {
      // The share did not answer; the next beat tries again, well inside SLOT_STALE_MS.
    }
  }

  /** Tries every other live slot; returns those this client could lock (empty when locks hold). */
  tryOthers(databaseFile: string, now: number): UnlockedSlot[] {
    const unlocked: UnlockedSlot[] = [];
    for (const other of listSlots(databaseFile)) {
      if (other.file === this.file) continue;
      const outcome = tryLock(other.file);
      if (outcome !== 'acquired') continue;
      if (isLeftover(other, now)) {
        // A crashed client's slot: its lock went with its process.
        fs.rmSync(other.file, { force: true });
        continue;
      }
      unlocked.push({ host: other.host, pid: other.pid, clientId: other.clientId });
    }
    return unlocked;
  }

  release(): void {
    try {
      if (this.holder.inTransaction) this.holder.prepare('ROLLBACK').run();
    } finally {
      this.holder.close();
      fs.rmSync(this.file, { force: true });
    }
  }
}

/** The live slots of other clients (leftovers excluded), for a lease taker to see who is in. */
export function liveSlots(databaseFile: string, now: number): SlotName[] {
  return listSlots(databaseFile).filter((slot) => {
    if (!isLeftover(slot, now)) return true;
    // Stale by its clock but still locked: its holder is alive and only missed its beats.
    if (tryLock(slot.file) === 'excluded') return true;
    fs.rmSync(slot.file, { force: true });
    return false;
  });
}

function listSlots(databaseFile: string): SlotName[] {
  const dir = path.dirname(databaseFile);
  const prefix = `${path.basename(databaseFile)}${SLOT_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const slots: SlotName[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^([^.]+)\.(\d+)\.([0-9a-f-]+)$/.exec(name.slice(prefix.length));
    if (!match) continue; // a slot's journal or a stranger
    slots.push({ file: path.join(dir, name), host: match[1]!, pid: Number(match[2]), clientId: match[3]! });
  }
  return slots;
}

function tryLock(file: string): 'acquired' | 'excluded' | 'gone' {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { timeout: 0, fileMustExist: true });
    probe.pragma('journal_mode = MEMORY');
    probe.prepare('BEGIN IMMEDIATE').run();
    probe.prepare('ROLLBACK').run();
    return 'acquired';
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? 'excluded' : 'gone';
  } finally {
    probe?.close();
  }
}

/** A slot whose process on this PC is gone, or whose holder stopped beating long ago. */
function isLeftover(slot: SlotName, now: number): boolean {
  if (slot.host === safeHostName() && !processIsAlive(slot.pid)) return true;
  try {
    return now - fs.statSync(slot.file).mtimeMs >= SLOT_STALE_MS;
  } catch {
    return true;
  }
}

function touch(file: string, now: number): void {
  fs.utimesSync(file, now / 1000, now / 1000);
}
