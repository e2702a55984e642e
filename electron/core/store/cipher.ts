import type { Database } from 'better-sqlite3-multiple-ciphers';

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
