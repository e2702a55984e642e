import Database, { type Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfidantError, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/errors';
import { appendAudit } from './audit';
import { applyConnectionSettings, applyPassphrase } from './cipher';
import { APPLICATION_ID, migrate, schemaVersion } from './migrate';
import { APP_SCHEMA_VERSION } from './migrations';
import { checkPassphrase } from './passphrasePolicy';

export const PROJECT_EXTENSION = '.confidant';

/** An unlocked project: the open, keyed connection to one `*.confidant` file. */
export interface Project {
  path: string;
  name: string;
  db: Connection;
}

export function projectName(file: string): string {
  return path.basename(file, PROJECT_EXTENSION);
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function wrongPassphrase(): ConfidantError {
  return new ConfidantError('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE);
}

export function requireAcceptablePassphrase(passphrase: string): void {
  const check = checkPassphrase(passphrase);
  if (!check.acceptable) {
    throw new ConfidantError(
      'WEAK_PASSPHRASE',
      `Choose a stronger passphrase. ${check.feedback.join(' ')}`.trim(),
    );
  }
}

/**
 * Proves the passphrase on a read-only connection before anything may write: a wrong passphrase, a file that is
 * not a SQLCipher database, or a SQLCipher database that is not a Confidant project all get the same message and
 * leave the file byte for byte as it was.
 */
function verifyPassphrase(file: string, passphrase: string): void {
  let db: Connection | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyPassphrase(db, passphrase);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) throw wrongPassphrase();
    const version = schemaVersion(db);
    if (version > APP_SCHEMA_VERSION) migrate(db); // throws PROJECT_TOO_NEW without writing
  } catch (error) {
    if (error instanceof ConfidantError) throw error;
    if (isNotADatabase(error)) throw wrongPassphrase();
    throw new ConfidantError('IO_ERROR', `Could not read ${file}: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function connect(file: string, passphrase: string, options: Database.Options = {}): Connection {
  const db = new Database(file, options);
  try {
    applyPassphrase(db, passphrase);
    applyConnectionSettings(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Creates a new encrypted project. It is built beside the target under a temporary name and moved into place
 * only when complete, so an interrupted create leaves nothing that looks like a project.
 */
export function createProject(file: string, passphrase: string, actor: string): Project {
  if (existsSync(file)) {
    throw new ConfidantError(
      'PROJECT_EXISTS',
      `${file} already exists. Choose another name, or open it instead.`,
    );
  }
  requireAcceptablePassphrase(passphrase);
  const building = `${file}.creating`;
  rmSync(building, { force: true });
  const db = connect(building, passphrase);
  try {
    migrate(db);
    db.prepare('INSERT INTO project_setting (key, value) VALUES (?, ?)').run(
      'created_at',
      new Date().toISOString(),
    );
    appendAudit(db, { actor, action: 'project.create', objectType: 'project' });
  } catch (error) {
    db.close();
    rmSync(building, { force: true });
    throw error;
  }
  db.close();
  renameSync(building, file);
  return openProject(file, passphrase, actor, { audit: false });
}

/** Unlocks a project: verifies the passphrase read-only, then opens it for writing and migrates it. */
export function openProject(
  file: string,
  passphrase: string,
  actor: string,
  options: { audit?: boolean } = {},
): Project {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ConfidantError('PROJECT_NOT_FOUND', `There is no project at ${file}.`);
  }
  verifyPassphrase(file, passphrase);
  const db = connect(file, passphrase, { fileMustExist: true });
  try {
    migrate(db);
    if (options.audit !== false) appendAudit(db, { actor, action: 'project.open', objectType: 'project' });
  } catch (error) {
    db.close();
    throw error;
  }
  return { path: file, name: projectName(file), db };
}

export function closeProject(project: Project, actor: string): void {
  if (!project.db.open) return;
  appendAudit(project.db, { actor, action: 'project.lock', objectType: 'project' });
  project.db.close();
}

/**
 * Re-encrypts the project under a new passphrase. It runs on a connection of its own (the caller closes its
 * connection first) because a rekey rewrites every page; with the rollback journal a crash part-way leaves the
 * old passphrase working.
 */
export function changePassphrase(file: string, current: string, next: string, actor: string): void {
  requireAcceptablePassphrase(next);
  verifyPassphrase(file, current);
  const db = connect(file, current, { fileMustExist: true });
  try {
    db.rekey(Buffer.from(next, 'utf8'));
    appendAudit(db, { actor, action: 'project.changePassphrase', objectType: 'project' });
  } finally {
    db.close();
  }
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
    verifyPassphrase(partial, passphrase);
    renameSync(partial, destination);
    appendAudit(db, { actor, action: 'project.backup', objectType: 'project' });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  return statSync(destination).size;
}
