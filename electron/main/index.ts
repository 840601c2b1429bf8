/**
 * Rapport's Electron main process: one window on one workspace. It owns the native parts (window,
 * menu, file dialogs, notifications) and forks the core (db/api/core-process) in a utilityProcess;
 * each page load gets a MessagePort straight to it, so API calls never pass through main and a lock
 * wait in the core freezes no window or menu. Main never touches SQLite: it only decides which
 * workspace the core opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  type IpcMainEvent,
  nativeTheme,
  screen,
  session,
  shell,
  type MessageBoxOptions,
  type MessageBoxReturnValue,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { CoreClient } from '../../db/api/core-client';
import { defaultWorkspacePath, type CoreOpenOptions, type CoreStatus } from '../../db/api/core-protocol';
import { isTrustedRendererUrl } from '../ipc/sender';
import { APP_INDEX_URL } from '../shared/app-protocol';
import { RENDERER_CSP, devServerCsp } from '../shared/csp';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { PORT_REQUEST_CHANNEL, createPortGrant, forkCoreUtility } from './core-host';
import { buildMenuTemplate } from './menu';
import { describeOpenError } from './open-errors';
import { DATABASE_EXTENSIONS, databaseFromArgv, resolveAppPaths } from './paths';
import { RecentFiles } from './recent';
import { coreAsWindowSession, startReminderNotifier } from './reminders';
import { hardenSession, hardenWebContents } from './security';
import { MIN_SIZE, loadWindowState, placeWindow, saveWindowState } from './window-state';

if (process.env.RAPPORT_USER_DATA) app.setPath('userData', path.resolve(process.env.RAPPORT_USER_DATA));

const paths = resolveAppPaths({
  appPath: app.getAppPath(),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  env: process.env,
});
const trustedRenderer = { devServerUrl: paths.devServerUrl };

/** The core process (forked at start, restarted if it dies). */
let coreProcess: CoreClient | undefined;
/** The workspace the core has open, as it reported it; undefined while none is. */
let core: CoreStatus | undefined;
let quitting = false;
let mainWindow: BrowserWindow | undefined;
/** A file the OS asked us to open before the app was ready (macOS `open-file`). */
let pendingFile: string | undefined;
let recent: RecentFiles;

if (!app.requestSingleInstanceLock()) {
  // Another Rapport is running: it receives our argv through 'second-instance' and we leave.
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const file = databaseFromArgv(argv, workingDirectory);
    if (file) void openExisting(file);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openExisting(file);
    else pendingFile = file;
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => isTrustedRendererUrl(url, trustedRenderer)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) createWindow();
  });
  app.on('will-quit', () => {
    quitting = true;
    closeCore();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Rapport could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  recent = new RecentFiles(app.getPath('userData'));
  hardenSession(session.defaultSession, paths.devServerUrl ? devServerCsp(paths.devServerUrl) : RENDERER_CSP);
  handleAppProtocol(paths.rendererIndex, RENDERER_CSP);
  const grantPort = createPortGrant(() => coreProcess, {
    ...trustedRenderer,
    onRefused: (reason, { url }) => console.warn(`[rapport] refused a connection to the core (${reason}) from ${url ?? 'a destroyed frame'}`),
  });
  ipcMain.on(PORT_REQUEST_CHANNEL, (event: IpcMainEvent) => void grantPort(event));
  refreshMenu();
  await startCoreProcess();

  const opened = await openInitialWorkspace();
  if (!opened) {
    app.quit();
    return;
  }
  createWindow();
  // Due task reminders become desktop notifications; a click opens Today. Main asks the core as
  // the main window's session, so the core takes the signed-in person's due tasks.
  startReminderNotifier({
    getCore: coreAsWindowSession(
      () => (core ? coreProcess : undefined),
      () => (mainWindow && !mainWindow.isDestroyed() ? grantPort.sessionOf(mainWindow.webContents.id) : undefined),
    ),
    getWindow: () => mainWindow,
  });
}

const MAX_CORE_RESTARTS = 3;
let coreRestarts = 0;

/** Forks the core; if it dies later (not at quit), says so, starts another on the same file and reloads the window. */
async function startCoreProcess(): Promise<void> {
  const started = forkCoreUtility(paths.coreEntry);
  coreProcess = started;
  started.onUnexpectedStop((error) => {
    if (quitting || coreProcess !== started) return;
    const file = core?.file;
    core = undefined;
    console.error(`[rapport] ${error.message}`);
    if (++coreRestarts > MAX_CORE_RESTARTS) {
      dialog.showErrorBox('Rapport stopped working', `${error.message}\n\nIt stopped several times, so Rapport quits. Your saved data is in the database file.`);
      app.quit();
      return;
    }
    void startCoreProcess()
      .then(async () => {
        const reopened = file ? await tryOpen(file, false) : undefined;
        if (reopened) adopt(reopened);
        else refreshMenu();
        if (mainWindow && !mainWindow.isDestroyed()) void loadRenderer(mainWindow);
      })
      .catch((restartError: unknown) => dialog.showErrorBox('Rapport stopped working', String(restartError)));
  });
  await started.ready;
}

/**
 * Which workspace to open at start: one named on the command line (or by the OS), else the one
 * open when Rapport last closed, else the default `rapport.db` in the user-data folder (created on
 * first start). When none of those opens, the user picks another file or creates one, or quits.
 */
async function openInitialWorkspace(): Promise<boolean> {
  const requested = pendingFile ?? databaseFromArgv(process.argv, process.cwd());
  pendingFile = undefined;
  const remembered = recent.last && fs.existsSync(recent.last) ? recent.last : undefined;
  // A file named with --db is created when missing, as the browser host does; the remembered one must exist.
  for (const [file, create] of [
    [requested, true],
    [remembered, false],
  ] as const) {
    if (!file) continue;
    const next = await tryOpen(file, create);
    if (next) return adopt(next);
  }
  const defaultFile = defaultWorkspacePath(app.getPath('userData'));
  const fallback = await tryOpen(defaultFile, true);
  if (fallback) return adopt(fallback);

  for (;;) {
    const { response } = await messageBox({
      type: 'question',
      title: 'Rapport',
      message: 'Rapport needs a database to start.',
      detail: 'Open another Rapport database, or create a new one.',
      buttons: ['Open Database…', 'New Database…', 'Quit'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 2) return false;
    const file = response === 0 ? await askOpenPath() : await askNewPath();
    if (!file) continue;
    const next = await tryOpen(file, response === 1);
    if (next) return adopt(next);
  }
}

function adopt(next: CoreStatus): true {
  core = next;
  recent.opened(next.file);
  app.addRecentDocument(next.file);
  refreshMenu();
  return true;
}

/** Asks the core to open a file; the one open before closes only once this one opened. */
function openInCore(file: string, options: CoreOpenOptions, closeFirst = false): Promise<CoreStatus> {
  if (!coreProcess) return Promise.reject(Object.assign(new Error('The Rapport core is not running.'), { code: 'BUSY' }));
  return coreProcess.open(file, { migrationsDir: paths.migrationsDir, ...options }, closeFirst);
}

/** Opens a workspace, or shows the core's reason (NOT_RAPPORT, SCHEMA_TOO_NEW, CORRUPT, UNSAFE_SHARE…). */
async function tryOpen(file: string, create: boolean): Promise<CoreStatus | undefined> {
  try {
    return await openInCore(file, { create });
  } catch (error) {
    const text = describeOpenError(error, file);
    await messageBox({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: ['OK'],
      noLink: true,
    });
    return undefined;
  }
}

/**
 * Swaps the open workspace: the core opens the new file first, so a refusal leaves the current one
 * in place; then it closes the old one and the renderer starts afresh on the new data.
 */
async function switchTo(file: string, create: boolean): Promise<void> {
  if (core && samePath(core.file, path.resolve(file))) {
    focusWindow();
    return;
  }
  const next = await tryOpen(file, create);
  if (!next) return;
  adopt(next);
  if (mainWindow && !mainWindow.isDestroyed()) {
    updateTitle(mainWindow);
    void loadRenderer(mainWindow);
  } else {
    createWindow();
  }
}

async function openExisting(file: string): Promise<void> {
  if (!fs.existsSync(file)) {
    const { response } = await messageBox({
      type: 'warning',
      title: 'Database not found',
      message: `${path.basename(file)} is no longer where it was.`,
      detail: `${file}\n\nIt may have been moved or deleted, or the network folder holding it is not connected.`,
      buttons: ['Remove from Recent', 'Keep'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) {
      recent.remove(file);
      refreshMenu();
    }
    return;
  }
  await switchTo(file, false);
}

async function newDatabase(): Promise<void> {
  const file = await askNewPath();
  if (!file) return;
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    const { response } = await messageBox({
      type: 'question',
      title: 'File already exists',
      message: `${path.basename(file)} already exists.`,
      detail: 'Rapport never replaces an existing file. Open it instead?',
      buttons: ['Open It', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) await switchTo(file, false);
    return;
  }
  await switchTo(file, true);
}

async function openDatabase(): Promise<void> {
  const file = await askOpenPath();
  if (file) await switchTo(file, false);
}

async function askOpenPath(): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: 'Open Database',
    buttonLabel: 'Open',
    defaultPath: core ? path.dirname(core.file) : app.getPath('documents'),
    properties: ['openFile'],
    filters: [
      { name: 'Rapport database', extensions: [...DATABASE_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

async function askNewPath(): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title: 'New Database',
    buttonLabel: 'Create',
    defaultPath: path.join(app.getPath('documents'), 'Rapport.db'),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: [{ name: 'Rapport database', extensions: ['db'] }],
  };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return undefined;
  return path.extname(result.filePath) ? result.filePath : `${result.filePath}.db`;
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const placement = placeWindow(
    state.bounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const win = new BrowserWindow({
    ...placement,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Rapport',
    // The taskbar and window icon on Windows and Linux (macOS takes the bundle's).
    icon: path.join(path.dirname(paths.rendererIndex), 'icon.png'),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111827' : '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // DevTools only while developing; a packaged app has none.
      devTools: !app.isPackaged,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    try {
      saveWindowState(userData, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // An unwritable profile folder only means the size is not remembered.
    }
  };
  const rememberSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(remember, 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);
  win.on('maximize', rememberSoon);
  win.on('unmaximize', rememberSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    remember();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.on('page-title-updated', (event) => {
    event.preventDefault();
    updateTitle(win);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'Rapport',
        message: 'The Rapport window stopped unexpectedly.',
        detail: `Reason: ${details.reason}. Your saved data is safe in the database.`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => (response === 0 ? loadRenderer(win) : app.quit()));
  });

  updateTitle(win);
  void loadRenderer(win);
  return win;
}

async function loadRenderer(win: BrowserWindow): Promise<void> {
  try {
    if (paths.devServerUrl) {
      await win.loadURL(paths.devServerUrl);
    } else {
      if (!fs.existsSync(paths.rendererIndex)) {
        throw new Error(`The renderer is not built (${paths.rendererIndex} is missing). Run \`npm run build\`.`);
      }
      await win.loadURL(APP_INDEX_URL);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/ERR_ABORTED/.test(message)) return; // superseded by a newer load
    dialog.showErrorBox('Rapport could not load its window', message);
  }
}

function updateTitle(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  win.setTitle(core ? `${path.basename(core.file)} — Rapport` : 'Rapport');
  if (core && process.platform === 'darwin') win.setRepresentedFilename(core.file);
}

function refreshMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    recent: recent?.files ?? [],
    currentFile: core?.file ?? null,
    currentShared: core?.shared ?? false,
    devTools: !app.isPackaged,
    actions: {
      newDatabase: () => void newDatabase(),
      openDatabase: () => void openDatabase(),
      openRecent: (file) => void openExisting(file),
      clearRecent: () => {
        recent.clear();
        app.clearRecentDocuments();
        refreshMenu();
      },
      showDatabaseInFolder: () => {
        if (core) shell.showItemInFolder(core.file);
      },
      showBackupsFolder: () => void showBackupsFolder(),
      markShared: () => void markShared(),
      about: () => void showAbout(),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Marks the open workspace as shared by several PCs: reopened with a rollback journal and full
 * sync (WAL cannot work over a network share). The file has to be reopened for the journal mode
 * to change, so the current connection closes first; if the shared open is refused (for example
 * the folder's locks do not work), the file is reopened as it was.
 */
async function markShared(): Promise<void> {
  if (!core || core.shared) return;
  const file = core.file;
  const { response } = await messageBox({
    type: 'question',
    title: 'Share this database',
    message: `Use ${path.basename(file)} from several PCs?`,
    detail:
      'Put the file in a folder that the other PCs reach over the office network, then open it there with File → Open Database…. ' +
      'Rapport switches the file to a journal that is safe on network folders. This cannot be undone.',
    buttons: ['Share', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return;
  let next: CoreStatus | undefined;
  try {
    // The journal mode changes only on a fresh connection: the core closes the file, then reopens it shared.
    next = await openInCore(file, { create: false, markShared: true }, true);
  } catch (error) {
    core = undefined;
    const text = describeOpenError(error, file);
    await messageBox({ type: 'error', title: text.title, message: text.message, detail: text.detail, buttons: ['OK'], noLink: true });
    next = await tryOpen(file, false);
  }
  if (next) adopt(next);
  else refreshMenu();
  if (mainWindow && !mainWindow.isDestroyed()) {
    updateTitle(mainWindow);
    void loadRenderer(mainWindow);
  }
}

async function showBackupsFolder(): Promise<void> {
  if (!core) return;
  const dir = path.join(path.dirname(core.file), 'backups');
  if (!fs.existsSync(dir)) {
    await messageBox({ type: 'info', title: 'Backups', message: 'No backups have been made yet.', detail: dir, buttons: ['OK'] });
    return;
  }
  const failure = await shell.openPath(dir);
  if (failure) dialog.showErrorBox('Backups', failure);
}

async function showAbout(): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: `About ${app.name}`,
    message: `${app.name} ${app.getVersion()}`,
    detail: [
      'A desktop CRM for small shops: contacts, sales, campaigns and service in one database file.',
      '',
      `Database: ${core?.file ?? 'none'}${core?.shared ? ' (shared)' : ''}`,
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  await messageBox(options);
}

/** A message box attached to the window when there is one (a sheet on macOS), free-standing otherwise. */
function messageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
  return mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** At quit: the core closes the workspace and its process ends. */
function closeCore(): void {
  const current = coreProcess;
  core = undefined;
  coreProcess = undefined;
  current?.close().catch((error: unknown) => console.warn(`[rapport] closing the database failed: ${String(error)}`));
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
