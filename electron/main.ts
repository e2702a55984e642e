import path from 'node:path';
import * as electron from 'electron';
import type {
  BrowserWindow as BrowserWindowType,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { LOCKED_CHANNEL, PROGRESS_CHANNEL } from '../shared/channels';
import type { ProgressEvent } from '../shared/progress';
import { createEngine, type Engine } from './core/engine';
import type { EnginePorts, PathPurpose } from './core/session';
import { registerCallHandler } from './ipc';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  hardenApp,
  hardenSession,
  type SecurityOptions,
} from './security';

/**
 * The app's lifecycle, thin on purpose: it wires the engine to the window and to the operating system and
 * computes nothing. Each piece takes the Electron modules it uses, so the unit tests drive it with fakes.
 */

export type ElectronMain = Pick<
  typeof electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'powerMonitor' | 'protocol' | 'session'
>;

const PROJECT_FILTERS = [{ name: 'Confidant project', extensions: ['confidant'] }];
const VAULT_FILTERS = [{ name: 'Confidant re-identification vault', extensions: ['confidant-vault'] }];

/** The dialog each purpose needs: a save dialog to create or back up, an open dialog to open or import. */
export function dialogFor(
  purpose: PathPurpose,
  today = new Date(),
): { kind: 'save'; options: SaveDialogOptions } | { kind: 'open'; options: OpenDialogOptions } {
  switch (purpose) {
    case 'create':
      return {
        kind: 'save',
        options: {
          title: 'Create a project',
          buttonLabel: 'Create',
          defaultPath: 'Evaluation.confidant',
          filters: PROJECT_FILTERS,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      };
    case 'backup':
      return {
        kind: 'save',
        options: {
          title: 'Back up the project',
          buttonLabel: 'Back up',
          defaultPath: `Backup ${today.toISOString().slice(0, 10)}.confidant`,
          filters: PROJECT_FILTERS,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      };
    case 'open':
      return {
        kind: 'open',
        options: {
          title: 'Open a project',
          buttonLabel: 'Open',
          filters: PROJECT_FILTERS,
          properties: ['openFile'],
        },
      };
    case 'import':
      return {
        kind: 'open',
        options: {
          title: 'Choose a file to import',
          buttonLabel: 'Choose',
          filters: [
            { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'sav'] },
            { name: 'Transcripts, journals and notes', extensions: ['txt', 'docx', 'vtt', 'srt'] },
            { name: 'All files', extensions: ['*'] },
          ],
          properties: ['openFile'],
        },
      };
    case 'createVault':
      return {
        kind: 'save',
        options: {
          title: 'Create a re-identification vault',
          buttonLabel: 'Create',
          defaultPath: 'Re-identification.confidant-vault',
          filters: VAULT_FILTERS,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      };
    case 'openVault':
      return {
        kind: 'open',
        options: {
          title: 'Unlock a re-identification vault',
          buttonLabel: 'Choose',
          filters: VAULT_FILTERS,
          properties: ['openFile'],
        },
      };
  }
}

/** Shows the purpose's dialog (attached to the window when there is one); null when cancelled. */
export async function choosePath(
  dialog: Pick<typeof electron.dialog, 'showSaveDialog' | 'showOpenDialog'>,
  window: BrowserWindowType | null,
  purpose: PathPurpose,
): Promise<string | null> {
  const wanted = dialogFor(purpose);
  if (wanted.kind === 'save') {
    const result = window
      ? await dialog.showSaveDialog(window, wanted.options)
      : await dialog.showSaveDialog(wanted.options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const result = window
    ? await dialog.showOpenDialog(window, wanted.options)
    : await dialog.showOpenDialog(wanted.options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Locks the project when the screen locks, the machine sleeps or shuts down; returns the unsubscriber. */
export function lockWithSystem(
  powerMonitor: Pick<typeof electron.powerMonitor, 'on' | 'off'>,
  lock: () => void,
): () => void {
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  powerMonitor.on('shutdown', lock);
  return () => {
    powerMonitor.off('lock-screen', lock);
    powerMonitor.off('suspend', lock);
    powerMonitor.off('shutdown', lock);
  };
}

/** The menu: editing and window keys only; reload and DevTools exist only while developing. */
export function menuTemplate(platform: NodeJS.Platform, developing: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({ role: 'editMenu' });
  if (developing) {
    template.push({
      label: 'Develop',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  template.push({ role: 'windowMenu' });
  return template;
}

export interface Shell {
  engine: Engine;
  /** The WebContents ids of the windows we created: the only senders ipc.ts trusts. */
  ourWebContents: Set<number>;
  createWindow: () => BrowserWindowType;
  windows: () => BrowserWindowType[];
}

/**
 * Everything that must happen before the app is ready (privileged scheme, sandbox, hardening hooks), then on
 * ready: the session walls, app://, the engine, the call channel, auto-lock wiring, the window.
 * Returns null when another instance already runs (that one gets focused instead).
 */
export function startApp(modules: ElectronMain, rendererRoot?: string): Promise<Shell> | null {
  const { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session } = modules;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const developing = !app.isPackaged;
  const security: SecurityOptions = { allowDevTools: developing };
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  hardenApp(app, security);

  const ourWebContents = new Set<number>();
  const windows = new Set<BrowserWindowType>();
  const send = (channel: string, payload?: ProgressEvent) => {
    for (const window of windows) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    }
  };
  let engine: Engine | undefined;
  const lock = () => engine?.session.lock(true);

  app.on('second-instance', () => {
    const [window] = windows;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    engine?.session.lock();
  });

  const createWindow = (): BrowserWindowType => {
    const window = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Confidant',
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: exposes only the ConfidantBridge (preload.ts)
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        devTools: developing,
      },
    });
    const id = window.webContents.id;
    ourWebContents.add(id);
    windows.add(window);
    window.on('closed', () => {
      ourWebContents.delete(id);
      windows.delete(window);
    });
    // Windows ends the session (shutdown, restart, log off) through the window rather than powerMonitor.
    window.on('session-end', lock);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(APP_ENTRY_URL);
    return window;
  };

  return app.whenReady().then(() => {
    hardenSession(session.defaultSession, security);
    const root = rendererRoot ?? path.join(app.getAppPath(), 'dist', 'renderer');
    session.defaultSession.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root }));

    const ports: EnginePorts = {
      choosePath: (purpose) => {
        const [window] = windows;
        return choosePath(dialog, window ?? null, purpose);
      },
      settingsDir: app.getPath('userData'),
      actor: 'app',
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      onProgress: (event) => send(PROGRESS_CHANNEL, event),
      onLocked: () => send(LOCKED_CHANNEL),
    };
    engine = createEngine(ports);
    const { call } = engine;
    registerCallHandler(ipcMain, { call, isOurWebContents: (id) => ourWebContents.has(id) });
    lockWithSystem(powerMonitor, lock);

    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, developing)));
    createWindow();
    return {
      engine,
      ourWebContents,
      createWindow,
      windows: () => [...windows],
    };
  });
}

// Only inside Electron's main process; the unit tests import this module and call startApp with fakes.
if (process.type === 'browser') {
  void startApp(electron)?.catch((error: unknown) => {
    console.error(error);
    electron.app.exit(1);
  });
}
