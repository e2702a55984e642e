import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import type { Migration } from './migrations';
import { requireIntactReferences } from './references';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a file up to this app's schema for its kind: every pending migration in one transaction, so a failure
 * leaves the file as it was. A file written by a newer Confidant is refused, never downgraded.
 */
export function migrate(db: Database, list: readonly Migration[], applicationId: number): number {
  const current = schemaVersion(db);
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ConfidantError(
      'PROJECT_TOO_NEW',
      `This project was saved by a newer version of Confidant (schema ${current}; this version knows up to ${latest}). ` +
        'Update Confidant to open it; the file has not been changed.',
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  // A table others refer to can only be dropped and renamed with foreign keys off (set outside a transaction).
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) db.exec(migration.up);
      if (rebuilds) requireIntactReferences(db);
      db.pragma(`application_id = ${applicationId}`);
      db.pragma(`user_version = ${latest}`);
    })();
  } finally {
    if (rebuilds && enforced) db.pragma('foreign_keys = ON');
  }
  return latest;
}
