import type { DocumentFormat, TranscriptTurn } from '../../../../shared/documentImport';

/**
 * What every document reader returns: who said what, in order. A journal or a mentor's note has no speakers:
 * each paragraph is a turn whose speaker is null. The body the project keeps (and the PII scan reads, the
 * review screen shows and coding will mark) is the turns as `Speaker: text` paragraphs separated by blank
 * lines, so every offset into a document counts into that text.
 */
export interface Transcript {
  format: DocumentFormat;
  turns: TranscriptTurn[];
  /** Everyone who speaks, in order of first appearance. */
  speakers: string[];
}

/** Runs of white space (line breaks included) as one space, without any at either end. */
export function tidyText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Consecutive turns by the same speaker as one turn, starting when the first did. Turns without a speaker are
 * joined too only when `joinUnattributed` (subtitle cues); a text file's unattributed paragraphs stay apart.
 */
export function mergeTurns(turns: readonly TranscriptTurn[], joinUnattributed: boolean): TranscriptTurn[] {
  const merged: TranscriptTurn[] = [];
  for (const turn of turns) {
    if (turn.text === '') continue;
    const last = merged.at(-1);
    if (last && last.speaker === turn.speaker && (turn.speaker !== null || joinUnattributed)) {
      merged[merged.length - 1] = { ...last, text: `${last.text} ${turn.text}` };
    } else merged.push({ ...turn });
  }
  return merged;
}

export function speakersOf(turns: readonly TranscriptTurn[]): string[] {
  return [...new Set(turns.flatMap((turn) => (turn.speaker === null ? [] : [turn.speaker])))];
}

export function transcriptOf(
  format: DocumentFormat,
  turns: readonly TranscriptTurn[],
  joinUnattributed: boolean,
): Transcript {
  const merged = mergeTurns(turns, joinUnattributed);
  return { format, turns: merged, speakers: speakersOf(merged) };
}

/** The document's body: `Speaker: text` paragraphs (a paragraph without a speaker as it is), blank lines between. */
export function transcriptBody(turns: readonly TranscriptTurn[]): string {
  return turns
    .map((turn) => (turn.speaker === null ? turn.text : `${turn.speaker}: ${turn.text}`))
    .join('\n\n');
}
