import { describe, expect, it } from 'vitest';
import {
  mergeRescan,
  segmentText,
  trimSpan,
  undecidedMessage,
  type StoredFinding,
} from '../../../electron/core/anonymize/reviewSpans';
import type { PiiFinding } from '../../../electron/core/anonymize/finding';

const text = 'Hi 👋 Priya, mail priya@example.org 🎉 now';
const points = [...text];
/** Code-point position of a word in `text` (the emoji before it are one code point each). */
const span = (word: string) => {
  const start = [...text.slice(0, text.indexOf(word))].length;
  return { start, end: start + [...word].length };
};

describe('segmentText', () => {
  it('cuts the text at the findings in code points, so the pieces rebuild it and each finding is its words', () => {
    const segments = segmentText(text, [
      { id: 2, ...span('priya@example.org') },
      { id: 1, ...span('Priya') },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.findingId !== null).map((s) => [s.findingId, s.text])).toEqual([
      [1, 'Priya'],
      [2, 'priya@example.org'],
    ]);
    for (const segment of segments) {
      expect(points.slice(segment.start, segment.start + [...segment.text].length).join('')).toBe(
        segment.text,
      );
    }
  });

  it('gives the whole text as one piece when nothing was found, and nothing for an empty text', () => {
    expect(segmentText(text, [])).toEqual([{ start: 0, text, findingId: null }]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('leaves out a finding that overlaps an earlier one', () => {
    const segments = segmentText('Priya Raman', [
      { id: 1, start: 0, end: 11 },
      { id: 2, start: 6, end: 11 },
    ]);
    expect(segments).toEqual([{ start: 0, text: 'Priya Raman', findingId: 1 }]);
  });
});

describe('trimSpan', () => {
  it('leaves out spaces at the edges of a selection, counting code points', () => {
    expect(trimSpan('👋 Priya  x', { start: 1, end: 9 })).toEqual({ start: 2, end: 7 });
    expect(trimSpan('a   b', { start: 1, end: 4 })).toBeNull();
  });
});

describe('undecidedMessage', () => {
  it('says how many findings are undecided, in the singular too', () => {
    expect(undecidedMessage(3)).toBe(
      '3 findings are still undecided. Accept or reject them, or accept the rest and apply.',
    );
    expect(undecidedMessage(1)).toMatch(/^1 finding is still undecided\. Accept or reject it,/);
  });
});

describe('mergeRescan', () => {
  const stored = (f: Partial<StoredFinding> & Pick<StoredFinding, 'start' | 'end'>): StoredFinding => ({
    id: 0,
    entity: 'PERSON',
    origin: 'detected',
    decision: 'pending',
    ...f,
  });
  const scanned = (start: number, end: number, entity: PiiFinding['entity'] = 'PERSON'): PiiFinding => ({
    start,
    end,
    entity,
    score: 0.8,
    reason: 'test',
  });

  it('keeps decisions on the same words found as the same kind, and nothing else', () => {
    const merged = mergeRescan(
      [
        stored({ start: 0, end: 5, decision: 'rejected' }),
        stored({ start: 10, end: 15, decision: 'accepted' }),
        stored({ start: 20, end: 25, decision: 'accepted' }),
      ],
      [scanned(0, 5), scanned(10, 15, 'LOCATION'), scanned(20, 26), scanned(30, 35)],
    );
    expect(merged.findings.map((f) => [f.start, f.entity, f.decision])).toEqual([
      [0, 'PERSON', 'rejected'],
      [10, 'LOCATION', 'pending'],
      [20, 'PERSON', 'pending'],
      [30, 'PERSON', 'pending'],
    ]);
    expect(merged.keptDecisions).toBe(1);
  });

  it('drops what the scan finds inside or across a span the evaluator marked', () => {
    const merged = mergeRescan(
      [stored({ start: 10, end: 20, origin: 'added', decision: 'accepted', entity: 'ORGANIZATION' })],
      [scanned(12, 15), scanned(18, 22), scanned(20, 24)],
    );
    expect(merged.findings.map((f) => f.start)).toEqual([20]);
  });
});
