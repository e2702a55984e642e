import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGISTER_REFERENCE_CHECK } from '../../../electron/core/import/participantRegister';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';
import { requireIntactReferences, withReferencesChecked } from '../../../electron/core/store/references';

const PASS = 'correct horse battery staple';
let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-references-'));
  project = createProject(path.join(dir, 'p.confidant'), PASS, 'test');
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

const foreignKeysOn = () => project.db.pragma('foreign_keys', { simple: true }) === 1;

/** A write with foreign keys off, as an import does it: begun, checked, committed or rolled back. */
function bulkWrite(insert: string) {
  return withReferencesChecked(project.db, () => {
    project.db.exec('BEGIN IMMEDIATE');
    try {
      project.db.exec(insert);
      requireIntactReferences(project.db, REGISTER_REFERENCE_CHECK);
      project.db.exec('COMMIT');
      return Promise.resolve();
    } catch (error) {
      project.db.exec('ROLLBACK');
      return Promise.reject(error as Error);
    }
  });
}

describe('references checked at the end of a bulk write', () => {
  it('commits a write whose every reference holds, and turns foreign keys back on', async () => {
    await bulkWrite(`INSERT INTO participant (id, pseudonym) VALUES (1, 'P-AAAAAA');
      INSERT INTO participant_identifier (identity_key, participant_id, kind) VALUES (randomblob(32), 1, 'id');`);
    expect(project.db.prepare('SELECT count(*) FROM participant_identifier').pluck().get()).toBe(1);
    expect(foreignKeysOn()).toBe(true);
  });

  it('refuses an identifier of a participant who does not exist, and writes nothing', async () => {
    await expect(
      bulkWrite(`INSERT INTO participant (id, pseudonym) VALUES (1, 'P-AAAAAA');
        INSERT INTO participant_identifier (identity_key, participant_id, kind) VALUES (randomblob(32), 2, 'id');`),
    ).rejects.toThrow('1 rows of participant_identifier refer to rows that do not exist');
    expect(project.db.prepare('SELECT count(*) FROM participant').pluck().get()).toBe(0);
    expect(foreignKeysOn()).toBe(true);
  });

  it('refuses a dangling reference in any other table too', async () => {
    await expect(
      bulkWrite(`INSERT INTO participant (id, pseudonym, cohort_id) VALUES (1, 'P-AAAAAA', 7);`),
    ).rejects.toThrow('rows of participant refer to rows that do not exist');
    expect(project.db.prepare('SELECT count(*) FROM participant').pluck().get()).toBe(0);
  });
});
