import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { projectPseudonymKey } from '../import/participantRegister';
import {
  buildRosterNameIndex,
  createRosterMatcher,
  type RosterMatcher,
  type RosterNamePart,
  type RosterPerson,
} from './rosterNames';

/**
 * The project's roster names, kept the only way the free-text scan needs them: keyed hashes of their tokens
 * (under the project's pseudonym key, in a domain of their own). A roster import records each person's
 * tokens; the scan rebuilds its matcher from them.
 */
/** Records people's name tokens; the key and the statement are prepared once for a whole import. */
export function rosterNameRecorder(db: Connection): (people: readonly RosterPerson[]) => number {
  const key = projectPseudonymKey(db);
  const insert = db.prepare(
    `INSERT INTO roster_name_token (hash, part) VALUES (?, ?)
     ON CONFLICT (hash) DO UPDATE SET part = 'given' WHERE excluded.part = 'given'`,
  );
  return (people) => {
    const index = buildRosterNameIndex(key, people);
    for (const token of index.tokens) insert.run(token.hash, token.part);
    return index.tokens.length;
  };
}

export function projectRosterMatcher(db: Connection): RosterMatcher {
  const tokens = db.prepare('SELECT hash, part FROM roster_name_token').all() as {
    hash: string;
    part: RosterNamePart;
  }[];
  return createRosterMatcher(projectPseudonymKey(db), { version: 1, tokens });
}
