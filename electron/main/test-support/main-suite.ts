/**
 * The main-process behaviour every build must keep, run against the stand-in Electron: once on the
 * TypeScript source, once on the esbuild bundle that ships.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeElectron } from './fake-electron';

export function mainProcessSuite(name: string, fake: FakeElectron, loadMain: () => Promise<unknown>): void {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  let root: string;

  function menuItem(label: RegExp): MenuItemConstructorOptions {
    const menu = fake.state.menus.at(-1) ?? [];
    for (const top of menu) {
      for (const item of (top.submenu as MenuItemConstructorOptions[]) ?? []) {
        if (item.label && label.test(item.label)) return item;
      }
    }
    throw new Error(`no menu item ${label}`);
  }

  const call = (request: unknown, url?: string) => {
    const handler = fake.state.handlers.get('rapport:api');
    if (!handler) throw new Error('no IPC handler');
    const rendererIndex = path.join(fake.state.appPath, 'dist', 'renderer', 'index.html');
    return handler({ senderFrame: { url: url ?? `${pathToFileURL(rendererIndex).href}#/contacts`, parent: null } }, request) as Promise<any>;
  };

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-main-'));
    fake.state.appPath = path.join(root, 'app');
    fake.state.userData = path.join(root, 'user-data');
    fs.mkdirSync(path.join(fake.state.appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(fake.state.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
    fs.cpSync(path.join(repoRoot, 'db', 'migrations'), path.join(fake.state.appPath, 'db', 'migrations'), { recursive: true });
    delete process.env.RAPPORT_DEV_SERVER_URL;
    await loadMain();
    fake.app.fireReady();
    for (let i = 0; i < 100 && fake.state.windows.length === 0; i++) await settle();
  });

  afterAll(() => {
    fake.app.emit('will-quit');
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe(name, () => {
    it('takes the single-instance lock and enables the sandbox for every renderer', () => {
      expect(fake.state.lockRequested).toBe(true);
      expect(fake.state.sandboxEnabled).toBe(true);
    });

    it('opens the default workspace in the user-data folder, creating it on first start', () => {
      expect(fs.existsSync(path.join(fake.state.userData, 'rapport.db'))).toBe(true);
      const recent = JSON.parse(fs.readFileSync(path.join(fake.state.userData, 'recent.json'), 'utf8'));
      expect(recent.last).toBe(path.join(fake.state.userData, 'rapport.db'));
    });

    it('creates one locked-down window on the built renderer', () => {
      expect(fake.state.windows).toHaveLength(1);
      const win = fake.state.windows[0];
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      });
      expect(path.basename(win.options.webPreferences.preload)).toBe('preload.cjs');
      expect(win.loads).toEqual([pathToFileURL(path.join(fake.state.appPath, 'dist', 'renderer', 'index.html')).href]);
      expect(win.title).toBe('rapport.db — Rapport');
      expect(fake.state.errorBoxes).toEqual([]);
    });

    it('sets the strict CSP header on responses, replacing any other', () => {
      expect(fake.state.csp).toHaveLength(1);
      expect(fake.state.csp[0]).toContain("script-src 'self'");
      expect(fake.state.csp[0]).not.toContain('default-src *');
    });

    it('denies new windows and navigation away, sending safe links to the system browser', () => {
      const win = fake.state.windows[0];
      expect(win.webContents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
      win.webContents.windowOpenHandler({ url: 'file:///etc/passwd' });
      win.webContents.windowOpenHandler({ url: 'javascript:alert(1)' });
      expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);

      let prevented = false;
      win.webContents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      let reloadPrevented = false;
      const own = win.loads[0];
      win.webContents.emit('will-navigate', { url: own, preventDefault: () => (reloadPrevented = true) });
      expect(reloadPrevented).toBe(false);
    });

    it('answers API calls on the rapport:api channel and refuses foreign senders', async () => {
      const info = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(info.ok).toBe(true);
      expect(info.data.path).toBe(path.join(fake.state.userData, 'rapport.db'));
      const foreign = await call({ type: 'query', path: 'system.workspace.info', input: undefined }, 'https://evil.example/');
      expect(foreign).toMatchObject({ ok: false, error: { data: { rapport: { code: 'FORBIDDEN' } } } });
    });

    it('builds the native menu with File → New / Open / Open Recent and the usual shortcuts', () => {
      expect(menuItem(/New Database/).accelerator).toBe('CmdOrCtrl+Shift+N');
      expect(menuItem(/Open Database/).accelerator).toBe('CmdOrCtrl+O');
      const recent = menuItem(/Open &Recent/).submenu as MenuItemConstructorOptions[];
      expect(recent.some((item) => item.sublabel === path.join(fake.state.userData, 'rapport.db'))).toBe(true);
    });

    it('refuses to open a file that is not a Rapport database, keeping the current one', async () => {
      const foreign = path.join(root, 'letter.txt');
      fs.writeFileSync(foreign, 'Dear customer, …');
      fake.state.nextOpenPath = foreign;
      (menuItem(/Open Database/).click as () => void)();
      await settle();
      const box = fake.state.messageBoxes.at(-1);
      expect(box?.title).toBe('Not a Rapport database');
      expect(box?.message).toMatch(/not a Rapport database/);
      expect(fs.readFileSync(foreign, 'utf8')).toBe('Dear customer, …');
      const info = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(info.data.path).toBe(path.join(fake.state.userData, 'rapport.db'));
    });

    it('creates another database, swaps the core and reloads the renderer', async () => {
      const other = path.join(root, 'shop', 'Branch');
      fs.mkdirSync(path.dirname(other), { recursive: true });
      fake.state.nextSavePath = other;
      (menuItem(/New Database/).click as () => void)();
      await settle();
      const info = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(info.data.path).toBe(`${other}.db`);
      const win = fake.state.windows[0];
      expect(win.loads).toHaveLength(2);
      expect(win.title).toBe('Branch.db — Rapport');
      const recent = menuItem(/Open &Recent/).submenu as MenuItemConstructorOptions[];
      expect(recent.map((item) => item.sublabel).filter(Boolean)).toEqual([`${other}.db`, path.join(fake.state.userData, 'rapport.db')]);
    });

    it('opens a recent database again from the menu', async () => {
      const recent = menuItem(/Open &Recent/).submenu as MenuItemConstructorOptions[];
      const first = recent.find((item) => item.sublabel === path.join(fake.state.userData, 'rapport.db'));
      (first?.click as () => void)();
      await settle();
      const info = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(info.data.path).toBe(path.join(fake.state.userData, 'rapport.db'));
    });

    it('marks the open database as shared: rollback journal from then on', async () => {
      const before = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(before.data).toMatchObject({ shared: false, journalMode: 'wal' });
      const item = menuItem(/Shared by Several PCs/);
      expect(item).toMatchObject({ type: 'checkbox', checked: false, enabled: true });
      const showMessageBox = fake.electron.dialog.showMessageBox;
      fake.electron.dialog.showMessageBox = async (...args: any[]) => {
        const options = args.length > 1 ? args[1] : args[0];
        fake.state.messageBoxes.push(options);
        return { response: 0, checkboxChecked: false };
      };
      try {
        (item.click as () => void)();
        await settle();
      } finally {
        fake.electron.dialog.showMessageBox = showMessageBox;
      }
      const after = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(after.data).toMatchObject({ path: before.data.path, shared: true, journalMode: 'delete' });
      expect(menuItem(/Shared by Several PCs/)).toMatchObject({ checked: true, enabled: false });
    });

    it('remembers the window bounds when the window closes', () => {
      fake.state.windows[0].emit('close');
      const saved = JSON.parse(fs.readFileSync(path.join(fake.state.userData, 'window-state.json'), 'utf8'));
      expect(saved).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
    });

    it('closes the workspace on quit', async () => {
      fake.app.emit('will-quit');
      const res = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(res).toMatchObject({ ok: false, error: { data: { rapport: { code: 'BUSY' } } } });
    });
  });
}
