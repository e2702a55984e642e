import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { ImportTargets } from '../../../shared/import';

/** Where a survey wave can go: the collection windows (in program order) and instruments the project has. */
export function importTargets(db: Connection): ImportTargets {
  return {
    windows: db
      .prepare('SELECT name, kind FROM collection_window ORDER BY position, id')
      .all() as ImportTargets['windows'],
    instruments: db
      .prepare('SELECT name FROM instrument ORDER BY name')
      .all() as ImportTargets['instruments'],
  };
}
