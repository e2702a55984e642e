import { importFields, type ImportField } from '../../../shared/import';
import { numberedRatingScale, recogniseAnswerScale, type AnswerScale } from './answerScales';
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
  /** For a multiple-choice question whose answers join several options: what joins them. */
  multiSelect?: OptionSeparator;
}

export type OptionSeparator = ',' | ';';

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
  [
    /^((personal|respondent|respondents|own|self generated|unique|anonymous|secret|matching|linking) ?(code|identifier)|(code|identifier) of your own)$/,
    'respondentCode',
    "the heading asks for the respondent's own code: kept only as a keyed hash that links their waves",
  ],
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

/** Fields holding dates, read in the column's day/month order. */
export const dateFields: ReadonlySet<ImportField> = new Set<ImportField>([
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

/** "What is your age?" asks for the age; "Your gender (optional)" for the gender. */
const QUESTION_WORDING =
  /^(what is|what's|whats|please (enter|state|give|select|tell us|indicate)|which is|how would you describe) (your|the) |^your /;

/** A question's heading reduced to what it asks for, so the heading rules can read it. */
export function askedFor(heading: string): string {
  return normaliseHeading(heading.replace(/\([^)]*\)/g, ' ')).replace(QUESTION_WORDING, '');
}

/**
 * Demographic questions, however long their wording ("What is the highest level of education you have
 * completed?"): traits of the respondent, kept as such (quasi-identifiers), when the answers are a few choices.
 */
const DEMOGRAPHIC_QUESTIONS: [RegExp, ImportField, string][] = [
  [/\b(gender|sex)\b/, 'gender', 'the question asks for gender'],
  [/\b(age|how old|age group|age band|age range)\b/, 'age', 'the question asks for age'],
  [
    /\b(education|qualification|qualifications|ethnicity|ethnic group|disability|sexual orientation|religion|nationality)\b/,
    'attribute',
    'the question asks about the respondent (a trait that can identify people in combination)',
  ],
];

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

/**
 * Suggests the field of one column from its heading (and the question behind it, where a tool names its
 * columns Q1, Q2...) and a sample of its values.
 */
export function suggestColumn(
  index: number,
  heading: string,
  sample: readonly string[],
  question = heading,
): ColumnSuggestion {
  const values = sample.map((v) => v.trim()).filter((v) => v !== '');
  const base = { index, heading };
  const byHeading = headingRule(heading) ?? (question === heading ? undefined : headingRule(question));
  if (byHeading) {
    const [pattern, field, reason] = byHeading;
    const name = [normaliseHeading(heading), askedFor(heading), askedFor(question)].find((n) =>
      pattern.test(n),
    )!;
    if (dateFields.has(field))
      return { ...base, field, confidence: 'high', reason, dateStyle: inferDateStyle(values) };
    if (pairedPersonFields.includes(field)) {
      const identifierKind = identifierKindOf(name);
      return { ...base, field, confidence: 'high', reason, ...(identifierKind ? { identifierKind } : {}) };
    }
    return { ...base, field, confidence: 'high', reason };
  }
  const demographic = fewChoices(values) ? demographicRule(question) : undefined;
  if (demographic) return { ...base, field: demographic[1], confidence: 'medium', reason: demographic[2] };
  if (values.length === 0)
    return { ...base, field: 'ignore', confidence: 'low', reason: 'the column is empty' };
  if (share(values, (v) => EMAIL.test(v)) >= 0.8)
    return { ...base, field: 'email', confidence: 'medium', reason: 'the values are e-mail addresses' };
  const scale = recogniseAnswerScale(values) ?? numberedRatingScale(question, values);
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
  const words = values.reduce((n, v) => n + v.split(/\s+/).length, 0) / values.length;
  if (words >= 6)
    return { ...base, field: 'freeText', confidence: 'medium', reason: 'the answers are sentences' };
  const multiSelect = optionSeparator(values);
  if (multiSelect) {
    const options = new Set(values.flatMap((v) => splitOptions(v, multiSelect)));
    return {
      ...base,
      field: 'choiceItem',
      confidence: 'medium',
      reason: `the answers combine ${options.size} options`,
      multiSelect,
    };
  }
  if (fewChoices(values))
    return {
      ...base,
      field: 'choiceItem',
      confidence: 'medium',
      reason: `the answers are ${new Set(values).size} choices`,
    };
  return { ...base, field: 'freeText', confidence: 'low', reason: 'the answers are short texts' };
}

function headingRule(heading: string): [RegExp, ImportField, string] | undefined {
  // A long heading is a question ("How supportive is your department?"): its values decide, not its words,
  // unless, stripped of its wording ("What is your age?"), it names what it asks for.
  for (const name of [normaliseHeading(heading), askedFor(heading)]) {
    if (name.split(' ').length > 4) continue;
    const rule = HEADING_RULES.find(([pattern]) => pattern.test(name));
    if (rule) return rule;
  }
  return undefined;
}

function demographicRule(question: string): [RegExp, ImportField, string] | undefined {
  const asked = askedFor(question);
  return DEMOGRAPHIC_QUESTIONS.find(([pattern]) => pattern.test(asked));
}

/** Options of a choice are short: a dish, a film, a brand ("Pad Thai", "Spirited Away"). */
const OPTION = /^[^.!?]{1,60}$/;

/**
 * Answers chosen from a small set: some repeat, and there are no more than half as many different ones as
 * answers (30 at most). A comment box's short answers rarely repeat that much.
 */
function fewChoices(values: readonly string[]): boolean {
  if (values.length === 0 || !values.every((v) => OPTION.test(v))) return false;
  const distinct = new Set(values).size;
  return distinct < values.length && distinct <= Math.max(2, Math.min(30, values.length / 2));
}

export function splitOptions(answer: string, separator: OptionSeparator): string[] {
  return [
    ...new Set(
      answer
        .split(separator)
        .map((option) => option.trim())
        .filter((option) => option !== ''),
    ),
  ];
}

/**
 * A multiple-answer question joins the options a respondent chose: with commas (Qualtrics, Google Forms) or
 * semicolons (Microsoft Forms, which also ends the list with one). It is one when some answers join several
 * options and the options, taken apart, repeat from a small set.
 */
function optionSeparator(values: readonly string[]): OptionSeparator | undefined {
  for (const separator of [';', ','] as const) {
    if (!values.some((v) => splitOptions(v, separator).length > 1 || v.trim().endsWith(separator))) continue;
    const options = values.flatMap((v) => splitOptions(v, separator));
    if (fewChoices(options)) return separator;
  }
  return undefined;
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
