import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleState } from './bundle';

let root: string;
let outdir: string;
const built = new Date('2026-06-01T12:00:00Z');
const before = new Date('2026-06-01T11:00:00Z');
const after = new Date('2026-06-01T13:00:00Z');

/** A project with two sources and a build of them, every source older than the bundles. */
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bundle-state-'));
  outdir = path.join(root, 'dist', 'electron');
  fs.mkdirSync(path.join(root, 'db', 'api'), { recursive: true });
  fs.mkdirSync(outdir, { recursive: true });
  for (const source of ['db/api/core-process.ts', 'db/api/core-server.ts']) {
    fs.writeFileSync(path.join(root, source), '');
    fs.utimesSync(path.join(root, source), before, before);
  }
  fs.writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify({ inputs: ['db/api/core-process.ts', 'db/api/core-server.ts'] }));
  for (const output of ['core.mjs', 'browser-host.mjs']) {
    fs.writeFileSync(path.join(outdir, output), '');
    fs.utimesSync(path.join(outdir, output), built, built);
  }
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('whether the bundles the bench runs are fresh', () => {
  it('is fresh when no input is newer than the bundles', () => {
    expect(bundleState(outdir, root)).toEqual({ fresh: true });
  });

  it('is stale when an input changed after the build', () => {
    fs.utimesSync(path.join(root, 'db/api/core-server.ts'), after, after);
    expect(bundleState(outdir, root)).toEqual({ fresh: false, reason: 'db/api/core-server.ts changed since the build' });
  });

  it('judges by the older bundle: a rebuilt host does not make an old core fresh', () => {
    fs.utimesSync(path.join(root, 'db/api/core-server.ts'), after, after);
    fs.utimesSync(path.join(outdir, 'browser-host.mjs'), new Date('2026-06-01T14:00:00Z'), new Date('2026-06-01T14:00:00Z'));
    expect(bundleState(outdir, root).fresh).toBe(false);
  });

  it('is stale when an input is gone, a bundle is missing or the list of inputs is', () => {
    fs.rmSync(path.join(root, 'db/api/core-server.ts'));
    expect(bundleState(outdir, root)).toEqual({ fresh: false, reason: 'db/api/core-server.ts is gone since the build' });
    fs.writeFileSync(path.join(root, 'db/api/core-server.ts'), '');
    fs.utimesSync(path.join(root, 'db/api/core-server.ts'), before, before);
    fs.rmSync(path.join(outdir, 'core.mjs'));
    expect(bundleState(outdir, root)).toEqual({ fresh: false, reason: 'dist/electron/core.mjs is not built' });
    fs.writeFileSync(path.join(outdir, 'core.mjs'), '');
    fs.utimesSync(path.join(outdir, 'core.mjs'), built, built);
    fs.rmSync(path.join(outdir, 'inputs.json'));
    expect(bundleState(outdir, root)).toEqual({ fresh: false, reason: 'dist/electron has no list of what it was built from' });
  });
});
