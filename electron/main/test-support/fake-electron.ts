/**
 * A stand-in for the `electron` module, enough for the main process to start, open windows,
 * register IPC, build menus and show dialogs in plain Node. Tests read and steer it through `state`.
 * `utilityProcess.fork` forks a real Node child (child_process.fork with an IPC channel) running
 * the real core entry, and MessageChannelMain is emulated: a port transferred to the child is
 * relayed over the child's IPC channel as that port's session, so main's code runs for real.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter as Emitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import { execArgvFor } from '../../../db/api/core-client';

/** MessagePortMain: `postMessage` delivers to the other end's 'message' listeners as `{ data, ports }`. */
export class FakeMessagePort extends Emitter {
  peer: FakeMessagePort | undefined;
  closed = false;
  postMessage(data: unknown) {
    if (this.closed) return;
    const peer = this.peer;
    // Asynchronous, as a real port is.
    setImmediate(() => peer?.emit('message', { data, ports: [] }));
  }
  start() {}
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
    if (this.peer && !this.peer.closed) this.peer.close();
  }
}

export class FakeMessageChannelMain {
  port1 = new FakeMessagePort();
  port2 = new FakeMessagePort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

/** A UtilityProcess backed by a real Node child process running the same core entry. */
export class FakeUtilityProcess extends Emitter {
  readonly child: ChildProcess;
  /**
   * A port's calls cross the one channel under ids of their own (negative, unlike main's), so an answer
   * goes back to the port that asked, and main's own calls as a window's session reach main.
   */
  private readonly relayed = new Map<number, { port: FakeMessagePort; id: number }>();
  private nextRelayId = -1;
  exitCode: number | null = null;
  constructor(
    readonly entry: string,
    readonly options: unknown,
  ) {
    super();
    this.child = fork(entry, [], { execArgv: execArgvFor(entry), serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: { id?: number; session?: string }) => {
      const relay = typeof message?.id === 'number' ? this.relayed.get(message.id) : undefined;
      if (relay) {
        this.relayed.delete(message.id!);
        const { session: _session, ...reply } = message;
        relay.port.postMessage({ ...reply, id: relay.id });
      } else this.emit('message', message);
    });
    this.child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 1 : 0);
      this.emit('exit', this.exitCode);
    });
  }
  get pid() {
    return this.child.pid;
  }
  postMessage(message: { type?: string; op?: string; session?: string }, transfer?: FakeMessagePort[]) {
    const port = transfer?.[0];
    if (port && message.type === 'control' && message.op === 'connect' && message.session) {
      // What the core does with a real port, done here over the child's one channel.
      const session = message.session;
      port.on('message', ({ data }: { data: { id?: unknown } }) => {
        if (!this.child.connected) return;
        const relayId = this.nextRelayId--;
        this.relayed.set(relayId, { port, id: data.id as number });
        this.child.send({ ...data, id: relayId, session });
      });
    }
    if (this.child.connected) this.child.send(message);
  }
  kill() {
    return this.child.kill('SIGTERM');
  }
}

export function createFakeElectron() {
  const state = {
    appPath: '',
    userData: '',
    handlers: new Map<string, (...args: any[]) => unknown>(),
    listeners: new Map<string, (...args: any[]) => unknown>(),
    utilityProcesses: [] as FakeUtilityProcess[],
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: { url: string }) => Response | Promise<Response>>(),
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

  let nextContentsId = 1;
  class FakeWebContents extends Emitter {
    id = nextContentsId++;
    /** Messages main posted to the page, with the ports they carried. */
    posted: { channel: string; message: unknown; ports: FakeMessagePort[] }[] = [];
    postMessage(channel: string, message: unknown, ports: FakeMessagePort[] = []) {
      this.posted.push({ channel, message, ports });
    }
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
      ipcMain: {
        handle: (channel: string, handler: (...args: any[]) => unknown) => state.handlers.set(channel, handler),
        on: (channel: string, listener: (...args: any[]) => unknown) => state.listeners.set(channel, listener),
      },
      utilityProcess: {
        fork: (entry: string, _args: string[], options: unknown) => {
          const child = new FakeUtilityProcess(entry, options);
          state.utilityProcesses.push(child);
          return child;
        },
      },
      MessageChannelMain: FakeMessageChannelMain,
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => state.privilegedSchemes.push(...schemes),
        handle: (scheme: string, handler: (request: { url: string }) => Response | Promise<Response>) => state.protocolHandlers.set(scheme, handler),
      },
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
