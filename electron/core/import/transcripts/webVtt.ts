import path from 'node:path';
import { clockSeconds } from './clockTime';
import { documentError, linesOf } from './documentFile';
import { blocksOf, cueTurns, type CueText } from './subtitleCues';
import { transcriptOf, type Transcript } from './transcript';

/**
 * WebVTT (W3C), as Teams, Zoom and most recorders write captions: a WEBVTT header, then blocks separated by
 * blank lines. A cue is an optional identifier, a timing line "00:01:02.000 --> 00:01:05.000 [settings]" and
 * its text, where <v Sam>…</v> says who speaks. NOTE, STYLE and REGION blocks are not part of the text.
 */
const EXPECTED =
  'a WebVTT file: the line WEBVTT, then cues with timing lines such as 00:01:02.000 --> 00:01:05.000';
// WebVTT pads every part (00:01:02.000); Teams writes 0:0:0.210 and 0:1:2.5, which it means the same way.
const TIMESTAMP = /^(?:\d+:)?[0-5]?\d:[0-5]?\d\.\d{1,3}$/;
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>|<\/v>/g;

/** The voice segments of a cue's text: who says each part (<v Sam>), null where no voice is given. */
export function voiceSegments(text: string, start: number): CueText[] {
  const segments: CueText[] = [];
  let voice: string | null = null;
  let at = 0;
  const push = (end: number) => {
    const piece = text.slice(at, end);
    if (piece.trim() !== '') segments.push({ voice, text: piece, start });
  };
  for (const tag of text.matchAll(VOICE)) {
    push(tag.index);
    voice = tag[0] === '</v>' ? null : (tag[1]?.trim().replace(/\s+/g, ' ') ?? null) || null;
    at = tag.index + tag[0].length;
  }
  push(text.length);
  return segments;
}

const isBlockOf = (kind: string, line: string) =>
  line === kind || line.startsWith(`${kind} `) || line.startsWith(`${kind}\t`);

export function parseWebVtt(file: string, text: string): Transcript {
  const name = path.basename(file);
  const lines = linesOf(text.replace(/^\uFEFF/, ''));
  const header = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t]|$)/.test(header))
    throw documentError(
      file,
      EXPECTED,
      `${name} is not a WebVTT file: its first line should be WEBVTT, but it is ${JSON.stringify(header.slice(0, 60))}.`,
      1,
    );
  const headerEnd = lines.findIndex((line) => line.trim() === '');
  const cues: CueText[] = [];
  let cueNumber = 0;
  for (const block of blocksOf(lines, headerEnd < 0 ? lines.length : headerEnd)) {
    const first = block.lines[0]!;
    if (isBlockOf('NOTE', first) || isBlockOf('STYLE', first) || isBlockOf('REGION', first)) continue;
    cueNumber++;
    const timingAt = block.lines.findIndex((line) => line.includes('-->'));
    if (timingAt < 0 || timingAt > 1)
      throw documentError(
        file,
        EXPECTED,
        `${name}, cue ${cueNumber} (line ${block.line}): expected a timing line such as 00:01:02.000 --> 00:01:05.000, found ${JSON.stringify(first.slice(0, 60))}.`,
        block.line,
      );
    const timingLine = block.line + timingAt;
    const timing = block.lines[timingAt]!;
    const [from = '', rest = ''] = timing.split('-->');
    const to = rest.trim().split(/[ \t]/)[0] ?? '';
    if (!TIMESTAMP.test(from.trim()) || !TIMESTAMP.test(to))
      throw documentError(
        file,
        EXPECTED,
        `${name}, cue ${cueNumber} (line ${timingLine}): the timing ${JSON.stringify(timing.slice(0, 60))} is not start --> end as hh:mm:ss.ttt or mm:ss.ttt.`,
        timingLine,
      );
    const start = clockSeconds(from.trim()) ?? 0;
    cues.push(...voiceSegments(block.lines.slice(timingAt + 1).join('\n'), start));
  }
  return transcriptOf('webvtt', cueTurns(cues), true);
}
