import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, readAudit } from '../../../electron/core/store/audit';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';

let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-audit-'));
  project = createProject(path.join(dir, 'p.confidant'), 'correct horse battery staple', 'test');
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

describe('reading the audit log', () => {
  it('names the file an import entry was about, and pages only the actions asked for', () => {
    const { db } = project;
    const importId = db
      .prepare(
        `INSERT INTO import_batch (kind, source_name, content_sha256, target, imported_at, rows_in, rows_skipped, mapping)
         VALUES ('hr', 'career-moves.csv', 'abc', '', '2026-01-01T00:00:00Z', 6, 0, '[]')`,
      )
      .run().lastInsertRowid;
    appendAudit(db, {
      actor: 'test',
      action: 'import.commit',
      objectType: 'import',
      objectId: String(importId),
    });
    for (let i = 0; i < 3; i++)
      appendAudit(db, { actor: 'test', action: 'project.setAutoLock', objectType: 'project' });
    appendAudit(db, { actor: 'test', action: 'import.commit', objectType: 'import', objectId: '999' });

    const imports = readAudit(db, 0, 10, ['import.commit']);
    expect(imports.total).toBe(2);
    expect(imports.entries.map((entry) => entry.subject)).toEqual([null, 'career-moves.csv']);
    const both = readAudit(db, 0, 2, ['import.commit', 'project.setAutoLock']);
    expect(both.total).toBe(5);
    expect(both.entries.map((entry) => entry.action)).toEqual(['import.commit', 'project.setAutoLock']);
    expect(readAudit(db, 0, 10, []).total).toBe(0);
    // Without a filter every entry counts, the project's creation included.
    expect(readAudit(db, 0, 100).entries.length).toBe(readAudit(db, 0, 100).total);
  });
});
