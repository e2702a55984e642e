import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/progress';
import { createEngine, type Engine } from '../../electron/core/engine';
import type { PathPurpose } from '../../electron/core/session';

const PASS = 'correct horse battery staple';
const NEXT = 'violet tramway quietly sings';
let dir: string;
let engine: Engine;
let idle = 0;
let locked = 0;
const progress: ProgressEvent[] = [];
const nextPaths: Record<PathPurpose, string | null> = {
  create: null,
  open: null,
  backup: null,
  import: null,
  createVault: null,
  openVault: null,
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-engine-'));
  idle = 0;
  locked = 0;
  progress.length = 0;
  nextPaths.create = path.join(dir, 'programme.confidant');
  nextPaths.backup = path.join(dir, 'backup.confidant');
  engine = createEngine({
    choosePath: async (purpose) => nextPaths[purpose],
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => idle,
    onProgress: (event) => progress.push(event),
    onLocked: () => locked++,
  });
});
afterEach(() => {
  engine.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

async function ok(name: string, args: unknown = {}) {
  const outcome = await engine.call(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as Record<string, unknown>;
}
async function failure(name: string, args: unknown = {}) {
  const outcome = await engine.call(name, args);
  if (outcome.ok) throw new Error(`${name} should have failed`);
  return outcome.error;
}
async function createProject() {
  const { path: file } = (await ok('project.choosePath', { purpose: 'create' })) as { path: string };
  await ok('project.create', { path: file, passphrase: PASS });
  return file;
}

describe('engine contract', () => {
  it('rejects unknown actions and malformed arguments before any handler runs', async () => {
    expect((await failure('project.dropEverything')).code).toBe('UNKNOWN_HANDLER');
    expect((await failure('project.create', { path: 42 })).code).toBe('INVALID_ARGUMENTS');
    expect((await failure('project.audit', { limit: 100000 })).code).toBe('INVALID_ARGUMENTS');
    expect((await failure('project.lock', { extra: true })).code).toBe('INVALID_ARGUMENTS');
  });

  it('lets the window name only files chosen in a dialog or on the recent list', async () => {
    const error = await failure('project.create', {
      path: path.join(dir, 'sneaky.confidant'),
      passphrase: PASS,
    });
    expect(error.code).toBe('PATH_NOT_GRANTED');
    expect(existsSync(path.join(dir, 'sneaky.confidant'))).toBe(false);
  });

  it('creates, locks, refuses a wrong passphrase, unlocks with the right one', async () => {
    expect(await ok('project.status')).toEqual({ state: 'none' });
    const file = await createProject();
    expect(await ok('project.status')).toMatchObject({
      state: 'open',
      name: 'programme',
      autoLockMinutes: 10,
    });
    expect(await ok('project.lock')).toEqual({ state: 'locked', path: file, name: 'programme' });
    expect((await failure('project.info')).code).toBe('NO_PROJECT_OPEN');
    const wrong = await failure('project.open', { path: file, passphrase: 'not it at all, sorry' });
    expect(wrong).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'wrong passphrase or not a Confidant project',
    });
    expect(await ok('project.open', { path: file, passphrase: PASS })).toMatchObject({ state: 'open' });
    const actions = ((await ok('project.audit', {})) as { entries: { action: string }[] }).entries.map(
      (e) => e.action,
    );
    expect(actions.slice(0, 3)).toEqual(['project.open', 'project.lock', 'project.create']);
  });

  it('lists recent projects and lets them be opened again in a new session', async () => {
    const file = await createProject();
    await ok('project.lock');
    const again = createEngine({ ...engine.session.ports });
    const recent = (await again.call('project.recent', {})) as { ok: true; value: { path: string }[] };
    expect(recent.value.map((entry) => entry.path)).toEqual([file]);
    expect((await again.call('project.open', { path: file, passphrase: PASS })).ok).toBe(true);
    again.session.lock();
  });

  it('changes the passphrase in a worker thread, reporting progress, and stays open', async () => {
    const file = await createProject();
    const wrongCurrent = await failure('project.changePassphrase', {
      current: 'not the current one',
      next: NEXT,
    });
    expect(wrongCurrent.code).toBe('WRONG_PASSPHRASE');
    const weak = await failure('project.changePassphrase', { current: PASS, next: 'password' });
    expect(weak.code).toBe('WEAK_PASSPHRASE');
    await ok('project.changePassphrase', { current: PASS, next: NEXT, jobId: 'rekey-1' });
    expect(progress.filter((e) => e.jobId === 'rekey-1').at(-1)).toMatchObject({ finished: true });
    expect(await ok('project.status')).toMatchObject({ state: 'open' });
    await ok('project.lock');
    expect((await failure('project.open', { path: file, passphrase: PASS })).code).toBe('WRONG_PASSPHRASE');
    await ok('project.open', { path: file, passphrase: NEXT });
  });

  it('backs up to a chosen file in a worker thread; the backup opens with the passphrase', async () => {
    await createProject();
    const { path: destination } = (await ok('project.choosePath', { purpose: 'backup' })) as { path: string };
    const result = await ok('project.backup', { destination });
    expect(result.sizeBytes).toBeGreaterThan(0);
    await ok('project.lock');
    nextPaths.open = destination;
    const { path: chosen } = (await ok('project.choosePath', { purpose: 'open' })) as { path: string };
    expect(await ok('project.open', { path: chosen, passphrase: PASS })).toMatchObject({ name: 'backup' });
  });

  it('locks itself after the configured idle minutes and tells the host', async () => {
    await createProject();
    await ok('project.setAutoLock', { minutes: 2 });
    idle = 119;
    engine.session.autoLock.check();
    expect(await ok('project.status')).toMatchObject({ state: 'open', autoLockMinutes: 2 });
    idle = 120;
    engine.session.autoLock.check();
    expect(await ok('project.status')).toMatchObject({ state: 'locked' });
    expect(locked).toBe(1);
  });

  it('locks as soon as a passphrase change ends when the screen locked during it', async () => {
    const file = await createProject();
    const change = engine.call('project.changePassphrase', { current: PASS, next: NEXT, jobId: 'rekey-2' });
    while (!progress.some((event) => event.jobId === 'rekey-2'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    engine.session.lock(true);
    expect(locked).toBe(0);
    expect((await change).ok).toBe(true);
    expect(await ok('project.status')).toEqual({ state: 'locked', path: file, name: 'programme' });
    expect(locked).toBe(1);
    expect(await ok('project.open', { path: file, passphrase: NEXT })).toMatchObject({ state: 'open' });
  });

  it('never auto-locks when the setting is 0', async () => {
    await createProject();
    await ok('project.setAutoLock', { minutes: 0 });
    idle = 10 ** 6;
    engine.session.autoLock.check();
    expect(await ok('project.status')).toMatchObject({ state: 'open', autoLockMinutes: 0 });
  });
});
