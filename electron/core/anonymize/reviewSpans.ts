import type { FindingDecision, PiiEntityName, TextSegment } from '../../../shared/redaction';
import { codePointToUtf16Offsets } from './codePoints';
import type { PiiFinding } from './finding';

/**
 * The pure side of the redaction review: spans in code points (end exclusive), as the store keeps them.
 * Findings of one document never overlap: the scan merges its overlaps, a span the evaluator marks takes the
 * place of those it touches, and a rescan drops what it finds inside a marked span.
 */

export interface Span {
  start: number;
  end: number;
}

export interface SpanWithId extends Span {
  id: number;
}

export interface StoredFinding extends SpanWithId {
  entity: PiiEntityName;
  origin: 'detected' | 'added';
  decision: FindingDecision;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The words of each span, in one pass over the text. */
export function spanTexts(text: string, spans: readonly Span[]): string[] {
  const units = codePointToUtf16Offsets(
    text,
    spans.flatMap((s) => [s.start, s.end]),
  );
  return spans.map((_, i) => text.slice(units[2 * i], units[2 * i + 1]));
}

/**
 * Cuts the text at the findings' edges: the text between findings and each finding's words, in order, each with
 * its code-point start, so the window can show findings in context without counting code points itself.
 * Findings are taken in order of start; one that overlaps an earlier one is left out.
 */
export function segmentText(text: string, findings: readonly SpanWithId[]): TextSegment[] {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SpanWithId[] = [];
  for (const finding of ordered) {
    if (kept.length === 0 || finding.start >= kept[kept.length - 1]!.end) kept.push(finding);
  }
  const total = [...text].length;
  const edges = kept.flatMap((f) => [f.start, Math.min(f.end, total)]);
  const units = codePointToUtf16Offsets(text, [...edges, total]);
  const segments: TextSegment[] = [];
  let point = 0;
  let unit = 0;
  kept.forEach((finding, i) => {
    const startUnit = units[2 * i]!;
    const endUnit = units[2 * i + 1]!;
    if (finding.start > point)
      segments.push({ start: point, text: text.slice(unit, startUnit), findingId: null });
    segments.push({ start: finding.start, text: text.slice(startUnit, endUnit), findingId: finding.id });
    point = Math.min(finding.end, total);
    unit = endUnit;
  });
  if (unit < text.length) segments.push({ start: point, text: text.slice(unit), findingId: null });
  return segments;
}

/**
 * A span the evaluator selected, without the spaces at its edges (a double-click often takes the space after a
 * word); null when nothing but spaces is left.
 */
export function trimSpan(text: string, span: Span): Span | null {
  const chars = [...text].slice(span.start, span.end);
  let start = 0;
  let end = chars.length;
  while (start < end && /\s/u.test(chars[start]!)) start++;
  while (end > start && /\s/u.test(chars[end - 1]!)) end--;
  return start === end ? null : { start: span.start + start, end: span.start + end };
}

/** "3 findings are still undecided", for the evaluator who tries to apply too soon. */
export function undecidedMessage(count: number): string {
  const findings = count === 1 ? '1 finding is' : `${count} findings are`;
  return `${findings} still undecided. Accept or reject ${count === 1 ? 'it' : 'them'}, or accept the rest and apply.`;
}

export interface RescannedFinding {
  start: number;
  end: number;
  entity: PiiEntityName;
  score: number;
  reason: string;
  decision: FindingDecision;
}

export interface RescanMerge {
  findings: RescannedFinding[];
  keptDecisions: number;
}

/**
 * What a new scan of a document awaiting review leaves: every span the scan finds, except those inside or
 * across a span the evaluator marked (those stay as they are), each keeping the decision made on the same
 * words as the same kind before; anything else is undecided.
 */
export function mergeRescan(previous: readonly StoredFinding[], scanned: readonly PiiFinding[]): RescanMerge {
  const added = previous.filter((f) => f.origin === 'added');
  const decided = new Map(
    previous
      .filter((f) => f.origin === 'detected' && f.decision !== 'pending')
      .map((f) => [`${f.start}:${f.end}:${f.entity}`, f.decision]),
  );
  let keptDecisions = 0;
  const findings = scanned
    .filter((f) => !added.some((a) => overlaps(a, f)))
    .map((f) => {
      const decision = decided.get(`${f.start}:${f.end}:${f.entity}`);
      if (decision) keptDecisions++;
      return {
        start: f.start,
        end: f.end,
        entity: f.entity,
        score: f.score,
        reason: f.reason,
        decision: decision ?? 'pending',
      };
    });
  return { findings, keptDecisions };
}
