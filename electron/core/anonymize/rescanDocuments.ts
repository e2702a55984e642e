import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { RescanResult } from '../../../shared/redaction';
import { appendAudit } from '../store/audit';
import { projectScanOptions } from './anonymisationSettings';
import { readBody, readFindings } from './redactionReview';
import { mergeRescan } from './reviewSpans';
import { scanForPii } from './scan';

/**
 * Scans every document awaiting review again with the project's current settings (after the evaluator adds a
 * country or an id pattern, or imports a roster). Decisions on the same words found as the same kind are kept,
 * and so is every span the evaluator marked; the rest starts undecided. One transaction for all documents.
 */
export function rescanAwaitingDocuments(db: Connection, actor: string): RescanResult {
  const options = projectScanOptions(db);
  return db.transaction((): RescanResult => {
    const ids = db
      .prepare(`SELECT id FROM document WHERE review = 'awaiting' ORDER BY id`)
      .pluck()
      .all() as number[];
    const removeDetected = db.prepare(
      `DELETE FROM pii_finding WHERE document_id = ? AND origin = 'detected'`,
    );
    const insert = db.prepare(
      `INSERT INTO pii_finding (document_id, span_start, span_end, entity, score, reason, origin, decision)
       VALUES (?, ?, ?, ?, ?, ?, 'detected', ?)`,
    );
    const result: RescanResult = { documents: ids.length, findings: 0, keptDecisions: 0, keptAdded: 0 };
    for (const id of ids) {
      const previous = readFindings(db, id);
      const merged = mergeRescan(previous, scanForPii(readBody(db, id), options));
      removeDetected.run(id);
      for (const f of merged.findings)
        insert.run(id, f.start, f.end, f.entity, f.score, f.reason, f.decision);
      const added = previous.filter((f) => f.origin === 'added').length;
      result.findings += merged.findings.length + added;
      result.keptDecisions += merged.keptDecisions;
      result.keptAdded += added;
    }
    appendAudit(db, {
      actor,
      action: 'anonymize.rescan',
      objectType: 'project',
      detail: { ...result },
    });
    return result;
  })();
}
