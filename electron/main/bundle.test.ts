/**
 * The same main-process checks as main.test.ts, on what ships: the esbuild bundle
 * (dist/electron/main.mjs + core.mjs + preload.cjs) built by scripts/build-electron.mjs, with `electron`
 * and `better-sqlite3` external. Catches bundling mistakes (dynamic requires, import.meta paths).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { mainProcessSuite } from './test-support/main-suite';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const repoRoot = path.resolve(__dirname, '..', '..');
// Inside the repository, so the bundle's external better-sqlite3 resolves from node_modules.
const outdir = path.join(repoRoot, 'dist', `electron-test-${process.pid}`);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

mainProcessSuite('Electron main process from the shipped bundle (stand-in runtime)', fake, async () => {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--quiet', '--outdir', outdir], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-electron failed:\n${build.stdout}\n${build.stderr}`);
  return import(pathToFileURL(path.join(outdir, 'main.mjs')).href);
});

it('ran the bundle, not the source: the window got the bundled preload', () => {
  expect(fake.state.windows[0]?.options.webPreferences.preload).toBe(path.join(outdir, 'preload.cjs'));
});

it('bundles a preload that requires nothing but electron', () => {
  const preload = fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8');
  expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
  expect(preload).toContain('exposeInMainWorld("rapport"');
  expect(preload).toContain('"rapport:port-request"');
});

it('forked the bundled core, and keeps SQLite out of main', () => {
  expect(fake.state.utilityProcesses[0]?.entry).toBe(path.join(outdir, 'core.mjs'));
  expect(fs.readFileSync(path.join(outdir, 'main.mjs'), 'utf8')).not.toContain('better-sqlite3');
  expect(fs.readFileSync(path.join(outdir, 'core.mjs'), 'utf8')).toMatch(/require\("better-sqlite3"\)|from "better-sqlite3"/);
});
