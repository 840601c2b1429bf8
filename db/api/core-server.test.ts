/**
 * What a renderer's port may do in the core (Electron hands one to each page load): calls only, as
 * its own session. It cannot send control messages (open another file, close, connect) nor act as
 * another session, whatever it puts in the message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreToHost } from './core-protocol';
import { CoreServer } from './core-server';

let dir: string;
let server: CoreServer;

const ask = (message: unknown, portSession?: string) =>
  new Promise<CoreToHost & { ok?: boolean; data?: any; error?: any; session?: string }>((resolve) => void server.handle(message, (reply) => resolve(reply as never), portSession));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-core-server-'));
  server = new CoreServer();
  expect(await ask({ id: 1, type: 'control', op: 'open', file: path.join(dir, 'shop.db'), options: { probeLocks: false } })).toMatchObject({ id: 1, ok: true });
  server.connect('window-1');
});

afterAll(() => {
  server.closeWorkspace();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a port into the core', () => {
  it('answers its calls, without naming a session in the answer', async () => {
    const info = await ask({ id: 7, type: 'query', path: 'system.workspace.info', input: undefined }, 'window-1');
    expect(info).toMatchObject({ id: 7, ok: true, data: { path: path.join(dir, 'shop.db') } });
    expect(info.session).toBeUndefined();
  });

  it('cannot send control messages: opening another file is refused and nothing changes', async () => {
    const other = path.join(dir, 'other.db');
    const refused = await ask({ id: 8, type: 'control', op: 'open', file: other }, 'window-1');
    expect(refused).toMatchObject({ id: 8, ok: false, error: { data: { rapport: { code: 'VALIDATION' } } } });
    expect(fs.existsSync(other)).toBe(false);
    expect(await ask({ id: 9, type: 'control', op: 'close' }, 'window-1')).toMatchObject({ ok: false });
    expect(server.status()?.file).toBe(path.join(dir, 'shop.db'));
  });

  it('runs as its own session whatever session the message names', async () => {
    server.connect('window-2');
    const answer = await ask({ id: 10, type: 'query', path: 'system.workspace.info', input: undefined, session: 'host' }, 'window-1');
    expect(answer).toMatchObject({ id: 10, ok: true });
    // A port whose session was forgotten (its page reloaded or closed) is refused, even naming a live one.
    expect(await ask({ id: 11, type: 'query', path: 'system.workspace.info', input: undefined, session: 'window-2' }, 'gone')).toMatchObject({
      ok: false,
      error: { data: { rapport: { code: 'FORBIDDEN' } } },
    });
  });
});
