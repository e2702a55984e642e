import type { DocumentFormat, TranscriptTurn } from '../../../../shared/documentImport';
import { CLOCK, clockSeconds } from './clockTime';
import { linesOf } from './documentFile';
import { tidyText, transcriptOf, type Transcript } from './transcript';

/**
 * Speaker turns in typed text, as transcribers and Word documents write them:
 *
 *   Interviewer: How did the first meeting go?
 *   PRIYA RAMAN: Better than I expected.
 *   [00:01:02] Sam: We talked about ...
 *   and this line belongs to Sam's turn too.
 *
 * A label is one to four capitalised words (or a code such as P1 or Speaker 2) and a colon. Since "Date:" or
 * "Note:" look the same, a label counts as a speaker when it is used at least twice, or starts a paragraph in
 * a text whose speakers are established that way; in a short exchange (every paragraph starts with a label,
 * and there are at least two) every label does. Lines without a label continue the turn before them.
 */

const WORD = String.raw`[\p{Lu}\d][\p{L}\p{M}\d'’.\-]*`;
const LABELLED = new RegExp(
  String.raw`^(?:[[(](?<before>${CLOCK})[\])]\s*(?:[-–—]\s*)?|(?<bare>${CLOCK})\s+(?:[-–—]\s*)?)?` +
    String.raw`(?<label>${WORD}(?: ${WORD}){0,3})(?:\s*[[(](?<after>${CLOCK})[\])])?\s*:(?:\s+(?<text>.*))?$`,
  'u',
);
const LONGEST_LABEL = 40;

/** Labels that head a line in notes and forms rather than name a speaker. */
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'date',
  'time',
  'location',
  'place',
  'subject',
  're',
  'topic',
  'topics',
  'summary',
  'action',
  'actions',
  'agenda',
  'goal',
  'goals',
  'next steps',
  'duration',
  'attendees',
  'present',
  'title',
  'week',
  'day',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'ps',
  'nb',
]);

/**
 * Zoom's saved transcript (.txt): each turn opens with a line "[Speaker Name] 00:01:02" and its words follow on
 * the next lines. The name is as the person typed it (any case, a role in brackets).
 */
const ZOOM_HEADING = /^\[(?<speaker>[^\][]{1,60})\]\s+(?<time>\d{1,2}:\d{2}:\d{2})\s*$/;

export function zoomHeading(line: string): LabelledLine | null {
  const groups = ZOOM_HEADING.exec(line.trim())?.groups;
  const speaker = groups?.speaker?.trim().replace(/\s+/g, ' ');
  const start = groups ? clockSeconds(groups.time!) : null;
  if (!speaker || start === null || /^\d+$/.test(speaker)) return null;
  return { speaker, text: '', start };
}

/** Whether a label could name a speaker: not too long, not a number, not a heading such as "Date". */
export function mayNameSpeaker(label: string): boolean {
  return label.length <= LONGEST_LABEL && !/^\d+$/.test(label) && !NOT_SPEAKERS.has(label.toLowerCase());
}

export interface LabelledLine {
  speaker: string;
  text: string;
  start?: number;
}

/** The speaker label a line starts with (and the time before or after it), if it has one. */
export function labelledLine(line: string): LabelledLine | null {
  const match = LABELLED.exec(line.trim());
  const groups = match?.groups;
  if (!groups) return null;
  const speaker = groups.label!.replace(/\s+/g, ' ');
  if (!mayNameSpeaker(speaker)) return null;
  const time = groups.before ?? groups.bare ?? groups.after;
  const start = time === undefined ? null : clockSeconds(time);
  return { speaker, text: groups.text ?? '', ...(start === null ? {} : { start }) };
}

interface Candidate {
  speaker: string;
  startsParagraph: boolean;
}

/** Which of the labels found name speakers (see the rule above). */
export function chooseSpeakers(candidates: readonly Candidate[], paragraphs: number): Set<string> {
  const uses = new Map<string, number>();
  for (const { speaker } of candidates) uses.set(speaker, (uses.get(speaker) ?? 0) + 1);
  const repeated = [...uses].filter(([, count]) => count >= 2).map(([speaker]) => speaker);
  const openers = candidates.filter((c) => c.startsParagraph).map((c) => c.speaker);
  const exchange = openers.length === paragraphs && uses.size >= 2;
  if (repeated.length > 0 || exchange)
    return new Set([...repeated, ...openers, ...(exchange ? uses.keys() : [])]);
  return new Set();
}

/**
 * Turns of a text split into lines. A blank line ends an unattributed paragraph (a journal keeps its
 * paragraphs) but not a speaker's turn.
 */
export function speakerTurns(lines: readonly string[]): TranscriptTurn[] {
  const headed = lines.map(zoomHeading);
  const labelled = lines.map((line, i) => headed[i] ?? labelledLine(line));
  const candidates: Candidate[] = [];
  let paragraphs = 0;
  lines.forEach((line, i) => {
    const startsParagraph = line.trim() !== '' && (i === 0 || lines[i - 1]!.trim() === '');
    if (startsParagraph) paragraphs++;
    const found = labelled[i];
    if (found) candidates.push({ speaker: found.speaker, startsParagraph });
  });
  const speakers = chooseSpeakers(candidates, paragraphs);
  // A heading line in Zoom's shape is unambiguous: whoever it names spoke, even once.
  for (const heading of headed) if (heading) speakers.add(heading.speaker);

  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | null = null;
  const pieces: string[] = [];
  const finish = () => {
    if (current) turns.push({ ...current, text: tidyText(pieces.join(' ')) });
    current = null;
    pieces.length = 0;
  };
  lines.forEach((line, i) => {
    const found = labelled[i];
    if (found && speakers.has(found.speaker)) {
      finish();
      current = {
        speaker: found.speaker,
        text: '',
        ...(found.start === undefined ? {} : { start: found.start }),
      };
      pieces.push(found.text);
    } else if (line.trim() === '') {
      if (current?.speaker === null) finish();
    } else {
      current ??= { speaker: null, text: '' };
      pieces.push(line);
    }
  });
  finish();
  return turns;
}

/** A typed transcript, journal or note (plain text, or the paragraphs of a Word document). */
export function readSpeakerTurns(format: DocumentFormat, text: string): Transcript {
  return transcriptOf(format, speakerTurns(linesOf(text)), false);
}
