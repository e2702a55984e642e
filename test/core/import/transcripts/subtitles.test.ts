import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../../electron/core/import/transcripts/readDocument';

const fixture = (name: string) => path.resolve('test/fixtures/transcripts', name);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-subtitles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const written = path.join(dir, name);
  writeFileSync(written, content);
  return written;
}

describe('WebVTT captions', () => {
  it('reads voices, merges one speaker’s cues, skips NOTE and STYLE blocks, keeps each turn’s start', async () => {
    const transcript = await readDocument(fixture('interview.vtt'));
    expect(transcript).toEqual({
      format: 'webvtt',
      speakers: ['Interviewer', 'Sam Patel'],
      turns: [
        { speaker: 'Interviewer', text: 'How did the first meeting with your mentor go?', start: 1 },
        {
          speaker: 'Sam Patel',
          text: 'It went well. Dana Levi was really generous with her time & contacts.',
          start: 5,
        },
        { speaker: 'Interviewer', text: 'Would you recommend the programme?', start: 12 },
        {
          speaker: 'Sam Patel',
          text: 'Yes – without a doubt. Call me on +44 20 7946 0958 if you need more.',
          start: 12,
        },
      ],
    });
  });

  it('reads Zoom’s "Name: text" captions, and a cue without a name continues the speaker before it', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:00.500 --> 00:00:02.000',
      'Lena Fischer: Can you hear me?',
      '',
      '2',
      '00:00:02.500 --> 00:00:04.000',
      'Omar: Yes, loud and clear.',
      '',
      '3',
      '00:00:04.000 --> 00:00:05.000',
      'Let me share my screen.',
      '',
      '4',
      '00:00:06.000 --> 00:00:07.000',
      'Lena Fischer: Great.',
    ].join('\r\n');
    const transcript = await readDocument(file('zoom.vtt', vtt));
    expect(transcript.turns).toEqual([
      { speaker: 'Lena Fischer', text: 'Can you hear me?', start: 0.5 },
      { speaker: 'Omar', text: 'Yes, loud and clear. Let me share my screen.', start: 2.5 },
      { speaker: 'Lena Fischer', text: 'Great.', start: 6 },
    ]);
  });

  it('reads a Teams file with <v> voices and unpadded times (0:0:0.210, 0:1:2.5)', async () => {
    const transcript = await readDocument(fixture('teams-unpadded.vtt'));
    expect(transcript.speakers).toEqual(['Morgan Achebe', 'Rui Tanaka']);
    expect(transcript.turns).toEqual([
      {
        speaker: 'Morgan Achebe',
        text: 'Thanks for making time today. Shall we start with your goals?',
        start: 0.21,
      },
      {
        speaker: 'Rui Tanaka',
        text: 'Sure. I wanted to get better at presenting to the board. And to find a sponsor outside my team.',
        start: 5.1,
      },
      { speaker: 'Morgan Achebe', text: "Good. Let's take those one at a time.", start: 62.5 },
    ]);
  });

  it('reads Zoom captions whose speakers are in lower case or carry a role in brackets; unlabelled cues continue the turn', async () => {
    const transcript = await readDocument(fixture('zoom-captions.vtt'));
    expect(transcript.speakers).toEqual(['Morgan Achebe (TA)', 'rui tanaka']);
    expect(transcript.turns.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['Morgan Achebe (TA)', 'Welcome back. How did the stretch assignment go?'],
      ['rui tanaka', 'Honestly it was hard at first. I had never run a budget meeting before.'],
      ['Morgan Achebe (TA)', 'What helped most?'],
      ['rui tanaka', 'Shadowing the finance lead for a week. note: that was her idea, not mine.'],
    ]);
  });

  it("reads Zoom's saved transcript (.txt): [Speaker] HH:MM:SS, then the words on the next lines", async () => {
    const transcript = await readDocument(fixture('zoom-saved-transcript.txt'));
    expect(transcript.speakers).toEqual(['Morgan Achebe (TA)', 'rui tanaka', 'Priya Raman']);
    expect(transcript.turns).toEqual([
      {
        speaker: 'Morgan Achebe (TA)',
        text: 'Thanks for joining. Can you tell me where things stand with your goals?',
        start: 3,
      },
      {
        speaker: 'rui tanaka',
        text: "I've done two of the three. The third one, the budget review, is still open.",
        start: 11,
      },
      { speaker: 'Morgan Achebe (TA)', text: "What's in the way?", start: 62 },
      { speaker: 'Priya Raman', text: 'Sorry to jump in, I have to leave at half past.', start: 69 },
      { speaker: 'rui tanaka', text: "Mostly time. I'll block out Fridays.", start: 75 },
    ]);
  });

  it('refuses a file without the WEBVTT header', async () => {
    await expect(
      readDocument(file('captions.vtt', '1\n00:00:01.000 --> 00:00:02.000\nHello\n')),
    ).rejects.toThrow('captions.vtt is not a WebVTT file: its first line should be WEBVTT, but it is "1".');
  });

  it('says which cue and line has a broken timing', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n00:00:03.000 --> 00:00:0x.000\nBye\n';
    await expect(readDocument(file('broken.vtt', vtt))).rejects.toThrow(
      'broken.vtt, cue 2 (line 6): the timing "00:00:03.000 --> 00:00:0x.000" is not start --> end',
    );
  });

  it('refuses a header with no cues', async () => {
    await expect(readDocument(file('empty.vtt', 'WEBVTT\n\nNOTE nothing was said\n'))).rejects.toThrow(
      'empty.vtt holds no text: it has no cues to import.',
    );
  });
});

describe('SubRip subtitles', () => {
  it('reads numbered cues and "Speaker:" prefixes; unlabelled cues continue the speaker', async () => {
    const transcript = await readDocument(fixture('interview.srt'));
    expect(transcript.format).toBe('subrip');
    expect(transcript.speakers).toEqual(['Interviewer', 'JO NAKAMURA']);
    expect(transcript.turns).toEqual([
      { speaker: 'Interviewer', text: 'Tell me about your goals.', start: 1 },
      {
        speaker: 'JO NAKAMURA',
        text: 'I want to lead a team within two years. My mentor thinks that is realistic.',
        start: 3.5,
      },
      { speaker: 'Interviewer', text: 'What would help most?', start: 9 },
      {
        speaker: 'JO NAKAMURA',
        text: 'More feedback, and e-mail me at jo.nakamura@example.com for the notes.',
        start: 11.5,
      },
    ]);
  });

  it('says which cue and line has a broken timestamp', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 -> 00:00:04,000\nBye\n';
    await expect(readDocument(file('broken.srt', srt))).rejects.toThrow(
      'broken.srt, cue 2 (line 6): expected a timing line such as 00:01:02,000 --> 00:01:05,000, found "00:00:03,000 -> 00:00:04,000".',
    );
    const badMinutes = '1\n00:61:01,000 --> 00:61:02,000\nHello\n';
    await expect(readDocument(file('minutes.srt', badMinutes))).rejects.toThrow(
      'minutes.srt, cue 1 (line 2): the timing "00:61:01,000 --> 00:61:02,000" is not start --> end as hh:mm:ss,mmm.',
    );
  });

  it('refuses a text that is not SubRip at all', async () => {
    await expect(readDocument(file('notes.srt', 'Just some notes\nabout nothing\n'))).rejects.toThrow(
      'notes.srt is not a SubRip file: it should start with a cue number and a timing line, but starts "Just some notes".',
    );
  });
});
