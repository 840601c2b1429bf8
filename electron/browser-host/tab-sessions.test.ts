/**
 * One core session per browser tab: through the host and its real core process, two tabs sign in as
 * two people and each acts as its own; and the host's bookkeeping (connected once, ended when idle,
 * on sign-out, bounded in number) with a stand-in core.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResponse } from '../../db/api/call';
import { TAB_SESSION_HEADER, TAB_SESSION_IDLE_MS } from '../../db/contract/host';
import { LOOPBACK_ADDRESS, TOKEN_HEADER, startBrowserHost, type BrowserHost } from './server';
import { TabSessions } from './tab-sessions';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tab-sessions-'));
  host = await startBrowserHost({ dbFile: path.join(dir, 'shop.db'), port: 0, staticDir: null, openOptions: { probeLocks: false } });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const TAB_A = 'tab-a-0123456789abcdef';
const TAB_B = 'tab-b-0123456789abcdef';

/** One API call as a tab sends it (its token and session header); `tab: null` names no tab. */
function call(tab: string | null, procedure: string, input?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const mutation = /\.(create|update|signIn|signOut)$/.test(procedure);
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: LOOPBACK_ADDRESS,
        port: host.port,
        path: `/trpc/${procedure}${mutation ? '' : query}`,
        method: mutation ? 'POST' : 'GET',
        headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json', ...(tab ? { [TAB_SESSION_HEADER]: tab } : {}), ...headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
      },
    );
    req.on('error', reject);
    if (mutation && input !== undefined) req.write(JSON.stringify(input));
    req.end();
  });
}

async function data(tab: string | null, procedure: string, input?: unknown): Promise<any> {
  const answer = await call(tab, procedure, input);
  if (answer.status !== 200) throw new Error(`${procedure}: ${JSON.stringify(answer.body)}`);
  return answer.body.result.data;
}

describe('each browser tab in a session of its own', () => {
  it('signs in per tab: two tabs act as two people, and a reload keeps its person', async () => {
    // Alone in the workspace, the owner is signed in by itself, in any tab.
    const owner = await data(TAB_A, 'system.session.current');
    expect(owner.role).toBe('owner');
    const sam = await data(TAB_A, 'system.staff.create', { name: 'Sam Staff', role: 'staff', pin: '2468' });
    const contact = await data(TAB_A, 'people.contacts.create', { name: 'Ada Lovelace' });

    // A new tab with two staff: nobody until someone says who they are there.
    expect(await data(TAB_B, 'system.session.current')).toBeNull();
    expect((await call(TAB_B, 'people.contacts.get', { id: contact.id })).body.error.data.rapport.code).toBe('FORBIDDEN');
    expect((await data(TAB_B, 'system.session.signIn', { userId: sam.id, pin: '2468' })).name).toBe('Sam Staff');

    expect((await data(TAB_B, 'system.session.current')).name).toBe('Sam Staff');
    expect((await data(TAB_A, 'system.session.current')).name).toBe(owner.name);
    // Roles follow the tab: Sam cannot manage staff, the owner in the other tab still can.
    expect((await call(TAB_B, 'system.staff.list')).body.error.data.rapport.code).toBe('FORBIDDEN');
    expect(await data(TAB_A, 'system.staff.list')).toHaveLength(2);

    // An edit in each tab is recorded under that tab's person.
    const edited = await data(TAB_B, 'people.contacts.update', { id: contact.id, version: contact.version, patch: { jobTitle: 'Analyst' } });
    await data(TAB_A, 'people.contacts.update', { id: contact.id, version: edited.version, patch: { jobTitle: 'Mathematician' } });
    const history = await data(TAB_A, 'system.history', { kind: 'contact', id: contact.id });
    expect(history.map((entry: { userName: string; action: string }) => `${entry.userName} ${entry.action}`)).toEqual([
      `${owner.name} update`,
      'Sam Staff update',
      `${owner.name} create`,
    ]);
  });

  it("ends a tab's session when its person signs out: the tab starts over as nobody, the other tab stays", async () => {
    expect(await data(TAB_B, 'system.session.signOut')).toBeNull();
    expect(await data(TAB_B, 'system.session.current')).toBeNull();
    expect((await data(TAB_A, 'system.session.current')).role).toBe('owner');
  });

  it('refuses a session header the renderer never sends, and runs calls naming no tab in one session of their own', async () => {
    for (const bad of ['short', 'x'.repeat(65), 'has spaces in it, really', `${TAB_A}, ${TAB_B}`]) {
      const answer = await call(null, 'system.session.current', undefined, { [TAB_SESSION_HEADER]: bad });
      expect(answer.status).toBe(400);
      expect(answer.body.error.data.rapport.code).toBe('BAD_REQUEST');
    }
    // Scripts and the bench: nobody is signed in there with several staff, whatever the tabs did.
    expect(await data(null, 'system.session.current')).toBeNull();
  });
});

/** A stand-in core's session control: what was connected and disconnected, answered as told. */
function fakeCore(answer: () => IpcResponse = () => ({ ok: true, data: null })) {
  const connected: string[] = [];
  const disconnected: string[] = [];
  return {
    connected,
    disconnected,
    connect: async (session: string) => {
      connected.push(session);
      return answer();
    },
    disconnect: (session: string) => void disconnected.push(session),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the host's tab sessions", () => {
  it('connects a tab once, even for the calls of its first batch at the same moment', async () => {
    const core = fakeCore();
    const tabs = new TabSessions(core);
    const lookups = await Promise.all([tabs.sessionOf(TAB_A), tabs.sessionOf(TAB_A), tabs.sessionOf(TAB_B)]);
    expect(lookups).toEqual([
      { ok: true, coreSession: 'tab-1' },
      { ok: true, coreSession: 'tab-1' },
      { ok: true, coreSession: 'tab-2' },
    ]);
    expect(core.connected).toEqual(['tab-1', 'tab-2']);
  });

  it('ends a session nobody used for the idle time, and only that one', async () => {
    let now = 1_000_000;
    const core = fakeCore();
    const tabs = new TabSessions({ ...core, now: () => now });
    await tabs.sessionOf(TAB_A);
    await tabs.sessionOf(TAB_B);
    now += TAB_SESSION_IDLE_MS - 1;
    await tabs.sessionOf(TAB_B);
    now += 1;
    await tabs.sessionOf(TAB_B);
    await settle();
    expect(core.disconnected).toEqual(['tab-1']);
    expect(tabs.size).toBe(1);
    // The closed tab, were it to come back, starts a new session.
    expect(await tabs.sessionOf(TAB_A)).toEqual({ ok: true, coreSession: 'tab-3' });
  });

  it('holds at most maxSessions: a client minting ids ends the longest idle ones, not the memory', async () => {
    let now = 0;
    const core = fakeCore();
    const tabs = new TabSessions({ ...core, maxSessions: 3, now: () => ++now });
    for (const id of ['tab-one-0123456789', 'tab-two-0123456789', 'tab-three-0123456']) await tabs.sessionOf(id);
    // The first tab is in use again, so the second is the longest idle when a fourth arrives.
    await tabs.sessionOf('tab-one-0123456789');
    for (let minted = 0; minted < 100; minted++) await tabs.sessionOf(`minted-${String(minted).padStart(12, '0')}`);
    await settle();
    expect(tabs.size).toBe(3);
    expect(core.disconnected.slice(0, 3)).toEqual(['tab-2', 'tab-3', 'tab-1']);
    expect(core.disconnected).toHaveLength(100);
  });

  it('forgets a tab the core refused to connect, so its next call tries again', async () => {
    let refuse = true;
    const refusal: IpcResponse = { ok: false, error: { message: 'The Rapport core process stopped.', code: 'INTERNAL_SERVER_ERROR', data: { rapport: { code: 'INTERNAL' } } } };
    const core = fakeCore(() => (refuse ? refusal : { ok: true, data: null }));
    const tabs = new TabSessions(core);
    expect(await tabs.sessionOf(TAB_A)).toEqual({ ok: false, refusal });
    expect(tabs.size).toBe(0);
    refuse = false;
    expect(await tabs.sessionOf(TAB_A)).toEqual({ ok: true, coreSession: 'tab-2' });
    tabs.end(TAB_A);
    await settle();
    // Only the session the core has is disconnected.
    expect(core.disconnected).toEqual(['tab-2']);
  });
});
