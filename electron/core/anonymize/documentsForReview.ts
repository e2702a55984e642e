import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { redactLabel, registeredIdentifier } from './projectLabels';
import { scanForPii, type ScanOptions } from './scan';

/** A transcript, journal or mentor note as it arrives, before anyone has reviewed what it reveals. */
export interface IncomingDocument {
  kind: 'transcript' | 'journal' | 'mentor_note';
  title: string;
  body: string;
  participantId?: number | null;
  windowId?: number | null;
  importId?: number | null;
}

export interface StoredForReview {
  documentId: number;
  findings: number;
}

/**
 * Keeps a document for the evaluator's review together with everything the PII scan finds in it (offsets in
 * code points, as the review screen and `confidant pii-scan` count them). Its title is not reviewed: it is kept
 * as the label scan leaves it (projectLabels.ts), a name, contact or participant id in it replaced by a tag. The caller owns the transaction, so
 * an import of several documents commits all of them or none.
 */
export function storeDocumentForReview(
  db: Connection,
  document: IncomingDocument,
  scanOptions: ScanOptions,
): StoredForReview {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO document (kind, title, participant_id, window_id, body, import_id, review)
       VALUES (?, ?, ?, ?, ?, ?, 'awaiting')`,
    )
    .run(
      document.kind,
      redactLabel(document.title, scanOptions, registeredIdentifier(db)),
      document.participantId ?? null,
      document.windowId ?? null,
      document.body,
      document.importId ?? null,
    );
  const documentId = Number(lastInsertRowid);
  const insert = db.prepare(
    `INSERT INTO pii_finding (document_id, span_start, span_end, entity, score, reason, origin)
     VALUES (?, ?, ?, ?, ?, ?, 'detected')`,
  );
  const findings = scanForPii(document.body, scanOptions);
  for (const f of findings) insert.run(documentId, f.start, f.end, f.entity, f.score, f.reason);
  return { documentId, findings: findings.length };
}
