/**
 * The bench times what ships: the bundled core (dist/electron/core.mjs, what Electron forks) and the
 * browser host bundled beside it, both built by scripts/build-electron.mjs. They are rebuilt when
 * missing or older than anything they were built from (the build lists its inputs in inputs.json),
 * so the figures never come from a stale build, nor from sources compiled on start by tsx.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundle {
  /** The browser host's bundle, which forks `core` beside it. */
  host: string;
  /** The core process's bundle. */
  core: string;
  /** The checked-in migrations the bundled core applies (it cannot find them from dist/). */
  migrationsDir: string;
}

export function bundleIn(outdir: string, root = ROOT): Bundle {
  return { host: path.join(outdir, 'browser-host.mjs'), core: path.join(outdir, 'core.mjs'), migrationsDir: path.join(root, 'db', 'migrations') };
}

export type BundleState = { fresh: true } | { fresh: false; reason: string };

/**
 * Whether the bundles in `outdir` were built from the files as they are now: every input listed
 * in inputs.json (paths relative to `root`) still exists and is no newer than the oldest bundle.
 */
export function bundleState(outdir: string, root = ROOT): BundleState {
  const bundle = bundleIn(outdir, root);
  let built = Infinity;
  for (const output of [bundle.host, bundle.core]) {
    const modified = modifiedAt(output);
    if (modified === null) return { fresh: false, reason: `${path.relative(root, output)} is not built` };
    built = Math.min(built, modified);
  }
  let inputs: string[];
  try {
    inputs = (JSON.parse(fs.readFileSync(path.join(outdir, 'inputs.json'), 'utf8')) as { inputs: string[] }).inputs;
  } catch {
    return { fresh: false, reason: `${path.relative(root, outdir)} has no list of what it was built from` };
  }
  for (const input of inputs) {
    const modified = modifiedAt(path.resolve(root, input));
    if (modified === null) return { fresh: false, reason: `${input} is gone since the build` };
    if (modified > built) return { fresh: false, reason: `${input} changed since the build` };
  }
  return { fresh: true };
}

/** Builds dist/electron unless it is fresh; returns where the bundles are. Throws with the build's output when it fails. */
export function ensureBundle(outdir = path.join(ROOT, 'dist', 'electron')): Bundle {
  const state = bundleState(outdir);
  if (!state.fresh) {
    console.log(`Building the bundled core and browser host (${state.reason})…`);
    const script = path.join(ROOT, 'scripts', 'build-electron.mjs');
    const build = spawnSync(process.execPath, [script, '--quiet', '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`The bundle did not build:\n${build.stdout}${build.stderr}`);
    const after = bundleState(outdir);
    if (!after.fresh) throw new Error(`The bundle is still stale after building it: ${after.reason}`);
  }
  return bundleIn(outdir);
}

function modifiedAt(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
