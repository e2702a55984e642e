import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnonymisationSettings } from '../../../shared/anonymize';
import type { AuditPage } from '../../../shared/project';
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

async function settingsCall(name: 'anonymize.settings' | 'anonymize.saveSettings', args: unknown = {}) {
  const outcome = await engine.call(name, args);
  return outcome.ok
    ? { ok: true as const, value: outcome.value as AnonymisationSettings }
    : { ok: false as const, error: outcome.error };
}

describe('anonymisation settings', () => {
  it('start at the defaults: GB and US, no id masks, cells of 5 for numbers and 10 for quotes', async () => {
    expect(await settingsCall('anonymize.settings')).toEqual({
      ok: true,
      value: { countries: ['GB', 'US'], identifierMasks: [], minimumCellSize: { counts: 5, quotes: 10 } },
    });
  });

  it('are saved in the project, normalised, and the change is audited without the masks themselves', async () => {
    const saved = await settingsCall('anonymize.saveSettings', {
      countries: [' de', 'ES'],
      identifierMasks: [{ mask: 'EMP-######', label: 'staff number' }],
      minimumCellSize: { counts: 10, quotes: 15 },
    });
    expect(saved.ok && saved.value.countries).toEqual(['DE', 'ES']);
    const read = await settingsCall('anonymize.settings');
    expect(read.ok && read.value.identifierMasks).toEqual([{ mask: 'EMP-######', label: 'staff number' }]);
    const audit = await engine.call('project.audit', { offset: 0, limit: 10 });
    const entries = audit.ok ? (audit.value as AuditPage).entries : [];
    const entry = entries.find((e) => e.action === 'anonymize.saveSettings');
    expect(entry?.detail).toContain('countries, identifierMasks, minimumCellSize');
    expect(entry?.detail).not.toContain('EMP-');
  });

  it('refuse a mask without a placeholder and a cell size below 2, with a message that says why', async () => {
    const mask = await settingsCall('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [{ mask: 'EMPLOYEE' }],
      minimumCellSize: { counts: 5, quotes: 10 },
    });
    expect(mask.ok ? '' : mask.error.message).toMatch(/at least one # \(digit\)/);
    const cell = await settingsCall('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [],
      minimumCellSize: { counts: 1, quotes: 10 },
    });
    expect(cell.ok ? '' : cell.error.message).toMatch(/at least 2/);
    const read = await settingsCall('anonymize.settings');
    expect(read.ok && read.value.minimumCellSize.counts).toBe(5);
  });
});
