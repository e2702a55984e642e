import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import type {
  AppliedReview,
  ApplyReviewArgs,
  RedactionOperators,
  ReviewPreview,
} from '../../../shared/redaction';
import { appendAudit } from '../store/audit';
import { anonymiseText, type AnonymisedText } from './operators';
import { readBody, readFindings, requireAwaitingReview } from './redactionReview';
import { undecidedMessage } from './reviewSpans';

/**
 * Applying a review: the accepted findings are replaced with each kind's operator (a tag unless the evaluator
 * chose otherwise), and in one transaction the document's text is rewritten, its findings deleted and the
 * document marked applied. The original text is not kept: the store overwrites deleted content
 * (secure_delete), and the audit log records counts and kinds, never words.
 */

function anonymisedBody(
  db: Connection,
  documentId: number,
  operators: RedactionOperators,
  acceptUndecided: boolean,
): AnonymisedText & { undecided: number; rejected: number } {
  const findings = readFindings(db, documentId);
  const undecided = findings.filter((f) => f.decision === 'pending').length;
  const rejected = findings.filter((f) => f.decision === 'rejected').length;
  const replacing = findings.filter(
    (f) => f.decision === 'accepted' || (acceptUndecided && f.decision === 'pending'),
  );
  return { ...anonymiseText(readBody(db, documentId), replacing, { operators }), undecided, rejected };
}

/** The text as applying the review would leave it, with undecided findings as written; nothing is changed. */
export function previewReview(
  db: Connection,
  documentId: number,
  operators: RedactionOperators,
): ReviewPreview {
  requireAwaitingReview(db, documentId);
  const preview = anonymisedBody(db, documentId, operators, false);
  return { text: preview.text, replaced: preview.replacements.length, undecided: preview.undecided };
}

/** "PERSON tag, DATE_TIME generalise": which operator each kind got, for the audit log. */
function operatorSummary(operators: RedactionOperators, entities: Iterable<string>): string {
  return [...new Set(entities)]
    .sort()
    .map((entity) => `${entity} ${operators[entity as keyof RedactionOperators]?.kind ?? 'tag'}`)
    .join(', ');
}

export function applyReview(
  db: Connection,
  { documentId, operators, acceptUndecided }: ApplyReviewArgs,
  actor: string,
  at: Date = new Date(),
): AppliedReview {
  return db.transaction((): AppliedReview => {
    requireAwaitingReview(db, documentId);
    const result = anonymisedBody(db, documentId, operators, acceptUndecided);
    if (result.undecided > 0 && !acceptUndecided) {
      throw new ConfidantError('FINDINGS_UNDECIDED', undecidedMessage(result.undecided));
    }
    db.prepare(`UPDATE document SET body = ?, review = 'applied', reviewed_at = ? WHERE id = ?`).run(
      result.text,
      at.toISOString(),
      documentId,
    );
    db.prepare('DELETE FROM pii_finding WHERE document_id = ?').run(documentId);
    const acceptedUndecided = acceptUndecided ? result.undecided : 0;
    appendAudit(
      db,
      {
        actor,
        action: 'anonymize.apply',
        objectType: 'document',
        objectId: String(documentId),
        detail: {
          replaced: result.replacements.length,
          rejected: result.rejected,
          acceptedUndecided,
          operators: operatorSummary(
            operators,
            result.replacements.map((r) => r.entity),
          ),
        },
      },
      at,
    );
    return { documentId, replaced: result.replacements.length, acceptedUndecided };
  })();
}
