import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { createEncryptedFile, openEncryptedFile, type EncryptedFileKind } from '../store/encryptedFile';

/**
 * The re-identification vault: a separate encrypted file, with its own passphrase, that maps pseudonyms back to
 * identities for the follow-up of at-risk participants that a governance process may require. Off by default:
 * a project works without one, and the project file never holds what is in it. Whoever holds only the project
 * passphrase cannot re-identify anyone.
 */
export const VAULT_EXTENSION = '.confidant-vault';

export const VAULT_KIND: EncryptedFileKind = {
  applicationId: 0x436e7676, // 'Cnvv'
  noun: 'Confidant re-identification vault',
  migrations: [
    {
      version: 1,
      name: 'identities',
      up: `
        CREATE TABLE identity (
          pseudonym TEXT NOT NULL,
          domain TEXT NOT NULL,
          identity TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          PRIMARY KEY (pseudonym, domain)
        ) STRICT;
      `,
    },
  ],
};

/** One pseudonym and the identity it stands for, in the column (domain) it was made for. */
export interface VaultEntry {
  pseudonym: string;
  domain: string;
  identity: string;
}

export interface Vault {
  path: string;
  db: Connection;
}

export function createVault(file: string, passphrase: string): Vault {
  createEncryptedFile(file, passphrase, VAULT_KIND, () => undefined);
  return openVault(file, passphrase);
}

export function openVault(file: string, passphrase: string): Vault {
  return { path: file, db: openEncryptedFile(file, passphrase, VAULT_KIND) };
}

export function closeVault(vault: Vault): void {
  if (vault.db.open) vault.db.close();
}

/** Records identities in one transaction; a pseudonym seen again keeps its latest identity. */
export function recordIdentities(vault: Vault, entries: Iterable<VaultEntry>, at: Date = new Date()): number {
  const insert = vault.db.prepare(
    `INSERT INTO identity (pseudonym, domain, identity, recorded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (pseudonym, domain) DO UPDATE SET identity = excluded.identity, recorded_at = excluded.recorded_at`,
  );
  const stamp = at.toISOString();
  let count = 0;
  vault.db.transaction(() => {
    for (const entry of entries) {
      insert.run(entry.pseudonym, entry.domain, entry.identity, stamp);
      count++;
    }
  })();
  return count;
}

/** Every identity recorded for a pseudonym (one per column it was made for). */
export function identitiesOf(vault: Vault, pseudonym: string): VaultEntry[] {
  return vault.db
    .prepare('SELECT pseudonym, domain, identity FROM identity WHERE pseudonym = ? ORDER BY domain')
    .all(pseudonym) as VaultEntry[];
}
