import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfidantError } from '../../../shared/errors';
import { appendAudit } from './audit';
import {
  connect,
  createEncryptedFile,
  journalOf,
  openEncryptedFile,
  replaceDurably,
  requireAcceptablePassphrase,
  verifyPassphrase,
  type EncryptedFileKind,
} from './encryptedFile';
import { migrations } from './migrations';

export const PROJECT_EXTENSION = '.confidant';

/** Marks a SQLCipher database as a Confidant project ('Cnfd'). */
export const PROJECT_KIND: EncryptedFileKind = {
  applicationId: 0x436e6664,
  migrations,
  noun: 'Confidant project',
};

/** An unlocked project: the open, keyed connection to one `*.confidant` file. */
export interface Project {
  path: string;
  name: string;
  db: Connection;
}

export function projectName(file: string): string {
  return path.basename(file, PROJECT_EXTENSION);
}

export function createProject(file: string, passphrase: string, actor: string): Project {
  createEncryptedFile(file, passphrase, PROJECT_KIND, (db) => {
    db.prepare('INSERT INTO project_setting (key, value) VALUES (?, ?)').run(
      'created_at',
      new Date().toISOString(),
    );
    appendAudit(db, { actor, action: 'project.create', objectType: 'project' });
  });
  return openProject(file, passphrase, actor, { audit: false });
}

/** Unlocks a project: verifies the passphrase read-only, then opens it for writing and migrates it. */
export function openProject(
  file: string,
  passphrase: string,
  actor: string,
  options: { audit?: boolean } = {},
): Project {
  const db = openEncryptedFile(file, passphrase, PROJECT_KIND);
  if (options.audit !== false) appendAudit(db, { actor, action: 'project.open', objectType: 'project' });
  return { path: file, name: projectName(file), db };
}

export function closeProject(project: Project, actor: string): void {
  if (!project.db.open) return;
  appendAudit(project.db, { actor, action: 'project.lock', objectType: 'project' });
  project.db.close();
}

/**
 * Re-encrypts the project under a new passphrase without ever leaving a file that neither passphrase opens. A
 * copy is taken while the project's write lock is held (no other connection can be part-way through a write),
 * the copy is re-keyed beside the project, proven to open with the new passphrase, and only then moved over the
 * project (written to disk first). A crash at any moment leaves the project under the old passphrase, or under
 * the new one once the move has happened; a copy left behind by a crash is cleared by the next change.
 * The caller closes its own connection first.
 */
export function changePassphrase(file: string, current: string, next: string, actor: string): void {
  requireAcceptablePassphrase(next);
  verifyPassphrase(file, current, PROJECT_KIND);
  const rekeyed = `${file}.rekeying`;
  const clear = () => {
    rmSync(rekeyed, { force: true });
    rmSync(journalOf(rekeyed), { force: true });
  };
  clear();
  const project = connect(file, current, { fileMustExist: true });
  try {
    project.exec('BEGIN IMMEDIATE');
    copyFileSync(file, rekeyed);
    const copy = connect(rekeyed, current, { fileMustExist: true });
    try {
      copy.rekey(Buffer.from(next, 'utf8'));
      appendAudit(copy, { actor, action: 'project.changePassphrase', objectType: 'project' });
    } finally {
      copy.close();
    }
    verifyPassphrase(rekeyed, next, PROJECT_KIND);
  } catch (error) {
    clear();
    throw error;
  } finally {
    project.close();
  }
  replaceDurably(rekeyed, file);
}

/**
 * Writes an encrypted copy of the project (same passphrase, same cipher) with VACUUM INTO, then proves the copy
 * opens. The copy is written under a temporary name and renamed, so a failed backup leaves no half-file.
 */
export function backupProject(file: string, passphrase: string, destination: string, actor: string): number {
  if (path.resolve(destination) === path.resolve(file)) {
    throw new ConfidantError('IO_ERROR', 'A backup must go to another file than the project itself.');
  }
  if (existsSync(destination)) {
    throw new ConfidantError(
      'PROJECT_EXISTS',
      `${destination} already exists. Choose a new file for the backup.`,
    );
  }
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = connect(file, passphrase, { fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    verifyPassphrase(partial, passphrase, PROJECT_KIND);
    replaceDurably(partial, destination);
    appendAudit(db, { actor, action: 'project.backup', objectType: 'project' });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  return statSync(destination).size;
}
