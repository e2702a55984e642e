import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfidantError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/errors';
import { appendAudit, readAudit } from '../../../electron/core/store/audit';
import {
  backupProject,
  changePassphrase,
  closeProject,
  createProject,
  openProject,
} from '../../../electron/core/store/projectFile';
import { projectInfo } from '../../../electron/core/store/projectInfo';

const PASS = 'correct horse battery staple';
const NEXT = 'violet tramway quietly sings';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectCode(fn: () => unknown, code: string, message?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfidantError);
    expect((error as ConfidantError).code).toBe(code);
    if (message) expect((error as ConfidantError).message).toBe(message);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('encrypted project file', () => {
  it('keeps inserted text out of the file bytes and reads it back with the passphrase', () => {
    const file = path.join(dir, 'p.confidant');
    const project = createProject(file, PASS, 'test');
    project.db
      .prepare('INSERT INTO project_setting (key, value) VALUES (?, ?)')
      .run('probe', 'PLAINTEXT-MARKER-42');
    closeProject(project, 'test');
    expect(readFileSync(file).includes('PLAINTEXT-MARKER-42')).toBe(false);
    expect(readFileSync(file).subarray(0, 16).toString()).not.toContain('SQLite format');
    const again = openProject(file, PASS, 'test');
    expect(again.db.prepare("SELECT value FROM project_setting WHERE key = 'probe'").pluck().get()).toBe(
      'PLAINTEXT-MARKER-42',
    );
    expect(projectInfo(again).encryption).toMatchObject({
      cipher: 'sqlcipher',
      legacy: 4,
      kdfIterations: 256000,
    });
    closeProject(again, 'test');
  });

  it('refuses a wrong passphrase with one message and leaves the file byte-identical', () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const before = readFileSync(file);
    expectCode(
      () => openProject(file, 'not the passphrase at all', 'test'),
      'WRONG_PASSPHRASE',
      WRONG_PASSPHRASE_MESSAGE,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('changes the passphrase: the old one stops working, the new one opens the same data', () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    changePassphrase(file, PASS, NEXT, 'test');
    expectCode(() => openProject(file, PASS, 'test'), 'WRONG_PASSPHRASE');
    const project = openProject(file, NEXT, 'test');
    expect(readAudit(project.db, 0, 10).entries.map((e) => e.action)).toContain('project.changePassphrase');
    closeProject(project, 'test');
  });

  it('writes an encrypted backup that opens with the same passphrase', () => {
    const file = path.join(dir, 'p.confidant');
    const backup = path.join(dir, 'copy.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const size = backupProject(file, PASS, backup, 'test');
    expect(size).toBeGreaterThan(0);
    expectCode(() => openProject(backup, 'wrong wrong wrong wrong', 'test'), 'WRONG_PASSPHRASE');
    const copy = openProject(backup, PASS, 'test');
    expect(readAudit(copy.db, 0, 10).entries.map((e) => e.action)).toContain('project.create');
    closeProject(copy, 'test');
  });

  it('keeps the audit log append-only', () => {
    const project = createProject(path.join(dir, 'p.confidant'), PASS, 'test');
    appendAudit(project.db, { actor: 'test', action: 'import.commit', objectType: 'import', objectId: '7' });
    expect(() => project.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => project.db.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/append-only/);
    closeProject(project, 'test');
  });
});
