/**
 * The main-process behaviour every build must keep, run against the stand-in Electron: once on the
 * TypeScript source, once on the esbuild bundle that ships.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../shared/csp';
import type { FakeElectron, FakeMessagePort } from './fake-electron';

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

  const ownUrl = 'app://rapport/index.html#/contacts';

  /** What the preload does: asks main for a port (as `url`), and returns the port main posted, if any. */
  const askForPort = async (url = ownUrl, parent: unknown = null): Promise<FakeMessagePort | undefined> => {
    const listener = fake.state.listeners.get('rapport:port-request');
    if (!listener) throw new Error('no port request listener');
    const contents = fake.state.windows[0].webContents;
    const before = contents.posted.length;
    await listener({ senderFrame: { url, parent }, sender: contents });
    await settle();
    const posted = contents.posted.slice(before).find((item: { channel: string }) => item.channel === 'rapport:port');
    return posted?.ports[0];
  };

  let port: FakeMessagePort | undefined;
  let nextId = 1;
  /** One API call over the window's port to the core process, as window.rapport.invoke sends it. */
  const call = async (request: { type: string; path: string; input: unknown }): Promise<any> => {
    port ??= await askForPort();
    if (!port) throw new Error('main handed no port to the window');
    const id = nextId++;
    const current = port;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${request.path}`)), 15_000);
      const onMessage = ({ data }: { data: { id: number } }) => {
        if (data.id !== id) return;
        clearTimeout(timer);
        current.off('message', onMessage);
        resolve(data);
      };
      current.on('message', onMessage);
      current.postMessage({ id, ...request });
    });
  };
  const workspacePath = async () => (await call({ type: 'query', path: 'system.workspace.info', input: undefined })).data?.path;

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
    for (let i = 0; i < 300 && fake.state.windows.length === 0; i++) await settle();
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

    it('runs the core in a utility process of its own, forked from the shipped core entry', () => {
      expect(fake.state.utilityProcesses).toHaveLength(1);
      const core = fake.state.utilityProcesses[0]!;
      expect(core.pid).toBeGreaterThan(0);
      expect(core.pid).not.toBe(process.pid);
      expect(path.basename(core.entry)).toMatch(/^core(-process)?\.(mjs|ts)$/);
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
      // DevTools in a development build only.
      expect(win.options.webPreferences.devTools).toBe(true);
      expect(win.loads).toEqual(['app://rapport/index.html']);
      expect(win.title).toBe('rapport.db — Rapport');
      expect(fake.state.errorBoxes).toEqual([]);
    });

    it('sets the strict CSP header on responses, replacing any other', () => {
      expect(fake.state.csp).toHaveLength(1);
      expect(fake.state.csp[0]).toContain("script-src 'self'");
      expect(fake.state.csp[0]).not.toContain('default-src *');
    });

    it('serves the renderer from app://rapport with the strict CSP header, and nothing outside it', async () => {
      expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
      const handler = fake.state.protocolHandlers.get('app');
      if (!handler) throw new Error('no app:// handler');
      const page = await handler({ url: 'app://rapport/index.html' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(await page.text()).toContain('<div id="root">');
      for (const url of ['app://rapport/../../user-data/recent.json', 'app://rapport/%2e%2e/%2e%2e/user-data/recent.json', 'app://other/index.html']) {
        expect((await handler({ url })).status, url).toBe(404);
      }
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

    it('hands our page a port to the core, answering API calls there, and refuses foreign senders', async () => {
      const info = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(info.ok).toBe(true);
      expect(info.data.path).toBe(path.join(fake.state.userData, 'rapport.db'));
      const invalid = await call({ type: 'mutation', path: 'people.contacts.create', input: { name: '' } });
      expect(invalid).toMatchObject({ ok: false, error: { data: { rapport: { code: 'VALIDATION' } } } });
      expect(await askForPort('https://evil.example/')).toBeUndefined();
      expect(await askForPort('file:///etc/passwd')).toBeUndefined();
      expect(await askForPort(ownUrl, { url: ownUrl })).toBeUndefined();
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
      const boxes = fake.state.messageBoxes.length;
      (menuItem(/Open Database/).click as () => void)();
      await vi.waitFor(() => expect(fake.state.messageBoxes.length).toBeGreaterThan(boxes), { timeout: 10_000 });
      const box = fake.state.messageBoxes.at(-1);
      expect(box?.title).toBe('Not a Rapport database');
      expect(box?.message).toMatch(/not a Rapport database/);
      expect(fs.readFileSync(foreign, 'utf8')).toBe('Dear customer, …');
      expect(await workspacePath()).toBe(path.join(fake.state.userData, 'rapport.db'));
    });

    it('creates another database, swaps the core and reloads the renderer', async () => {
      const other = path.join(root, 'shop', 'Branch');
      fs.mkdirSync(path.dirname(other), { recursive: true });
      fake.state.nextSavePath = other;
      (menuItem(/New Database/).click as () => void)();
      const win = fake.state.windows[0];
      await vi.waitFor(() => expect(win.loads).toHaveLength(2), { timeout: 10_000 });
      expect(await workspacePath()).toBe(`${other}.db`);
      expect(win.title).toBe('Branch.db — Rapport');
      const recent = menuItem(/Open &Recent/).submenu as MenuItemConstructorOptions[];
      expect(recent.map((item) => item.sublabel).filter(Boolean)).toEqual([`${other}.db`, path.join(fake.state.userData, 'rapport.db')]);
    });

    it('opens a recent database again from the menu', async () => {
      const recent = menuItem(/Open &Recent/).submenu as MenuItemConstructorOptions[];
      const first = recent.find((item) => item.sublabel === path.join(fake.state.userData, 'rapport.db'));
      (first?.click as () => void)();
      await vi.waitFor(async () => expect(await workspacePath()).toBe(path.join(fake.state.userData, 'rapport.db')), { timeout: 10_000 });
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
        await vi.waitFor(() => expect(menuItem(/Shared by Several PCs/)).toMatchObject({ checked: true }), { timeout: 10_000 });
      } finally {
        fake.electron.dialog.showMessageBox = showMessageBox;
      }
      const after = await call({ type: 'query', path: 'system.workspace.info', input: undefined });
      expect(after.data).toMatchObject({ path: before.data.path, shared: true, journalMode: 'delete' });
      expect(menuItem(/Shared by Several PCs/)).toMatchObject({ checked: true, enabled: false });
    });

    it('restarts a core process that died, on the same file, and reloads the window onto it', async () => {
      const first = fake.state.utilityProcesses[0]!;
      const before = await workspacePath();
      const win = fake.state.windows[0];
      const loads = win.loads.length;
      first.child.kill('SIGKILL');
      await vi.waitFor(() => expect(win.loads.length).toBe(loads + 1), { timeout: 15_000 });
      expect(fake.state.utilityProcesses).toHaveLength(2);
      expect(fake.state.utilityProcesses[1]!.pid).not.toBe(first.pid);
      // The reloaded page asks for a new port, to the new core.
      port = undefined;
      expect(await workspacePath()).toBe(before);
      expect(fake.state.errorBoxes).toEqual([]);
    });

    it('remembers the window bounds when the window closes', () => {
      fake.state.windows[0].emit('close');
      const saved = JSON.parse(fs.readFileSync(path.join(fake.state.userData, 'window-state.json'), 'utf8'));
      expect(saved).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
    });

    it('closes the workspace on quit: the core process ends', async () => {
      const core = fake.state.utilityProcesses.at(-1)!;
      fake.app.emit('will-quit');
      await vi.waitFor(() => expect(core.exitCode).not.toBeNull(), { timeout: 10_000 });
    });
  });
}
