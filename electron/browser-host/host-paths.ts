import path from 'node:path';

/** What the browser host starts from: its core, the migrations it applies and the renderer it serves. */
export interface HostPaths {
  /** The core process's entry: the TypeScript source beside a host run from source, core.mjs beside the bundled host. */
  coreEntry: string;
  /** The checked-in SQL migrations (db/migrations); a bundled core cannot find them from its own location. */
  migrationsDir: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
}

/**
 * `hostFile` is the running host's own file: electron/browser-host/cli.ts from source (tsx), or
 * dist/electron/browser-host.mjs, built by scripts/build-electron.mjs beside the core.mjs Electron
 * ships. Both sit two folders below the project root; only the bundle forks the bundled core.
 */
export function resolveHostPaths(hostFile: string): HostPaths {
  const dir = path.dirname(hostFile);
  const root = path.resolve(dir, '..', '..');
  return {
    coreEntry: hostFile.endsWith('.ts') ? path.join(root, 'db', 'api', 'core-process.ts') : path.join(dir, 'core.mjs'),
    migrationsDir: path.join(root, 'db', 'migrations'),
    staticDir: path.join(root, 'dist', 'renderer'),
  };
}
