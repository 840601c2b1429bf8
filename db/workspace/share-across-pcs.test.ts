import { spawn } from 'node:child_process';
import { randomUUID, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RapportError } from '../errors';
import { mountShare } from '../test-support/fuse-mounts';
import { rapportError, tempCore } from '../test-support/temp-workspace';
import { safeHostName } from './backup';
import { leaseFile } from './lease';
import { isNetworkPath } from './network-path';
import { defaultMigrationsDir } from './migrations';
import { openWorkspace, type OpenOptions } from './open';

const outcome = mountShare();
if (!outcome.ok) console.warn(`[share across PCs] skipped: FUSE is unavailable here (${outcome.reason}).`);
afterAll(() => {
  if (outcome.ok) outcome.mounts.unmount();
});
const mounts = outcome.ok ? outcome.mounts : null;

const WORKER = fileURLToPath(new URL('../test-support/worker-process.ts', import.meta.url));

/** A worker process playing another PC: its stdout lines, and a way to say a line to it. */
function startWorker(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    lines,
    tell: (line: string) => child.stdin.write(`${line}\n`),
    /** Tells it to close, and closes its stdin so it can exit. */
    close: () => child.stdin.end('close\n'),
    /** Waits (without a deadline of its own) until the worker has written `count` lines or exited. */
    linesUpTo: async (count: number) => {
      let exited = false;
      void exit.then(() => (exited = true));
      while (lines.length < count && !exited) await new Promise((resolve) => setTimeout(resolve, 20));
      if (lines.length < count) throw new Error(`the worker stopped early: ${lines.join(' / ')} ${errors}`);
      return lines.slice(0, count);
    },
    exit,
  };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A fresh folder on the share, and the database's path as the server and each PC see it. */
function shareFolder() {
  const name = randomUUID();
  fs.mkdirSync(path.join(mounts!.real, name));
  const at = (root: string) => path.join(root, name, 'shop.db');
  return {
    real: at(mounts!.real),
    pcA: at(mounts!.pcA),
    pcB: at(mounts!.pcB),
    forwarding: at(mounts!.forwarding),
    listing: () => fs.readdirSync(path.join(mounts!.real, name)).sort(),
  };
}

/**
 * A workspace with a contact, made on the server's own disk and closed: shared, or (`local`) one
 * used from a single PC until now, in WAL or, `localRollback`, already in rollback-journal mode.
 */
function sharedWorkspaceAt(file: string, options: { wal?: boolean; localRollback?: boolean } = {}): void {
  const local = options.wal || options.localRollback;
  const workspace = openWorkspace(file, { markShared: !local, probeLocks: false });
  workspace.sqlite
    .prepare(`INSERT INTO contacts (name, sort_name, lifecycle, version, created_at, updated_at) VALUES ('Ada', 'ada', 'lead', 1, 0, 0)`)
    .run();
  if (options.localRollback) workspace.sqlite.pragma('journal_mode = DELETE');
  workspace.close();
}

/** A migrations folder holding only the first migration, to play an older Rapport on one PC. */
function olderMigrationsDir(): string {
  const dir = fs.mkdtempSync(path.join(mounts!.real, '..', 'older-'));
  const source = defaultMigrationsDir();
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, 1);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

function openRefusal(file: string, options: OpenOptions): RapportError {
  try {
    openWorkspace(file, options).close();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

describe.skipIf(!mounts)('two PCs on one share (two FUSE mounts of one folder)', () => {
  it('a mount of the share is a network path, so its files are treated as shared', () => {
    const share = shareFolder();
    expect(isNetworkPath(share.pcA)).toBe(true);
    expect(isNetworkPath(share.real)).toBe(false);
  });

  it('the second PC, whose locks do not reach the first, opens read-only without writing a byte; the first follows at its next heartbeat', async () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real);
    const a = tempCore({ probeLocks: true }, share.pcA);
    expect(a.core.workspace.shareGuard?.readOnly).toBeNull();
    await a.api.people.contacts.create({ name: 'Saved before B came' });
    const before = sha256(share.real);
    const filesBefore = share.listing();

    const b = tempCore({ probeLocks: true }, share.pcB);
    // B added its own lock slot beside the file, and changed nothing else there.
    const ownSlot = (name: string) => name.endsWith(b.core.workspace.clientId);
    expect(share.listing().filter((name) => !ownSlot(name))).toEqual(filesBefore);
    expect(share.listing().filter(ownSlot)).toHaveLength(1);
    expect(b.core.workspace.shareGuard?.readOnly).toBe('locksDoNotReach');
    expect((await b.api.system.workspace.info()).shareSafety).toMatchObject({
      mode: 'shared',
      readOnly: 'locksDoNotReach',
      unreachedPcs: [safeHostName()],
    });
    expect((await rapportError(() => b.api.people.contacts.create({ name: 'From B' }))).code).toBe('READ_ONLY');
    b.core.workspace.heartbeat();
    expect(sha256(share.real)).toBe(before);

    // PC A was admitted alone; B's slot is what tells it, on its next heartbeat.
    a.core.workspace.heartbeat();
    expect(a.core.workspace.shareGuard?.readOnly).toBe('locksDoNotReach');
    expect((await rapportError(() => a.api.people.contacts.create({ name: 'From A after B' }))).code).toBe('READ_ONLY');
    expect(sha256(share.real)).toBe(before);

    b.core.close();
    a.core.close();
    expect(share.listing()).toEqual(['shop.db']);
    expect(sha256(share.real)).toBe(before);
  });

  it('two PCs opening at the same moment: at most one is admitted to write, and one heartbeat later both are read-only', async () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real);
    const startAt = String(Date.now() + 3000);
    const pcs = [startWorker('share-race', share.pcA, startAt), startWorker('share-race', share.pcB, startAt)];
    const opened = (await Promise.all(pcs.map((pc) => pc.linesUpTo(1)))).flat();
    expect(opened.filter((line) => line === 'opened writable').length, opened.join(' / ')).toBeLessThanOrEqual(1);
    expect(opened.every((line) => line === 'opened writable' || line === 'opened locksDoNotReach'), opened.join(' / ')).toBe(true);
    for (const pc of pcs) pc.tell('beat');
    const beats = (await Promise.all(pcs.map((pc) => pc.linesUpTo(2)))).map((lines) => lines[1]);
    expect(beats).toEqual(['beat locksDoNotReach', 'beat locksDoNotReach']);
    for (const pc of pcs) pc.close();
    await Promise.all(pcs.map((pc) => pc.exit));
    expect(share.listing()).toEqual(['shop.db']);
  }, 60_000);

  it('a PC whose locks do not reach, finding a file that needs an upgrade, is refused without migrating or backing up', () => {
    const share = shareFolder();
    const older = openWorkspace(share.real, { markShared: true, probeLocks: false, migrationsDir: olderMigrationsDir() });
    older.close();
    // PC A, an older Rapport, has it open; PC B, newer, would migrate it.
    const a = openWorkspace(share.pcA, { migrationsDir: olderMigrationsDir() });
    try {
      const before = sha256(share.real);
      const filesBefore = share.listing();
      const refusal = openRefusal(share.pcB, {});
      expect(refusal.code).toBe('UNSAFE_SHARE');
      expect(refusal.message).toMatch(/needs changes/);
      expect(sha256(share.real)).toBe(before);
      expect(share.listing(), filesBefore.join(' ')).toEqual(filesBefore);
    } finally {
      a.close();
    }
  });

  it('two clients on one PC (one mount) do exclude each other, so both may write', async () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real);
    const first = tempCore({ probeLocks: true }, share.pcA);
    const second = tempCore({ probeLocks: true }, share.pcA);
    expect(first.core.workspace.shareGuard?.readOnly).toBeNull();
    expect(second.core.workspace.shareGuard?.readOnly).toBeNull();
    await second.api.people.contacts.create({ name: 'Second client' });
    first.core.workspace.heartbeat();
    expect(first.core.workspace.shareGuard?.readOnly).toBeNull();
  });

  it('a file taken "on this PC only" refuses the other PC, naming who holds it, and stays byte-identical', async () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real);
    const a = tempCore({ onThisPcOnly: true }, share.pcA);
    expect((await a.api.system.workspace.info()).shareSafety).toMatchObject({ mode: 'thisPcOnly', readOnly: null });
    const owner = (await a.api.system.staff.list())[0]!;
    a.core.workspace.presentAs(owner.id);
    await a.api.people.contacts.create({ name: 'Written on A alone' });
    const before = sha256(share.real);
    const filesBefore = share.listing();
    expect(filesBefore).toContain(path.basename(leaseFile(share.real)));

    for (const onThisPcOnly of [false, true]) {
      const refusal = openRefusal(share.pcB, { onThisPcOnly });
      expect(refusal.code).toBe('HELD_ELSEWHERE');
      expect(refusal.holder).toMatchObject({ userName: owner.name, host: expect.any(String) });
      expect(refusal.holder!.since).toBeGreaterThan(Date.now() - 60_000);
      expect(refusal.message).toContain(owner.name);
      expect(sha256(share.real)).toBe(before);
      expect(share.listing()).toEqual(filesBefore);
    }

    a.core.close();
    expect(share.listing()).toEqual(['shop.db']);
    // Once A let go, B gets in.
    const b = tempCore({ onThisPcOnly: true }, share.pcB);
    expect(b.core.workspace.shareGuard?.readOnly).toBeNull();
  });

  it('"this PC only" is refused while another PC has the file open, without a trace', () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real);
    tempCore({ probeLocks: true }, share.pcA);
    const before = sha256(share.real);
    const filesBefore = share.listing();
    const refusal = openRefusal(share.pcB, { onThisPcOnly: true });
    expect(refusal.code).toBe('BUSY');
    expect(refusal.message).toContain(safeHostName());
    expect(sha256(share.real)).toBe(before);
    expect(share.listing()).toEqual(filesBefore);
  });

  it.each([
    ['a shared file', {}],
    // Not yet marked shared: before, it was marked (and its journal switched) before the refusal.
    ['a file used from one PC until now', { localRollback: true }],
  ])('a mount whose locks do not exclude even on one PC (lock forwarding) refuses %s as before, leaving it byte-identical', (_, made) => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real, made);
    const before = sha256(share.real);
    const refusal = openRefusal(share.forwarding, { probeLocks: true });
    expect(refusal.code).toBe('UNSAFE_SHARE');
    expect(refusal.message).toMatch(/even on this PC/);
    expect(sha256(share.real)).toBe(before);
    expect(share.listing()).toEqual(['shop.db']);
  });

  it('a new database refused on such a mount leaves no file behind at all', () => {
    const share = shareFolder();
    expect(openRefusal(share.forwarding, { probeLocks: true }).code).toBe('UNSAFE_SHARE');
    expect(share.listing()).toEqual([]);
  });

  it('a WAL file found on the share is converted before SQLite opens it, so no -shm is ever made there', () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real, { wal: true });
    expect(fs.readFileSync(share.real).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    const a = tempCore({ probeLocks: true }, share.pcA);
    expect(a.core.workspace.journalMode).toBe('delete');
    expect(a.core.workspace.shared).toBe(true);
    expect(share.listing().filter((name) => name.endsWith('-shm') || name.endsWith('-wal'))).toEqual([]);
    a.core.close();
    expect(share.listing()).toEqual(['shop.db']);
    expect(fs.readFileSync(share.real).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
  });

  it('a WAL file whose last changes are still in its -wal is refused, and both files stay byte-identical', () => {
    const share = shareFolder();
    sharedWorkspaceAt(share.real, { wal: true });
    // A PC that still has it open in WAL: its latest write is only in the -wal file.
    const holder = new Database(share.real);
    holder.pragma('wal_autocheckpoint = 0');
    holder.prepare(`INSERT INTO contacts (name, sort_name, lifecycle, version, created_at, updated_at) VALUES ('Only in WAL', 'only in wal', 'lead', 1, 0, 0)`).run();
    try {
      const before = [sha256(share.real), sha256(`${share.real}-wal`)];
      const filesBefore = share.listing();
      const refusal = openRefusal(share.pcA, { probeLocks: true });
      expect(refusal.code).toBe('UNSAFE_SHARE');
      expect(refusal.message).toMatch(/-wal/);
      expect([sha256(share.real), sha256(`${share.real}-wal`)]).toEqual(before);
      expect(share.listing()).toEqual(filesBefore);
    } finally {
      holder.close();
    }
  });
});
