import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { ReviewFinding, TextSegment } from '../../../shared/redaction';
import { decisionWords, entityLabels } from './entityWords';
import { codePointLength, textBlocks, textLines, type TextBlock } from './reviewText';

/** A span the evaluator selected in the document, in code points, with the words as shown. */
export interface SelectedSpan {
  start: number;
  end: number;
  text: string;
}

const decisionMarks = { pending: '?', accepted: '✓', rejected: '✗' } as const;

/** The code-point position of a point of a DOM selection inside the document, or null outside it. */
function positionOf(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    return piece ? Number(piece.dataset.start) + codePointLength((node as Text).data.slice(0, offset)) : null;
  }
  if (!(node instanceof Element)) return null;
  const child = node.childNodes[offset];
  if (child instanceof Element) {
    const piece = child.matches('[data-start]') ? child : child.querySelector('[data-start]');
    if (piece instanceof HTMLElement) return Number(piece.dataset.start);
  }
  const pieces = node.querySelectorAll<HTMLElement>('[data-start]');
  const last = pieces[pieces.length - 1] ?? node.closest<HTMLElement>('[data-start]');
  return last ? Number(last.dataset.start) + codePointLength(last.textContent ?? '') : null;
}

function selectedSpan(container: HTMLElement): SelectedSpan | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = positionOf(range.startContainer, range.startOffset);
  const end = positionOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, text: selection.toString() };
}

/** What changes a block's look: the decisions of its findings and which finding is current. */
function blockState(block: TextBlock, findings: ReadonlyMap<number, ReviewFinding>, current: number | null) {
  return block.pieces
    .filter((piece) => piece.findingId !== null)
    .map(
      (piece) =>
        `${piece.findingId}${findings.get(piece.findingId!)?.decision}${piece.findingId === current ? '*' : ''}`,
    )
    .join(',');
}

const Block = memo(
  function Block({
    block,
    findings,
    current,
  }: {
    block: TextBlock;
    state: string;
    findings: ReadonlyMap<number, ReviewFinding>;
    current: number | null;
  }) {
    return (
      <div className="review-line">
        {block.pieces.map((piece) => {
          const finding = piece.findingId === null ? undefined : findings.get(piece.findingId);
          if (!finding) {
            return (
              <span key={piece.start} data-start={piece.start}>
                {piece.text}
              </span>
            );
          }
          return (
            <mark
              key={piece.start}
              data-start={piece.start}
              data-finding={finding.id}
              data-entity={finding.entity}
              data-decision={finding.decision}
              data-label={`${finding.entity} ${decisionMarks[finding.decision]}`}
              className={finding.id === current ? 'current' : undefined}
              title={`${entityLabels[finding.entity]}, ${decisionWords[finding.decision]}: ${finding.reason}`}
            >
              {piece.text}
            </mark>
          );
        })}
      </div>
    );
  },
  (before, after) => before.block.signature === after.block.signature && before.state === after.state,
);

/**
 * The document's text with its findings marked in place: each mark shows its kind and decision in words and a
 * sign (✓ accepted, ✗ rejected, ? undecided), not by colour alone. Lines out of view are not laid out, so a
 * 100,000-character transcript scrolls smoothly. Clicking a mark makes it the current finding; selecting
 * words reports their span, for marking what the scan missed.
 */
export function DocumentText({
  segments,
  findings,
  current,
  onPick,
  onSelect,
  label,
}: {
  segments: readonly TextSegment[];
  findings: ReadonlyMap<number, ReviewFinding>;
  current: number | null;
  onPick: (findingId: number) => void;
  onSelect: (span: SelectedSpan) => void;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => textBlocks(segments), [segments]);

  useEffect(() => {
    const onSelectionChange = () => {
      const span = container.current ? selectedSpan(container.current) : null;
      if (span) onSelect(span);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [onSelect]);

  useEffect(() => {
    if (current === null) return;
    container.current?.querySelector(`[data-finding="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onClick = (event: MouseEvent) => {
    const mark = (event.target as Element).closest<HTMLElement>('[data-finding]');
    if (mark && window.getSelection()?.isCollapsed !== false) onPick(Number(mark.dataset.finding));
  };

  return (
    // Clicking a mark is a shortcut: the findings list beside it does the same with the keyboard.
    <div
      ref={container}
      className="review-text"
      role="document"
      aria-label={label}
      tabIndex={0}
      onClick={onClick}
    >
      {blocks.map((block) => (
        <Block
          key={block.start}
          block={block}
          state={blockState(block, findings, current)}
          findings={findings}
          current={current}
        />
      ))}
    </div>
  );
}

/** The text as applying the review would leave it, a line at a time. */
export function PlainText({ text, label }: { text: string; label: string }) {
  const lines = useMemo(() => textLines(text), [text]);
  return (
    <div className="review-text" role="document" aria-label={label} tabIndex={0}>
      {lines.map((line, i) => (
        <div key={i} className="review-line">
          {line}
        </div>
      ))}
    </div>
  );
}
