/**
 * The browser host in front of its core child process: a lock wait in the core stalls only the
 * call that waits (the host's static files and health answer at once), a killed core is reported
 * and restarted, and requests the host cannot take get TOO_LARGE or BAD_REQUEST with a readable message.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK_ADDRESS, TOKEN_HEADER, startBrowserHost, type BrowserHost } from './server';

let dir: string;
let host: BrowserHost;
const reported: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-host-core-'));
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  host = await startBrowserHost({
    dbFile: path.join(dir, 'shop.db'),
    port: 0,
    staticDir,
    openOptions: { busyTimeoutMs: 1_000 },
    maxBodyBytes: 1024,
    onError: (message) => reported.push(message),
  });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: LOOPBACK_ADDRESS, port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ [TOKEN_HEADER]: host.token });
const createContact = (name: string) =>
  request({ path: '/trpc/people.contacts.create', method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ name }) });

describe('browser host and its core process', () => {
  it('runs the core in another process', async () => {
    expect(host.corePid).toBeGreaterThan(0);
    expect(host.corePid).not.toBe(process.pid);
    const health = await request({ path: '/host/health', headers: auth() });
    expect(JSON.parse(health.body)).toEqual({ core: 'running', pid: host.corePid });
  });

  it('stays responsive while the core waits on a lock another process holds', async () => {
    const other = new Database(host.status.file);
    other.exec('BEGIN EXCLUSIVE');
    let answered = false;
    const write = createContact('Waits for the lock').then((res) => {
      answered = true;
      return res;
    });
    try {
      // The write is now waiting in the core's busy_timeout; the host answers on its own.
      const started = Date.now();
      const page = await request({ path: '/' });
      const health = await request({ path: '/host/health', headers: auth() });
      const capabilities = await request({ path: '/host/capabilities', headers: auth() });
      expect(page.status).toBe(200);
      expect(JSON.parse(health.body).core).toBe('running');
      expect(capabilities.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(900);
      // Hold the lock a while longer: the write cannot finish before it is released.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const res = await write;
    // Released in time it succeeds; past the timeout and retries it is BUSY (nothing written, retry is safe).
    if (res.status === 200) expect(JSON.parse(res.body).result.data.name).toBe('Waits for the lock');
    else expect(JSON.parse(res.body).error.data.rapport.code).toBe('BUSY');
  });

  it('refuses an oversized body with TOO_LARGE, a wrong method or content type with BAD_REQUEST', async () => {
    const large = await createContact('x'.repeat(2048));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).error).toMatchObject({ data: { rapport: { code: 'TOO_LARGE' } }, message: expect.stringMatching(/larger than/) });

    const put = await request({ path: '/trpc/people.contacts.create', method: 'PUT', headers: auth(), body: '{}' });
    expect(put.status).toBe(405);
    expect(JSON.parse(put.body).error.data.rapport.code).toBe('BAD_REQUEST');

    const form = await request({ path: '/trpc/people.contacts.create', method: 'POST', headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body).error.data.rapport.code).toBe('BAD_REQUEST');

    const garbled = await request({ path: '/trpc/people.contacts.create', method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{' });
    expect(JSON.parse(garbled.body).error.data.rapport.code).toBe('BAD_REQUEST');

    // A mutation sent as a query (GET) is BAD_REQUEST too, and writes nothing.
    const asQuery = await request({ path: `/trpc/people.contacts.create?input=${encodeURIComponent('{"name":"y"}')}`, headers: auth() });
    expect(JSON.parse(asQuery.body).error.data.rapport.code).toBe('BAD_REQUEST');
  });

  it('reports a core that died and restarts it on the same file', async () => {
    const before = host.corePid!;
    const file = host.status.file;
    process.kill(before, 'SIGKILL');
    // Requests made while the core restarts wait for it rather than fail.
    let health: { core: string; pid: number | null } = { core: 'running', pid: before };
    // Starting the core from TypeScript takes seconds on a loaded machine: the bound is generous, not a timing claim.
    for (const until = Date.now() + 60_000; Date.now() < until && (health.pid === before || health.core !== 'running'); ) {
      health = JSON.parse((await request({ path: '/host/health', headers: auth() })).body);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(health.core).toBe('running');
    expect(health.pid).not.toBe(before);
    expect(reported.some((message) => /core process stopped \(SIGKILL\).*Restarting it on/.test(message))).toBe(true);
    const info = await request({ path: '/trpc/system.workspace.info', headers: auth() });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body).result.data.path).toBe(file);
  }, 90_000);
});
