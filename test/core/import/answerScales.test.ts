import { describe, expect, it } from 'vitest';
import {
  answerScales,
  labelPoint,
  numberedRatingScale,
  recogniseAnswerScale,
  scoreAnswer,
  scoreCodes,
} from '../../../electron/core/import/answerScales';

const scale = (id: string) => answerScales.find((s) => s.id === id)!;

describe('answer scales', () => {
  it('scores agreement labels on 4, 5 and 7 points', () => {
    expect(labelPoint(scale('agreement-5'), 'Strongly agree')).toBe(5);
    expect(labelPoint(scale('agreement-5'), ' strongly  AGREE ')).toBe(5);
    expect(labelPoint(scale('agreement-5'), 'Neutral')).toBe(3);
    expect(labelPoint(scale('agreement-4'), 'Agree')).toBe(3);
    expect(labelPoint(scale('agreement-7'), 'Somewhat agree')).toBe(5);
    expect(labelPoint(scale('agreement-7'), 'Agree')).toBe(6);
    expect(labelPoint(scale('agreement-5'), '5 - Strongly agree')).toBe(5);
    expect(labelPoint(scale('agreement-5'), 'Strongly disagree (1)')).toBe(1);
  });

  it('recognises the scale a column uses from its labels', () => {
    expect(recogniseAnswerScale(['Agree', 'Strongly agree', 'Neither agree nor disagree', ''])?.id).toBe(
      'agreement-5',
    );
    expect(recogniseAnswerScale(['Agree', 'Somewhat agree'])?.id).toBe('agreement-7');
    expect(recogniseAnswerScale(['Very satisfied', 'Dissatisfied'])?.id).toBe('satisfaction-5');
    expect(recogniseAnswerScale(['Never', 'Often', 'Always'])?.id).toBe('frequency-5');
    expect(recogniseAnswerScale(['Yes', 'No'])).toBeNull();
    expect(recogniseAnswerScale(['1', '2'])).toBeNull();
    const stray = ['Agree', 'Agree', 'Disagree', 'Strongly agree', 'Sometimes'];
    expect(recogniseAnswerScale(stray)?.id).toBe('agreement-5');
    expect(recogniseAnswerScale(stray.slice(2))).toBeNull();
  });

  it('accepts numbers on the scale and reports out-of-scale values', () => {
    const agree = scale('agreement-5');
    expect(scoreAnswer('Disagree', agree)).toEqual({ ok: true, value: 2 });
    expect(scoreAnswer('4', agree)).toEqual({ ok: true, value: 4 });
    const out = scoreAnswer('7', agree);
    expect(out).toMatchObject({ ok: false });
    expect(out.ok ? '' : out.message).toBe(
      '“7” is outside the 5-point agreement scale; expected a whole number from 1 to 5.',
    );
    const word = scoreAnswer('Kind of', agree);
    expect(word.ok ? '' : word.message).toContain('expected one of: Strongly disagree, Disagree');
  });

  it('scores Qualtrics codes 11..15 by their labels, not their codes', () => {
    const scoring = scoreCodes([
      { code: 11, label: 'Strongly disagree' },
      { code: 12, label: 'Disagree' },
      { code: 13, label: 'Neither agree nor disagree' },
      { code: 14, label: 'Agree' },
      { code: 15, label: 'Strongly agree' },
      { code: 99, label: "Don't know" },
    ]);
    expect(scoring.scale?.id).toBe('agreement-5');
    expect([...scoring.points]).toEqual([
      [11, 1],
      [12, 2],
      [13, 3],
      [14, 4],
      [15, 5],
    ]);
    expect(scoring.notOnScale).toEqual([{ code: 99, label: "Don't know" }]);
  });

  it('ranks codes of an unknown scale in order, skipping non-answers', () => {
    const scoring = scoreCodes([
      { code: 6, label: 'Prefer not to say' },
      { code: 4, label: 'Top' },
      { code: 1, label: 'Bottom' },
      { code: 2, label: 'Low' },
    ]);
    expect(scoring.scale).toBeNull();
    expect([...scoring.points]).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });
});

describe('ratings answered with numbers', () => {
  it('are points of a scale when the question is about agreeing or numbers its anchors', () => {
    expect(
      numberedRatingScale('I feel I belong here (1 = Strongly disagree, 6 = Strongly agree)', ['1', '4', '5'])
        ?.id,
    ).toBe('agreement-6');
    expect(numberedRatingScale('How much do you agree: my mentor listens', ['2', '6', '3'])?.id).toBe(
      'agreement-6',
    );
    expect(
      numberedRatingScale('How likely are you to recommend it? (1 = not at all, 10 = extremely)', ['7', '9'])
        ?.id,
    ).toBe('rating-10');
    expect(numberedRatingScale('How many meetings did you have?', ['2', '6', '3'])).toBeNull();
    expect(numberedRatingScale('How much do you agree?', ['2', '12'])).toBeNull();
  });

  it('recognises a six-point agreement scale in words, without a middle answer', () => {
    expect(
      recogniseAnswerScale(['Slightly agree', 'Strongly disagree', 'Agree', 'Slightly disagree'])?.id,
    ).toBe('agreement-6');
    expect(
      recogniseAnswerScale(['Somewhat agree', 'Neither agree nor disagree', 'Strongly agree', 'Disagree'])
        ?.id,
    ).not.toBe('agreement-6');
  });
});
