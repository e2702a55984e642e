import type { TranscriptTurn } from '../../../../shared/documentImport';
import { chooseSpeakers, labelledLine, mayNameSpeaker, type LabelledLine } from './speakerTurns';
import { tidyText } from './transcript';

/**
 * What WebVTT and SubRip share once their cues are parsed: each cue's text, with the speaker its voice tag
 * named (WebVTT's <v Sam>) or null. A cue without a voice may start "Sam: " (Zoom's captions, and SubRip
 * files generally); a cue with neither continues the speaker before it, since subtitles split one person's
 * sentences over several cues.
 */
/** One voice's part of a cue (a WebVTT cue may hold several <v> spans; a SubRip cue is one part). */
export interface CueText {
  voice: string | null;
  text: string;
  start: number;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

/** The blocks of a subtitle file from line `from` (0-based) on: runs of non-blank lines. */
export function blocksOf(lines: readonly string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') current = null;
    else if (current) current.lines.push(line);
    else {
      current = { line: i + 1, lines: [line] };
      blocks.push(current);
    }
  }
  return blocks;
}

/** A cue's text without markup: tags (<i>, <c.yellow>, <00:00:01.000>, SubRip's <font>), {\an8}, entities. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>\n]*>/g, '')
    .replace(/\{\\[^}\n]*\}/g, '')
    .replace(/&(#\d{1,6}|#x[\da-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** A cue's text on one line, without markup or subtitle dialogue dashes ("- Yes."), which name nobody. */
const flatCueText = (text: string) => tidyText(plainCueText(text).replace(/^[-–—]\s+/gm, ''));

/**
 * Zoom's captions put the speaker's display name before a colon, written as the person typed it: in lower case
 * ("jo bloggs: ..."), or with a role in brackets ("Jo Bloggs (TA): ..."). In a cue that is what a leading name
 * means, so any one to four words (and a bracketed role) before the colon are a label here; as in typed text, a
 * label names a speaker only when it recurs (chooseSpeakers).
 */
const NAME_WORD = String.raw`[\p{L}\p{M}\d'’.\-]+`;
const CUE_LABEL = new RegExp(
  String.raw`^(?<label>${NAME_WORD}(?: ${NAME_WORD}){0,3}(?: ?\([^()]{1,30}\))?)\s*:\s+(?<text>.*)$`,
  'u',
);

function cueLabel(text: string): LabelledLine | null {
  const typed = labelledLine(text);
  if (typed) return typed;
  const groups = CUE_LABEL.exec(text)?.groups;
  const speaker = groups?.label?.replace(/\s+/g, ' ');
  return speaker && mayNameSpeaker(speaker) ? { speaker, text: groups!.text! } : null;
}

/** The turns of a file's cues, in order, before consecutive turns by one speaker are merged. */
export function cueTurns(cues: readonly CueText[]): TranscriptTurn[] {
  const texts = cues.map((cue) => flatCueText(cue.text));
  const unvoiced = cues.map((cue, i) => (cue.voice === null ? cueLabel(texts[i]!) : null));
  const speakers = chooseSpeakers(
    unvoiced.flatMap((found) => (found ? [{ speaker: found.speaker, startsParagraph: true }] : [])),
    cues.length,
  );
  let previous: string | null = null;
  return cues.map((cue, i) => {
    const label = unvoiced[i];
    const labelled = label && speakers.has(label.speaker) ? label : null;
    const speaker = cue.voice ?? labelled?.speaker ?? previous;
    previous = speaker;
    return { speaker, text: labelled ? labelled.text : texts[i]!, start: cue.start };
  });
}
