#!/usr/bin/env node
// Bundles the Electron main process, the core process and the preload with esbuild:
//   electron/main/index.ts  -> dist/electron/main.mjs    (ESM, Node platform; never loads SQLite)
//   db/api/core-process.ts  -> dist/electron/core.mjs    (ESM; the core, forked by main as a utilityProcess)
//   electron/preload.ts     -> dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot be ESM)
//   electron/browser-host/cli.ts -> dist/electron/browser-host.mjs (the browser host, forking the same
//                              core.mjs; not packaged: the bench starts it to time what ships)
// and dist/electron/inputs.json: every file the bundles were built from, so a stale build is noticed.
// `electron` and `better-sqlite3` stay external: the first is provided by the runtime, the second
// is a native Node-API addon loaded from node_modules (unpacked from the asar when packaged).
// Migrations are not copied: main reads db/migrations in development and resources/migrations
// (electron-builder extraResources) when packaged.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? path.resolve(process.argv[outdirArg + 1]) : path.join(root, 'dist', 'electron');
const quiet = process.argv.includes('--quiet');

fs.rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  // esbuild's own size table marks any output over 1 MB with a warning sign, which reads like an
  // error; the core bundle is that big by design (the whole core is inlined). Real warnings and
  // errors still print; the summary line below says what was built.
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['electron', 'better-sqlite3'],
  legalComments: 'none',
};

const esm = await build({
  ...common,
  metafile: true,
  entryPoints: { main: 'electron/main/index.ts', core: 'db/api/core-process.ts', 'browser-host': 'electron/browser-host/cli.ts' },
  outdir,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies may call require(); give them a real one in the ESM output.
  banner: {
    js: "import { createRequire as __rapportCreateRequire } from 'node:module'; const require = __rapportCreateRequire(import.meta.url);",
  },
});

// Main keeps windows and menus responsive only if SQLite stays out of it: fail the build if it ever loads it.
if (fs.readFileSync(path.join(outdir, 'main.mjs'), 'utf8').includes('better-sqlite3')) {
  console.error('main.mjs refers to better-sqlite3; all SQLite work belongs in the core process (core.mjs).');
  process.exit(1);
}

const cjs = await build({
  ...common,
  metafile: true,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // A sandboxed preload can require only `electron` (and a few polyfilled modules): everything else is inlined.
  external: ['electron'],
});

// The preload must not pull in anything but electron; fail the build if it ever does.
const preload = fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length) {
  console.error(`preload.cjs requires ${foreign.join(', ')}; a sandboxed preload may only require electron.`);
  process.exit(1);
}

// What the bundles were built from (esbuild's own list, node_modules included) and this script,
// relative to the root: db/bench/bundle.ts rebuilds when any of them is newer than the bundles.
const inputs = [...new Set([...Object.keys(esm.metafile.inputs), ...Object.keys(cjs.metafile.inputs), path.relative(root, fileURLToPath(import.meta.url))])].sort();
fs.writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);

const size = (name) => {
  const bytes = fs.statSync(path.join(outdir, name)).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
};
if (!quiet) console.log(`Electron main (${size('main.mjs')}), core (${size('core.mjs')}) and preload (${size('preload.cjs')}) built in ${path.relative(root, outdir)}`);
