// Finds Electron's runtime binary without triggering the electron package's own download
// (requiring `electron` downloads it on the spot when missing, loudly).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

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

/** Runs a child with inherited stdio; the parent waits for it and passes Ctrl+C / SIGTERM through. */
export function runForwardingSignals(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal) => () => {
      // Ctrl+C already reaches the child through the terminal's process group; SIGTERM may not.
      if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
    };
    const handlers = Object.fromEntries(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => [signal, forward(signal)]));
    for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
      resolve(code ?? (signal ? 128 + 2 : 1));
    });
  });
}
