/**
 * A separate OS process that uses a workspace file the way another PC would.
 * Driven by tests in db/write/shared-mode.test.ts; reports on stdout, one line per event.
 */
import { createInterface } from 'node:readline';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import { RapportError } from '../errors';
import { contacts } from '../people/schema';
import { normalizeText } from '../search/text';
import { write } from '../write/transaction';

const [mode, file, ...args] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

function waitUntil(startAt: number): void {
  const delay = startAt - Date.now();
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
}

async function main(): Promise<void> {
  if (!file) throw new Error('usage: worker-process MODE FILE ...');
  if (mode === 'open') {
    waitUntil(Number(args[0]));
    const core = openCore(file, { probeLocks: false });
    say(`opened ${core.workspace.journalMode}`);
    core.close();
    return;
  }
  if (mode === 'share-race') {
    // A PC opening a shared file at `startAt`, then beating and closing when the test says so
    // (lines on stdin), so both PCs are open before either beats.
    waitUntil(Number(args[0]));
    const shared = openCore(file, {});
    say(`opened ${shared.workspace.shareGuard?.readOnly ?? 'writable'}`);
    for await (const line of createInterface({ input: process.stdin })) {
      if (line === 'beat') {
        shared.workspace.heartbeat();
        say(`beat ${shared.workspace.shareGuard?.readOnly ?? 'writable'}`);
      } else break;
    }
    shared.close();
    return;
  }
  const core = openCore(file, { probeLocks: false });
  const api = appRouter.createCaller(core.context());
  if (mode === 'writer') {
    const [durationMs, label, style] = args;
    const until = Date.now() + Number(durationMs);
    let serial = 0;
    while (Date.now() < until) {
      // A few milliseconds between saves, as people (even fast ones) leave; without it one process
      // re-taking the lock in a tight loop starves the others, which says nothing about the file.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2 + Math.random() * 8);
      const name = `${label}-${serial++}`;
      try {
        if (style === 'slow') {
          // Holds the write lock with a row inserted but not committed, so a kill lands mid-transaction.
          const id = write(core.workspace, (writer) => {
            const rowId = writer.insert(contacts, { name, sortName: normalizeText(name), lifecycle: 'lead' });
            say(`txn-open ${name}`);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
            return rowId;
          });
          say(`ack ${id} ${name}`);
        } else {
          const contact = await api.people.contacts.create({ name, emails: [{ value: `${name}@soak.test` }] });
          say(`ack ${contact.id} ${name}`);
        }
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause ?? error;
        say(`error ${cause instanceof RapportError ? cause.code : String(error)}`);
      }
    }
  } else if (mode === 'race') {
    const [contactId, version, startAt, label] = args;
    waitUntil(Number(startAt));
    try {
      await api.people.contacts.update({ id: Number(contactId), version: Number(version), patch: { jobTitle: label } });
      say('won');
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      say(cause instanceof RapportError ? cause.code.toLowerCase() : `error ${String(error)}`);
    }
  }
  core.close();
}

main().catch((error) => {
  say(`fatal ${error instanceof RapportError ? error.code : ''} ${String(error)}`);
  process.exit(1);
});
