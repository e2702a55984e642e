import { randomBytes } from 'node:crypto';
import { buildRosterNameIndex, createRosterMatcher, parseRosterCsv, type RosterMatcher } from './rosterNames';
import { scanForPii } from './scan';

export { parseRosterCsv };

export interface PiiScanArgs {
  text: string;
  countries: string[];
  /** A roster file given on the command line, or the roster of an open project (already a matcher). */
  rosterCsv?: string;
  roster?: RosterMatcher;
}

export interface PiiScanResult {
  start: number;
  end: number;
  entity: string;
  score: number;
}

/**
 * `confidant pii-scan`: findings as Presidio prints them, offsets in code points, end exclusive.
 * A roster given on the command line is hashed under a throw-away key: it lives only for this scan; a project's
 * roster comes as the matcher built from the hashes the project keeps.
 */
export async function piiScanCommand(args: PiiScanArgs): Promise<PiiScanResult[]> {
  const roster =
    args.roster ??
    (args.rosterCsv
      ? (() => {
          const key = randomBytes(32);
          return createRosterMatcher(key, buildRosterNameIndex(key, parseRosterCsv(args.rosterCsv)));
        })()
      : undefined);
  const findings = scanForPii(args.text, { countries: args.countries, roster });
  return findings.map(({ start, end, entity, score }) => ({
    start,
    end,
    entity,
    score: Math.round(score * 100) / 100,
  }));
}
