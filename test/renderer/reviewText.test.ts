import { describe, expect, it } from 'vitest';
import type { ReviewFinding, TextSegment } from '../../shared/redaction';
import {
  codePointLength,
  occurrencesOf,
  placesToMark,
  textBlocks,
  textLines,
} from '../../renderer/areas/anonymise/reviewText';

describe('the text of a document under review', () => {
  it('counts code points, as the engine does: an emoji is one', () => {
    expect(codePointLength('👋 Priya')).toBe(7);
  });

  it('cuts the segments into lines without cutting a finding, each piece keeping its code-point start', () => {
    const segments: TextSegment[] = [
      { start: 0, text: 'Q: 👋 hi\nA: I am ', findingId: null },
      { start: 15, text: 'Priya\nRaman', findingId: 7 },
      { start: 26, text: '.\nThanks.', findingId: null },
    ];
    const blocks = textBlocks(segments);
    expect(blocks.map((b) => b.pieces.map((p) => [p.start, p.text, p.findingId]))).toEqual([
      [[0, 'Q: 👋 hi\n', null]],
      [
        [8, 'A: I am ', null],
        [15, 'Priya\nRaman', 7],
        [26, '.\n', null],
      ],
      [[28, 'Thanks.', null]],
    ]);
    expect(new Set(blocks.map((b) => b.signature)).size).toBe(3);
  });

  it('splits a plain text into lines that rebuild it', () => {
    expect(textLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(textLines('')).toEqual([]);
  });

  it('finds every place some words appear, in code points, and leaves out those inside a longer finding', () => {
    const text = '👋 Finance team. Finance team lead: Finance.';
    const places = occurrencesOf(text, ' Finance team ');
    expect(places).toEqual([
      { start: 2, end: 14 },
      { start: 16, end: 28 },
    ]);
    const finding = (start: number, end: number): ReviewFinding => ({
      id: 1,
      start,
      end,
      entity: 'ORGANIZATION',
      score: 1,
      reason: '',
      origin: 'detected',
      decision: 'pending',
      text: '',
    });
    expect(placesToMark(places, [finding(16, 33)])).toEqual([{ start: 2, end: 14 }]);
    expect(placesToMark(places, [finding(2, 14)])).toEqual(places);
    expect(occurrencesOf(text, '   ')).toEqual([]);
  });
});
