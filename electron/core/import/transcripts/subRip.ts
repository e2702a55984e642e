import path from 'node:path';
import { clockSeconds } from './clockTime';
import { documentError, linesOf } from './documentFile';
import { blocksOf, cueTurns, type CueText } from './subtitleCues';
import { transcriptOf, type Transcript } from './transcript';

/**
 * SubRip (.srt): numbered cues separated by blank lines; each is its number, a timing line
 * "00:01:02,000 --> 00:01:05,000" and its text. Speakers, when given, begin a cue's text ("Sam: …").
 */
const EXPECTED =
  'a SubRip file: numbered cues, each with a timing line such as 00:01:02,000 --> 00:01:05,000';
const TIMING =
  /^(\d{1,3}:\d{2}:\d{2}[,.]\d{1,3})[ \t]*-->[ \t]*(\d{1,3}:\d{2}:\d{2}[,.]\d{1,3})(?:[ \t].*)?$/;

export function parseSubRip(file: string, text: string): Transcript {
  const name = path.basename(file);
  const cues: CueText[] = [];
  let previous = 0;
  for (const block of blocksOf(linesOf(text.replace(/^\uFEFF/, '')), 0)) {
    const numbered = /^\d+$/.test(block.lines[0]!.trim());
    const cue = numbered ? Number(block.lines[0]!.trim()) : previous + 1;
    const where = (line: number) => `${name}, cue ${cue} (line ${line})`;
    const timingAt = numbered ? 1 : 0;
    const timing = block.lines[timingAt];
    const timingLine = block.line + timingAt;
    if (timing === undefined || !timing.includes('-->')) {
      if (!numbered && previous === 0)
        throw documentError(
          file,
          EXPECTED,
          `${name} is not a SubRip file: it should start with a cue number and a timing line, but starts ${JSON.stringify(block.lines[0]!.slice(0, 60))}.`,
          block.line,
        );
      throw documentError(
        file,
        EXPECTED,
        `${where(timingLine)}: expected a timing line such as 00:01:02,000 --> 00:01:05,000, found ${JSON.stringify((timing ?? '').slice(0, 60))}.`,
        timingLine,
      );
    }
    const parts = TIMING.exec(timing.trim());
    const start = parts ? clockSeconds(parts[1]!) : null;
    if (!parts || start === null || clockSeconds(parts[2]!) === null)
      throw documentError(
        file,
        EXPECTED,
        `${where(timingLine)}: the timing ${JSON.stringify(timing.slice(0, 60))} is not start --> end as hh:mm:ss,mmm.`,
        timingLine,
      );
    previous = cue;
    const cueText = block.lines.slice(timingAt + 1).join('\n');
    if (cueText.trim() !== '') cues.push({ voice: null, text: cueText, start });
  }
  return transcriptOf('subrip', cueTurns(cues), true);
}
