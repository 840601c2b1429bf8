import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TAB_SESSION_HEADER } from '../../db/contract/host';
import { pairWithHost } from '../../db/host/host-client';
import { connectRemoteCore, remoteWorkspaceName } from '../../db/host/remote-core-channel';
import { tempDir } from '../../db/test-support/temp-workspace';
import { TOKEN_HEADER, startBrowserHost, type BrowserHost } from './server';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0).reverse()) await host.close();
});

/** One tRPC call over the browser host's HTTP API, as the renderer's link sends it. */
function trpc(host: BrowserHost, type: 'query' | 'mutation', procedure: string, input?: unknown, tab?: string): Promise<{ status: number; body: any }> {
  const query = type === 'query' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
  const body = type === 'mutation' ? JSON.stringify(input ?? null) : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/trpc/${procedure}${query}`,
        method: type === 'query' ? 'GET' : 'POST',
        headers: { [TOKEN_HEADER]: host.token, ...(tab ? { [TAB_SESSION_HEADER]: tab } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the browser host in host mode', () => {
  it('shares its database (--share) and another PC’s browser host works on it (--connect): sign-in per tab, saves land in the host’s file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.db');
    const owner = await startBrowserHost({ dbFile: file, staticDir: null, openOptions: { probeLocks: false }, share: { address: '127.0.0.1', port: 0, dir: path.join(dir, 'host') } });
    hosts.push(owner);
    expect(owner.sharing).toMatchObject({ address: '127.0.0.1' });
    const staff = (await trpc(owner, 'mutation', 'system.staff.create', { name: 'Li Wei', role: 'staff', pin: '2468' })).body.result.data as { id: number };

    const pairing = await pairWithHost({ host: owner.sharing!.address, port: owner.sharing!.port }, (await owner.pairingCode()).code, 'front-desk');
    const client = await startBrowserHost({ dbFile: remoteWorkspaceName(pairing), staticDir: null, startCore: () => connectRemoteCore(pairing) });
    hosts.push(client);
    expect(client.status).toMatchObject({ file: `rapport://127.0.0.1:${owner.sharing!.port}`, journalMode: 'remote' });

    const tab = 'tab-aaaaaaaaaaaaaaaa';
    expect((await trpc(client, 'query', 'system.session.current', undefined, tab)).body).toEqual({ result: { data: null } });
    const refused = await trpc(client, 'mutation', 'people.contacts.create', { name: 'Before sign-in' }, tab);
    expect(refused.body.error.data.rapport.code).toBe('FORBIDDEN');
    expect((await trpc(client, 'mutation', 'system.session.signIn', { userId: staff.id, pin: '0000' }, tab)).body.error.data.rapport.code).toBe('VALIDATION');
    expect((await trpc(client, 'mutation', 'system.session.signIn', { userId: staff.id, pin: '2468' }, tab)).status).toBe(200);
    const created = (await trpc(client, 'mutation', 'people.contacts.create', { name: 'From the front desk' }, tab)).body.result.data as { id: number };

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT name, updated_by AS updatedBy FROM contacts WHERE id = ?').get(created.id)).toEqual({ name: 'From the front desk', updatedBy: staff.id });
    } finally {
      db.close();
    }
    // The renderer's change feed, unchanged: the owner's tab sees the table the other PC wrote.
    const feed = (await trpc(owner, 'query', 'system.changes', { seq: 0 })).body.result.data as { tables: string[] };
    expect(feed.tables).toContain('contacts');
    // Another tab on the client PC is signed out until someone signs in there.
    expect((await trpc(client, 'query', 'system.session.current', undefined, 'tab-bbbbbbbbbbbbbbbb')).body).toEqual({ result: { data: null } });
    // Files are the host's business: the client cannot open another one.
    await expect(client.openDatabase({ path: path.join(dir, 'other.db'), create: true })).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
  });
});
