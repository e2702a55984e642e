import { utf16ToCodePointOffsets } from './codePoints';
import { detectCreditCards } from './detectors/creditCard';
import { detectDates } from './detectors/dateTime';
import { detectEmailAddresses } from './detectors/email';
import { detectIdentifierMasks, type IdentifierMask } from './detectors/employeeId';
import { detectIbans } from './detectors/iban';
import { detectIpAddresses } from './detectors/ipAddress';
import { detectMacAddresses } from './detectors/macAddress';
import { detectNationalIds } from './detectors/nationalId';
import { detectPhoneNumbers } from './detectors/phoneNumber';
import { detectPostalCodes } from './detectors/postalCode';
import { detectProperNames } from './detectors/properNames';
import { detectUrls } from './detectors/url';
import type { DetectionContext, Detector, PiiEntity, PiiFinding } from './finding';
import type { RosterMatcher } from './rosterNames';

/**
 * `scanForPii`: every detector over one text, overlapping findings merged, offsets in code points.
 * This is the one entry point the importer, the report's last check and the CLI all use.
 */

export interface ScanOptions {
  /** The project's countries (ISO alpha-2): phone numbers, national ids and postcodes depend on them. */
  countries?: readonly string[];
  roster?: RosterMatcher;
  identifierMasks?: readonly IdentifierMask[];
  /** Only these entities (all when absent). */
  entities?: readonly PiiEntity[];
  /** Findings scoring below this are dropped. Default 0.5. */
  minScore?: number;
}

export const DEFAULT_COUNTRIES = ['GB', 'US'] as const;
export const DEFAULT_MIN_SCORE = 0.5;

const DETECTORS: Array<{ detect: Detector; entities: readonly PiiEntity[] }> = [
  { detect: detectEmailAddresses, entities: ['EMAIL_ADDRESS'] },
  { detect: detectUrls, entities: ['URL'] },
  { detect: detectIpAddresses, entities: ['IP_ADDRESS'] },
  { detect: detectMacAddresses, entities: ['MAC_ADDRESS'] },
  { detect: detectIbans, entities: ['IBAN_CODE'] },
  { detect: detectCreditCards, entities: ['CREDIT_CARD'] },
  { detect: detectPhoneNumbers, entities: ['PHONE_NUMBER'] },
  { detect: detectDates, entities: ['DATE_TIME'] },
  { detect: detectPostalCodes, entities: ['UK_POSTCODE', 'POSTAL_CODE'] },
  { detect: detectNationalIds, entities: ['US_SSN', 'UK_NHS', 'UK_NINO', 'ES_NIF', 'IN_AADHAAR', 'IN_PAN'] },
  { detect: detectProperNames, entities: ['PERSON', 'LOCATION', 'ORGANIZATION'] },
];

function normaliseCountries(countries: readonly string[] | undefined): string[] {
  const list = (countries && countries.length > 0 ? countries : DEFAULT_COUNTRIES).map((c) =>
    c.trim().toUpperCase(),
  );
  return [...new Set(list.map((c) => (c === 'UK' ? 'GB' : c)))];
}

/** Texts longer than this are scanned a piece at a time (split at a line break), so memory stays flat. */
const PIECE = 256 * 1024;

/** Where to cut a long text: the last line break (else space) before `limit`, never inside a word. */
export function pieceEnd(text: string, from: number, limit = PIECE): number {
  const hard = from + limit;
  if (hard >= text.length) return text.length;
  const newline = text.lastIndexOf('\n', hard);
  if (newline > from + limit / 2) return newline + 1;
  const space = text.lastIndexOf(' ', hard);
  if (space > from + limit / 2) return space + 1;
  // No break at all: cut between two code units that are not a surrogate pair.
  return (text.charCodeAt(hard) & 0xfc00) === 0xdc00 ? hard + 1 : hard;
}

/** Findings in UTF-16 offsets, merged, before conversion: what operators.ts applies to a JavaScript string. */
export function detectPii(text: string, options: ScanOptions = {}): PiiFinding[] {
  if (text.length <= PIECE) return detectInPiece(text, options);
  const out: PiiFinding[] = [];
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start);
    for (const f of detectInPiece(text.slice(start, end), options)) {
      f.start += start;
      f.end += start;
      out.push(f);
    }
    start = end;
  }
  return out;
}

function detectInPiece(text: string, options: ScanOptions): PiiFinding[] {
  if (text.length === 0) return [];
  const context: DetectionContext = { countries: normaliseCountries(options.countries) };
  const wanted = options.entities ? new Set(options.entities) : null;
  const all: PiiFinding[] = [];
  for (const { detect, entities } of DETECTORS) {
    if (wanted && !entities.some((e) => wanted.has(e))) continue;
    for (const f of detect(text, context)) all.push(f);
  }
  if (options.roster && (!wanted || wanted.has('PERSON')))
    for (const f of options.roster.find(text)) all.push(f);
  if (options.identifierMasks?.length && (!wanted || wanted.has('EMPLOYEE_ID'))) {
    for (const f of detectIdentifierMasks(text, options.identifierMasks)) all.push(f);
  }
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const kept = all.filter((f) => f.score >= minScore && f.end > f.start && (!wanted || wanted.has(f.entity)));
  return mergeFindings(kept);
}

const CONTAINERS: ReadonlySet<PiiEntity> = new Set([
  'EMAIL_ADDRESS',
  'URL',
  'IBAN_CODE',
  'CREDIT_CARD',
  'IP_ADDRESS',
]);

/**
 * Overlaps: findings of one entity are united (the roster's "Priya" and the detector's "Priya Raman" give
 * "Priya Raman"); between entities the higher score wins, then the longer span. Sorted by start.
 */
export function mergeFindings(findings: readonly PiiFinding[]): PiiFinding[] {
  const byEntity = new Map<PiiEntity, PiiFinding[]>();
  for (const f of findings) {
    const list = byEntity.get(f.entity) ?? [];
    list.push(f);
    byEntity.set(f.entity, list);
  }
  const united: PiiFinding[] = [];
  for (const list of byEntity.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: PiiFinding | undefined;
    for (const f of list) {
      if (current && f.start < current.end) {
        if (f.end > current.end) current.end = f.end;
        if (f.score > current.score) {
          current.score = f.score;
          current.reason = f.reason;
        }
      } else {
        if (current) united.push(current);
        current = { ...f };
      }
    }
    if (current) united.push(current);
  }
  united.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiFinding[] = [];
  let cluster: PiiFinding[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) out.push(cluster[0]!);
    else if (cluster.length > 1) {
      const chosen: PiiFinding[] = [];
      // A name inside an e-mail address or a URL goes with it: the container is replaced whole.
      const outer = cluster.filter(
        (f) =>
          !cluster.some(
            (g) =>
              g !== f &&
              CONTAINERS.has(g.entity) &&
              g.start <= f.start &&
              f.end <= g.end &&
              g.end - g.start > f.end - f.start,
          ),
      );
      const ranked = [...outer].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
      for (const f of ranked) if (!chosen.some((c) => f.start < c.end && c.start < f.end)) chosen.push(f);
      out.push(...chosen.sort((a, b) => a.start - b.start));
    }
    cluster = [];
  };
  for (const f of united) {
    if (f.start >= clusterEnd) {
      flush();
      clusterEnd = f.end;
    } else clusterEnd = Math.max(clusterEnd, f.end);
    cluster.push(f);
  }
  flush();
  return out;
}

/** The public scan: like detectPii but with start/end counted in Unicode code points. */
export function scanForPii(text: string, options: ScanOptions = {}): PiiFinding[] {
  const findings = detectPii(text, options);
  const offsets = utf16ToCodePointOffsets(
    text,
    findings.flatMap((f) => [f.start, f.end]),
  );
  return findings.map((f, i) => ({ ...f, start: offsets[2 * i]!, end: offsets[2 * i + 1]! }));
}
