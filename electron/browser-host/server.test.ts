import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/api/core';
import { MIGRATIONS_TABLE } from '../../db/workspace/migrations';
import { parseCliArgs } from './cli-args';
import { resolveStaticFile } from './static';
import { LOOPBACK_ADDRESS, TOKEN_HEADER, startBrowserHost, type BrowserHost } from './server';

let dir: string;
let staticDir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-host-'));
  staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rapport</title><div id="root"></div>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log("rapport")');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the static folder');
  host = await startBrowserHost({ dbFile: path.join(dir, 'data', 'host.db'), port: 0, staticDir });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so the Host header and path go out exactly as written. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string; host?: string; port?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? LOOPBACK_ADDRESS,
        port: options.port ?? host.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const infoPath = '/trpc/system.workspace.info';

describe('browser host', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses API calls without the token (401)', async () => {
    const res = await request({ path: infoPath });
    expect(res.status).toBe(401);
    const error = JSON.parse(res.body).error;
    expect(error.data.code).toBe('UNAUTHORIZED');
    expect(error.data.httpStatus).toBe(401);
    // Not a core error: with a Rapport code (it was FORBIDDEN) the page said "Your role does not
    // allow this" instead of "open the address Rapport printed".
    expect(error.data.rapport).toBeUndefined();
  });

  it('refuses API calls with a wrong token (401), including prefixes and case changes', async () => {
    for (const wrong of ['nope', host.token.slice(0, -1), `${host.token}x`, host.token.toUpperCase() === host.token ? 'x' : host.token.toUpperCase()]) {
      const res = await request({ path: infoPath, headers: { [TOKEN_HEADER]: wrong } });
      expect(res.status).toBe(401);
    }
    // The token in the query string is for the page, not a credential for the API.
    expect((await request({ path: `${infoPath}?token=${host.token}` })).status).toBe(401);
  });

  it('answers a real query round trip with the token (200)', async () => {
    const res = await request({ path: infoPath, headers: { [TOKEN_HEADER]: host.token } });
    expect(res.status).toBe(200);
    const info = JSON.parse(res.body).result.data;
    expect(info.path).toBe(host.status.file);
    expect(info.counts).toEqual({ contacts: 0, companies: 0 });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('runs mutations and batched queries the way the renderer sends them', async () => {
    const created = await request({
      path: '/trpc/people.contacts.create',
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '王小明', phones: [{ label: 'mobile', value: '+86 138 0013 8000' }] }),
    });
    expect(created.status).toBe(200);
    const id = JSON.parse(created.body).result.data.id as number;

    const input = encodeURIComponent(JSON.stringify({ 0: { id }, 1: { query: '小明' } }));
    const batch = await request({
      path: `/trpc/people.contacts.get,system.search?batch=1&input=${input}`,
      headers: { [TOKEN_HEADER]: host.token },
    });
    expect(batch.status).toBe(200);
    const [contact, search] = JSON.parse(batch.body) as { result: { data: any } }[];
    expect(contact?.result.data.name).toBe('王小明');
    expect(search?.result.data.some((hit: { id: number; kind: string }) => hit.kind === 'contact' && hit.id === id)).toBe(true);
  });

  it('carries core errors with their Rapport code', async () => {
    const bad = await request({
      path: '/trpc/people.contacts.create',
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.data.rapport.code).toBe('VALIDATION');
  });

  it('serves the renderer without the token, with a strict CSP', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).not.toContain(host.token);

    const asset = await request({ path: '/assets/app-abc123.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt', '/.env']) {
      const res = await request({ path: p });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('outside the static folder');
    }
    expect(resolveStaticFile(staticDir, '/../secret.txt')).toBeNull();
    expect(resolveStaticFile(staticDir, '/assets/app-abc123.js')).toBe(path.join(staticDir, 'assets', 'app-abc123.js'));
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await request({ path: infoPath, headers: { [TOKEN_HEADER]: host.token, host: `evil.example:${host.port}` } });
    expect(res.status).toBe(403);
    const page = await request({ path: '/', headers: { host: 'attacker.test' } });
    expect(page.status).toBe(403);
    const local = await request({ path: infoPath, headers: { [TOKEN_HEADER]: host.token, host: `localhost:${host.port}` } });
    expect(local.status).toBe(200);
  });

  it('binds to 127.0.0.1 only', async () => {
    const listening = await new Promise<boolean>((resolve) => {
      // Another loopback address on the same port: a server bound to 0.0.0.0 would answer here.
      const socket = net.connect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(listening).toBe(false);
  });

  it('uses a fresh random token per launch and closes cleanly', async () => {
    const other = await startBrowserHost({ dbFile: path.join(dir, 'other.db'), port: 0, staticDir: null });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
      const res = await new Promise<number>((resolve, reject) =>
        http
          .get({ host: LOOPBACK_ADDRESS, port: other.port, path: infoPath, headers: { [TOKEN_HEADER]: host.token }, agent: false }, (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          })
          .on('error', reject),
      );
      expect(res).toBe(401);
    } finally {
      await other.close();
      await other.close();
    }
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: LOOPBACK_ADDRESS, port: other.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('refuses a file that is not a Rapport database and leaves it untouched', async () => {
    const foreign = path.join(dir, 'notes.txt');
    fs.writeFileSync(foreign, 'just some text, not SQLite');
    await expect(startBrowserHost({ dbFile: foreign, port: 0 })).rejects.toMatchObject({ code: 'NOT_RAPPORT' });
    expect(fs.readFileSync(foreign, 'utf8')).toBe('just some text, not SQLite');
  });
});

describe('browser host command line', () => {
  it('parses --db, --port, --no-open and --shared', () => {
    expect(parseCliArgs(['--db', 'x.db', '--port', '4000', '--no-open'], '/tmp')).toEqual({
      dbFile: path.resolve('/tmp', 'x.db'),
      port: 4000,
      open: false,
      shared: false,
      share: undefined,
      connect: undefined,
      code: undefined,
      help: false,
    });
    expect(parseCliArgs([], '/tmp')).toMatchObject({ dbFile: undefined, port: 0, open: true });
    expect(parseCliArgs(['--shared', '--db=/a/b.db'])).toMatchObject({ shared: true, dbFile: path.resolve('/a/b.db') });
  });

  it('rejects bad input with a readable message', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseCliArgs(['stray'])).toThrow(/Unexpected/);
    expect(() => parseCliArgs(['--connect', '10.0.0.5', '--db', 'x.db'])).toThrow(/--connect/);
    expect(() => parseCliArgs(['--code', 'ABCD-EFGH'])).toThrow(/--code/);
    expect(() => parseCliArgs(['--share', '10.0.0.5:99999'])).toThrow(/--share/);
  });

  it('parses host mode: --share ADDRESS[:PORT], --connect HOST[:PORT] --code CODE', () => {
    expect(parseCliArgs(['--share', '192.168.1.20'])).toMatchObject({ share: { address: '192.168.1.20', port: 47_653 } });
    expect(parseCliArgs(['--share', '[fe80::1]:5000'])).toMatchObject({ share: { address: 'fe80::1', port: 5000 } });
    expect(parseCliArgs(['--connect', 'shop-pc.local:4000', '--code', 'ABCD-EFGH'])).toMatchObject({ connect: { host: 'shop-pc.local', port: 4000 }, code: 'ABCD-EFGH' });
  });
});

describe('browser host: Settings opens or creates another database (/host)', () => {
  let switching: BrowserHost;
  let folder: string;
  const changed: string[] = [];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-switch-'));
    switching = await startBrowserHost({
      dbFile: path.join(folder, 'first.db'),
      port: 0,
      staticDir: null,
      onDatabaseChanged: (file) => changed.push(file),
    });
  });

  afterAll(async () => {
    await switching.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const auth = () => ({ [TOKEN_HEADER]: switching.token });
  const openDatabase = (body: unknown, headers: Record<string, string> = auth()) =>
    request({
      port: switching.port,
      path: '/host/open-database',
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const openInfo = async () => {
    const res = await request({ port: switching.port, path: infoPath, headers: auth() });
    expect(res.status).toBe(200);
    return JSON.parse(res.body).result.data as { path: string; workspaceId: string };
  };
  const refusal = async (body: unknown) => {
    const before = switching.status.file;
    const res = await openDatabase(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    // A refused file leaves the open one open.
    expect(switching.status.file).toBe(before);
    expect((await openInfo()).path).toBe(before);
    return JSON.parse(res.body).error as { code: string; message: string; file?: string };
  };

  it('needs the launch token like the API', async () => {
    expect((await request({ port: switching.port, path: '/host/capabilities' })).status).toBe(401);
    const res = await openDatabase({ path: 'x.db', create: true }, {});
    expect(res.status).toBe(401);
    expect(fs.existsSync(path.join(folder, 'x.db'))).toBe(false);
    expect((await openDatabase({ path: 'x.db', create: true }, { [TOKEN_HEADER]: host.token })).status).toBe(401);
  });

  it('says what it offers', async () => {
    const res = await request({ port: switching.port, path: '/host/capabilities', headers: auth() });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ openDatabase: true, folder: folder + path.sep });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await request({ port: switching.port, path: '/host/capabilities', method: 'POST', headers: auth() })).status).toBe(405);
    expect((await request({ port: switching.port, path: '/host/open-database', headers: auth() })).status).toBe(405);
    expect((await request({ port: switching.port, path: '/host/nothing', headers: auth() })).status).toBe(404);
  });

  it('creates a new database beside the open one and serves it from the next request on', async () => {
    const first = await openInfo();
    const res = await openDatabase({ path: 'second.db', create: true });
    expect(res.status).toBe(200);
    const second = path.join(folder, 'second.db');
    expect(JSON.parse(res.body)).toEqual({ file: second, created: true });
    expect(switching.status.file).toBe(second);
    const info = await openInfo();
    expect(info.path).toBe(second);
    expect(info.workspaceId).not.toBe(first.workspaceId);
    expect(changed).toEqual([second]);
  });

  it('opens an existing database by its full path; the previous file is closed', async () => {
    const previous = switching.status.file;
    const res = await openDatabase({ path: path.join(folder, 'first.db'), create: false });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ file: path.join(folder, 'first.db'), created: false });
    expect((await openInfo()).path).toBe(path.join(folder, 'first.db'));
    // Closed by the core: the last connection of a WAL file removes its -wal on close.
    expect(previous).toBe(path.join(folder, 'second.db'));
    expect(fs.existsSync(`${previous}-wal`)).toBe(false);
    // Opening the file that is already open changes nothing.
    const again = await openDatabase({ path: 'first.db', create: false });
    expect(again.status).toBe(200);
    expect(switching.status.file).toBe(path.join(folder, 'first.db'));
    expect((await openInfo()).path).toBe(path.join(folder, 'first.db'));
  });

  it('refuses a path with no file, a folder, a missing folder, or an empty path', async () => {
    expect(await refusal({ path: 'missing.db', create: false })).toMatchObject({ code: 'NOT_FOUND', file: path.join(folder, 'missing.db') });
    expect(fs.existsSync(path.join(folder, 'missing.db'))).toBe(false);
    expect((await refusal({ path: folder, create: false })).code).toBe('IS_FOLDER');
    expect((await refusal({ path: path.join(folder, 'no', 'such', 'folder', 'new.db'), create: true })).code).toBe('NO_FOLDER');
    expect(fs.existsSync(path.join(folder, 'no'))).toBe(false);
    expect((await refusal({ path: '   ', create: false })).code).toBe('VALIDATION');
    expect((await refusal({ create: true })).code).toBe('VALIDATION');
  });

  it('never replaces a file when asked for a new database', async () => {
    const notes = path.join(folder, 'notes.txt');
    fs.writeFileSync(notes, 'keep me');
    expect((await refusal({ path: notes, create: true })).code).toBe('FILE_EXISTS');
    expect((await refusal({ path: 'second.db', create: true })).code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(notes, 'utf8')).toBe('keep me');
  });

  it('refuses what the core refuses, with its code, and leaves the file untouched', async () => {
    const text = path.join(folder, 'letter.txt');
    fs.writeFileSync(text, 'Dear customer, not a database.');
    expect(await refusal({ path: text, create: false })).toMatchObject({ code: 'NOT_RAPPORT', message: expect.stringMatching(/not a Rapport database/) });
    expect(fs.readFileSync(text, 'utf8')).toBe('Dear customer, not a database.');

    const foreign = path.join(folder, 'invoices.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const foreignBytes = fs.readFileSync(foreign);
    expect((await refusal({ path: foreign, create: false })).code).toBe('NOT_RAPPORT');
    expect(fs.readFileSync(foreign).equals(foreignBytes)).toBe(true);

    const future = path.join(folder, 'future.db');
    const core = openCore(future);
    core.workspace.sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ('9999_from_the_future', 0)`).run();
    core.workspace.sqlite.pragma('journal_mode = DELETE');
    core.close();
    const futureBytes = fs.readFileSync(future);
    expect(await refusal({ path: future, create: false })).toMatchObject({ code: 'SCHEMA_TOO_NEW', message: expect.stringMatching(/newer Rapport/) });
    expect(fs.readFileSync(future).equals(futureBytes)).toBe(true);
  });

  it('wants JSON', async () => {
    const res = await request({ port: switching.port, path: '/host/open-database', method: 'POST', headers: auth(), body: 'path=x.db' });
    expect(res.status).toBe(415);
    const bad = await request({ port: switching.port, path: '/host/open-database', method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{' });
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
  });
});
