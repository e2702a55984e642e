import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { identityKey, projectPseudonymKey } from '../import/participantRegister';
import { projectScanOptions } from './anonymisationSettings';
import type { PiiFinding } from './finding';
import { anonymiseText } from './operators';
import { detectPii, type ScanOptions } from './scan';

/**
 * The names the project keeps for things: an imported file's name, a document's title, a saved mapping's name,
 * a collection window's and an instrument's name. They come from file names and from what the evaluator types,
 * and carry personal data as easily as an answer does ("Interview with Amara Okafor.txt", "Interview E1002"),
 * so each goes through the same free-text scan as a survey comment before it is stored, and more:
 *
 * - it is read with its separators as spaces too and, when it has no spaces at all (a file's name such as
 *   "interview_amara-okafor.txt"), with its words capitalised, as names are written there in lower case;
 * - a word that is a participant id or e-mail address of the project's register is found by its keyed hash;
 * - a word shaped like a staff number (a few letters, then three or more digits: E1002, EMP-0042) is taken for
 *   one even when the register does not know it yet, as when the interview is imported before the roster.
 *
 * Dates are kept ("Follow-up March 2026"): a date alone names nobody, and a label without it is useless.
 */

/** A few letters, an optional separator, three or more digits; not a year alone ("FY2026", "Q1 2026"). */
const STAFF_NUMBER = /(?<![\p{L}\p{N}])[A-Za-z]{1,4}[-_]?(\d{3,})(?![\p{L}\p{N}])/gu;
const YEAR = /^(19|20)\d\d$/;
/** The words of a label that could be an id or an e-mail address. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._%+@-]*[\p{L}\p{N}]/gu;
const SEPARATORS = /[_\-.+]/g;

const capitalised = (word: string) => {
  const first = word.charAt(0).toUpperCase();
  return first.length === 1 ? first + word.slice(1) : word;
};

function staffNumbers(label: string): PiiFinding[] {
  return [...label.matchAll(STAFF_NUMBER)]
    .filter((match) => !YEAR.test(match[1] ?? ''))
    .map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      entity: 'EMPLOYEE_ID',
      score: 0.6,
      reason: 'shaped like a staff number',
    }));
}

/** Overlapping findings joined into one, so each stretch of the label is replaced once. */
function joined(findings: readonly PiiFinding[]): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && finding.start < last.end) last.end = Math.max(last.end, finding.end);
    else out.push({ ...finding });
  }
  return out;
}

export type KnownIdentifier = (word: string) => boolean;

/** Where a label holds an identifier (UTF-16 offsets, in order, none overlapping); dates are not looked for. */
export function identifiersInLabel(
  label: string,
  scanOptions: ScanOptions,
  known: KnownIdentifier,
): PiiFinding[] {
  // Same length as the label, so the offsets of what is found in it hold for the label itself.
  const separated = label.replace(SEPARATORS, ' ');
  const spaced = /\s/.test(label) ? separated : separated.split(' ').map(capitalised).join(' ');
  const registered = [...label.matchAll(WORD)]
    .filter((match) => known(match[0]))
    .map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      entity: 'EMPLOYEE_ID' as const,
      score: 1,
      reason: 'an identifier of a participant in this project',
    }));
  const findings = [...detectPii(label, scanOptions), ...detectPii(spaced, scanOptions)].filter(
    (finding) => finding.entity !== 'DATE_TIME',
  );
  return joined([...findings, ...registered, ...staffNumbers(label)]);
}

/** The label with every identifier found in it replaced by a typed tag ("Interview with [PERSON-1]"). */
export function redactLabel(label: string, scanOptions: ScanOptions, known: KnownIdentifier): string {
  const found = identifiersInLabel(label, scanOptions, known);
  return found.length === 0 ? label : anonymiseText(label, found, { offsets: 'utf16' }).text;
}

/** A file's name redacted as a label, its extension kept (".csv" is neither a name nor part of an address). */
export function redactFileName(name: string, scanOptions: ScanOptions, known: KnownIdentifier): string {
  const extension = path.extname(name);
  return redactLabel(name.slice(0, name.length - extension.length), scanOptions, known) + extension;
}

/** Whether a word is an id or e-mail address of a participant in the project's register. */
export function registeredIdentifier(db: Connection): KnownIdentifier {
  const key = projectPseudonymKey(db);
  const lookup = db.prepare('SELECT 1 FROM participant_identifier WHERE identity_key = ?').pluck();
  return (word) =>
    (['id', 'email'] as const).some(
      (kind) => lookup.get(identityKey(key, { kind, value: word })) !== undefined,
    );
}

export interface ProjectLabels {
  label: (text: string) => string;
  fileName: (name: string) => string;
}

/** The project's scan for labels: its countries, id masks and roster names, and its register's identifiers. */
export function projectLabels(db: Connection): ProjectLabels {
  const scanOptions = projectScanOptions(db);
  const known = registeredIdentifier(db);
  return {
    label: (text) => redactLabel(text, scanOptions, known),
    fileName: (name) => redactFileName(name, scanOptions, known),
  };
}
