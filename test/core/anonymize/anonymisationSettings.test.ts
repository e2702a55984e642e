import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/core/engine';

const PASS = 'correct horse battery staple';
let dir: string;
let engine: Engine;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-anonymisation-settings-'));
  const file = path.join(dir, 'programme.confidant');
  engine = createEngine({
    choosePath: async () => file,
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => 0,
    onProgress: () => undefined,
    onLocked: () => undefined,
  });
  await engine.call('project.choosePath', { purpose: 'create' });
  const created = await engine.call('project.create', { path: file, passphrase: PASS });
  if (!created.ok) throw new Error(created.error.message);
});
afterEach(() => {
  engine.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

describe('anonymisation settings', () => {
  it('start at the defaults: GB and US, no id masks, cells of 5 for numbers and 10 for quotes', async () => {
    expect(await engine.call('anonymize.settings', {})).toEqual({
      ok: true,
      value: { countries: ['GB', 'US'], identifierMasks: [], minimumCellSize: { counts: 5, quotes: 10 } },
    });
  });

  it('are saved in the project, normalised, and the change is audited without the masks themselves', async () => {
    const saved = await engine.call('anonymize.saveSettings', {
      countries: [' de', 'ES'],
      identifierMasks: [{ mask: 'EMP-######', label: 'staff number' }],
      minimumCellSize: { counts: 10, quotes: 15 },
    });
    expect(saved.ok && saved.value.countries).toEqual(['DE', 'ES']);
    const read = await engine.call('anonymize.settings', {});
    expect(read.ok && read.value.identifierMasks).toEqual([{ mask: 'EMP-######', label: 'staff number' }]);
    const audit = await engine.call('project.audit', { offset: 0, limit: 10 });
    const entry = audit.ok
      ? audit.value.entries.find((e) => e.action === 'anonymize.saveSettings')
      : undefined;
    expect(entry?.detail).toContain('countries, identifierMasks, minimumCellSize');
    expect(entry?.detail).not.toContain('EMP-');
  });

  it('refuse a mask without a placeholder and a cell size below 2, with a message that says why', async () => {
    const mask = await engine.call('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [{ mask: 'EMPLOYEE' }],
      minimumCellSize: { counts: 5, quotes: 10 },
    });
    expect(mask.ok ? '' : mask.error.message).toMatch(/at least one # \(digit\)/);
    const cell = await engine.call('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [],
      minimumCellSize: { counts: 1, quotes: 10 },
    });
    expect(cell.ok ? '' : cell.error.message).toMatch(/at least 2/);
    const read = await engine.call('anonymize.settings', {});
    expect(read.ok && read.value.minimumCellSize.counts).toBe(5);
  });
});
