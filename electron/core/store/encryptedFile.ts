import Database, { type Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { ConfidantError } from '../../../shared/errors';
import { applyConnectionSettings, applyPassphrase } from './cipher';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migrations';
import { checkPassphrase } from './passphrasePolicy';

/**
 * A kind of encrypted file Confidant keeps: the project itself, or the separate re-identification vault.
 * Each has its own application id (so one is never mistaken for the other) and its own migrations.
 */
export interface EncryptedFileKind {
  applicationId: number;
  migrations: readonly Migration[];
  /** What a person calls it: "Confidant project". */
  noun: string;
}

export function wrongPassphrase(kind: EncryptedFileKind): ConfidantError {
  return new ConfidantError('WRONG_PASSPHRASE', `wrong passphrase or not a ${kind.noun}`);
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

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Proves the passphrase on a read-only connection before anything may write: a wrong passphrase, a file that is
 * not a SQLCipher database, or a SQLCipher database of another kind all get the same message and leave the file
 * byte for byte as it was. A file from a newer Confidant is refused here too, before anything is written.
 */
export function verifyPassphrase(file: string, passphrase: string, kind: EncryptedFileKind): void {
  let db: Connection | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyPassphrase(db, passphrase);
    if (db.pragma('application_id', { simple: true }) !== kind.applicationId) throw wrongPassphrase(kind);
    const latest = kind.migrations.at(-1)?.version ?? 0;
    if (schemaVersion(db) > latest) migrate(db, kind.migrations, kind.applicationId);
  } catch (error) {
    if (error instanceof ConfidantError) throw error;
    if (isNotADatabase(error)) throw wrongPassphrase(kind);
    throw new ConfidantError('IO_ERROR', `Could not read ${file}: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

export function connect(file: string, passphrase: string, options: Database.Options = {}): Connection {
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
 * Creates a new encrypted file of a kind. It is built beside the target under a temporary name and moved into
 * place only when complete, so an interrupted create leaves nothing that looks like a real file.
 */
export function createEncryptedFile(
  file: string,
  passphrase: string,
  kind: EncryptedFileKind,
  initialise: (db: Connection) => void,
): void {
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
    migrate(db, kind.migrations, kind.applicationId);
    initialise(db);
  } catch (error) {
    db.close();
    rmSync(building, { force: true });
    throw error;
  }
  db.close();
  renameSync(building, file);
}

/** Opens an existing file of a kind for writing, after proving the passphrase read-only, and migrates it. */
export function openEncryptedFile(file: string, passphrase: string, kind: EncryptedFileKind): Connection {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ConfidantError('PROJECT_NOT_FOUND', `There is no ${kind.noun} at ${file}.`);
  }
  verifyPassphrase(file, passphrase, kind);
  const db = connect(file, passphrase, { fileMustExist: true });
  try {
    migrate(db, kind.migrations, kind.applicationId);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
