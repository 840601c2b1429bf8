import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, loadOrCreateHostCertificate } from './certificate';
import { HostConnection, pairWithHost, type HostPairing } from './host-client';
import { PAIRING_ATTEMPTS, PAIRING_CODE_TTL_MS, PairingCodes } from './pairing';
import { HOST_PATHS } from './protocol';
import { ask, control, must, startTestHost } from './host-test-support';
import { tempDir } from '../test-support/temp-workspace';

const WINDOW = 'window-aaaaaaaaaaaa';
const hosts: Awaited<ReturnType<typeof startTestHost>>[] = [];
const connections: HostConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  for (const host of hosts.splice(0)) await host.stop();
});

async function host() {
  const started = await startTestHost();
  hosts.push(started);
  return started;
}

function connect(pairing: HostPairing): HostConnection {
  const connection = new HostConnection(pairing);
  connections.push(connection);
  return connection;
}

/** What the file holds, read by a connection of its own: the proof that nothing was written. */
function fileCounts(file: string): { contacts: number; changes: number; audit: number } {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { contacts: count('contacts'), changes: count('changes'), audit: count('audit_log') };
  } finally {
    db.close();
  }
}

/** A staff member with a PIN and a read-only one, made by the owner on the host itself. */
async function withStaff(server: Awaited<ReturnType<typeof host>>['server']) {
  const staff = await must<{ id: number }>(ask(server, { type: 'mutation', path: 'system.staff.create', input: { name: 'Li Wei', role: 'staff', pin: '2468' } }));
  const reader = await must<{ id: number }>(ask(server, { type: 'mutation', path: 'system.staff.create', input: { name: 'Zhao Min', role: 'read_only', pin: '1357' } }));
  return { staff: staff.id, reader: reader.id };
}

describe('the host certificate', () => {
  it('is made once and kept: the same fingerprint on the next start, a TLS-valid self-signed certificate', () => {
    const dir = tempDir();
    const first = loadOrCreateHostCertificate(dir);
    const again = loadOrCreateHostCertificate(dir);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(createSelfSignedCertificate().fingerprint).not.toBe(first.fingerprint);
  });
});

describe('pairing codes', () => {
  it('work once, and not after they expire or after too many wrong tries', () => {
    let now = 1_000_000;
    const codes = new PairingCodes(() => now);
    const { code, expiresAt } = codes.issue();
    expect(expiresAt).toBe(now + PAIRING_CODE_TTL_MS);
    expect(codes.redeem(code.toLowerCase().replace('-', ' '))).toBe(true);
    expect(codes.redeem(code)).toBe(false);

    const late = codes.issue().code;
    now += PAIRING_CODE_TTL_MS;
    expect(codes.redeem(late)).toBe(false);

    const guessed = codes.issue().code;
    for (let attempt = 0; attempt < PAIRING_ATTEMPTS; attempt++) expect(codes.redeem('AAAA-AAAA')).toBe(false);
    expect(codes.redeem(guessed)).toBe(false);
  });
});

describe('host mode over TLS on 127.0.0.1', () => {
  it('pairs only with the code shown, once; a wrong or used code gets nothing', async () => {
    const { info, code } = await host();
    const shown = await code();
    await expect(pairWithHost({ host: info.address, port: info.port }, 'WRON-GCOD')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const address = { host: info.address, port: info.port };
    // The wrong try above did not use up the code shown.
    const pairing = await pairWithHost(address, shown, 'front-desk');
    expect(pairing.fingerprint).toBe(info.fingerprint);
    expect(pairing.credential.length).toBeGreaterThanOrEqual(40);
    await expect(pairWithHost(address, shown, 'front-desk')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps only a hash of the credential, and a restarted host still knows the PC', async () => {
    const first = await host();
    const pairing = await pairWithHost({ host: first.info.address, port: first.info.port }, await first.code(), 'front-desk');
    const { readFileSync } = await import('node:fs');
    const stored = readFileSync(`${first.hostDir}/paired-clients.json`, 'utf8');
    expect(stored).not.toContain(pairing.credential);
    expect(stored).toContain('front-desk');
    await control(first.server, { op: 'unshare' });
    const again = await must(control(first.server, { op: 'share', address: '127.0.0.1', port: first.info.port, dir: first.hostDir }));
    expect(again).toMatchObject({ fingerprint: first.info.fingerprint });
    const answer = await connect(pairing).call(WINDOW, 'query', 'system.session.staff');
    expect(answer.ok).toBe(true);
  });

  it('an unpaired PC is refused at once, its signed-in windows included', async () => {
    const { info, code, file, server } = await host();
    const { staff } = await withStaff(server);
    const pairing = await pairWithHost({ host: info.address, port: info.port }, await code(), 'old-laptop');
    const remote = connect(pairing);
    await must(remote.call(WINDOW, 'mutation', 'system.session.signIn', { userId: staff, pin: '2468' }));
    expect(await must(control(server, { op: 'pairedClients' }))).toEqual([expect.objectContaining({ id: pairing.clientId, pc: 'old-laptop' })]);
    expect(await must(control(server, { op: 'unpair', clientId: pairing.clientId }))).toBe(true);
    const before = fileCounts(file);
    expect(await remote.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'After unpairing' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(fileCounts(file)).toEqual(before);
    expect(await must(control(server, { op: 'pairedClients' }))).toEqual([]);
  });

  it('refuses a request without a credential or with a wrong one, before the core sees it: nothing written', async () => {
    const { info, code, file, server } = await host();
    await withStaff(server);
    const pairing = await pairWithHost({ host: info.address, port: info.port }, await code(), 'front-desk');
    const before = fileCounts(file);
    const body = JSON.stringify({ type: 'mutation', path: 'people.contacts.create', input: { name: 'Intruder' } });
    const post = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = https.request(
          { host: info.address, port: info.port, path: HOST_PATHS.call, method: 'POST', ca: pairing.certificate, checkServerIdentity: () => undefined, headers: { 'Content-Type': 'application/json', 'x-rapport-session': WINDOW, ...headers } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    for (const headers of [{} as Record<string, string>, { Authorization: 'Rapport not-the-credential-at-all' }, { Authorization: `Bearer ${pairing.credential}` }]) {
      const answer = await post(headers);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    }
    const forged = connect({ ...pairing, credential: pairing.credential.slice(0, -2) + 'xx' });
    expect(await forged.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Intruder' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    expect(fileCounts(file)).toEqual(before);
  });

  it('a client refuses a host whose certificate is not the one it pinned, before it sends anything', async () => {
    const { info, code, file, server } = await host();
    const { staff } = await withStaff(server);
    const pairing = await pairWithHost({ host: info.address, port: info.port }, await code(), 'front-desk');
    // Someone else answering on the network with a certificate of their own.
    const impostorCert = createSelfSignedCertificate();
    let reached = 0;
    const impostor = https.createServer({ key: impostorCert.key, cert: impostorCert.cert }, (_req, res) => {
      reached += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const toImpostor = connect({ ...pairing, port: (impostor.address() as AddressInfo).port });
      const answer = await toImpostor.call(WINDOW, 'mutation', 'system.session.signIn', { userId: staff, pin: '2468' });
      expect(answer).toMatchObject({ ok: false, error: { data: { rapport: { code: 'HOST_UNREACHABLE' } } } });
      expect(answer.ok ? '' : answer.error.message).toMatch(/nothing was sent/);
      // Pinned to the impostor's fingerprint but not its certificate, or the reverse: refused as well.
      const mixed = connect({ ...pairing, port: (impostor.address() as AddressInfo).port, fingerprint: impostorCert.fingerprint });
      expect((await mixed.call(WINDOW, 'query', 'system.session.staff')).ok).toBe(false);
      const wrongPin = connect({ ...pairing, fingerprint: impostorCert.fingerprint });
      const before = fileCounts(file);
      expect(await wrongPin.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Intruder' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'HOST_UNREACHABLE' } } } });
      expect(fileCounts(file)).toEqual(before);
      expect(reached).toBe(0);
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
  });

  it('signs nobody in by itself on a remote window, not even the only user when they have no PIN', async () => {
    const { info, code, file } = await host();
    const remote = connect(await pairWithHost({ host: info.address, port: info.port }, await code(), 'front-desk'));
    const before = fileCounts(file);
    expect(await remote.call(WINDOW, 'query', 'system.session.current')).toEqual({ ok: true, data: null });
    expect(await remote.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Walk-in' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    expect(fileCounts(file)).toEqual(before);
  });

  it('each window signs in on its own: nobody by default, a wrong PIN refused, a read-only user cannot write', async () => {
    const { info, code, file, server } = await host();
    const { staff, reader } = await withStaff(server);
    const remote = connect(await pairWithHost({ host: info.address, port: info.port }, await code(), 'front-desk'));
    const before = fileCounts(file);

    // Nobody is signed in on a new remote window, not even the owner who has no PIN.
    expect(await remote.call(WINDOW, 'query', 'system.session.current')).toEqual({ ok: true, data: null });
    expect(await remote.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Nobody' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    const owner = (await must<{ id: number; role: string }[]>(remote.call(WINDOW, 'query', 'system.session.staff'))).find((user) => user.role === 'owner')!;
    expect(owner).toBeDefined();

    const wrong = await remote.call(WINDOW, 'mutation', 'system.session.signIn', { userId: staff, pin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { data: { rapport: { code: 'VALIDATION', issues: [{ path: 'pin' }] } } } });
    expect(await remote.call(WINDOW, 'query', 'system.session.current')).toEqual({ ok: true, data: null });
    expect(await remote.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'After a wrong PIN' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });

    await must(remote.call(WINDOW, 'mutation', 'system.session.signIn', { userId: reader, pin: '1357' }));
    expect(await remote.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Read only' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'READ_ONLY' } } } });
    expect(fileCounts(file)).toEqual(before);

    // Another window of the same PC is its own session: signed out until someone signs in there.
    const other = 'window-bbbbbbbbbbbb';
    expect(await remote.call(other, 'query', 'system.session.current')).toEqual({ ok: true, data: null });
    await must(remote.call(other, 'mutation', 'system.session.signIn', { userId: staff, pin: '2468' }));
    const saved = await must<{ id: number }>(remote.call(other, 'mutation', 'people.contacts.create', { name: 'Saved remotely' }));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT name, updated_by AS updatedBy FROM contacts WHERE id = ?').get(saved.id)).toEqual({ name: 'Saved remotely', updatedBy: staff });
      const audit = db.prepare(`SELECT client AS pc FROM audit_log WHERE table_name = 'contacts' AND row_id = ?`).all(saved.id) as { pc: string }[];
      expect(audit.map((row) => row.pc)).toContain('front-desk');
    } finally {
      db.close();
    }
  });

  it('pushes the change feed: a colleague’s save reaches another PC without asking', async () => {
    const { info, code, server } = await host();
    const { staff } = await withStaff(server);
    const address = { host: info.address, port: info.port };
    const writer = connect(await pairWithHost(address, await code(), 'front-desk'));
    const watcher = connect(await pairWithHost(address, await code(), 'back-office'));
    const seen: number[] = [];
    let notify: (() => void) | undefined;
    watcher.watchChanges((event) => {
      seen.push(event.seq);
      notify?.();
    });
    while (seen.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    const start = seen[0]!;
    await must(writer.call(WINDOW, 'mutation', 'system.session.signIn', { userId: staff, pin: '2468' }));
    await must(writer.call(WINDOW, 'mutation', 'people.contacts.create', { name: 'Fresh lead' }));
    while (seen.at(-1)! <= start) await new Promise<void>((resolve) => (notify = resolve));
    const feed = await must<{ tables: string[] }>(ask(server, { type: 'query', path: 'system.changes', input: { seq: start } }));
    expect(feed.tables).toContain('contacts');
  });

  it('is only for a file on this PC’s own disk, and never on every interface', async () => {
    const { server, hostDir } = await host();
    await control(server, { op: 'unshare' });
    expect(await control(server, { op: 'share', address: '0.0.0.0', port: 0, dir: hostDir })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'VALIDATION' } } } });
    expect(await control(server, { op: 'pairingCode' })).toMatchObject({ ok: false });
    const dir = tempDir();
    const sharedFile = `${dir}/shared.db`;
    await must(control(server, { op: 'open', file: sharedFile, options: { markShared: true, probeLocks: false } }));
    expect(await control(server, { op: 'share', address: '127.0.0.1', port: 0, dir: hostDir })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'UNSAFE_SHARE' } } } });
  });
});
