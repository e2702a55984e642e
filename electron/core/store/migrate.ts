import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import type { Migration } from './migrations';

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
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.up);
    db.pragma(`application_id = ${applicationId}`);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}
