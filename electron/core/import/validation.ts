import { isEmailAddress } from './emailAddress';
import { scoreAnswer, type AnswerScale, type CodeScoring } from './answerScales';
import type { ColumnRole, Generalisation } from '../../../shared/import';
import { splitOptions, type ImportField, type OptionSeparator } from './mappingSuggestion';
import { quoteValue, type ImportProblem } from './problems';
import type { ParticipantIdentifierKind } from './participantRegister';
import { parseDuration, parseEventKind, parseMatchScore, parsePairingStatus } from './programValues';
import { normaliseIdentifier } from '../anonymize/pseudonym';
import { SeenKeys } from './seenKeys';
import type { SourceRow } from './table';
import { parseDate, parseNumber, type DateColumnStyle, type DecimalMark, type Parsed } from './values';

/**
 * Checking mapped rows before anything is stored: each value has the type its field needs and lies in its range,
 * required values are there, a participant appears once, and (when a roster is known) every participant is on it.
 * Every problem names the file, the row and the column. Rows are checked batch by batch, so a million-row file
 * is never held whole; the ids seen so far are kept as 8-byte fingerprints, to find duplicates.
 */

export interface ColumnRule {
  index: number;
  heading: string;
  field: ImportField;
  required?: boolean;
  /** Likert items: the scale the labels (or points) belong to. */
  scale?: AnswerScale;
  /** Likert items from SPSS: how the file's codes score (from its value labels). */
  codes?: CodeScoring;
  /** Other SPSS variables with value labels (1 = "Male"): each code is read as its label. */
  valueLabels?: ReadonlyMap<number, string>;
  dateStyle?: Partial<DateColumnStyle>;
  decimal?: DecimalMark | null;
  /** Numeric items: the allowed range, inclusive. */
  min?: number;
  max?: number;
  /** Multiple-choice questions with several answers: what joins the chosen options (stored as a set). */
  multiSelect?: OptionSeparator;
  /** mentorId and menteeId columns: which identifier of a person the column holds (the value decides if unset). */
  identifierKind?: ParticipantIdentifierKind;
  /** Participant traits: the role the evaluator confirmed, and how the value is coarsened before it is stored. */
  role?: ColumnRole;
  generalise?: Generalisation;
}

export interface ValidationSettings {
  file: string;
  columns: ColumnRule[];
  /** Participant ids already in the project (the roster); when given, other ids are reported. */
  knownParticipants?: ReadonlySet<string>;
  /**
   * Whether a participant may appear only once in the file (true, the default: a roster, a survey wave). HR
   * records list several events of one person, so they set it false.
   */
  participantOncePerFile?: boolean;
  /** Free-text cells (see `isFreeTextColumn`) are passed through this before they are kept: names and contacts go. */
  redactText?: (text: string) => string;
}

/** A typed cell; a multiple-answer question's chosen options are a list. */
export type CellValue = string | number | boolean | null | string[];

/** A row that passed: its typed values by column index. */
export interface CheckedRow {
  row: number;
  values: Map<number, CellValue>;
}

export interface RowValidator {
  check(rows: readonly SourceRow[]): { accepted: CheckedRow[]; problems: ImportProblem[] };
  /** Counts for the summary once every batch is checked. */
  summary(): { checked: number; accepted: number; rejected: number };
}

const ROLE_WORDS: Record<string, string> = {
  mentor: 'mentor',
  mentee: 'mentee',
  coach: 'mentor',
  coachee: 'mentee',
  protege: 'mentee',
  protégé: 'mentee',
  both: 'both',
};

const FREE_TEXT_FIELDS = new Set<ImportField>(['freeText', 'topics', 'eventDetail', 'matchingCriteria']);

/** Columns of words people wrote: scanned for names and contacts on the way in. */
export function isFreeTextColumn(rule: ColumnRule): boolean {
  return FREE_TEXT_FIELDS.has(rule.field) || rule.role === 'free-text';
}

/** Converts one cell for its field; null is an empty cell. */
export function convertCell(written: string, rule: ColumnRule): Parsed<CellValue> {
  const raw = (rule.valueLabels && rule.valueLabels.get(Number(written.trim()))) ?? written;
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (rule.field) {
    case 'email':
      // Microsoft Forms writes "anonymous" when it did not collect the respondent's e-mail.
      if (text.toLowerCase() === 'anonymous') return { ok: true, value: null };
      return isEmailAddress(text)
        ? { ok: true, value: text.toLowerCase() }
        : {
            ok: false,
            expected: 'an e-mail address',
            message: `${quoteValue(raw)} is not an e-mail address.`,
          };
    case 'age':
      return parseAge(text, rule);
    case 'date':
    case 'birthDate':
    case 'submittedAt':
    case 'pairingStart':
    case 'pairingEnd':
    case 'eventDate':
    case 'meetingDate':
      return parseDate(text, rule.dateStyle);
    case 'mentorId':
    case 'menteeId':
      if (rule.identifierKind === 'email' && !isEmailAddress(text))
        return {
          ok: false,
          expected: 'an e-mail address',
          message: `${quoteValue(raw)} is not an e-mail address.`,
        };
      return { ok: true, value: text };
    case 'matchScore':
      return parseMatchScore(text);
    case 'pairingStatus':
      return parsePairingStatus(text);
    case 'eventKind':
      return parseEventKind(text);
    case 'durationMinutes':
      return parseDuration(text);
    case 'numericItem': {
      const n = parseNumber(text, rule.decimal ?? null);
      if (!n.ok) return n;
      const { min, max } = rule;
      if ((min !== undefined && n.value < min) || (max !== undefined && n.value > max)) {
        const range = `a number from ${min ?? '-∞'} to ${max ?? '∞'}`;
        return {
          ok: false,
          expected: range,
          message: `${quoteValue(raw)} is outside the range; expected ${range}.`,
        };
      }
      return n;
    }
    case 'likertItem':
      return scoreLikert(text, rule);
    case 'role': {
      const role = ROLE_WORDS[text.toLowerCase()];
      return role
        ? { ok: true, value: role }
        : {
            ok: false,
            expected: 'mentor or mentee',
            message: `${quoteValue(raw)} is not a role; expected Mentor or Mentee.`,
          };
    }
    case 'choiceItem':
      return { ok: true, value: rule.multiSelect ? splitOptions(text, rule.multiSelect) : text };
    case 'ignore':
      return { ok: true, value: null };
    default:
      if (rule.generalise?.to === 'bands') return parseNumber(text, rule.decimal ?? null);
      if (rule.generalise) return parseDate(text, rule.dateStyle);
      return { ok: true, value: text };
  }
}

/** An age band as forms offer them: "18-29", "25 – 34", "> 60", "60+", "Under 25", "65 or over". */
const AGE_BAND =
  /^(\d{1,3}\s*(-|–|to)\s*\d{1,3}|[<>≤≥]=?\s*\d{1,3}|\d{1,3}\s*\+|(under|over|below|above|less than|more than)\s+\d{1,3}|\d{1,3}\s+(or|and)\s+(over|older|above|under|younger))(\s*years?( old)?)?$/i;

export function isAgeBand(text: string): boolean {
  return AGE_BAND.test(text.trim());
}

function parseAge(text: string, rule: ColumnRule): Parsed<CellValue> {
  // A band is a category, kept as the respondent chose it, never read as a number.
  if (isAgeBand(text)) return { ok: true, value: text };
  const age = parseNumber(text, rule.decimal ?? null);
  if (!age.ok) return age;
  if (age.value < 0 || age.value > 120)
    return {
      ok: false,
      expected: 'an age in years from 0 to 120',
      message: `${quoteValue(text)} is not an age in years; expected 0 to 120.`,
    };
  return age;
}

function scoreLikert(text: string, rule: ColumnRule): Parsed<CellValue> {
  if (rule.codes) {
    const code = Number(text);
    const point = rule.codes.points.get(code);
    if (point !== undefined) return { ok: true, value: point };
    if (rule.codes.notOnScale.some((l) => l.code === code)) return { ok: true, value: null };
    const known = [...rule.codes.points.keys()].join(', ');
    return {
      ok: false,
      expected: `one of the coded answers ${known}`,
      message: `${quoteValue(text)} is not one of the answers this question's value labels define (${known}).`,
    };
  }
  if (rule.scale) return scoreAnswer(text, rule.scale);
  const n = parseNumber(text, rule.decimal ?? null);
  if (!n.ok)
    return {
      ok: false,
      expected: 'an answer on a rating scale',
      message: `${quoteValue(text)} is not a rating; choose this column's answer scale.`,
    };
  return n;
}

export function createRowValidator(settings: ValidationSettings): RowValidator {
  const { file, columns, knownParticipants, participantOncePerFile = true, redactText } = settings;
  const freeText = new Set(columns.filter(isFreeTextColumn).map((rule) => rule.index));
  const idColumn =
    columns.find((c) => c.field === 'participantId') ?? columns.find((c) => c.field === 'email') ?? null;
  const firstSeen = new SeenKeys();
  // A response, and a respondent's own code, appear once in a file.
  const onceEach = (
    [
      ['responseId', 'response'],
      ['respondentCode', "respondent's own code"],
    ] as const
  ).flatMap(([field, what]) => {
    const rule = columns.find((c) => c.field === field);
    return rule ? [[rule, new SeenKeys(), what] as const] : [];
  });
  let checked = 0;
  let accepted = 0;

  const problem = (
    row: number,
    rule: ColumnRule,
    value: string | null,
    expected: string,
    message: string,
  ): ImportProblem => ({
    file,
    row,
    column: rule.heading,
    value,
    expected,
    message: `Row ${row}, ${rule.heading}: ${message}`,
    severity: 'error',
  });

  const duplicate = (
    seen: SeenKeys,
    key: string,
    row: number,
    rule: ColumnRule,
    raw: string,
    what: string,
  ) => {
    const earlier = seen.see(key, row);
    if (earlier === undefined) return null;
    return problem(
      row,
      rule,
      raw,
      `a ${what} not used before in this file`,
      `${quoteValue(raw)} already appears in row ${earlier}; each ${what} may appear once in a file.`,
    );
  };

  return {
    check(rows) {
      const problems: ImportProblem[] = [];
      const out: CheckedRow[] = [];
      for (const source of rows) {
        checked++;
        const values = new Map<number, CellValue>();
        let failed = false;
        for (const rule of columns) {
          const raw = source.cells[rule.index] ?? '';
          const parsed = convertCell(raw, rule);
          if (!parsed.ok) {
            failed = true;
            problems.push(problem(source.row, rule, raw, parsed.expected, parsed.message));
            continue;
          }
          if (parsed.value === null && rule.required) {
            failed = true;
            problems.push(
              problem(
                source.row,
                rule,
                '',
                `a ${rule.heading} in every row`,
                'is empty; every row needs a value here.',
              ),
            );
          }
          const value = parsed.value;
          values.set(
            rule.index,
            redactText && typeof value === 'string' && freeText.has(rule.index) ? redactText(value) : value,
          );
        }
        if (idColumn) {
          const raw = (source.cells[idColumn.index] ?? '').trim();
          // The converted value: an e-mail column's "anonymous" (Microsoft Forms) names nobody.
          const converted = values.get(idColumn.index);
          const key = converted === null || converted === undefined ? '' : String(converted);
          if (key) {
            const dup = participantOncePerFile
              ? duplicate(firstSeen, key, source.row, idColumn, raw, 'participant')
              : null;
            if (dup) problems.push(dup);
            if (knownParticipants && !knownParticipants.has(key))
              problems.push(
                problem(
                  source.row,
                  idColumn,
                  raw,
                  'a participant on the roster',
                  `${quoteValue(raw)} is not on the project's roster; import the roster first or correct the id.`,
                ),
              );
            failed ||= !!dup || (!!knownParticipants && !knownParticipants.has(key));
          }
        }
        for (const [rule, seen, what] of onceEach) {
          const raw = (source.cells[rule.index] ?? '').trim();
          const key = rule.field === 'respondentCode' ? normaliseIdentifier(raw, 'id') : raw;
          const dup = key ? duplicate(seen, key, source.row, rule, raw, what) : null;
          if (dup) {
            problems.push(dup);
            failed = true;
          }
        }
        if (!failed) {
          accepted++;
          out.push({ row: source.row, values });
        }
      }
      return { accepted: out, problems };
    },
    summary: () => ({ checked, accepted, rejected: checked - accepted }),
  };
}
