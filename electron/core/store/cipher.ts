import type { Database } from 'better-sqlite3-multiple-ciphers';
import { pbkdf2Sync } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * SQLCipher 4 settings (cipher='sqlcipher', legacy=4): any SQLCipher 4 tool opens a Confidant project given
 * its passphrase, so nobody is locked in to this app.
 */
export const CIPHER = 'sqlcipher';
export const CIPHER_LEGACY = 4;

/** Keys a fresh connection. The passphrase goes through the key API, never spliced into SQL. */
export function applyPassphrase(db: Database, passphrase: string): void {
  db.pragma(`cipher='${CIPHER}'`);
  db.pragma(`legacy=${CIPHER_LEGACY}`);
  db.key(Buffer.from(passphrase, 'utf8'));
}

/** Settings every connection to a project runs with. */
export function applyConnectionSettings(db: Database): void {
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, so removed identifiers do not linger in free pages.
  db.pragma('secure_delete = ON');
  // A rollback journal, not WAL: no -wal/-shm files beside the project at rest, a crash mid-write rolls back on
  // the next open, and rekey needs no WAL dance (better-sqlite3-multiple-ciphers issue 64).
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
}

/** SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, a 32-byte key, the file's salt. */
const KDF_ITERATIONS = 256_000;
const SALT_BYTES = 16;

/**
 * The key SQLCipher derives from the passphrase for this file, as a raw key (`x'<key><salt>'`), which keys a
 * connection without the key derivation: a background job and the reconnection after it each took 125 ms or
 * more of CPU deriving it again. Held only while the project is unlocked, like the passphrase it stands for.
 * The salt is the first 16 bytes of the file, as SQLCipher 4 writes it.
 */
export function rawKey(file: string, passphrase: string): string {
  const salt = Buffer.alloc(SALT_BYTES);
  const descriptor = openSync(file, 'r');
  try {
    readSync(descriptor, salt, 0, SALT_BYTES, 0);
  } finally {
    closeSync(descriptor);
  }
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, KDF_ITERATIONS, 32, 'sha512');
  return `x'${key.toString('hex')}${salt.toString('hex')}'`;
}
