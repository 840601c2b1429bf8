import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IpcResponse } from '../api/call';
import { forkCoreProcess, type CoreClient } from '../api/core-client';
import { tempDir } from '../test-support/temp-workspace';
import { acknowledged, startWorker, type Worker } from '../test-support/worker-processes';
import type { HostServerInfo } from './host-server';
import type { PairingCode } from './pairing';

const CLIENT = fileURLToPath(new URL('../test-support/host-client-process.ts', import.meta.url));
const SOAK_MS = Number(process.env.RAPPORT_HOST_SOAK_MS ?? 12_000);
const CLIENTS = 6;
const PIN = '8642';

async function must<T>(answer: Promise<IpcResponse>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.error.data.rapport.code}: ${response.error.message}`);
  return response.data as T;
}

/** A host core process on `file`, shared on 127.0.0.1 (`port` 0: any free one). */
async function startHost(file: string, hostDir: string, port: number): Promise<{ core: CoreClient; info: HostServerInfo }> {
  const core = forkCoreProcess();
  await core.ready;
  await core.open(file, { probeLocks: false });
  const info = await must<HostServerInfo>(core.control({ op: 'share', address: '127.0.0.1', port, dir: hostDir }));
  return { core, info };
}

/** Resolves once `condition` holds; rejects if one of `workers` exits before. */
function waitFor(condition: () => boolean, what: string, ...workers: Worker[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
    for (const worker of workers) {
      void worker.exit.then(() => {
        if (condition()) return;
        clearInterval(timer);
        reject(new Error(`${what}: a worker exited first (${worker.lines.slice(-3).join(' | ')})`));
      });
    }
  });
}

describe('host mode under load: six PCs over TLS on loopback', () => {
  it(
    'clients killed and the host killed and restarted mid-run: every acknowledged write present, the file sound, stale edits refused',
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'office.db');
      const hostDir = path.join(dir, 'user-data', 'host');
      const stopFile = path.join(dir, 'stop');
      const { info, core: firstCore } = await startHost(file, hostDir, 0);
      let core = firstCore;
      const staff = await must<{ id: number }>(core.call('mutation', 'system.staff.create', { name: 'Soak Staff', role: 'staff', pin: PIN }));
      const shared = await must<{ id: number }>(core.call('mutation', 'people.contacts.create', { name: 'Shared Subject' }));

      // Each PC pairs with its own code: a new code voids the one before, so one at a time.
      const workers: Worker[] = [];
      for (let index = 0; index < CLIENTS; index++) {
        const { code } = await must<PairingCode>(core.control({ op: 'pairingCode' }));
        const worker = startWorker(CLIENT, info.address, String(info.port), code, `c${index}`, stopFile, String(staff.id), PIN, String(shared.id));
        await waitFor(() => worker.lines.includes('paired'), `c${index} pairing`, worker);
        workers.push(worker);
      }
      const started = Date.now();
      const victims = workers.slice(0, 2);
      const survivors = workers.slice(2);

      // Two PCs die (kill -9) once they have saved a few contacts.
      for (const victim of victims) await waitFor(() => acknowledged(victim).length >= 5, 'victim saves', victim);
      for (const victim of victims) victim.child.kill('SIGKILL');

      // The host dies mid-run too (kill -9) and comes back on the same port, certificate and pairings.
      await waitFor(() => Date.now() - started > SOAK_MS / 3 && survivors.every((worker) => acknowledged(worker).length >= 5), 'saves before the host restart', ...survivors);
      const ackedBeforeRestart = survivors.map((worker) => acknowledged(worker).length);
      process.kill(core.pid!, 'SIGKILL');
      await new Promise<void>((resolve) => core.onUnexpectedStop(() => resolve()));
      const restarted = await startHost(file, hostDir, info.port);
      core = restarted.core;
      expect(restarted.info.fingerprint, 'the restarted host presents the certificate the PCs pinned').toBe(info.fingerprint);
      // Every surviving PC finds the restarted host by itself, signs in again and goes on saving.
      await waitFor(
        () => Date.now() - started > SOAK_MS && survivors.every((worker, index) => worker.lines.includes('resigned') && acknowledged(worker).length >= ackedBeforeRestart[index]! + 5),
        'saves after the host restart',
        ...survivors,
      );
      fs.writeFileSync(stopFile, '');

      const codes = await Promise.all(workers.map((worker) => worker.exit));
      expect(codes.slice(2)).toEqual([0, 0, 0, 0]);
      await core.close();

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const present = new Map((db.prepare('SELECT id, name FROM contacts').all() as { id: number; name: string }[]).map((row) => [row.id, row.name]));
        for (const ack of workers.flatMap(acknowledged)) expect(present.get(ack.id)).toBe(ack.name);
        // Every committed contact has its change-feed row (all or nothing per transaction).
        const orphans = db.prepare(`SELECT count(*) AS n FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM changes ch WHERE ch.table_name = 'contacts' AND ch.row_id = c.id)`).get() as { n: number };
        expect(orphans.n).toBe(0);

        const lines = workers.flatMap((worker) => worker.lines);
        const outcomes = (prefix: string) => lines.filter((line) => line.startsWith(`${prefix} `)).map((line) => line.slice(prefix.length + 1));
        // A stale edit is refused with CONFLICT, never applied (or lost with the host as it died).
        const stale = outcomes('stale');
        expect(stale.length).toBeGreaterThan(0);
        expect(stale.every((outcome) => outcome === 'conflict' || outcome === 'host_unreachable')).toBe(true);
        expect(stale.filter((outcome) => outcome === 'conflict').length).toBeGreaterThan(0);
        // Edits from a fresh read either win or get CONFLICT; the version counts exactly the wins, plus
        // at most those whose answer the host's death swallowed and the one each killed PC may have had
        // in flight (committed, answered to nobody): no edit overwrote another silently.
        const edits = outcomes('upd');
        expect(edits.every((outcome) => ['ok', 'conflict', 'host_unreachable', 'forbidden'].includes(outcome))).toBe(true);
        const won = edits.filter((outcome) => outcome === 'ok').length;
        const unknown = edits.filter((outcome) => outcome === 'host_unreachable').length;
        const { version } = db.prepare('SELECT version FROM contacts WHERE id = ?').get(shared.id) as { version: number };
        expect(version).toBeGreaterThanOrEqual(1 + won);
        expect(version).toBeLessThanOrEqual(1 + won + unknown + victims.length);
        expect(won).toBeGreaterThan(0);
        const errors = outcomes('error');
        expect(errors.every((code) => code === 'HOST_UNREACHABLE' || code === 'FORBIDDEN' || code === 'BUSY')).toBe(true);
      } finally {
        db.close();
      }
    },
    SOAK_MS * 4 + 120_000,
  );
});
