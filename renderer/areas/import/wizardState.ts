import {
  kindFields,
  kindProblems,
  kindRecords,
  participantTraitFields,
  suggestKind,
  type ColumnPlan,
  type ImportField,
  type ImportKind,
  type ImportPlan,
  type ImportProblemReport,
  type ImportSummary,
  type SourcePreview,
} from '../../../shared/import';
import { noDestination, type TableWizard } from './importSession';

/**
 * The import wizard's state and the small pure rules behind its steps: what each field is called, the plan the
 * evaluator's choices make, what still stands in the way of checking the file, and the summary in words.
 */
export type StepId = 'choose' | 'preview' | 'map' | 'destination' | 'check' | 'import' | 'summary';

export const wizardSteps: { id: StepId; label: string }[] = [
  { id: 'choose', label: 'Choose a file' },
  { id: 'preview', label: 'Preview' },
  { id: 'destination', label: 'What the file is' },
  { id: 'map', label: 'Match columns' },
  { id: 'check', label: 'Check' },
  { id: 'import', label: 'Import' },
  { id: 'summary', label: 'Summary' },
];

/** What a column holds, short enough to be read whole in its select at 640 px (34 characters at most). */
export const fieldLabels: Record<ImportField, string> = {
  participantId: 'Participant id (employee number)',
  email: 'E-mail address',
  fullName: 'Full name',
  givenName: 'First name',
  familyName: 'Last name',
  cohort: 'Cohort',
  role: 'Role (mentor or mentee)',
  department: 'Department',
  jobTitle: 'Job title',
  level: 'Level or grade',
  location: 'Location or site',
  gender: 'Gender',
  tenureBand: 'Tenure (length of service)',
  birthDate: 'Date of birth (kept as age band)',
  age: 'Age (kept as an age band)',
  attribute: 'Another trait of the participant',
  responseId: 'Response id (from the survey tool)',
  respondentCode: 'Own code (links anonymous waves)',
  submittedAt: 'When the response was submitted',
  date: 'A date',
  likertItem: 'Rating question (agree … disagree)',
  numericItem: 'Question answered with a number',
  choiceItem: 'Multiple-choice question',
  freeText: 'Free-text answer',
  mentorId: 'Mentor (id, e-mail or name)',
  menteeId: 'Mentee (id, e-mail or name)',
  pairingStart: 'Pairing start date',
  pairingEnd: 'Pairing end date',
  matchScore: 'Match score',
  matchingCriteria: 'Matching criteria',
  pairingStatus: 'Pairing status',
  eventKind: 'Career event (promotion, exit …)',
  eventDate: 'Date of the career event',
  eventDetail: 'About the career event',
  meetingDate: 'Meeting date',
  durationMinutes: 'Meeting length',
  topics: 'Topics discussed',
  ignore: 'Leave out',
};

/** The field choices, grouped as the evaluator thinks of them. */
export const fieldGroups: { label: string; fields: ImportField[] }[] = [
  {
    label: 'Who the row is about',
    fields: ['participantId', 'email', 'fullName', 'givenName', 'familyName', 'respondentCode'],
  },
  { label: 'About the participant', fields: [...participantTraitFields] },
  { label: 'About the response', fields: ['responseId', 'submittedAt', 'date'] },
  { label: 'Answers', fields: ['likertItem', 'numericItem', 'choiceItem', 'freeText'] },
  {
    label: 'Pairings',
    fields: [
      'mentorId',
      'menteeId',
      'pairingStart',
      'pairingEnd',
      'matchScore',
      'matchingCriteria',
      'pairingStatus',
    ],
  },
  { label: 'Career progression', fields: ['eventKind', 'eventDate', 'eventDetail'] },
  { label: 'Meetings', fields: ['meetingDate', 'durationMinutes', 'topics'] },
  { label: 'Other', fields: ['ignore'] },
];

export const kindLabels: Record<ImportKind, string> = {
  roster: 'A roster of participants',
  pairings: 'Mentoring pairs (who is paired with whom)',
  survey: 'A survey wave (answers from one collection window)',
  hr: 'HR progression records (promotions, role changes, exits)',
  activity: 'An activity log of mentoring meetings',
};

/** A column of the mapping step: the plan the engine takes, plus why it was suggested. */
export interface MappedColumn extends ColumnPlan {
  reason: string;
  confidence: 'high' | 'medium' | 'low' | 'saved';
}

/** The suggested columns, or the saved mapping's where it still fits a column of the same heading. */
export function initialColumns(preview: SourcePreview, useSaved: boolean): MappedColumn[] {
  const saved = useSaved ? preview.savedMapping : null;
  return preview.columns.map((suggested) => {
    const remembered = saved?.columns.find((column) => column.index === suggested.index);
    if (remembered)
      return { ...remembered, heading: suggested.heading, confidence: 'saved', reason: 'saved' };
    return { ...suggested };
  });
}

/** The plan columns, without the wizard's notes. */
export function planColumns(columns: readonly MappedColumn[]): ColumnPlan[] {
  return columns.map(({ reason: _reason, confidence: _confidence, ...plan }) => plan);
}

/** First few distinct, non-empty values of a column in the preview rows. */
export function sampleValues(rows: readonly string[][], index: number, count = 3): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const value = (row[index] ?? '').trim();
    if (value && !found.includes(value)) found.push(value);
    if (found.length >= count) break;
  }
  return found;
}

/** The saved mapping's kind; else a survey if a tool wrote it; else the kind that keeps most of the columns. */
export function guessKind(preview: SourcePreview): ImportKind {
  if (preview.savedMapping) return preview.savedMapping.kind;
  return suggestKind(preview.columns, preview.tool);
}

/** The field groups a kind of file keeps, and the column's current field if the kind does not keep it. */
export function fieldGroupsFor(
  kind: ImportKind,
  current: ImportField,
): { label: string; fields: ImportField[] }[] {
  const kept = fieldGroups
    .map((group) => ({
      label: group.label,
      fields: group.fields.filter((field) => field === 'ignore' || kindFields[kind].includes(field)),
    }))
    .filter((group) => group.fields.length > 0);
  if (current === 'ignore' || kindFields[kind].includes(current)) return kept;
  return [...kept, { label: 'Not kept in this kind of file', fields: [current] }];
}

export interface Destination {
  kind: ImportKind;
  window: string;
  instrument: string;
  addUnknownParticipants: boolean;
}

/**
 * What must change before the file can be checked; empty when nothing. What a kind of file needs and keeps is
 * the engine's own rule (kindProblems), so the wizard and the engine never disagree.
 */
export function mappingIssues(columns: readonly MappedColumn[], kind: ImportKind): string[] {
  const issues = kindProblems(kind, columns);
  for (const column of columns)
    if (column.field === 'likertItem' && !column.scaleId)
      issues.push(`Choose the answer scale of “${column.heading}”.`);
  return issues;
}

/** A survey wave's collection window and instrument must be named. */
export function destinationIssues(destination: Destination): string[] {
  if (destination.kind !== 'survey') return [];
  const issues: string[] = [];
  if (!destination.window.trim()) issues.push('Name the collection window these answers belong to.');
  if (!destination.instrument.trim()) issues.push('Name the survey (instrument) these answers belong to.');
  return issues;
}

/** What an import stored, in the evaluator's words: "6 career events, 0 new participants". */
export function storedInWords(summary: ImportSummary, kind: ImportKind): string {
  const [one, many] = kindRecords[kind];
  const stored = plural(summary.rowsImported, one, many);
  if (kind === 'roster') return `${stored} (${summary.participantsAdded.toLocaleString('en-GB')} new)`;
  return `${stored}, ${plural(summary.participantsAdded, 'new participant')}`;
}

export function buildPlan(
  columns: readonly MappedColumn[],
  destination: Destination,
  options: ImportPlan['options'],
  skipInvalidRows: boolean,
): ImportPlan {
  const survey = destination.kind === 'survey';
  return {
    kind: destination.kind,
    columns: planColumns(columns),
    ...(survey ? { window: destination.window.trim(), instrument: destination.instrument.trim() } : {}),
    skipInvalidRows,
    addUnknownParticipants: survey && destination.addUnknownParticipants,
    options,
  };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Why rows were left out: problems grouped by column and what was expected there, biggest group first. */
export function skippedReasons(
  problems: readonly ImportProblemReport[],
): { column: string; expected: string; rows: number }[] {
  const groups = new Map<string, { column: string; expected: string; rows: Set<number> }>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const column = problem.column ?? 'the whole file';
    const key = `${column}\u0000${problem.expected}`;
    const group = groups.get(key) ?? { column, expected: problem.expected, rows: new Set<number>() };
    group.rows.add(problem.row ?? 0);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ column, expected, rows }) => ({ column, expected, rows: rows.size }))
    .sort((a, b) => b.rows - a.rows);
}

/** The headline of a check or an import, in words. */
export function checkHeadline(summary: ImportSummary): string {
  if (summary.alreadyImported)
    return 'This file has already been imported here; importing it again would change nothing.';
  const problems = summary.problemCount;
  const ready = `${plural(summary.rowsImported, 'row')} of ${summary.rowsRead.toLocaleString('en-GB')} can go in`;
  if (problems === 0) return `No problems found: ${ready}.`;
  return `${plural(problems, 'problem')} in ${plural(summary.rowsSkipped, 'row')}; ${ready}.`;
}

/** The file's name, without its folders. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** "12,400 rows/s" */
export function rowsPerSecond(rate: number | undefined): string | null {
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return null;
  return `${Math.round(rate).toLocaleString('en-GB')} rows/s`;
}

export type SourceOptions = ImportPlan['options'];

/** A file read (or read again with other options): its preview and suggested columns; a new file's guessed kind. */
export function previewRead(
  wizard: TableWizard,
  file: string,
  options: SourceOptions,
  preview: SourcePreview,
): TableWizard {
  const sameFile = file === wizard.source && wizard.preview !== null;
  return {
    ...wizard,
    step: 'preview',
    source: file,
    options,
    preview,
    columns: initialColumns(preview, true),
    usingSaved: preview.savedMapping !== null,
    savedName: null,
    destination: sameFile ? wizard.destination : { ...noDestination, kind: guessKind(preview) },
  };
}

/** A check stays on the Check step with what it found; an import, or a file already in, goes to the Summary. */
export function runFinished(wizard: TableWizard, summary: ImportSummary, dryRun: boolean): TableWizard {
  if (dryRun && !summary.alreadyImported) return { ...wizard, check: summary, skipInvalidRows: false };
  return { ...wizard, result: summary, step: 'summary' };
}

/** Back to choosing a file; the columns and destination stay until another file is read. */
export function startTableOver(wizard: TableWizard): TableWizard {
  return { ...wizard, step: 'choose', source: null, options: {}, preview: null, check: null, result: null };
}
