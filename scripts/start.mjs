#!/usr/bin/env node
// `npm start`: builds quietly (the tools' output appears only when the build fails), then launches
// the Electron app on the default workspace. Where Electron's runtime is missing and cannot be
// fetched (no network, blocked download), or there is no display to show a window on, it says so
// in one line and serves the same app through the browser host instead, printing the address to open. A child that crashes or fails is reported
// (exit code or signal) and `npm start` fails with it, instead of returning to the prompt silently.
// Arguments after `--` go to the app, e.g. `npm start -- --db ~/shop.db`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, hasDisplay, runForwardingSignals, tryInstallElectron } from './electron-runtime.mjs';
import { buildQuietly } from './quiet-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm runs scripts from the package root; a relative --db means relative to where the user typed it.
const userCwd = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2).map((arg, index, all) => {
  if (all[index - 1] === '--db') return path.resolve(userCwd, arg);
  if (arg.startsWith('--db=')) return `--db=${path.resolve(userCwd, arg.slice(5))}`;
  return arg;
});

async function main() {
  if (!(await buildQuietly({ electron: true }))) return 1;
  let binary = electronBinary();
  if (!binary && process.env.RAPPORT_NO_ELECTRON_DOWNLOAD !== '1') {
    // Usually this fails or succeeds within a second; say so when a slow network makes it wait.
    const slow = setTimeout(() => console.log("Fetching Electron's runtime (this gives up after a minute)…"), 3000);
    if (await tryInstallElectron()) binary = electronBinary();
    clearTimeout(slow);
  }

  if (binary && hasDisplay()) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runForwardingSignals(binary, [root, ...args], { env, cwd: root, name: 'Rapport (Electron)' });
  }

  console.log(
    binary
      ? 'No display is available for a window, so Rapport runs in your browser instead.'
      : "Electron's runtime is not available on this machine, so Rapport runs in your browser instead.",
  );
  // Bundled by the build above beside the core Electron ships; it forks that core.
  const host = path.join(root, 'dist', 'electron', 'browser-host.mjs');
  return runForwardingSignals(process.execPath, [host, ...args], { cwd: root, name: 'Rapport (browser host)' });
}

process.exitCode = await main();
