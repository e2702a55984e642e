import Database, { type Database as Connection } from 'better-sqlite3-multiple-ciphers';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** The rollback journal SQLite keeps beside a file while a write is under way. */
export function journalOf(file: string): string {
  return `${file}-journal`;
}

/**
 * A journal whose header is filled in: SQLite writes the journal's magic number only once it begins to change
 * the file itself, so a journal with one, left by a write cut short (a crash, kill -9, a power cut), is "hot":
 * the file must be rolled back before anything may read it, and a read-only connection cannot do that.
 */
export function hasHotJournal(file: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(journalOf(file), 'r');
    const magic = Buffer.alloc(8);
    return (
      readSync(descriptor, magic, 0, magic.length, 0) === magic.length && magic.some((byte) => byte !== 0)
    );
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** SQLCipher 4's page size: the first page holds the salt and the header fields checked here. */
const FIRST_PAGE_BYTES = 4096;

/**
 * Proves a passphrase on a copy of the file's first page alone, so neither the file nor its hot journal is
 * touched: a wrong passphrase, or a file that is not ours, must never roll back a journal. Every page SQLite
 * writes is whole and under the same key, so the first page decrypts whichever version of it is on disk. The
 * header may count pages the copy lacks (or the cut-short write never wrote): on this throwaway read-only copy,
 * writable_schema (with defensive mode off) lets SQLite read it rather than call it malformed.
 */
function proveOnFirstPage(file: string, passphrase: string, kind: EncryptedFileKind): void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'confidant-check-'));
  const copy = path.join(folder, 'first-page');
  let db: Connection | undefined;
  try {
    const source = openSync(file, 'r');
    const page = Buffer.alloc(FIRST_PAGE_BYTES);
    const read = readSync(source, page, 0, page.length, 0);
    closeSync(source);
    writeFileSync(copy, page.subarray(0, read));
    db = new Database(copy, { readonly: true, fileMustExist: true });
    applyPassphrase(db, passphrase);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    if (db.pragma('application_id', { simple: true }) !== kind.applicationId) throw wrongPassphrase(kind);
  } finally {
    db?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Proves the passphrase on a read-only connection before anything may write: a wrong passphrase, a file that is
 * not a SQLCipher database, or a SQLCipher database of another kind all get the same message and leave the file
 * byte for byte as it was. A file from a newer Confidant is refused here too, before anything is written.
 * A file whose last write was cut short is rolled back first, once the passphrase is proven on its first page.
 */
export function verifyPassphrase(file: string, passphrase: string, kind: EncryptedFileKind): void {
  let db: Connection | undefined;
  try {
    if (hasHotJournal(file)) {
      proveOnFirstPage(file, passphrase, kind);
      // The first read on a writable connection rolls the journal back, as SQLite does after any crash.
      connect(file, passphrase, { fileMustExist: true }).close();
    }
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

/**
 * Moves a finished file into place so that a crash leaves either the old file or the new one, whole: the new
 * file's bytes reach the disk before the rename, and the rename reaches it before this returns.
 */
export function replaceDurably(finished: string, target: string): void {
  const descriptor = openSync(finished, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(finished, target);
  syncFolder(path.dirname(target));
}

/** Makes a rename in a folder durable. Windows cannot open a folder, and its renames are already written through. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const descriptor = openSync(folder, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
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
  replaceDurably(building, file);
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
