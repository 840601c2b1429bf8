import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Rapport';

/**
 * The folder Electron's `app.getPath('userData')` resolves to for an app named Rapport, computed
 * without Electron so the browser host (plain Node) finds the same default workspace:
 * `%APPDATA%\Rapport` on Windows, `~/Library/Application Support/Rapport` on macOS,
 * `$XDG_CONFIG_HOME/Rapport` (or `~/.config/Rapport`) elsewhere.
 * `RAPPORT_USER_DATA` overrides it (tests, portable installs).
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.RAPPORT_USER_DATA) return path.resolve(env.RAPPORT_USER_DATA);
  const p = platform === 'win32' ? path.win32 : path.posix;
  switch (platform) {
    case 'win32':
      return p.join(env.APPDATA || p.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return p.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return p.join(env.XDG_CONFIG_HOME || p.join(home, '.config'), APP_FOLDER_NAME);
  }
}
