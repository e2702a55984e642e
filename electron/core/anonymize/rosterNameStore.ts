import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { NameWordCounts } from '../../../shared/scanTerms';
import { projectPseudonymKey } from '../import/participantRegister';
import { appendAudit } from '../store/audit';
import { ConfidantError } from '../../../shared/errors';
import {
  buildRosterNameIndex,
  nameTokens,
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

/**
 * Other names participants go by (nicknames, former names), added by the evaluator so the scan finds them
 * too. Kept as the same keyed hashes, marked 'nickname'; a word already on the roster keeps its part.
 * Returns how many words were not looked for before.
 */
export function recordOtherNames(db: Connection, names: readonly string[], actor: string): number {
  const wordless = names.findIndex((name) => nameTokens(name).length === 0);
  if (wordless >= 0) {
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `Name ${wordless + 1} has no word of two or more letters to look for. Nothing was added.`,
    );
  }
  return db.transaction(() => {
    const before = nameWordCounts(db);
    // A person with no given or family names of their own here: only the other names they go by.
    rosterNameRecorder(db)([{ givenNames: '', nicknames: names }]);
    const after = nameWordCounts(db);
    const newWords = after.roster + after.added - before.roster - before.added;
    appendAudit(db, {
      actor,
      action: 'anonymize.addNames',
      objectType: 'project',
      detail: { names: names.length, newWords },
    });
    return newWords;
  })();
}

/** How many name words the scan looks for: the roster's, and the other names the evaluator added. */
export function nameWordCounts(db: Connection): NameWordCounts {
  const counts = db.prepare('SELECT part, count(*) AS n FROM roster_name_token GROUP BY part').all() as {
    part: RosterNamePart;
    n: number;
  }[];
  const of = (part: RosterNamePart) => counts.find((count) => count.part === part)?.n ?? 0;
  return { roster: of('given') + of('family'), added: of('nickname') };
}
