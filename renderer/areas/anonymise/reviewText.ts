import type { ReviewFinding, TextSegment } from '../../../shared/redaction';

/**
 * The text of a document under review, for display: positions are code points (as the engine counts them),
 * and the window never needs more than the segments the engine cut at the findings' edges.
 */

export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) n++;
  }
  return n;
}

/** A line of the document (up to and with its line break), shown and laid out on its own. */
export interface TextBlock {
  start: number;
  pieces: TextSegment[];
  /** Changes when the block's pieces do: a block is drawn again only then, or when a decision in it changes. */
  signature: string;
}

/**
 * Cuts the text into lines, so a long transcript is laid out a line at a time (the browser skips lines out of
 * view) and a decision redraws only the lines it touches. A finding is never cut.
 */
export function textBlocks(segments: readonly TextSegment[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pieces: TextSegment[] = [];
  const close = () => {
    if (pieces.length === 0) return;
    const signature = pieces.map((p) => `${p.start}:${p.findingId ?? ''}:${p.text.length}`).join(',');
    blocks.push({ start: pieces[0]!.start, pieces, signature });
    pieces = [];
  };
  for (const segment of segments) {
    if (segment.findingId !== null) {
      pieces.push(segment);
      continue;
    }
    let start = segment.start;
    let rest = segment.text;
    for (let cut = rest.indexOf('\n'); cut >= 0; cut = rest.indexOf('\n')) {
      const line = rest.slice(0, cut + 1);
      pieces.push({ start, text: line, findingId: null });
      close();
      start += codePointLength(line);
      rest = rest.slice(cut + 1);
    }
    if (rest) pieces.push({ start, text: rest, findingId: null });
  }
  close();
  return blocks;
}

/** The lines of a plain text (the preview), each with its line break. */
export function textLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export interface CodePointSpan {
  start: number;
  end: number;
}

/** Every place the words appear in the text, as code-point spans; none when the words are only spaces. */
export function occurrencesOf(text: string, words: string): CodePointSpan[] {
  const wanted = words.trim();
  if (!wanted) return [];
  const length = codePointLength(wanted);
  const found: CodePointSpan[] = [];
  let unit = 0;
  let point = 0;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length)) {
    point += codePointLength(text.slice(unit, at));
    unit = at;
    found.push({ start: point, end: point + length });
  }
  return found;
}

/**
 * The places to mark when the evaluator marks every occurrence of some words: those that touch no finding, and
 * those that are exactly a finding (marking them accepts it). Words inside a longer finding are left alone.
 */
export function placesToMark(
  places: readonly CodePointSpan[],
  findings: readonly ReviewFinding[],
): CodePointSpan[] {
  return places.filter((place) =>
    findings.every(
      (f) => f.end <= place.start || place.end <= f.start || (f.start === place.start && f.end === place.end),
    ),
  );
}
