import { importFields, type ImportField } from '../../../shared/import';
import { recogniseAnswerScale, type AnswerScale } from './answerScales';
import type { ParticipantIdentifierKind } from './participantRegister';
import {
  inferDateStyle,
  inferDecimalMark,
  parseDate,
  parseNumber,
  type DateColumnStyle,
  type DecimalMark,
} from './values';

/**
 * Suggesting what each column of an imported file is, from its heading and its values, so the evaluator only
 * confirms. The fields (shared/import.ts) are the data model's words.
 */
export { importFields, type ImportField };

/** Fields that name a person of a pairing: looked up on the roster, never stored. */
export const pairedPersonFields: readonly ImportField[] = ['mentorId', 'menteeId'];

/** Fields a participant can have only one value of per file (a roster row, a survey response). */
export const itemFields: readonly ImportField[] = ['likertItem', 'numericItem', 'choiceItem', 'freeText'];

export interface ColumnSuggestion {
  index: number;
  heading: string;
  field: ImportField;
  confidence: 'high' | 'medium' | 'low';
  /** Why, in the evaluator's words: "the heading says e-mail", "every value is an e-mail address". */
  reason: string;
  /** For a Likert item: the scale its labels belong to. */
  scale?: AnswerScale;
  /** For dates: day-first or month-first, Excel day numbers. */
  dateStyle?: DateColumnStyle;
  /** For numbers: the decimal mark the column uses. */
  decimal?: DecimalMark | null;
  /** For a mentor or mentee column: which identifier its heading says it holds. */
  identifierKind?: ParticipantIdentifierKind;
}

/** "Mentor e-mail" holds e-mails, "Mentee name" names, "Mentor ID" ids; a bare "Mentor" leaves it to the values. */
function identifierKindOf(heading: string): ParticipantIdentifierKind | undefined {
  if (/e ?mail/.test(heading)) return 'email';
  if (/name$/.test(heading)) return 'name';
  if (/(id|number|no|code|ref|reference)$/.test(heading)) return 'id';
  return undefined;
}

const HEADING_RULES: [RegExp, ImportField, string][] = [
  [
    /^(ip ?address|location ?(latitude|longitude)|latitude|longitude)$/,
    'ignore',
    'location data is not needed and identifies people',
  ],
  [/^(response ?id|respondent ?id|submission ?id)$/, 'responseId', 'the heading names the survey response'],
  // A pairing list or an activity log names both people; these come before the participant's own id and e-mail.
  [
    /^(mentor|coach|buddy)( (employee|staff|participant))? ?(id|number|no|code|ref(erence)?|e ?mail( address)?|name|full name)?$/,
    'mentorId',
    'the heading names the mentor',
  ],
  [
    /^(mentee|coachee|protege|protégé)( (employee|staff|participant))? ?(id|number|no|code|ref(erence)?|e ?mail( address)?|name|full name)?$/,
    'menteeId',
    'the heading names the mentee',
  ],
  [
    /^((pairing|match|matching|mentoring|relationship) ?(start|start date|started|began)|(paired|matched) ?(on|date)?|match date|pairing date)$/,
    'pairingStart',
    'the heading says when the pairing started',
  ],
  [
    /^((pairing|match|matching|mentoring|relationship) ?(end|end date|ended|finished)|end ?date|ended on|finish date)$/,
    'pairingEnd',
    'the heading says when the pairing ended',
  ],
  [/^(match|matching) ?(score|percentage|pct|quality|fit)$/, 'matchScore', 'the heading says match score'],
  [
    /^(matching|match) ?(criteria|criterion|basis|reason|rationale)$|^matched on$/,
    'matchingCriteria',
    'the heading says matching criteria',
  ],
  [/^(pairing|match|relationship|mentoring) ?status$/, 'pairingStatus', 'the heading says status'],
  [
    /^((event|change|movement|progression|career|hr) ?(type|kind)|event|progression event|career event|hr event|type of (event|change))$/,
    'eventKind',
    'the heading names the kind of HR event',
  ],
  [
    /^((event|change|effective|movement|progression|promotion) ?date|effective from|date of change)$/,
    'eventDate',
    'the heading says when the HR event happened',
  ],
  [
    /^((event|change|progression|hr) ?(detail|details|note|notes|description)|new (role|title|grade|job title))$/,
    'eventDetail',
    'the heading describes the HR event',
  ],
  [
    // "Session date" stays a plain date (an activity log reads a date column as the meeting's date anyway).
    /^(meeting ?(date|held on|on)|met on|date of meeting)$/,
    'meetingDate',
    'the heading says when the meeting was',
  ],
  [
    /^((meeting|session) ?)?(duration|length|minutes|mins|time spent)( ?(in )?(minutes|mins|hours))?$/,
    'durationMinutes',
    'the heading says how long the meeting was',
  ],
  [
    /^((meeting|session|discussion) ?)?(topics?|subjects?|themes?|agenda|discussed|topics discussed)$/,
    'topics',
    'the heading says what was discussed',
  ],
  [
    /^((participant|employee|staff|person|member|external) ?(id|number|no|code|ref(erence)?)|externalreference|id)$/,
    'participantId',
    'the heading names a participant id',
  ],
  [/e ?mail/, 'email', 'the heading says e-mail'],
  [/^(first ?name|given ?name|forename|recipient ?first ?name)$/, 'givenName', 'the heading says first name'],
  [/^(last ?name|surname|family ?name|recipient ?last ?name)$/, 'familyName', 'the heading says last name'],
  [/^((full |your |respondent |participant )?name)$/, 'fullName', 'the heading says name'],
  [/cohort|intake|programme year|program year/, 'cohort', 'the heading says cohort'],
  [
    /^(role|programme role|program role|participant type|mentor or mentee|mentor mentee)$/,
    'role',
    'the heading says role',
  ],
  [
    /department|dept|division|business unit|directorate|^team$|^function$/,
    'department',
    'the heading says department',
  ],
  [/job ?title|^position$|job role/, 'jobTitle', 'the heading says job title'],
  [/^(job |grade |career |pay )?(level|grade|band)$|^seniority$/, 'level', 'the heading says level or grade'],
  [
    /^(work |office |base |home )?(location|site|office|city|town|region|country|base)$/,
    'location',
    'the heading says location',
  ],
  [/^(gender|sex|gender identity)$/, 'gender', 'the heading says gender'],
  [
    /tenure|^(years|length|time) (of|in) (service|post|role|the organisation|the organization)$/,
    'tenureBand',
    'the heading says tenure',
  ],
  [/^(date of birth|dob|birth ?date|birthday)$/, 'birthDate', 'the heading says date of birth'],
  [/^(age|age in years|age years)$/, 'age', 'the heading says age'],
  [
    /^(timestamp|completion ?time|recorded ?date|submitted( at)?|date submitted|submission date)$/,
    'submittedAt',
    'the heading says when the response was submitted',
  ],
  [/date|^when\b/, 'date', 'the heading says date'],
];

const dateFields = new Set<ImportField>([
  'date',
  'birthDate',
  'submittedAt',
  'pairingStart',
  'pairingEnd',
  'eventDate',
  'meetingDate',
]);

/** A column is numbers (or dates) when this share of its values are: validation reports the others. */
const MOSTLY = 0.8;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLES = /^(mentor|mentee|both|coach|coachee|buddy|sponsor|protege|protégé)$/i;

export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Share of the non-empty values for which the test holds (0 when there are none). */
function share(values: string[], test: (v: string) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

/** Suggests the field of one column from its heading and a sample of its values. */
export function suggestColumn(index: number, heading: string, sample: readonly string[]): ColumnSuggestion {
  const values = sample.map((v) => v.trim()).filter((v) => v !== '');
  const base = { index, heading };
  const name = normaliseHeading(heading);
  // A long heading is a question ("How supportive is your department?"): its values decide, not its words.
  const rules = name.split(' ').length <= 4 ? HEADING_RULES : [];
  for (const [pattern, field, reason] of rules) {
    if (!pattern.test(name)) continue;
    if (dateFields.has(field))
      return { ...base, field, confidence: 'high', reason, dateStyle: inferDateStyle(values) };
    if (pairedPersonFields.includes(field)) {
      const identifierKind = identifierKindOf(name);
      return { ...base, field, confidence: 'high', reason, ...(identifierKind ? { identifierKind } : {}) };
    }
    return { ...base, field, confidence: 'high', reason };
  }
  if (values.length === 0)
    return { ...base, field: 'ignore', confidence: 'low', reason: 'the column is empty' };
  if (share(values, (v) => EMAIL.test(v)) >= 0.8)
    return { ...base, field: 'email', confidence: 'medium', reason: 'the values are e-mail addresses' };
  const scale = recogniseAnswerScale(values);
  if (scale)
    return {
      ...base,
      field: 'likertItem',
      confidence: 'medium',
      reason: `the answers are on a ${scale.name} scale`,
      scale,
    };
  if (share(values, (v) => ROLES.test(v)) >= 0.9)
    return { ...base, field: 'role', confidence: 'medium', reason: 'the values are mentor and mentee' };
  const decimal = inferDecimalMark(values);
  if (share(values, (v) => parseNumber(v, decimal).ok) >= MOSTLY)
    return { ...base, field: 'numericItem', confidence: 'medium', reason: 'the values are numbers', decimal };
  const dateStyle = inferDateStyle(values);
  if (share(values, (v) => parseDate(v, { order: dateStyle.order ?? 'dmy' }).ok) >= MOSTLY)
    return { ...base, field: 'date', confidence: 'medium', reason: 'the values are dates', dateStyle };
  const distinct = new Set(values);
  const words = values.reduce((n, v) => n + v.split(/\s+/).length, 0) / values.length;
  if (words >= 6)
    return { ...base, field: 'freeText', confidence: 'medium', reason: 'the answers are sentences' };
  if (distinct.size <= Math.max(2, Math.min(12, values.length / 3)))
    return {
      ...base,
      field: 'choiceItem',
      confidence: 'medium',
      reason: `the answers are ${distinct.size} choices`,
    };
  return { ...base, field: 'freeText', confidence: 'low', reason: 'the answers are short texts' };
}

/** Suggests a field for every column, from the headings and the first rows of data. */
export function suggestMapping(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ColumnSuggestion[] {
  return header.map((heading, index) =>
    suggestColumn(
      index,
      heading,
      rows.map((r) => r[index] ?? ''),
    ),
  );
}
