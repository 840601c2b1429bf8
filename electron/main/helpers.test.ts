import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { RapportError } from '../../db/errors';
import { RENDERER_CSP, devServerCsp, isSafeExternalUrl } from '../shared/csp';
import { defaultUserDataDir } from '../shared/user-data';
import { buildMenuTemplate, type MenuActions } from './menu';
import { describeOpenError } from './open-errors';
import { databaseFromArgv, resolveAppPaths } from './paths';
import { MAX_RECENT, RecentFiles } from './recent';
import { DEFAULT_SIZE, loadWindowState, placeWindow, saveWindowState } from './window-state';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-shell-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('user-data folder (same as Electron userData for "Rapport")', () => {
  it('follows each platform', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\Rapport',
    );
    expect(defaultUserDataDir({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/Rapport');
    expect(defaultUserDataDir({}, 'linux', '/home/li')).toBe('/home/li/.config/Rapport');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/li')).toBe('/xdg/Rapport');
    expect(defaultUserDataDir({ RAPPORT_USER_DATA: '/data/r' }, 'linux', '/home/li')).toBe(path.resolve('/data/r'));
  });
});

describe('app paths', () => {
  it('reads migrations from db/ in development and from resources/ when packaged', () => {
    const dev = resolveAppPaths({ appPath: '/repo', isPackaged: false, resourcesPath: '/x', mainDir: '/repo/dist/electron', env: {} });
    expect(dev).toEqual({
      rendererIndex: path.join('/repo', 'dist', 'renderer', 'index.html'),
      preload: path.join('/repo/dist/electron', 'preload.cjs'),
      coreEntry: path.join('/repo/dist/electron', 'core.mjs'),
      migrationsDir: path.join('/repo', 'db', 'migrations'),
      devServerUrl: undefined,
    });
    const packaged = resolveAppPaths({
      appPath: '/opt/Rapport/resources/app.asar',
      isPackaged: true,
      resourcesPath: '/opt/Rapport/resources',
      mainDir: '/opt/Rapport/resources/app.asar/dist/electron',
      env: { RAPPORT_DEV_SERVER_URL: 'http://localhost:5173' },
    });
    expect(packaged.migrationsDir).toBe(path.join('/opt/Rapport/resources', 'migrations'));
    expect(packaged.devServerUrl).toBeUndefined();
  });

  it('finds a database named on the command line', () => {
    expect(databaseFromArgv(['electron', '.', '--db', 'shop.db'], '/home/li')).toBe(path.resolve('/home/li', 'shop.db'));
    expect(databaseFromArgv(['electron', '.', '--db=/srv/crm.rapport'], '/')).toBe(path.resolve('/srv/crm.rapport'));
    expect(databaseFromArgv(['Rapport.exe', '--allow-file-access', 'D:/Shared/Office.DB'], 'C:/')).toBe(path.resolve('C:/', 'D:/Shared/Office.DB'));
    expect(databaseFromArgv(['electron', '.'], '/')).toBeUndefined();
    expect(databaseFromArgv(['electron', '/work/main', 'readme.txt'], '/')).toBeUndefined();
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('restores remembered bounds that fit a display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1200, height: 800 }, screen)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('falls back to the default size when the display is gone, and clamps oversize windows', () => {
    expect(placeWindow({ x: 3000, y: 50, width: 1200, height: 800 }, screen)).toEqual({ ...DEFAULT_SIZE });
    expect(placeWindow(null, screen)).toEqual({ ...DEFAULT_SIZE });
    expect(placeWindow({ x: -50, y: -20, width: 4000, height: 3000 }, screen)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const second = [...screen, { x: 1920, y: 0, width: 1280, height: 1000 }];
    expect(placeWindow({ x: 2000, y: 100, width: 1000, height: 700 }, second)).toEqual({ x: 2000, y: 100, width: 1000, height: 700 });
  });

  it('survives a missing or damaged file', () => {
    const dir = path.join(tmp, 'ws');
    expect(loadWindowState(dir)).toEqual({ bounds: null, maximized: false });
    saveWindowState(dir, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(dir)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds": {"x": "a"}');
    expect(loadWindowState(dir)).toEqual({ bounds: null, maximized: false });
  });
});

describe('recent databases', () => {
  it('keeps the most recent first, without duplicates, at most ten, across restarts', () => {
    const dir = path.join(tmp, 'recent');
    const recent = new RecentFiles(dir);
    for (let i = 0; i < 12; i++) recent.opened(path.join(tmp, `shop-${i}.db`));
    recent.opened(path.join(tmp, 'shop-5.db'));
    expect(recent.files).toHaveLength(MAX_RECENT);
    expect(recent.files[0]).toBe(path.join(tmp, 'shop-5.db'));
    expect(recent.files.filter((file) => file.endsWith('shop-5.db'))).toHaveLength(1);
    expect(recent.last).toBe(path.join(tmp, 'shop-5.db'));

    const again = new RecentFiles(dir);
    expect(again.files).toEqual(recent.files);
    again.remove(path.join(tmp, 'shop-5.db'));
    expect(again.last).toBeNull();
    expect(again.files).not.toContain(path.join(tmp, 'shop-5.db'));
    again.clear();
    expect(new RecentFiles(dir).files).toEqual([]);
  });

  it('ignores a damaged file', () => {
    const dir = path.join(tmp, 'recent-bad');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'recent.json'), 'not json');
    expect(new RecentFiles(dir).files).toEqual([]);
  });
});

describe('open errors', () => {
  it('keeps the core message and adds a title per code', () => {
    const tooNew = describeOpenError(new RapportError('SCHEMA_TOO_NEW', 'This database was upgraded by a newer Rapport.'), '/s/crm.db');
    expect(tooNew).toMatchObject({ code: 'SCHEMA_TOO_NEW', title: 'This database needs a newer Rapport', message: 'This database was upgraded by a newer Rapport.' });
    expect(tooNew.detail).toContain('/s/crm.db');
    for (const code of ['NOT_RAPPORT', 'CORRUPT', 'UNSAFE_SHARE'] as const) {
      const text = describeOpenError(new RapportError(code, `core says ${code}`), '/x.db');
      expect(text.code).toBe(code);
      expect(text.message).toBe(`core says ${code}`);
      expect(text.title).not.toMatch(/could not open/);
    }
    const io = describeOpenError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), '/x.db');
    expect(io).toMatchObject({ code: 'UNKNOWN', title: 'Rapport could not open x.db', message: 'EACCES: permission denied' });
  });
});

describe('content security', () => {
  it('allows nothing remote and no inline script in the built renderer', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(devServerCsp('http://localhost:5173/')).toContain('ws://localhost:5173');
  });

  it('hands only http(s), mailto and tel links to the OS', () => {
    for (const url of ['https://rapport.app', 'http://example.com', 'mailto:li@example.com', 'tel:+8613800138000']) expect(isSafeExternalUrl(url)).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'not a url']) expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('menu template', () => {
  const noop = () => undefined;
  const actions: MenuActions = {
    newDatabase: noop,
    openDatabase: noop,
    openRecent: noop,
    clearRecent: noop,
    showDatabaseInFolder: noop,
    showBackupsFolder: noop,
    markShared: noop,
    about: noop,
  };
  const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label ?? item.role ?? item.type);

  it('has File, Edit, View, Window, Help on Windows and Linux, with the app menu first on macOS', () => {
    const win = buildMenuTemplate({ platform: 'win32', appName: 'Rapport', recent: [], currentFile: null, currentShared: false, actions });
    expect(labels(win)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const mac = buildMenuTemplate({ platform: 'darwin', appName: 'Rapport', recent: [], currentFile: '/a.db', currentShared: true, actions });
    expect(labels(mac)).toEqual(['Rapport', '&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('offers Toggle Developer Tools only in development builds', () => {
    const roles = (devTools: boolean) =>
      (buildMenuTemplate({ platform: 'linux', appName: 'Rapport', recent: [], currentFile: null, currentShared: false, devTools, actions })[2]?.submenu as MenuItemConstructorOptions[]).map(
        (item) => item.role,
      );
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('lists recent files with their paths, escaping & in names', () => {
    const menu = buildMenuTemplate({
      platform: 'linux',
      appName: 'Rapport',
      recent: ['/srv/R&D.db', '/home/li/shop.db'],
      currentFile: '/home/li/shop.db',
      currentShared: false,
      actions,
    });
    const file = menu[0]?.submenu as MenuItemConstructorOptions[];
    const recent = file.find((item) => item.label === 'Open &Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label)).toEqual(['&1 R&&D.db', '&2 shop.db', undefined, 'Clear Recently Opened']);
    expect(recent[0]?.sublabel).toBe('/srv/R&D.db');
    const view = menu[2]?.submenu as MenuItemConstructorOptions[];
    expect(view.map((item) => item.role).filter(Boolean)).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});
