import path from 'node:path';

export interface AppPaths {
  /** The built renderer page loaded from file://. */
  rendererIndex: string;
  /** The bundled preload script (CommonJS). */
  preload: string;
  /**
   * The core process's entry, forked as a utilityProcess: core.mjs beside main.mjs (inside the asar
   * when packaged). Main run from source (its tests) forks the TypeScript entry instead.
   */
  coreEntry: string;
  /** Checked-in SQL migrations: under `resources/migrations` when packaged (extraResources). */
  migrationsDir: string;
  /** Vite dev server, only when running unpackaged with RAPPORT_DEV_SERVER_URL set. */
  devServerUrl: string | undefined;
}

export function resolveAppPaths(input: {
  appPath: string;
  isPackaged: boolean;
  resourcesPath: string;
  /** The folder holding the bundled main.mjs (dist/electron). */
  mainDir: string;
  env: NodeJS.ProcessEnv;
}): AppPaths {
  const devServerUrl = !input.isPackaged && input.env.RAPPORT_DEV_SERVER_URL ? input.env.RAPPORT_DEV_SERVER_URL : undefined;
  return {
    rendererIndex: path.join(input.appPath, 'dist', 'renderer', 'index.html'),
    preload: path.join(input.mainDir, 'preload.cjs'),
    coreEntry:
      path.basename(input.mainDir) === 'main' && path.basename(path.dirname(input.mainDir)) === 'electron'
        ? path.resolve(input.mainDir, '..', '..', 'db', 'api', 'core-process.ts')
        : path.join(input.mainDir, 'core.mjs'),
    migrationsDir: input.isPackaged ? path.join(input.resourcesPath, 'migrations') : path.join(input.appPath, 'db', 'migrations'),
    devServerUrl,
  };
}

export const DATABASE_EXTENSIONS = ['db', 'rapport', 'sqlite', 'sqlite3'] as const;

/**
 * A database named on the command line: `--db FILE`, `--db=FILE`, or a bare path with a database
 * extension (what the OS passes when a file is opened with Rapport). Relative paths resolve
 * against `cwd` (a second instance reports its own working directory).
 */
export function databaseFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--db' && args[i + 1]) return path.resolve(cwd, args[i + 1] ?? '');
    if (arg.startsWith('--db=') && arg.length > 5) return path.resolve(cwd, arg.slice(5));
  }
  const bare = args.find(
    (arg) => !arg.startsWith('-') && DATABASE_EXTENSIONS.some((ext) => arg.toLowerCase().endsWith(`.${ext}`)),
  );
  return bare ? path.resolve(cwd, bare) : undefined;
}
