import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../db/api/core';
import { createIpcHandler, type IpcEventLike } from './handler';

let dir: string;
let core: Core;
const refused: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-ipc-'));
  core = openCore(path.join(dir, 'ipc.db'));
});

afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rendererIndexFile = path.join(path.sep, 'opt', 'Rapport', 'resources', 'app.asar', 'dist', 'renderer', 'index.html');
const ownUrl = `${pathToFileURL(rendererIndexFile).href}#/contacts`;
const handler = () =>
  createIpcHandler(() => core, {
    rendererIndexFile,
    devServerUrl: 'http://localhost:5173/',
    onRefused: (reason) => refused.push(reason),
  });

/** A stand-in for Electron's IpcMainInvokeEvent: only the sender frame is read. */
const from = (url: string, parent: unknown = null): IpcEventLike => ({ senderFrame: { url, parent } });

describe('createIpcHandler', () => {
  it('routes a good call from our renderer into the router', async () => {
    const info = await handler()(from(ownUrl), { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(info.ok).toBe(true);
    expect(info.ok && (info.data as { path: string }).path).toBe(core.workspace.file);

    const created = await handler()(from(ownUrl), {
      type: 'mutation',
      path: 'people.contacts.create',
      input: { name: '张伟明', emails: [{ label: 'work', value: 'zhang@example.com' }] },
    });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? (created.data as { id: number }).id : 0;
    const got = await handler()(from(ownUrl), { type: 'query', path: 'people.contacts.get', input: { id } });
    expect(got.ok && (got.data as { name: string }).name).toBe('张伟明');
  });

  it('accepts the dev server origin, any hash route of our page', async () => {
    const res = await handler()(from('http://localhost:5173/#/companies'), { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(res.ok).toBe(true);
    const hashed = await handler()(from(`${pathToFileURL(rendererIndexFile).href}?x=1#/trash`), {
      type: 'query',
      path: 'system.workspace.info',
      input: undefined,
    });
    expect(hashed.ok).toBe(true);
  });

  it.each([
    ['a remote page', 'https://evil.example.com/'],
    ['another local file', pathToFileURL(path.join(os.tmpdir(), 'index.html')).href],
    ['a sibling file of the renderer', pathToFileURL(path.join(path.dirname(rendererIndexFile), 'other.html')).href],
    ['a file URL on another host', 'file://attacker/share/index.html'],
    ['another loopback port', 'http://localhost:5174/'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
  ])('refuses %s', async (_label, url) => {
    const res = await handler()(from(url), { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(res).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
  });

  it('refuses a sub-frame of our own page and a destroyed frame', async () => {
    const sub = await handler()(from(ownUrl, { url: ownUrl }), { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(sub).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    const gone = await handler()({ senderFrame: null }, { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(gone).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
  });

  it.each([
    ['not an object', 'system.workspace.info'],
    ['null', null],
    ['a subscription', { type: 'subscription', path: 'system.workspace.info', input: undefined }],
    ['a path with odd characters', { type: 'query', path: 'system.__proto__.x', input: undefined }],
    ['a path walking the prototype', { type: 'query', path: 'constructor', input: undefined }],
    ['an extra key', { type: 'query', path: 'system.workspace.info', input: undefined, ctx: {} }],
    ['a missing path', { type: 'query', input: {} }],
  ])('refuses a malformed request: %s', async (_label, request) => {
    const res = await handler()(from(ownUrl), request);
    expect(res.ok).toBe(false);
    expect(res.ok ? undefined : res.error.data.rapport.code).toMatch(/^(VALIDATION|NOT_FOUND)$/);
  });

  it('refuses a well-formed request for an unknown procedure or the wrong type', async () => {
    const unknown = await handler()(from(ownUrl), { type: 'query', path: 'people.contacts.nope', input: {} });
    expect(unknown).toMatchObject({ ok: false, error: { data: { rapport: { code: 'NOT_FOUND' } } } });
    const wrongType = await handler()(from(ownUrl), { type: 'query', path: 'people.contacts.create', input: { name: 'x' } });
    expect(wrongType).toMatchObject({ ok: false });
    const count = core.workspace.sqlite.prepare(`SELECT count(*) AS n FROM contacts WHERE name = 'x'`).get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('maps a core VALIDATION error with its code and field path, writing nothing', async () => {
    const before = (core.workspace.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    const res = await handler()(from(ownUrl), {
      type: 'mutation',
      path: 'people.contacts.create',
      input: { name: '', emails: [{ label: 'work', value: 'not-an-email' }] },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.data.rapport.code).toBe('VALIDATION');
    const paths = (res.error.data.rapport.issues ?? []).map((issue) => issue.path);
    expect(paths).toContain('name');
    expect(paths.some((p) => p.startsWith('emails.0'))).toBe(true);
    const after = (core.workspace.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    expect(after).toBe(before);
  });

  it('maps NOT_FOUND and CONFLICT from the core', async () => {
    const missing = await handler()(from(ownUrl), { type: 'query', path: 'people.contacts.get', input: { id: 999_999 } });
    expect(missing).toMatchObject({ ok: false, error: { data: { rapport: { code: 'NOT_FOUND' } } } });

    const created = await handler()(from(ownUrl), { type: 'mutation', path: 'people.contacts.create', input: { name: 'Ada Wang' } });
    const row = created.ok ? (created.data as { id: number; version: number }) : { id: 0, version: 0 };
    const first = await handler()(from(ownUrl), {
      type: 'mutation',
      path: 'people.contacts.update',
      input: { id: row.id, version: row.version, patch: { jobTitle: 'Buyer' } },
    });
    expect(first.ok).toBe(true);
    const stale = await handler()(from(ownUrl), {
      type: 'mutation',
      path: 'people.contacts.update',
      input: { id: row.id, version: row.version, patch: { jobTitle: 'Owner' } },
    });
    expect(stale).toMatchObject({ ok: false, error: { data: { rapport: { code: 'CONFLICT' } } } });
  });

  it('answers BUSY when no database is open', async () => {
    const closed = createIpcHandler(() => undefined, { rendererIndexFile });
    const res = await closed(from(ownUrl), { type: 'query', path: 'system.workspace.info', input: undefined });
    expect(res).toMatchObject({ ok: false, error: { data: { rapport: { code: 'BUSY' } } } });
  });

  it('reports refusals to the caller', () => {
    expect(refused).toContain('foreign sender');
    expect(refused).toContain('malformed request');
  });
});
