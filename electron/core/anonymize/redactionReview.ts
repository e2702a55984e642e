import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import {
  piiEntities,
  type AddedFinding,
  type AddFindingArgs,
  type DecideArgs,
  type DecisionResult,
  type DocumentForReview,
  type DocumentKind,
  type DocumentUnderReview,
  type EntityCounts,
  type FindingDecision,
  type PiiEntityName,
  type ReviewFinding,
  type ReviewState,
} from '../../../shared/redaction';
import { appendAudit } from '../store/audit';
import { overlaps, segmentText, spanTexts, trimSpan, type StoredFinding } from './reviewSpans';

/**
 * The evaluator's review of the findings in documents awaiting review: the list of documents with how far each
 * review has come, one document with its findings in context, decisions on one finding or on every undecided
 * finding of a kind, and spans the scan missed. Every change is audited by document id, kind of finding and
 * counts, never by the words found.
 */

interface DocumentRow {
  id: number;
  kind: DocumentKind;
  title: string;
  review: ReviewState;
  reviewedAt: string | null;
  characters: number;
}

interface CountRow {
  documentId: number;
  entity: PiiEntityName;
  decision: FindingDecision;
  n: number;
}

interface FindingRow extends StoredFinding {
  score: number;
  reason: string;
}

const DOCUMENT_COLUMNS = `id, kind, title, review, reviewed_at AS reviewedAt, length(body) AS characters`;

function withCounts(
  document: DocumentRow,
  counts: readonly Omit<CountRow, 'documentId'>[],
): DocumentUnderReview {
  const byEntity = new Map<PiiEntityName, EntityCounts>();
  const total = { pending: 0, accepted: 0, rejected: 0 };
  for (const row of counts) {
    const entry = byEntity.get(row.entity) ?? { entity: row.entity, pending: 0, accepted: 0, rejected: 0 };
    entry[row.decision] += row.n;
    total[row.decision] += row.n;
    byEntity.set(row.entity, entry);
  }
  const order = (entity: PiiEntityName) => piiEntities.indexOf(entity);
  return {
    ...document,
    counts: total,
    entities: [...byEntity.values()].sort((a, b) => order(a.entity) - order(b.entity)),
  };
}

/** Every document: those awaiting review first, then those applied, each with its findings counted. */
export function listDocumentsForReview(db: Connection): DocumentUnderReview[] {
  const documents = db
    .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM document ORDER BY review = 'applied', id`)
    .all() as DocumentRow[];
  const counts = db
    .prepare(
      `SELECT document_id AS documentId, entity, decision, count(*) AS n
       FROM pii_finding GROUP BY document_id, entity, decision`,
    )
    .all() as CountRow[];
  const byDocument = new Map<number, CountRow[]>();
  for (const row of counts) {
    const rows = byDocument.get(row.documentId);
    if (rows) rows.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return documents.map((document) => withCounts(document, byDocument.get(document.id) ?? []));
}

function readDocument(db: Connection, documentId: number): DocumentRow {
  const document = db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM document WHERE id = ?`).get(documentId) as
    DocumentRow | undefined;
  if (!document) throw new ConfidantError('NOT_FOUND', `There is no document ${documentId} in this project.`);
  return document;
}

/** The document, refused when its review has already been applied (its findings are gone with its original). */
export function requireAwaitingReview(db: Connection, documentId: number): DocumentRow {
  const document = readDocument(db, documentId);
  if (document.review === 'applied') {
    throw new ConfidantError(
      'REVIEW_ALREADY_APPLIED',
      `The review of “${document.title}” has already been applied; its original text is no longer kept.`,
    );
  }
  return document;
}

export function readBody(db: Connection, documentId: number): string {
  return db.prepare('SELECT body FROM document WHERE id = ?').pluck().get(documentId) as string;
}

export function readFindings(db: Connection, documentId: number): FindingRow[] {
  return db
    .prepare(
      `SELECT id, span_start AS start, span_end AS end, entity, score, reason, origin, decision
       FROM pii_finding WHERE document_id = ? ORDER BY span_start, id`,
    )
    .all(documentId) as FindingRow[];
}

function countsOf(findings: readonly FindingRow[]): Omit<CountRow, 'documentId'>[] {
  return findings.map((f) => ({ entity: f.entity, decision: f.decision, n: 1 }));
}

/** One document for review: its text cut at the findings' edges, and the findings with their words. */
export function readDocumentForReview(db: Connection, documentId: number): DocumentForReview {
  const document = readDocument(db, documentId);
  const body = readBody(db, documentId);
  const findings = readFindings(db, documentId);
  const words = spanTexts(body, findings);
  return {
    document: withCounts(document, countsOf(findings)),
    segments: segmentText(body, findings),
    findings: findings.map((f, i): ReviewFinding => ({ ...f, text: words[i]! })),
  };
}

/** Decides one finding, or every undecided finding of one kind in the document. */
export function decideFindings(db: Connection, decision: DecideArgs, actor: string): DecisionResult {
  return db.transaction((): DecisionResult => {
    requireAwaitingReview(db, decision.documentId);
    let entity: PiiEntityName;
    let changed: number;
    if (decision.findingId !== undefined) {
      const finding = db
        .prepare('SELECT entity FROM pii_finding WHERE id = ? AND document_id = ?')
        .pluck()
        .get(decision.findingId, decision.documentId) as PiiEntityName | undefined;
      if (!finding) {
        throw new ConfidantError(
          'NOT_FOUND',
          'That finding is no longer in this document (a new scan may have replaced it). Reload the document.',
        );
      }
      entity = finding;
      changed = db
        .prepare('UPDATE pii_finding SET decision = ? WHERE id = ? AND decision <> ?')
        .run(decision.decision, decision.findingId, decision.decision).changes;
    } else {
      entity = decision.entity!;
      changed = db
        .prepare(
          `UPDATE pii_finding SET decision = ? WHERE document_id = ? AND entity = ? AND decision = 'pending'`,
        )
        .run(decision.decision, decision.documentId, entity).changes;
    }
    if (changed > 0) {
      appendAudit(db, {
        actor,
        action: 'anonymize.decide',
        objectType: 'document',
        objectId: String(decision.documentId),
        detail: {
          entity,
          decision: decision.decision,
          findings: changed,
          ...(decision.findingId === undefined ? { allUndecided: true } : { finding: decision.findingId }),
        },
      });
    }
    return { changed };
  })();
}

const ADDED_REASON = 'marked by the evaluator';

/**
 * Marks a span the scan missed, accepted. Spaces at its edges are left out. It takes the place of any finding it
 * touches (the evaluator has said what these words are); marking exactly a finding's words as its kind again
 * accepts that finding.
 */
export function addFinding(db: Connection, span: AddFindingArgs, actor: string): AddedFinding {
  return db.transaction((): AddedFinding => {
    const document = requireAwaitingReview(db, span.documentId);
    if (span.end > document.characters) {
      throw new ConfidantError(
        'INVALID_ARGUMENTS',
        `The span ${span.start}–${span.end} goes past the end of “${document.title}” (${document.characters} characters).`,
      );
    }
    const trimmed = trimSpan(readBody(db, span.documentId), span);
    if (!trimmed)
      throw new ConfidantError('INVALID_ARGUMENTS', 'The selection holds only spaces: select a word.');
    const touched = readFindings(db, span.documentId).filter((f) => overlaps(f, trimmed));
    const same = touched.find(
      (f) => f.start === trimmed.start && f.end === trimmed.end && f.entity === span.entity,
    );
    let findingId: number;
    let replaced = 0;
    if (same) {
      db.prepare(`UPDATE pii_finding SET decision = 'accepted' WHERE id = ?`).run(same.id);
      findingId = same.id;
    } else {
      const remove = db.prepare('DELETE FROM pii_finding WHERE id = ?');
      for (const finding of touched) remove.run(finding.id);
      replaced = touched.length;
      findingId = Number(
        db
          .prepare(
            `INSERT INTO pii_finding (document_id, span_start, span_end, entity, score, reason, origin, decision)
             VALUES (?, ?, ?, ?, 1, ?, 'added', 'accepted')`,
          )
          .run(span.documentId, trimmed.start, trimmed.end, span.entity, ADDED_REASON).lastInsertRowid,
      );
    }
    appendAudit(db, {
      actor,
      action: 'anonymize.addFinding',
      objectType: 'document',
      objectId: String(span.documentId),
      detail: { entity: span.entity, finding: findingId, replaced },
    });
    return { findingId, replaced };
  })();
}
