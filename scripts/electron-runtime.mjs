// Finds Electron's runtime binary without triggering the electron package's own download
// (requiring `electron` downloads it on the spot when missing, loudly).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The path of the Electron executable when it is installed, else undefined. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  let relative;
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return fs.existsSync(candidate) ? candidate : undefined;
  }
  if (!relative) return undefined;
  const candidate = path.join(dir, 'dist', relative);
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** One quiet attempt at fetching the runtime (electron's own install script), bounded in time. */
export function tryInstallElectron(timeoutMs = 60_000) {
  const dir = electronPackageDir();
  if (!dir) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', windowsHide: true });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && electronBinary() !== undefined);
    });
  });
}

/** Whether a window can be shown at all (a Linux box without X or Wayland cannot). */
export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const SIGNAL_MEANING = {
  SIGSEGV: 'a segmentation fault, usually the SQLite driver on an unsupported Node.js; check that `node -v` says 22 or newer',
  SIGBUS: 'a bus error: a native module crashed',
  SIGILL: 'an illegal instruction: a native module built for another processor',
  SIGABRT: 'it aborted',
  SIGKILL: 'it was killed (out of memory, or by another program)',
  SIGTERM: 'it was asked to stop',
};

/** A one-line account of how a child ended badly, or null when it ended normally. */
export function describeExit(name, code, signal, { stopping = false } = {}) {
  if (signal) {
    // Ctrl+C or a stop we passed on: ending by that signal is what was asked for.
    if (stopping && (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP')) return null;
    const meaning = SIGNAL_MEANING[signal];
    return `${name} crashed: it was ended by ${signal}${meaning ? ` (${meaning})` : ''}.`;
  }
  if (code === 0 || code === null) return null;
  if (stopping && code === 128 + (os.constants.signals.SIGINT ?? 2)) return null;
  return `${name} stopped with exit code ${code}.`;
}

/** The exit code a shell would report for a child ended by `signal` (128 + its number). */
export function signalExitCode(signal) {
  return 128 + (os.constants.signals[signal] ?? 1);
}

/**
 * Runs a child with inherited stdio; the parent waits for it and passes Ctrl+C / SIGTERM through.
 * Resolves with the child's exit code (128 + signal number when a signal ended it). A child that
 * crashed or failed is reported on stderr in one line, so `npm start` never ends silently.
 */
export function runForwardingSignals(command, args, options = {}) {
  const { name = path.basename(command), ...spawnOptions } = options;
  return new Promise((resolve) => {
    let stopping = false;
    const child = spawn(command, args, { stdio: 'inherit', ...spawnOptions });
    const forward = (signal) => () => {
      stopping = true;
      // Ctrl+C already reaches the child through the terminal's process group; SIGTERM may not.
      if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
    };
    const handlers = Object.fromEntries(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => [signal, forward(signal)]));
    for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
    child.on('error', (error) => {
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      console.error(`${name} could not be started: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const [signalName, handler] of Object.entries(handlers)) process.off(signalName, handler);
      const problem = describeExit(name, code, signal, { stopping });
      if (problem) console.error(`\n${problem}`);
      if (signal) resolve(stopping && problem === null ? 0 : signalExitCode(signal));
      else resolve(code ?? 1);
    });
  });
}
