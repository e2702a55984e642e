import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';

/**
 * Foreign keys checked once, set-based, at the end of a bulk write, instead of on every insert.
 *
 * SQLite checks a reference by looking its parent row up. A bulk write that inserts rows in an order unrelated
 * to their parents' (the register's identifiers, written in key order, name participants in random order) makes
 * every one of those look-ups read and decrypt a page the page cache has just let go: in a long write
 * transaction nearly every cached page is dirty, and only clean ones are reused. A million-row import spent a
 * quarter of its time there. So a bulk write runs on a connection with `foreign_keys` off (`withReferencesChecked`)
 * and, before it commits, every table is checked, each in the order its parents are stored in; a dangling
 * reference throws, and the caller rolls the whole write back.
 */

/** How one table's references are checked: by default `PRAGMA foreign_key_check`; a query counting the dangling. */
export type ReferenceChecks = Readonly<Record<string, string>>;

/** The tables that have foreign keys. */
function tablesWithReferences(db: Connection): string[] {
  return db
    .prepare(
      `SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' ORDER BY m.name`,
    )
    .pluck()
    .all() as string[];
}

/** Throws when any row of the project refers to a row that does not exist. */
export function requireIntactReferences(db: Connection, checks: ReferenceChecks = {}): void {
  for (const table of tablesWithReferences(db)) {
    const query = checks[table];
    const dangling = query
      ? (db.prepare(query).pluck().get() as number)
      : db.prepare(`SELECT count(*) FROM pragma_foreign_key_check(?)`).pluck().get(table);
    if (dangling !== 0) {
      throw new Error(
        `${String(dangling)} rows of ${table} refer to rows that do not exist; nothing was written.`,
      );
    }
  }
}

/**
 * Runs `write` (which opens and ends its own transaction) with foreign keys off on `db`, then restores them.
 * `write` must call `requireIntactReferences` before it commits. The setting cannot change inside a
 * transaction, so it is set before `write` begins one.
 */
export async function withReferencesChecked<T>(db: Connection, write: () => Promise<T>): Promise<T> {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    return await write();
  } finally {
    if (enforced && !db.inTransaction) db.pragma('foreign_keys = ON');
  }
}
