import { useEffect, useRef, type KeyboardEvent } from 'react';
import type {
  EntityCounts,
  FindingDecision,
  PiiEntityName,
  RedactionOperator,
  ReviewFinding,
} from '../../../shared/redaction';
import { decisionWords, entityLabels, operatorChoiceId, operatorChoices } from './entityWords';

/** The findings as the panel lists them: by kind, in the document's order within a kind. */
export function panelOrder(
  findings: readonly ReviewFinding[],
  kinds: readonly EntityCounts[],
): ReviewFinding[] {
  const rank = new Map(kinds.map((kind, i) => [kind.entity, i]));
  return [...findings].sort(
    (a, b) => (rank.get(a.entity) ?? 0) - (rank.get(b.entity) ?? 0) || a.start - b.start,
  );
}

const keyDecisions: Record<string, FindingDecision> = { a: 'accepted', r: 'rejected', u: 'pending' };

/**
 * The findings beside the text, by kind: what replaces each kind, accept or reject the undecided of a kind at
 * once, and each finding on its own. ↑/↓ move between findings; A, R and U decide the current one.
 */
export function FindingsPanel({
  findings,
  kinds,
  current,
  operators,
  busy,
  onPick,
  onDecide,
  onDecideKind,
  onOperator,
}: {
  findings: readonly ReviewFinding[];
  kinds: readonly EntityCounts[];
  current: number | null;
  operators: Partial<Record<PiiEntityName, RedactionOperator>>;
  busy: boolean;
  onPick: (findingId: number) => void;
  onDecide: (finding: ReviewFinding, decision: FindingDecision) => void;
  onDecideKind: (entity: PiiEntityName, decision: FindingDecision) => void;
  onOperator: (entity: PiiEntityName, operator: RedactionOperator) => void;
}) {
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const ordered = panelOrder(findings, kinds);
  const focusCurrent = useRef(false);

  useEffect(() => {
    if (current === null || !focusCurrent.current) return;
    focusCurrent.current = false;
    buttons.current.get(current)?.focus();
  }, [current]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLSelectElement || target instanceof HTMLInputElement) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = ordered.findIndex((f) => f.id === current);
    const step =
      event.key === 'ArrowDown' || event.key === 'j'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'k'
          ? -1
          : 0;
    if (step !== 0) {
      event.preventDefault();
      const next = ordered[Math.min(ordered.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
      if (next) {
        focusCurrent.current = true;
        onPick(next.id);
        if (next.id === current) buttons.current.get(next.id)?.focus();
      }
      return;
    }
    const decision = keyDecisions[event.key.toLowerCase()];
    const finding = ordered[at];
    if (decision && finding && !busy) {
      event.preventDefault();
      onDecide(finding, decision);
    }
  };

  if (findings.length === 0) {
    return (
      <div className="review-findings" role="region" aria-label="Findings">
        <p>Nothing was found in this document. Mark anything the scan missed, then apply the review.</p>
      </div>
    );
  }

  return (
    <div className="review-findings" role="region" aria-label="Findings" onKeyDown={onKeyDown}>
      <p className="hint">
        ↑ and ↓ move between findings; A accepts, R rejects and U leaves a finding undecided.
      </p>
      {kinds.map((kind) => {
        const label = entityLabels[kind.entity];
        const headingId = `kind-${kind.entity}`;
        return (
          <section key={kind.entity} className="finding-kind" aria-labelledby={headingId}>
            <h3 id={headingId}>
              <span className="entity-badge" data-entity={kind.entity}>
                {kind.entity}
              </span>{' '}
              {label}
            </h3>
            <p className="finding-counts">
              {kind.pending} undecided, {kind.accepted} accepted, {kind.rejected} rejected
            </p>
            <label className="finding-operator">
              <span>Replace {label.toLowerCase()} with</span>
              <select
                value={operatorChoiceId(operators[kind.entity])}
                onChange={(event) => {
                  const choice = operatorChoices(kind.entity).find((c) => c.id === event.target.value);
                  if (choice) onOperator(kind.entity, choice.operator);
                }}
              >
                {operatorChoices(kind.entity).map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <div className="finding-kind-actions">
              <button
                type="button"
                className="secondary"
                disabled={busy || kind.pending === 0}
                onClick={() => onDecideKind(kind.entity, 'accepted')}
                aria-label={`Accept the ${kind.pending} undecided: ${label}`}
              >
                Accept the {kind.pending} undecided
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy || kind.pending === 0}
                onClick={() => onDecideKind(kind.entity, 'rejected')}
                aria-label={`Reject the ${kind.pending} undecided: ${label}`}
              >
                Reject the {kind.pending} undecided
              </button>
            </div>
            <ul className="finding-list">
              {ordered
                .filter((f) => f.entity === kind.entity)
                .map((finding) => (
                  <li key={finding.id} className="finding" data-decision={finding.decision}>
                    <button
                      ref={(element) => {
                        if (element) buttons.current.set(finding.id, element);
                        else buttons.current.delete(finding.id);
                      }}
                      type="button"
                      className="finding-words"
                      aria-current={finding.id === current ? 'true' : undefined}
                      tabIndex={
                        finding.id === current || (current === null && finding === ordered[0]) ? 0 : -1
                      }
                      onClick={() => onPick(finding.id)}
                      onFocus={() => onPick(finding.id)}
                      title={finding.reason}
                    >
                      <span className="finding-text">{finding.text}</span>
                      <span className="finding-state">
                        {decisionWords[finding.decision]}
                        {finding.origin === 'added' ? ', marked by you' : ''}
                      </span>
                    </button>
                    <span className="finding-decide">
                      <button
                        type="button"
                        className="secondary"
                        aria-pressed={finding.decision === 'accepted'}
                        aria-label={`Accept “${finding.text}”`}
                        tabIndex={finding.id === current ? 0 : -1}
                        onClick={() =>
                          onDecide(finding, finding.decision === 'accepted' ? 'pending' : 'accepted')
                        }
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        aria-pressed={finding.decision === 'rejected'}
                        aria-label={`Reject “${finding.text}”`}
                        tabIndex={finding.id === current ? 0 : -1}
                        onClick={() =>
                          onDecide(finding, finding.decision === 'rejected' ? 'pending' : 'rejected')
                        }
                      >
                        Reject
                      </button>
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
