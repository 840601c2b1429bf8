/**
 * `npm run start:browser -- [--db FILE] [--port N] [--no-open] [--shared]`: serves the built
 * renderer and the API on 127.0.0.1 and prints the address (with the launch token) to open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairWithHost, type HostPairing } from '../../db/host/host-client';
import { connectRemoteCore, remoteWorkspaceName } from '../../db/host/remote-core-channel';
import { loadPairing, savePairing } from '../../db/host/saved-pairings';
import { defaultUserDataDir } from '../shared/user-data';
import { USAGE, parseCliArgs } from './cli-args';
import { resolveHostPaths } from './host-paths';
import { openInBrowser } from './open-browser';
import { defaultDatabaseFile, startBrowserHost, type BrowserHost } from './server';

async function main(): Promise<number> {
  let options;
  try {
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    options = parseCliArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let pairing: HostPairing | null = null;
  if (options.connect) {
    try {
      pairing = options.code ? await pairWithHost(options.connect, options.code) : loadPairing(defaultUserDataDir(), options.connect);
    } catch (error) {
      process.stderr.write(`Pairing with the Rapport host at ${options.connect.host}:${options.connect.port} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    if (!pairing) {
      process.stderr.write(`This PC is not paired with the Rapport host at ${options.connect.host}:${options.connect.port} yet: add --code with the code shown there.\n`);
      return 2;
    }
    if (options.code) savePairing(defaultUserDataDir(), pairing);
  }
  const remote = pairing;
  const dbFile = remote ? remoteWorkspaceName(remote) : (options.dbFile ?? defaultDatabaseFile());
  // From source (tsx) or bundled (dist/electron/browser-host.mjs, forking the bundled core).
  const { coreEntry, migrationsDir, staticDir } = resolveHostPaths(fileURLToPath(import.meta.url));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    process.stderr.write('The renderer is not built yet; run `npm run build:renderer` (the API is served anyway).\n');
  }

  let host: BrowserHost;
  try {
    host = await startBrowserHost({
      dbFile,
      port: options.port,
      staticDir,
      coreEntry,
      openOptions: { markShared: options.shared, migrationsDir },
      ...(remote ? { startCore: () => connectRemoteCore(remote) } : {}),
      ...(options.share ? { share: { ...options.share, dir: path.join(defaultUserDataDir(), 'host') } } : {}),
      onDatabaseChanged: (file, created) => process.stdout.write(`${created ? 'Created and opened' : 'Opened'} another database from Settings: ${file}\n`),
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${options.port} is already in use; choose another with --port, or --port 0 for a free one.\n`);
    } else {
      process.stderr.write(`Rapport cannot open ${dbFile}: ${message ?? String(error)}\n`);
    }
    return 1;
  }

  const opening = options.open && !process.env.CI;
  const sharing = host.sharing;
  const pairingLines = sharing
    ? [
        `  Shared on the office network at ${sharing.address}:${sharing.port}`,
        `  Pairing code for another PC: ${(await host.pairingCode()).code} (valid 5 minutes, once)`,
        `  Certificate fingerprint: ${sharing.fingerprint}`,
      ]
    : [];
  // The address is the one thing a person must find in the terminal: set it apart.
  process.stdout.write(
    [
      '',
      `  Rapport is running at ${host.url}`,
      '',
      opening ? '  Your browser should open it now; if not, open that address yourself.' : '  Open that address in your browser.',
      '  It works only while this window runs, and a new address is made at each start.',
      remote ? `  Working on the database of the Rapport host at ${remote.host}:${remote.port} (certificate ${remote.fingerprint})` : `  Database: ${host.status.file}${host.status.shared ? ' (shared by several PCs)' : ''}`,
      ...pairingLines,
      '  Press Ctrl+C to stop.',
      '',
      '',
    ].join('\n'),
  );
  if (opening) openInBrowser(host.url);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`\nStopping Rapport (${signal})…\n`);
      host.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`Closing failed: ${error instanceof Error ? error.message : String(error)}\n`);
          resolve(1);
        },
      );
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stop(signal));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
