import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../electron/core/import/transcripts/readDocument';
import { labelledLine, speakerTurns } from '../../../../electron/core/import/transcripts/speakerTurns';
import { transcriptBody } from '../../../../electron/core/import/transcripts/transcript';

const fixture = (name: string) => path.resolve('test/fixtures/transcripts', name);

describe('speaker turns in typed text', () => {
  it('reads labels, capitals, leading times and continuation lines into turns', async () => {
    const transcript = await readDocument(fixture('interview.txt'));
    expect(transcript.format).toBe('text');
    expect(transcript.speakers).toEqual(['Interviewer', 'PRIYA RAMAN']);
    expect(transcript.turns).toEqual([
      { speaker: null, text: 'Mid-programme interview, mentee 7' },
      { speaker: 'Interviewer', text: 'Thanks for making time today. How have the first three months gone?' },
      {
        speaker: 'PRIYA RAMAN',
        text: 'Better than I expected, honestly. My mentor, Tom Okafor, set a clear agenda for every session and we stuck to it.',
      },
      { speaker: 'Interviewer', text: 'What changed for you at work?', start: 62 },
      {
        speaker: 'PRIYA RAMAN',
        text: 'I asked for a stretch assignment. My manager replied to priya.raman@example.org the same day.',
        start: 70,
      },
      { speaker: 'Interviewer', text: 'And if someone wants to follow up?' },
      // Two lines by the same speaker in a row are one turn.
      { speaker: 'PRIYA RAMAN', text: 'They can ring me on 07700 900123. Or leave a message with Sam.' },
    ]);
  });

  it('renders the body as Speaker: text paragraphs separated by blank lines', async () => {
    const { turns } = await readDocument(fixture('interview.txt'));
    const body = transcriptBody(turns);
    expect(body.split('\n\n')).toHaveLength(turns.length);
    expect(body).toContain(
      '\n\nInterviewer: What changed for you at work?\n\nPRIYA RAMAN: I asked for a stretch assignment.',
    );
    expect(body.startsWith('Mid-programme interview, mentee 7\n\nInterviewer: Thanks')).toBe(true);
  });

  it('keeps a journal’s paragraphs, with no speakers', async () => {
    const transcript = await readDocument(fixture('journal.txt'));
    expect(transcript.speakers).toEqual([]);
    expect(transcript.turns.map((turn) => turn.text)).toEqual([
      'Week 3. Met Grace for coffee; we talked about the restructuring and what it means for my role.',
      'I felt more confident raising the budget question in the team meeting. Nobody laughed, which was a relief.',
      // "Next time:" is used once, in a text without speakers: it names nobody.
      'Next time: ask about the leadership course.',
    ]);
  });

  it('takes a label for a speaker only when it is used as one', () => {
    expect(labelledLine('[00:01:02] Sam: Hello')).toEqual({ speaker: 'Sam', text: 'Hello', start: 62 });
    expect(labelledLine('Speaker 2 (01:02:03.5): Yes')).toEqual({
      speaker: 'Speaker 2',
      text: 'Yes',
      start: 3723.5,
    });
    expect(labelledLine('so I said: no')).toBeNull();
    expect(labelledLine('Date: 3 March 2026')).toBeNull();
    expect(labelledLine('10: ten')).toBeNull();
    // A note's "Location:" once, among speakers used many times, continues the turn before it.
    const turns = speakerTurns([
      'Q: Where did you meet?',
      'A: In the canteen.',
      'Q: How often?',
      'A: Weekly.',
      'Recording note: the line dropped here.',
    ]);
    expect(turns.map((turn) => turn.speaker)).toEqual(['Q', 'A', 'Q', 'A']);
    expect(turns.at(-1)?.text).toBe('Weekly. Recording note: the line dropped here.');
  });

  it('accepts a short exchange where every paragraph starts with a different label', () => {
    const turns = speakerTurns(['Interviewer: Ready?', '', 'Mentee: Yes.']);
    expect(turns).toEqual([
      { speaker: 'Interviewer', text: 'Ready?' },
      { speaker: 'Mentee', text: 'Yes.' },
    ]);
  });

  it('starts a turn whose words follow on the next line', () => {
    const turns = speakerTurns([
      'Interviewer:',
      'What helped?',
      'Ana:',
      'Honest feedback.',
      'Interviewer: Thanks',
      'Ana: Pleasure',
    ]);
    expect(turns.slice(0, 2)).toEqual([
      { speaker: 'Interviewer', text: 'What helped?' },
      { speaker: 'Ana', text: 'Honest feedback.' },
    ]);
  });
});
