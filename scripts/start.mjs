#!/usr/bin/env node
// `npm start` (after `npm run build`): launches the Electron app on the default workspace. Where
// Electron's runtime is missing and cannot be fetched (no network, blocked download), or there is
// no display to show a window on, it says so in one line and serves the same app through the
// browser host instead, printing the address to open.
// Arguments after `--` go to the app, e.g. `npm start -- --db ~/shop.db`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, hasDisplay, runForwardingSignals, tryInstallElectron } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm runs scripts from the package root; a relative --db means relative to where the user typed it.
const userCwd = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2).map((arg, index, all) => {
  if (all[index - 1] === '--db') return path.resolve(userCwd, arg);
  if (arg.startsWith('--db=')) return `--db=${path.resolve(userCwd, arg.slice(5))}`;
  return arg;
});

async function main() {
  let binary = electronBinary();
  if (!binary && process.env.RAPPORT_NO_ELECTRON_DOWNLOAD !== '1') {
    if (await tryInstallElectron()) binary = electronBinary();
  }

  if (binary && hasDisplay()) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runForwardingSignals(binary, [root, ...args], { env, cwd: root });
  }

  console.log(
    binary
      ? 'No display is available for a window; serving Rapport in your browser instead.'
      : "Electron's runtime is not available on this machine; serving Rapport in your browser instead.",
  );
  const cli = path.join(root, 'electron', 'browser-host', 'cli.ts');
  return runForwardingSignals(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root });
}

process.exitCode = await main();
