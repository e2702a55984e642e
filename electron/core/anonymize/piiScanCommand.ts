import { randomBytes } from 'node:crypto';
import { buildRosterNameIndex, createRosterMatcher, parseRosterCsv, type RosterMatcher } from './rosterNames';
import { scanForPii, type ScanOptions } from './scan';

export { parseRosterCsv };

export interface PiiScanArgs {
  text: string;
  countries: string[];
  /** A roster file given on the command line. */
  rosterCsv?: string;
  /** An open project's scan options (its countries, id masks and roster); `countries` given here win. */
  project?: ScanOptions;
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
  const roster = args.project?.roster ?? (args.rosterCsv ? throwAwayRoster(args.rosterCsv) : undefined);
  const countries = args.countries.length > 0 ? args.countries : args.project?.countries;
  const findings = scanForPii(args.text, { ...args.project, countries, roster });
  return findings.map(({ start, end, entity, score }) => ({
    start,
    end,
    entity,
    score: Math.round(score * 100) / 100,
  }));
}

function throwAwayRoster(csv: string): RosterMatcher {
  const key = randomBytes(32);
  return createRosterMatcher(key, buildRosterNameIndex(key, parseRosterCsv(csv)));
}
