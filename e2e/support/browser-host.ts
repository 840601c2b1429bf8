import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface RunningHost {
  url: string;
  dbFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the browser host (`electron/browser-host/cli.ts`, exactly what `npm run start:browser`
 * runs) on a new database file in a temp folder, and resolves with the address it prints.
 * `dbFile`: open that file instead (a spec playing two PCs on a share); its folder is the spec's.
 */
export async function startBrowserHostProcess(options: { dbFile?: string } = {}): Promise<RunningHost> {
  const folder = options.dbFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const dbFile = options.dbFile ?? path.join(folder!, 'rapport.db');
  const started = await startBrowserHostCli(['--db', dbFile, '--port', '0', '--no-open']);
  return {
    url: started.url,
    dbFile,
    async stop() {
      await started.stop();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The browser host's command line with `args` and `env`; resolves once it printed its address, with all it printed. */
export async function startBrowserHostCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; output: () => string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'electron/browser-host/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser host did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Rapport is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/** One fresh workspace for the spec file that calls this (its tests run in order and share it). */
export function useFreshWorkspace(): () => RunningHost {
  let host: RunningHost | undefined;
  test.beforeAll(async () => {
    host = await startBrowserHostProcess();
  });
  test.afterAll(async () => {
    await host?.stop();
  });
  return () => {
    if (!host) throw new Error('The browser host is not running');
    return host;
  };
}
