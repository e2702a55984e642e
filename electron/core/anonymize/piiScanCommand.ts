import { randomBytes } from 'node:crypto';
import { buildRosterNameIndex, createRosterMatcher, parseRosterCsv } from './rosterNames';
import { scanForPii } from './scan';

export { parseRosterCsv };

export interface PiiScanArgs {
  text: string;
  countries: string[];
  rosterCsv?: string;
}

export interface PiiScanResult {
  start: number;
  end: number;
  entity: string;
  score: number;
}

/**
 * `confidant pii-scan`: findings as Presidio prints them, offsets in code points, end exclusive.
 * A roster given on the command line is hashed under a throw-away key: it lives only for this scan.
 */
export async function piiScanCommand(args: PiiScanArgs): Promise<PiiScanResult[]> {
  const roster = args.rosterCsv
    ? (() => {
        const key = randomBytes(32);
        return createRosterMatcher(key, buildRosterNameIndex(key, parseRosterCsv(args.rosterCsv)));
      })()
    : undefined;
  const findings = scanForPii(args.text, { countries: args.countries, roster });
  return findings.map(({ start, end, entity, score }) => ({
    start,
    end,
    entity,
    score: Math.round(score * 100) / 100,
  }));
}
