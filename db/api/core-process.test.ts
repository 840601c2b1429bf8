/**
 * The core as a child process in plain Node, over the message protocol every host uses: it opens a
 * real file, answers calls with callProcedure's error shape, refuses what openWorkspace refuses,
 * keeps sessions apart, and a killed core answers pending calls instead of leaving them hanging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCore, forkCoreProcess, type CoreConnection } from './core-client';

let dir: string;
let core: CoreConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-core-process-'));
  core = await connectCore(path.join(dir, 'shop.db'), { probeLocks: false });
});

afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the core process', () => {
  it('runs in its own process and answers queries and mutations', async () => {
    expect(core.client.pid).toBeGreaterThan(0);
    expect(core.client.pid).not.toBe(process.pid);
    expect(core.status).toMatchObject({ file: path.join(dir, 'shop.db'), shared: false, journalMode: 'wal' });
    const created = await core.call('mutation', 'people.contacts.create', { name: '张伟明' });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.data as { id: number }).id : 0;
    const got = await core.call('query', 'people.contacts.get', { id });
    expect(got.ok && (got.data as { name: string }).name).toBe('张伟明');
  });

  it('answers errors in the shape the UI maps: VALIDATION with field paths, NOT_FOUND, BAD_REQUEST', async () => {
    const invalid = await core.call('mutation', 'people.contacts.create', { name: '' });
    expect(invalid).toMatchObject({ ok: false, error: { data: { rapport: { code: 'VALIDATION' } } } });
    expect(invalid.ok ? [] : invalid.error.data.rapport.issues?.map((issue) => issue.path)).toContain('name');
    expect(await core.call('query', 'people.contacts.nope', {})).toMatchObject({ ok: false, error: { data: { rapport: { code: 'NOT_FOUND' } } } });
    expect(await core.call('query', 'people.contacts.create', { name: 'x' })).toMatchObject({ ok: false, error: { data: { rapport: { code: 'BAD_REQUEST' } } } });
    expect(await core.call('query', 'constructor', {})).toMatchObject({ ok: false, error: { data: { rapport: { code: 'NOT_FOUND' } } } });
    expect(await core.call('query', 'system.__proto__.x', {})).toMatchObject({ ok: false, error: { data: { rapport: { code: 'VALIDATION' } } } });
  });

  it('refuses a call from a session it was never told about', async () => {
    const unknown = await core.client.call('query', 'system.workspace.info', undefined, 'window-9');
    expect(unknown).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    expect((await core.client.control({ op: 'connect', session: 'window-9' })).ok).toBe(true);
    expect((await core.client.call('query', 'system.workspace.info', undefined, 'window-9')).ok).toBe(true);
    await core.client.control({ op: 'disconnect', session: 'window-9' });
    expect((await core.client.call('query', 'system.workspace.info', undefined, 'window-9')).ok).toBe(false);
  });

  it('refuses a file that is not a Rapport database with its code, keeping the open one', async () => {
    const foreign = path.join(dir, 'letter.txt');
    fs.writeFileSync(foreign, 'Dear customer');
    await expect(core.client.open(foreign, { create: false })).rejects.toMatchObject({ code: 'NOT_RAPPORT' });
    expect(fs.readFileSync(foreign, 'utf8')).toBe('Dear customer');
    const info = await core.call('query', 'system.workspace.info');
    expect(info.ok && (info.data as { path: string }).path).toBe(path.join(dir, 'shop.db'));
  });

  it('switches to another file: the new one opens first, then the old one closes', async () => {
    const other = await connectCore(path.join(dir, 'first.db'), { probeLocks: false });
    try {
      const status = await other.client.open(path.join(dir, 'second.db'), { probeLocks: false });
      expect(status.file).toBe(path.join(dir, 'second.db'));
      const info = await other.call('query', 'system.workspace.info');
      expect(info.ok && (info.data as { path: string }).path).toBe(path.join(dir, 'second.db'));
      await other.client.control({ op: 'close' });
      expect(await other.call('query', 'system.workspace.info')).toMatchObject({ ok: false, error: { data: { rapport: { code: 'BUSY' } } } });
    } finally {
      await other.close();
    }
  });

  it('answers the calls pending when the core is killed, and every later one, without hanging', async () => {
    const doomed = forkCoreProcess();
    await doomed.ready;
    await doomed.open(path.join(dir, 'doomed.db'), { probeLocks: false });
    let reported = '';
    doomed.onUnexpectedStop((error) => (reported = error.message));
    const pending = doomed.call('query', 'system.workspace.info', undefined);
    process.kill(doomed.pid!, 'SIGKILL');
    const answered = await pending;
    // Either it answered before the kill landed, or it got the stopped answer.
    if (!answered.ok) expect(answered.error.data.rapport.code).toBe('INTERNAL');
    const later = await doomed.call('query', 'system.workspace.info', undefined);
    expect(later).toMatchObject({ ok: false, error: { data: { rapport: { code: 'INTERNAL' } } } });
    expect(later.ok ? '' : later.error.message).toMatch(/core process stopped/);
    expect(reported).toMatch(/SIGKILL/);
  });
});
