import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { ConfidantError } from '../../../shared/errors';
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
    {
      version: 2,
      name: 'the project a vault belongs to',
      up: `CREATE TABLE vault_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
    },
  ],
};

const PROJECT_ID = 'project_id';

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

/** The random id a project is known by to its vault (kept in project_setting); null until it has a vault. */
export function projectIdOf(project: Connection): string | null {
  const stored = project
    .prepare('SELECT value FROM project_setting WHERE key = ?')
    .pluck()
    .get(PROJECT_ID) as string | undefined;
  return stored ?? null;
}

/** The project's id for its vault, made when its first vault is created. */
export function ensureProjectId(project: Connection): string {
  const known = projectIdOf(project);
  if (known !== null) return known;
  const made = randomUUID();
  project.prepare('INSERT INTO project_setting (key, value) VALUES (?, ?)').run(PROJECT_ID, made);
  return made;
}

/** A new vault for the project known by `projectId`; it will open for that project only. */
export function createVault(file: string, passphrase: string, projectId: string): Vault {
  createEncryptedFile(file, passphrase, VAULT_KIND, (db) => {
    db.prepare('INSERT INTO vault_setting (key, value) VALUES (?, ?)').run(PROJECT_ID, projectId);
  });
  return openVault(file, passphrase, projectId);
}

/**
 * Opens the vault of the project known by `projectId` (null: a project that never had one). The passphrase is
 * proved read-only first, so a wrong one leaves the file as it was; a vault of another project is refused.
 */
export function openVault(file: string, passphrase: string, projectId: string | null): Vault {
  const db = openEncryptedFile(file, passphrase, VAULT_KIND);
  const owner = db.prepare('SELECT value FROM vault_setting WHERE key = ?').pluck().get(PROJECT_ID);
  if (projectId === null || owner !== projectId) {
    db.close();
    throw new ConfidantError(
      'VAULT_OF_ANOTHER_PROJECT',
      'This re-identification vault belongs to another project. Choose the vault that was created for this project.',
    );
  }
  return { path: file, db };
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
