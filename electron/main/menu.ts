import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newDatabase(): void;
  openDatabase(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  showDatabaseInFolder(): void;
  showBackupsFolder(): void;
  markShared(): void;
  about(): void;
}

export interface MenuModel {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  currentFile: string | null;
  /** Whether the open workspace is marked shared (several PCs, rollback journal). */
  currentShared: boolean;
  /** Offer Toggle Developer Tools (development builds only; default true, as before). */
  devTools?: boolean;
  actions: MenuActions;
}

/**
 * The native menu as a template (no Electron runtime needed, so it is unit-tested): File with
 * New / Open / Open Recent, Edit, View (reload, devtools, zoom, full screen), Window, Help.
 */
export function buildMenuTemplate(model: MenuModel): MenuItemConstructorOptions[] {
  const { actions, platform } = model;
  const mac = platform === 'darwin';

  const recentItems: MenuItemConstructorOptions[] = model.recent.length
    ? [
        ...model.recent.map(
          (file, index): MenuItemConstructorOptions => ({
            label: `${index < 9 ? `&${index + 1} ` : ''}${escapeMnemonic(path.basename(file))}`,
            sublabel: file,
            toolTip: file,
            click: () => actions.openRecent(file),
          }),
        ),
        { type: 'separator' },
        { label: 'Clear Recently Opened', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Databases', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New Database…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newDatabase() },
      { label: '&Open Database…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDatabase() },
      { label: 'Open &Recent', submenu: recentItems },
      { type: 'separator' },
      {
        label: 'Shared by Several PCs',
        type: 'checkbox',
        checked: model.currentShared,
        // A shared file stays shared: switching it back to WAL while other PCs use it would corrupt it.
        enabled: model.currentFile !== null && !model.currentShared,
        click: () => actions.markShared(),
      },
      {
        label: mac ? 'Reveal Database in Finder' : 'Show Database in Folder',
        enabled: model.currentFile !== null,
        click: () => actions.showDatabaseInFolder(),
      },
      { label: 'Show Backups Folder', enabled: model.currentFile !== null, click: () => actions.showBackupsFolder() },
      ...(mac
        ? [{ type: 'separator' } as const, { role: 'close' } as const]
        : [{ type: 'separator' } as const, { label: 'E&xit', role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(model.devTools === false ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: `&About ${model.appName}`, click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: model.appName,
    submenu: [
      { label: `About ${model.appName}`, click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, windowMenu, help];
}

/** A file name containing `&` would otherwise turn the next letter into a mnemonic. */
function escapeMnemonic(label: string): string {
  return label.replace(/&/g, '&&');
}
