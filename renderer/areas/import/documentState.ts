import type { DocumentImportSummary, DocumentKind, TranscriptTurn } from '../../../shared/documentImport';
import type { HandlerArgs } from '../../../shared/api';
import type { DocumentWizard } from './importSession';
import { plural } from './wizardState';

/**
 * The document side of the import wizard: what the evaluator can bring in, the steps for a transcript, journal
 * or mentor's note, the details they give it, and the summary in words.
 */
export type ImportChoice = 'table' | DocumentKind;

export const importChoices: { id: ImportChoice; label: string }[] = [
  { id: 'table', label: 'A table: a roster, pairings, a survey wave, HR records or an activity log' },
  { id: 'transcript', label: 'An interview transcript' },
  { id: 'journal', label: 'A participant’s journal' },
  { id: 'mentor_note', label: 'A mentor’s notes' },
];

export const documentKindLabels: Record<DocumentKind, string> = {
  transcript: 'An interview transcript',
  journal: 'A participant’s journal',
  mentor_note: 'A mentor’s notes',
};

export type DocumentStepId = 'choose' | 'preview' | 'details' | 'import' | 'summary';

export const documentSteps: { id: DocumentStepId; label: string }[] = [
  { id: 'choose', label: 'Choose a file' },
  { id: 'preview', label: 'Preview' },
  { id: 'details', label: 'Details' },
  { id: 'import', label: 'Import' },
  { id: 'summary', label: 'Summary' },
];

export interface DocumentDetails {
  kind: DocumentKind;
  title: string;
  /** An id or e-mail address as typed; empty when the document is about nobody in particular. */
  participant: string;
  window: string;
}

/** Back to choosing a file, keeping the kind and the collection window for the next document. */
export function startDocumentOver(wizard: DocumentWizard): DocumentWizard {
  const { kind, window } = wizard.details;
  return {
    step: 'choose',
    source: null,
    preview: null,
    result: null,
    details: { kind, title: '', participant: '', window },
  };
}

/** What must change before the document can be imported; empty when nothing. */
export function detailsIssues(details: DocumentDetails): string[] {
  return details.title.trim() === '' ? ['Give the document a title.'] : [];
}

/** The import's arguments: trimmed, and without the optional details left blank. */
export function documentImportArgs(
  source: string,
  details: DocumentDetails,
  jobId: string,
): HandlerArgs<'import.document'> {
  const participant = details.participant.trim();
  const window = details.window.trim();
  return {
    source,
    kind: details.kind,
    title: details.title.trim(),
    jobId,
    ...(participant ? { participant } : {}),
    ...(window ? { window } : {}),
  };
}

/** A moment of the recording: 1:02:03 past the hour, 02:03 before it. */
export function recordingTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const clock = `${two(Math.floor((whole % 3600) / 60))}:${two(whole % 60)}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}

/** A turn's text for the preview list, cut at a word after `max` characters. */
export function turnExcerpt(turn: TranscriptTurn, max = 400): string {
  if (turn.text.length <= max) return turn.text;
  const cut = turn.text.lastIndexOf(' ', max);
  return `${turn.text.slice(0, cut > max / 2 ? cut : max)}…`;
}

/** Presidio's entity names in the evaluator's words. */
const ENTITY_WORDS: Record<string, [string, string]> = {
  PERSON: ['name of a person', 'names of people'],
  EMAIL_ADDRESS: ['e-mail address', 'e-mail addresses'],
  PHONE_NUMBER: ['phone number', 'phone numbers'],
  LOCATION: ['place', 'places'],
  ORGANIZATION: ['organisation', 'organisations'],
  DATE_TIME: ['date or time', 'dates and times'],
  URL: ['web address', 'web addresses'],
  IP_ADDRESS: ['IP address', 'IP addresses'],
  EMPLOYEE_ID: ['employee id', 'employee ids'],
  UK_POSTCODE: ['postcode', 'postcodes'],
  POSTAL_CODE: ['postal code', 'postal codes'],
};

/** What the scan found, kind by kind, most first: "2 names of people". */
export function findingsByKind(summary: DocumentImportSummary): string[] {
  return Object.entries(summary.findingsByEntity)
    .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
    .map(([entity, count]) => {
      const [one, many] = ENTITY_WORDS[entity] ?? [entity, entity];
      return plural(count, one, many);
    });
}

/** The summary's headline: how many possible identifiers, and where the document waits. */
export function findingsHeadline(summary: DocumentImportSummary): string {
  const found =
    summary.findings === 0
      ? 'No possible identifiers found'
      : `${plural(summary.findings, 'possible identifier')} found`;
  return summary.awaitingReview
    ? `${found}; the document awaits review in Anonymise.`
    : `${found}; the document has been reviewed.`;
}
