/**
 * A separate OS process that uses a Rapport host the way a paired PC does: pairs with the code it is
 * given, signs in, then saves contacts and edits one shared contact until the stop file appears. Driven by
 * db/host/host-torture.test.ts; one line per event on stdout:
 * `paired`, `ack ID NAME` (a create the host confirmed), `error CODE`, `resigned` (signed in again
 * after the host restarted), `upd ok|conflict|CODE` (an edit from the version just read),
 * `stale conflict|ok|CODE` (an edit naming a version older than the one just read).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { HostConnection, pairWithHost } from '../host/host-client';

const [host, port, code, label, stopFile, staffId, pin, sharedContactId] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const pairing = await pairWithHost({ host: host!, port: Number(port) }, code!, `pc-${label}`);
  say('paired');
  const connection = new HostConnection(pairing);
  const window = `window-${randomBytes(8).toString('hex')}`;
  const signIn = () => connection.call(window, 'mutation', 'system.session.signIn', { userId: Number(staffId), pin });
  const first = await signIn();
  if (!first.ok) throw new Error(`sign-in refused: ${first.error.message}`);
  let serial = 0;
  while (!fs.existsSync(stopFile!)) {
    await pause(2 + Math.random() * 8);
    const name = `${label}-${serial++}`;
    const created = await connection.call(window, 'mutation', 'people.contacts.create', { name });
    if (created.ok) {
      say(`ack ${(created.data as { id: number }).id} ${name}`);
    } else {
      const failure = created.error.data.rapport.code;
      say(`error ${failure}`);
      // The host restarted: its sessions are gone, so this window signs in again (nothing was written).
      if (failure === 'FORBIDDEN' && (await signIn()).ok) say('resigned');
      continue;
    }
    if (serial % 3 !== 0) continue;
    const read = await connection.call(window, 'query', 'people.contacts.get', { id: Number(sharedContactId) });
    if (!read.ok) continue;
    const version = (read.data as { version: number }).version;
    const edited = await connection.call(window, 'mutation', 'people.contacts.update', { id: Number(sharedContactId), version, patch: { jobTitle: name } });
    say(`upd ${edited.ok ? 'ok' : edited.error.data.rapport.code.toLowerCase()}`);
    if (serial % 9 === 0 && version > 1) {
      const stale = await connection.call(window, 'mutation', 'people.contacts.update', { id: Number(sharedContactId), version: version - 1, patch: { jobTitle: `${name}-stale` } });
      say(`stale ${stale.ok ? 'ok' : stale.error.data.rapport.code.toLowerCase()}`);
    }
  }
  connection.close();
}

main().catch((error) => {
  say(`fatal ${String(error)}`);
  process.exit(1);
});
