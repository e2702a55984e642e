import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';

/**
 * Finding or creating the program's named things an import refers to: cohorts, collection windows,
 * instruments. Each is looked up by name and created on first use.
 */
export type CollectionWindowKind = 'baseline' | 'mid_program' | 'end_of_program' | 'follow_up' | 'other';

const DEFAULT_PROGRAM = 'Mentoring program';

function findOrCreate(db: Connection, select: string, insert: string, ...values: unknown[]): number {
  const found = db
    .prepare(select)
    .pluck()
    .get(...values) as number | undefined;
  return found ?? Number(db.prepare(insert).run(...values).lastInsertRowid);
}

export function programId(db: Connection): number {
  const found = db.prepare('SELECT id FROM program ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  return (
    found ?? Number(db.prepare('INSERT INTO program (name) VALUES (?)').run(DEFAULT_PROGRAM).lastInsertRowid)
  );
}

export function cohortId(db: Connection, name: string): number {
  const program = programId(db);
  return findOrCreate(
    db,
    'SELECT id FROM cohort WHERE program_id = ? AND name = ?',
    'INSERT INTO cohort (program_id, name) VALUES (?, ?)',
    program,
    name,
  );
}

/** Guesses the kind of a window from its name: "Baseline", "Mid-point check-in", "6-month follow-up". */
export function windowKindFromName(name: string): CollectionWindowKind {
  const text = name.toLowerCase();
  if (/baseline|pre[- ]?(program|programme)|\bpre\b|intake|start/.test(text)) return 'baseline';
  if (/mid|check[- ]?in|interim|halfway/.test(text)) return 'mid_program';
  if (/follow[- ]?up|months? after|later/.test(text)) return 'follow_up';
  if (/end|post|final|exit|close/.test(text)) return 'end_of_program';
  return 'other';
}

export function collectionWindowId(db: Connection, name: string): number {
  const found = db.prepare('SELECT id FROM collection_window WHERE name = ?').pluck().get(name) as
    number | undefined;
  if (found !== undefined) return found;
  const position = (db.prepare('SELECT count(*) FROM collection_window').pluck().get() as number) + 1;
  return Number(
    db
      .prepare('INSERT INTO collection_window (name, kind, position) VALUES (?, ?, ?)')
      .run(name, windowKindFromName(name), position).lastInsertRowid,
  );
}

export function instrumentId(db: Connection, name: string): number {
  return findOrCreate(
    db,
    'SELECT id FROM instrument WHERE name = ?',
    'INSERT INTO instrument (name) VALUES (?)',
    name,
  );
}
