import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { execArgvFor } from '../api/core-client';

export interface HostProcess {
  pid: number;
  /** The address the host printed, launch token included: what a user's browser opens. */
  url: string;
  /** A GET of one procedure, as the browser renderer sends it; resolves to the parsed JSON body. */
  call: (procedure: string, input: unknown) => Promise<{ result: { data: { nextCursor: string | null } } }>;
  stop: () => void;
  /** Resolves once the host process has exited. */
  exited: Promise<void>;
}

/**
 * Starts the browser host on the workspace as a separate process, as a user would, and waits until
 * it listens. `hostEntry`: the bundled host (bundle.ts), which forks the bundled core.
 */
export async function startHostProcess(file: string, hostEntry: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [...execArgvFor(hostEntry), hostEntry, '--db', file, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (\S+)/.exec(output);
        if (match) resolve(new URL(match[1]!));
      });
      child.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
    });
    const token = url.searchParams.get('token')!;
    // A procedure without input is called as the renderer calls it: no `input` parameter at all.
    const address = (procedure: string, input: unknown) =>
      `${url.origin}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
    const call = async (procedure: string, input: unknown) => {
      const init = { headers: { 'x-rapport-token': token } };
      // A kept-alive socket the host closed after idling (its keepAliveTimeout) fails once; the retry opens a new one.
      const response = await fetch(address(procedure, input), init).catch(() => fetch(address(procedure, input), init));
      if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status}`);
      return (await response.json()) as { result: { data: { nextCursor: string | null } } };
    };
    return { pid: child.pid!, url: url.href, call, stop: () => child.kill('SIGTERM'), exited };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}

/**
 * Starts the browser host, drives the hot paths through HTTP for a while, and reads its resident
 * set size from the OS.
 */
export async function measureBrowserHostMemory(file: string, hostEntry: string): Promise<{ rssMb: number }> {
  const host = await startHostProcess(file, hostEntry);
  try {
    const { call } = host;
    // Scroll the whole contact list the way the virtualized table does, then search and open records.
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { result: { data: { nextCursor: string | null } } } = await call('people.contacts.list', {
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      cursor = page.result.data.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    for (const query of ['wang', '张伟', 'a', '138', 'harbor']) await call('system.search', { query });
    for (let id = 1; id <= 2000; id += 7) await call('people.contacts.get', { id });
    return { rssMb: residentMb(host.pid) };
  } finally {
    host.stop();
  }
}

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return kb / 1024;
}
