/**
 * The browser host as the bench starts it: bundled by scripts/build-electron.mjs beside the core
 * Electron ships, it forks that bundled core (not the TypeScript sources through tsx), which finds
 * the checked-in migrations; and the build lists what it was built from, so the bench can tell a
 * stale bundle from a fresh one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleState } from '../../db/bench/bundle';
import { resolveHostPaths } from './host-paths';

const repoRoot = path.resolve(__dirname, '..', '..');
// Inside the repository, so the bundle's external better-sqlite3 resolves from node_modules.
const outdir = path.join(repoRoot, 'dist', `host-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-host-bundle-'));

afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('where the browser host finds its core', () => {
  it('forks the TypeScript core from source and core.mjs beside the bundle, with the same migrations and renderer', () => {
    const fromSource = resolveHostPaths('/app/electron/browser-host/cli.ts');
    const bundled = resolveHostPaths('/app/dist/electron/browser-host.mjs');
    expect(fromSource.coreEntry).toBe(path.join('/app', 'db', 'api', 'core-process.ts'));
    expect(bundled.coreEntry).toBe(path.join('/app', 'dist', 'electron', 'core.mjs'));
    for (const paths of [fromSource, bundled]) {
      expect(paths.migrationsDir).toBe(path.join('/app', 'db', 'migrations'));
      expect(paths.staticDir).toBe(path.join('/app', 'dist', 'renderer'));
    }
  });
});

describe('the bundled browser host', () => {
  it('builds with the list of its inputs, and the bench finds that build fresh', () => {
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--quiet', '--outdir', outdir], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build-electron failed:\n${build.stdout}\n${build.stderr}`);
    const { inputs } = JSON.parse(fs.readFileSync(path.join(outdir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['db/api/core-process.ts', 'electron/browser-host/cli.ts', 'scripts/build-electron.mjs']));
    expect(bundleState(outdir, repoRoot)).toEqual({ fresh: true });
  });

  it('serves the API from the bundled core on a new file, and keeps the core compiled for the next start', async () => {
    const compileCache = path.join(dataDir, 'compile-cache');
    const child = spawn(process.execPath, [path.join(outdir, 'browser-host.mjs'), '--db', path.join(dataDir, 'shop.db'), '--port', '0', '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /running at (\S+)/.exec(output);
          if (match) resolve(new URL(match[1]!));
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`the host exited with ${code}:\n${output}`)));
      });
      const headers = { 'x-rapport-token': url.searchParams.get('token')! };
      const health = (await (await fetch(`${url.origin}/host/health`, { headers })).json()) as { core: string; pid: number };
      expect(health.core).toBe('running');
      // Which program the core runs, as the OS sees it (Linux names it in /proc; elsewhere the API answers below must do).
      if (process.platform === 'linux') expect(fs.readFileSync(`/proc/${health.pid}/cmdline`, 'utf8').split('\0')).toContain(path.join(outdir, 'core.mjs'));
      // The core created and migrated the file, so it found db/migrations from dist/.
      const info = await fetch(`${url.origin}/trpc/system.workspace.info`, { headers });
      expect(info.status).toBe(200);
      const body = (await info.json()) as { result: { data: { schemaVersion: number } } };
      expect(body.result.data.schemaVersion).toBe(JSON.parse(fs.readFileSync(path.join(repoRoot, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')).entries.length);
      // The host is stopped with a kill, which writes no compile cache: the core writes it once it is up.
      const cached = () => (fs.existsSync(compileCache) ? fs.readdirSync(compileCache, { recursive: true }).length : 0);
      await expect.poll(cached, { timeout: 20_000 }).toBeGreaterThan(1);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
