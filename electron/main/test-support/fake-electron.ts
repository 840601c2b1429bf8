/**
 * A stand-in for the `electron` module, enough for the main process to start, open windows,
 * register IPC, build menus and show dialogs in plain Node. Tests read and steer it through `state`.
 */
import { EventEmitter as Emitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

export function createFakeElectron() {
  const state = {
    appPath: '',
    userData: '',
    handlers: new Map<string, (...args: any[]) => unknown>(),
    windows: [] as any[],
    menus: [] as MenuItemConstructorOptions[][],
    messageBoxes: [] as { title?: string; message: string; type?: string }[],
    errorBoxes: [] as string[],
    nextOpenPath: undefined as string | undefined,
    nextSavePath: undefined as string | undefined,
    sandboxEnabled: false,
    lockRequested: false,
    csp: [] as string[],
    recentDocs: [] as string[],
    notifications: [] as any[],
  };

  class FakeApp extends Emitter {
    isPackaged = false;
    name = 'Rapport';
    private ready = false;
    private readyResolvers: (() => void)[] = [];
    getAppPath() {
      return state.appPath;
    }
    getPath(name: string) {
      if (name === 'userData') return state.userData;
      return path.join(state.userData, name);
    }
    setPath(name: string, value: string) {
      if (name === 'userData') state.userData = value;
    }
    getVersion() {
      return '0.1.0';
    }
    requestSingleInstanceLock() {
      state.lockRequested = true;
      return true;
    }
    enableSandbox() {
      state.sandboxEnabled = true;
    }
    isReady() {
      return this.ready;
    }
    whenReady() {
      return new Promise<void>((resolve) => (this.ready ? resolve() : this.readyResolvers.push(resolve)));
    }
    fireReady() {
      this.ready = true;
      for (const resolve of this.readyResolvers.splice(0)) resolve();
    }
    addRecentDocument(file: string) {
      state.recentDocs.push(file);
    }
    clearRecentDocuments() {
      state.recentDocs = [];
    }
    quit() {
      this.emit('will-quit');
    }
    exit() {}
  }

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static getAllWindows() {
      return state.windows.filter((w: FakeBrowserWindow) => !w.destroyed);
    }
    options: any;
    webContents = new FakeWebContents();
    loads: string[] = [];
    title = '';
    destroyed = false;
    constructor(options: any) {
      super();
      this.options = options;
      state.windows.push(this);
      const app = (globalThis as any).__fakeApp as FakeApp;
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loads.push(pathToFileURL(file).href);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loads.push(url);
      return Promise.resolve();
    }
    setTitle(title: string) {
      this.title = title;
    }
    setRepresentedFilename() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    maximize() {}
    restore() {}
    show() {}
    focus() {}
  }

  class FakeNotification extends Emitter {
    static isSupported() {
      return true;
    }
    options: { title: string; body?: string };
    shown = false;
    constructor(options: { title: string; body?: string }) {
      super();
      this.options = options;
      state.notifications.push(this);
    }
    show() {
      this.shown = true;
    }
  }

  const app = new FakeApp();
  (globalThis as any).__fakeApp = app;

  return {
    state,
    app,
    BrowserWindow: FakeBrowserWindow,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Menu: {
        buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
          state.menus.push(template);
          return { template };
        },
        setApplicationMenu: () => undefined,
      },
      ipcMain: { handle: (channel: string, handler: (...args: any[]) => unknown) => state.handlers.set(channel, handler) },
      dialog: {
        showMessageBox: async (...args: any[]) => {
          const options = args.length > 1 ? args[1] : args[0];
          state.messageBoxes.push(options);
          return { response: options.cancelId ?? 0, checkboxChecked: false };
        },
        showErrorBox: (title: string, content: string) => state.errorBoxes.push(`${title}: ${content}`),
        showOpenDialog: async () => ({ canceled: !state.nextOpenPath, filePaths: state.nextOpenPath ? [state.nextOpenPath] : [] }),
        showSaveDialog: async () => ({ canceled: !state.nextSavePath, filePath: state.nextSavePath }),
      },
      Notification: FakeNotification,
      nativeTheme: { shouldUseDarkColors: false },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: {
        defaultSession: {
          webRequest: {
            onHeadersReceived: (listener: (details: any, callback: (response: any) => void) => void) => {
              listener({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (response) =>
                state.csp.push(...(response.responseHeaders['Content-Security-Policy'] as string[])),
              );
            },
          },
          setPermissionRequestHandler: () => undefined,
          setPermissionCheckHandler: () => undefined,
          on: () => undefined,
        },
      },
      shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: () => undefined, openPath: async () => '' },
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
