/**
 * `npm run bench:host` (issue 8 §6): the hot paths through host mode on loopback over TLS, with four
 * PCs reading and one saving at the same time, printed beside the same paths on the local file
 * through the core process (`port`), and beside one PC calling alone through the host (the
 * transport's own cost, without the other PCs' calls queued ahead in the one core). A small workspace by default (`--contacts N` for more): what
 * is measured here is the transport and the host, not the query plans the main bench judges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcResponse } from '../api/call';
import { openCore } from '../api/core';
import { connectCore, forkCoreProcess } from '../api/core-client';
import { HostConnection, pairWithHost } from '../host/host-client';
import type { HostServerInfo } from '../host/host-server';
import type { PairingCode } from '../host/pairing';
import { completeFirstRun } from '../system/first-run';
import { bulkLoad, seedLargeWorkspace } from './seed';

const contactsArg = process.argv.includes('--contacts') ? Number(process.argv[process.argv.indexOf('--contacts') + 1]) : 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const READERS = 4;
const BUDGETS = { list: 10, page: 10, save: 20 } as const;
const PIN = '1357';

interface Timing {
  p50: number;
  p95: number;
}

function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function must(answer: Promise<IpcResponse>): Promise<any> {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.error.data.rapport.code}: ${response.error.message}`);
  return response.data;
}

async function timed(samples: number[], body: () => Promise<unknown>): Promise<void> {
  const started = process.hrtime.bigint();
  await body();
  samples.push(Number(process.hrtime.bigint() - started) / 1e6);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-host-'));
  const file = path.join(dir, 'office.db');
  try {
    const seeding = openCore(file, { probeLocks: false });
    bulkLoad(seeding.workspace.sqlite, () => seedLargeWorkspace(seeding.workspace.sqlite, { contacts: contactsArg, companies: Math.ceil(contactsArg / 5) }, seeding.workspace.userId));
    completeFirstRun(seeding.workspace, { sampleData: false, locale: 'en', currency: 'USD' });
    seeding.close();
    console.log(`Seeded ${contactsArg} contacts; ${READERS} PCs reading and 1 saving through host mode (TLS on 127.0.0.1), ${RUNS} runs each`);

    const host = forkCoreProcess();
    await host.ready;
    await host.open(file, { probeLocks: false });
    const staff = await must(host.call('mutation', 'system.staff.create', { name: 'Bench Staff', role: 'staff', pin: PIN }));
    const info = (await must(host.control({ op: 'share', address: '127.0.0.1', port: 0, dir: path.join(dir, 'host') }))) as HostServerInfo;
    const local = await connectCore(file, { probeLocks: false });
    const pcs: HostConnection[] = [];
    try {
      for (let index = 0; index <= READERS; index++) {
        const { code } = (await must(host.control({ op: 'pairingCode' }))) as PairingCode;
        const pc = new HostConnection(await pairWithHost({ host: info.address, port: info.port }, code, `bench-pc-${index}`));
        await must(pc.call('bench-window-000000', 'mutation', 'system.session.signIn', { userId: staff.id, pin: PIN }));
        pcs.push(pc);
      }
      const window = 'bench-window-000000';
      await must(local.call('mutation', 'system.session.signIn', { userId: staff.id, pin: PIN }));
      const ids = ((await must(local.call('query', 'people.contacts.list', { limit: 50 }))) as { rows: { id: number }[] }).rows.map((row) => row.id);
      const samples = { list: [] as number[], page: [] as number[], save: [] as number[], localList: [] as number[], localPage: [] as number[], localSave: [] as number[] };
      const alone = { list: [] as number[], page: [] as number[], save: [] as number[] };

      // Warm-up: connections open, statements prepared.
      for (const pc of pcs) await must(pc.call(window, 'query', 'people.contacts.list', { limit: 50 }));
      const readers = pcs.slice(0, READERS).map(async (pc, index) => {
        for (let run = 0; run < RUNS; run++) {
          await timed(samples.list, () => must(pc.call(window, 'query', 'people.contacts.list', { limit: 50 })));
          await timed(samples.page, () => must(pc.call(window, 'query', 'people.contacts.get', { id: ids[(run + index) % ids.length]! })));
        }
      });
      const writer = (async () => {
        const pc = pcs[READERS]!;
        for (let run = 0; run < RUNS; run++) await timed(samples.save, () => must(pc.call(window, 'mutation', 'people.contacts.create', { name: `Bench save ${run}` })));
      })();
      await Promise.all([...readers, writer]);

      // One PC alone through the host: the transport's own cost, without the others' calls ahead in line.
      const solo = pcs[0]!;
      for (let run = 0; run < RUNS; run++) {
        await timed(alone.list, () => must(solo.call(window, 'query', 'people.contacts.list', { limit: 50 })));
        await timed(alone.page, () => must(solo.call(window, 'query', 'people.contacts.get', { id: ids[run % ids.length]! })));
        await timed(alone.save, () => must(solo.call(window, 'mutation', 'people.contacts.create', { name: `Alone save ${run}` })));
      }
      // The same paths on the local file, through the core process, one caller at a time.
      for (let run = 0; run < RUNS; run++) {
        await timed(samples.localList, () => must(local.call('query', 'people.contacts.list', { limit: 50 })));
        await timed(samples.localPage, () => must(local.call('query', 'people.contacts.get', { id: ids[run % ids.length]! })));
        await timed(samples.localSave, () => must(local.call('mutation', 'people.contacts.create', { name: `Local save ${run}` })));
      }

      const rows = (
        [
          ['contact list, first page', samples.list, alone.list, samples.localList, BUDGETS.list],
          ['contact page', samples.page, alone.page, samples.localPage, BUDGETS.page],
          ['save (new contact)', samples.save, alone.save, samples.localSave, BUDGETS.save],
        ] as const
      ).map(([name, remote, remoteAlone, onFile, budget]) => {
        const host = percentiles(remote);
        const solo = percentiles(remoteAlone);
        const port = percentiles(onFile);
        return {
          'hot path': name,
          'host p50': host.p50.toFixed(2),
          'host p95': host.p95.toFixed(2),
          'one PC p50': solo.p50.toFixed(2),
          'one PC p95': solo.p95.toFixed(2),
          'port p50': port.p50.toFixed(2),
          'port p95': port.p95.toFixed(2),
          budget: `host p95 ${budget} ms`,
          result: host.p95 <= budget ? 'ok' : 'OVER',
        };
      });
      console.table(rows);
      console.log(`Load average while measuring: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
      if (rows.some((row) => row.result !== 'ok')) process.exitCode = 1;
    } finally {
      for (const pc of pcs) pc.close();
      await local.close();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
