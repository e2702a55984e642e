import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import { APP_SCHEMA_VERSION, migrations, type Migration } from './migrations';

/** Marks a SQLCipher database as a Confidant project ('Cnfd'). */
export const APPLICATION_ID = 0x436e6664;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a project up to this app's schema: every pending migration in one transaction, so a failure leaves the
 * file as it was. A project written by a newer Confidant is refused, never downgraded.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
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
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}

export { APP_SCHEMA_VERSION };
