#!/usr/bin/env node
// The build as `npm start` and `npm run start:browser` run it: one line while it works, and the
// tools' own output (module counts, chunk and bundle sizes) only when a step fails, so that a
// person starting the app sees what matters (which host, which address) and not build chatter.
// `npm run build` still shows everything; RAPPORT_VERBOSE_BUILD=1 shows it here too.
//   node scripts/quiet-build.mjs            the renderer, and the Electron main/preload, the core and the
//                                           browser host (scripts/build-electron.mjs)
//   node scripts/quiet-build.mjs --renderer the renderer only
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function steps({ electron }) {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const list = [{ name: 'renderer (vite)', args: [vite, 'build', '--config', 'renderer/vite.config.ts'] }];
  if (electron) list.push({ name: 'Electron main and preload, the core and the browser host (esbuild)', args: [path.join(root, 'scripts', 'build-electron.mjs')] });
  return list;
}

function run(step, verbose) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { cwd: root, stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (chunk) => (output += chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n`, how: 'could not be started' }));
    child.on('exit', (code, signal) => {
      resolve({ ok: code === 0, output, how: signal ? `was killed by ${signal}` : `exited with code ${code}` });
    });
  });
}

/** Builds what the app needs; on failure prints the failing step's full output and returns false. */
export async function buildQuietly({ electron = true } = {}) {
  const verbose = process.env.RAPPORT_VERBOSE_BUILD === '1';
  const started = Date.now();
  process.stdout.write('Building Rapport… ');
  if (verbose) process.stdout.write('\n');
  for (const step of steps({ electron })) {
    const result = await run(step, verbose);
    if (!result.ok) {
      process.stdout.write('\n');
      process.stderr.write(`\nThe build of the ${step.name} failed (it ${result.how}). Its output:\n\n${result.output.trimEnd()}\n\n`);
      return false;
    }
  }
  process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s).\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await buildQuietly({ electron: !process.argv.includes('--renderer') });
  process.exitCode = ok ? 0 : 1;
}
