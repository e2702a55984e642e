import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, LOCKED_CHANNEL, PROGRESS_CHANNEL } from '../../shared/channels';
import type { CallOutcome } from '../../shared/api';
import type { CallEvent } from '../../electron/ipc';
import {
  choosePath,
  dialogFor,
  lockWithSystem,
  menuTemplate,
  startApp,
  type ElectronMain,
  type Shell,
} from '../../electron/main';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../electron/security';
import { FakeSession, FakeWebContents } from './fakes';

// main.ts starts the app only inside Electron's main process; here it is imported for its parts, and the real
// 'electron' module (which would try to download the binary) is never loaded.
vi.mock('electron', () => ({}));

const PASSPHRASE = 'correct horse battery staple';

class FakeApp extends EventEmitter {
  log: string[];
  isPackaged = true;
  quitCalled = false;
  private markReady: () => void = () => {};
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  constructor(
    log: string[],
    private readonly dir: string,
    private readonly lockGranted = true,
  ) {
    super();
    this.log = log;
  }
  requestSingleInstanceLock() {
    return this.lockGranted;
  }
  quit() {
    this.quitCalled = true;
  }
  exit() {}
  enableSandbox() {
    this.log.push('enableSandbox');
  }
  whenReady() {
    return this.ready;
  }
  becomeReady() {
    this.log.push('ready');
    this.markReady();
  }
  getPath(name: string) {
    return path.join(this.dir, name);
  }
  getAppPath() {
    return this.dir;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string | undefined;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {
    this.shown = true;
  }
}

type CallListener = (event: CallEvent, ...args: unknown[]) => Promise<CallOutcome<unknown>>;

function fakeElectron(dir: string, options: { lockGranted?: boolean } = {}) {
  const log: string[] = [];
  const app = new FakeApp(log, dir, options.lockGranted);
  const powerMonitor = Object.assign(new EventEmitter(), {
    idle: 0,
    getSystemIdleTime: () => powerMonitor.idle,
  });
  const defaultSession = new FakeSession();
  const handlers = new Map<string, CallListener>();
  const menus: unknown[] = [];
  const dialogAnswers: string[] = [];
  FakeBrowserWindow.created = [];
  const modules = {
    app,
    BrowserWindow: FakeBrowserWindow,
    powerMonitor,
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        log.push(`registerSchemes ${JSON.stringify(schemes)}`),
    },
    ipcMain: {
      handle: (channel: string, listener: CallListener) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    dialog: {
      showSaveDialog: async () => ({ canceled: false, filePath: dialogAnswers.shift() }),
      showOpenDialog: async () => ({ canceled: false, filePaths: [dialogAnswers.shift()] }),
    },
  };
  return { modules, log, app, powerMonitor, defaultSession, handlers, menus, dialogAnswers };
}

describe('dialogs', () => {
  it('asks where to create or back up with a save dialog and what to open with an open dialog, *.confidant only', () => {
    const filters = [{ name: 'Confidant project', extensions: ['confidant'] }];
    expect(dialogFor('create')).toMatchObject({ kind: 'save', options: { filters } });
    expect(dialogFor('backup', new Date('2026-03-04T10:00:00Z'))).toMatchObject({
      kind: 'save',
      options: { filters, defaultPath: 'Backup 2026-03-04.confidant' },
    });
    expect(dialogFor('open')).toMatchObject({ kind: 'open', options: { filters, properties: ['openFile'] } });
  });

  it('creates a re-identification vault with a save dialog and unlocks one with an open dialog, *.confidant-vault only', () => {
    const filters = [{ name: 'Confidant re-identification vault', extensions: ['confidant-vault'] }];
    expect(dialogFor('createVault')).toMatchObject({
      kind: 'save',
      options: { filters, defaultPath: 'Re-identification.confidant-vault' },
    });
    expect(dialogFor('openVault')).toMatchObject({
      kind: 'open',
      options: { filters, properties: ['openFile'] },
    });
  });

  it('returns the chosen path, or null when the evaluator cancels', async () => {
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/e/new.confidant' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    };
    expect(await choosePath(dialog as never, null, 'create')).toBe('/home/e/new.confidant');
    expect(await choosePath(dialog as never, null, 'open')).toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await choosePath(dialog as never, null, 'backup')).toBeNull();
  });
});

describe('lockWithSystem', () => {
  it('locks on screen lock, suspend and shutdown, and stops when unsubscribed', () => {
    const powerMonitor = new EventEmitter();
    const lock = vi.fn();
    const stop = lockWithSystem(powerMonitor as never, lock);
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.emit('shutdown', {});
    powerMonitor.emit('resume');
    expect(lock).toHaveBeenCalledTimes(3);
    stop();
    powerMonitor.emit('lock-screen');
    expect(lock).toHaveBeenCalledTimes(3);
  });
});

describe('menuTemplate', () => {
  const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
    template.flatMap((item) => [
      String(item.role ?? item.label),
      ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => String(sub.role)) : []),
    ]);
  it('offers no DevTools and no reload in a packaged app', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const production = roles(menuTemplate(platform, false));
      expect(production).not.toContain('toggleDevTools');
      expect(production).not.toContain('reload');
      expect(production).toContain('editMenu');
    }
    expect(roles(menuTemplate('linux', true))).toContain('toggleDevTools');
  });
});

describe('startApp', () => {
  let dir: string;
  let shell: Shell | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confidant-main-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<title>Confidant</title>');
  });
  afterEach(() => {
    shell?.engine.session.lock();
    shell = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('steps aside for an instance that is already running', () => {
    const fake = fakeElectron(dir, { lockGranted: false });
    expect(startApp(fake.modules as unknown as ElectronMain)).toBeNull();
    expect(fake.app.quitCalled).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('registers app:// and the sandbox before ready, then walls the session and opens one locked-down window', async () => {
    const fake = fakeElectron(dir);
    const starting = startApp(fake.modules as unknown as ElectronMain, path.join(dir, 'renderer'));
    expect(fake.log).toEqual([`registerSchemes ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`, 'enableSandbox']);
    fake.app.becomeReady();
    shell = (await starting) ?? undefined;

    expect(fake.defaultSession.cancels('https://example.org/')).toBe(true);
    expect(fake.defaultSession.spellChecker).toBe(false);
    const handler = fake.defaultSession.protocol.handlers.get('app');
    const index = await handler?.({ url: 'app://confidant/index.html', method: 'GET' });
    expect(await index?.text()).toBe('<title>Confidant</title>');

    expect(FakeBrowserWindow.created).toHaveLength(1);
    const [window] = FakeBrowserWindow.created;
    expect(window?.loaded).toBe(APP_ENTRY_URL);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect([...fake.handlers.keys()]).toEqual([CALL_CHANNEL]);
    expect(JSON.stringify(fake.menus)).not.toContain('toggleDevTools');
  });

  it('locks the open project on screen lock, suspend, idle time, session end and quit, and tells the window', async () => {
    const fake = fakeElectron(dir);
    const starting = startApp(fake.modules as unknown as ElectronMain, path.join(dir, 'renderer'));
    fake.app.becomeReady();
    shell = (await starting) ?? undefined;
    const [window] = FakeBrowserWindow.created;
    if (!window || !shell) throw new Error('no window');
    const call = fake.handlers.get(CALL_CHANNEL);
    const fromWindow: CallEvent = {
      senderFrame: window.webContents.mainFrame,
      sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame },
    };
    const file = path.join(dir, 'Evaluation.confidant');
    const locked = () =>
      window.webContents.sent.filter((message) => message.channel === LOCKED_CHANNEL).length;

    fake.dialogAnswers.push(file);
    expect(await call?.(fromWindow, 'project.choosePath', { purpose: 'create' })).toEqual({
      ok: true,
      value: { path: file },
    });
    expect(await call?.(fromWindow, 'project.create', { path: file, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'open' },
    });

    fake.powerMonitor.emit('lock-screen');
    expect(shell.engine.session.status().state).toBe('locked');
    expect(locked()).toBe(1);

    const unlock = () => call?.(fromWindow, 'project.open', { path: file, passphrase: PASSPHRASE });
    expect(await unlock()).toMatchObject({ ok: true, value: { state: 'open' } });
    fake.powerMonitor.emit('suspend');
    expect(shell.engine.session.status().state).toBe('locked');
    expect(locked()).toBe(2);

    // Idle time comes from the operating system (powerMonitor) and the limit from the project's setting.
    await unlock();
    expect(await call?.(fromWindow, 'project.setAutoLock', { minutes: 1 })).toMatchObject({ ok: true });
    fake.powerMonitor.idle = 59;
    shell.engine.session.autoLock.check();
    expect(shell.engine.session.status().state).toBe('open');
    fake.powerMonitor.idle = 60;
    shell.engine.session.autoLock.check();
    expect(shell.engine.session.status().state).toBe('locked');
    expect(locked()).toBe(3);

    await unlock();
    window.emit('session-end');
    expect(shell.engine.session.status().state).toBe('locked');

    await unlock();
    fake.app.emit('before-quit');
    expect(shell.engine.session.status().state).toBe('locked');
  });

  it('streams progress to the window and stops trusting a window once it is closed', async () => {
    const fake = fakeElectron(dir);
    const starting = startApp(fake.modules as unknown as ElectronMain, path.join(dir, 'renderer'));
    fake.app.becomeReady();
    shell = (await starting) ?? undefined;
    const [window] = FakeBrowserWindow.created;
    if (!window || !shell) throw new Error('no window');
    shell.engine.session.ports.onProgress?.({ jobId: 'j', phase: 'Backing up', done: 1, total: 2 });
    expect(window.webContents.sent).toContainEqual({
      channel: PROGRESS_CHANNEL,
      payload: { jobId: 'j', phase: 'Backing up', done: 1, total: 2 },
    });

    const fromWindow: CallEvent = {
      senderFrame: window.webContents.mainFrame,
      sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame },
    };
    const call = fake.handlers.get(CALL_CHANNEL);
    expect(await call?.(fromWindow, 'project.status', {})).toMatchObject({ ok: true });
    window.emit('closed');
    expect(await call?.(fromWindow, 'project.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });
});
