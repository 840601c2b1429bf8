import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../workspace/migrations';
import { openWorkspace } from '../workspace/open';
import { tempCore, tempDir } from '../test-support/temp-workspace';
import { acknowledged, startWorker as startProcess, type Worker } from '../test-support/worker-processes';

const WORKER = fileURLToPath(new URL('../test-support/worker-process.ts', import.meta.url));
const SOAK_MS = Number(process.env.RAPPORT_SOAK_MS ?? 20_000);

const startWorker = (...args: string[]): Worker => startProcess(WORKER, ...args);

describe('several processes on one shared file', () => {
  it('two processes opening an unmigrated file at the same moment migrate it exactly once', async () => {
    const file = path.join(tempDir(), 'fresh.db');
    const startAt = Date.now() + 1500;
    const workers = [startWorker('open', file, String(startAt)), startWorker('open', file, String(startAt))];
    const codes = await Promise.all(workers.map((worker) => worker.exit));
    expect(codes).toEqual([0, 0]);
    for (const worker of workers) expect(worker.lines[0]).toMatch(/^opened /);
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT name FROM __rapport_migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name)).toEqual(
      loadMigrations().map((migration) => migration.name),
    );
    expect(db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'owner'`).get()).toEqual({ n: 1 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it(
    'four writers for a while, one killed mid-transaction: nothing acknowledged is lost and the file stays sound',
    async () => {
      const file = path.join(tempDir(), 'shared.db');
      openWorkspace(file, { markShared: true, probeLocks: false }).close();
      const writers = ['w1', 'w2', 'w3'].map((label) => startWorker('writer', file, String(SOAK_MS), label, 'api'));
      const victim = startWorker('writer', file, String(SOAK_MS), 'victim', 'slow');
      // Kill the victim while it holds an uncommitted insert, once it has committed a few.
      const killed = new Promise<string>((resolve) => {
        const timer = setInterval(() => {
          const last = victim.lines.at(-1) ?? '';
          if (last.startsWith('txn-open') && acknowledged(victim).length >= 3 && Date.now() - started > SOAK_MS / 3) {
            victim.child.kill('SIGKILL');
            clearInterval(timer);
            resolve(last.split(' ')[1]!);
          }
        }, 5);
        void victim.exit.then(() => {
          clearInterval(timer);
          resolve('');
        });
      });
      const started = Date.now();
      const uncommittedName = await killed;
      expect(uncommittedName, 'the victim was never caught inside a transaction').not.toBe('');
      const codes = await Promise.all(writers.map((worker) => worker.exit));
      expect(codes).toEqual([0, 0, 0]);
      await victim.exit;

      const { core } = tempCore({}, file);
      const { sqlite } = core.workspace;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.workspace.journalMode).toBe('delete');
      const present = new Map((sqlite.prepare('SELECT id, name FROM contacts').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
      const all = [...writers, victim].flatMap(acknowledged);
      for (const worker of writers) expect(acknowledged(worker).length).toBeGreaterThan(20);
      expect(acknowledged(victim).length, victim.lines.slice(0, 5).join("\n")).toBeGreaterThan(0);
      for (const ack of all) expect(present.get(ack.id)).toBe(ack.name);
      // The transaction the kill interrupted left no trace.
      expect([...present.values()]).not.toContain(uncommittedName);
      // Every committed contact has its audit and change-feed rows (all or nothing per transaction).
      const orphans = sqlite
        .prepare(`SELECT count(*) AS n FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM changes ch WHERE ch.table_name = 'contacts' AND ch.row_id = c.id)`)
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      const busy = writers.flatMap((worker) => worker.lines.filter((line) => line.startsWith('error')));
      expect(busy.every((line) => line === 'error BUSY')).toBe(true);
    },
    SOAK_MS * 3 + 30_000,
  );

  it('two processes updating the same contact from the same version: exactly one wins', async () => {
    const file = path.join(tempDir(), 'race.db');
    const { api, core } = tempCore({ markShared: true }, file);
    const contact = await api.people.contacts.create({ name: 'Race Subject' });
    core.close();
    for (let round = 0; round < 3; round++) {
      const current = openWorkspace(file, { probeLocks: false });
      const version = (current.sqlite.prepare('SELECT version FROM contacts WHERE id = ?').get(contact.id) as { version: number }).version;
      current.close();
      const startAt = Date.now() + 1500;
      const racers = ['left', 'right'].map((label) => startWorker('race', file, String(contact.id), String(version), String(startAt), `${label}${round}`));
      await Promise.all(racers.map((racer) => racer.exit));
      const outcomes = racers.map((racer) => racer.lines[0]).sort();
      expect(outcomes).toEqual(['conflict', 'won']);
    }
  });
});
