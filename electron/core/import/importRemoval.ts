import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../shared/errors';
import type { ImportBatch, ImportRemoval } from '../../../shared/data';
import { appendAudit } from '../store/audit';

/**
 * Taking an import back. An import batch brought rows (survey answers, career events, meetings, pairings,
 * documents, a roster's listing of people) and perhaps participants; removing it removes, in ONE transaction:
 * its rows, the participants it added that nothing else in the project still holds (no answer, event, pairing,
 * document or other roster lists them), their identifiers, and the batch itself, so the same file can be
 * imported again. The audit log records what was removed (counts, never names). What a roster changed in
 * participants another import added (a department, a cohort) stays as it is now: the earlier values are not kept.
 */

/** The tables whose rows say which import brought them. */
const ROWS_OF_IMPORT = [
  'response_set',
  'progression_event',
  'meeting',
  'pairing',
  'document',
  'roster_listing',
];

/** Participants still held by something other than the import being removed (`@id`). */
const HELD_ELSEWHERE = `
     EXISTS (SELECT 1 FROM response_set r WHERE r.participant_id = p.id AND r.import_id IS NOT @id)
  OR EXISTS (SELECT 1 FROM progression_event e WHERE e.participant_id = p.id AND e.import_id IS NOT @id)
  OR EXISTS (SELECT 1 FROM pairing g WHERE (g.mentor_id = p.id OR g.mentee_id = p.id) AND g.import_id IS NOT @id)
  OR EXISTS (SELECT 1 FROM document d WHERE d.participant_id = p.id AND d.import_id IS NOT @id)
  OR EXISTS (SELECT 1 FROM roster_listing l WHERE l.participant_id = p.id AND l.import_id <> @id)
  OR EXISTS (SELECT 1 FROM development_goal o WHERE o.participant_id = p.id)`;

interface BatchRow {
  id: number;
  kind: string;
  source_name: string;
  target: string;
  imported_at: string;
  rows_in: number;
}

const toBatch = (row: BatchRow): ImportBatch => ({
  importId: row.id,
  kind: row.kind as ImportBatch['kind'],
  file: row.source_name,
  into: row.target,
  importedAt: row.imported_at,
  rowsImported: row.rows_in,
});

const BATCH_COLUMNS = 'id, kind, source_name, target, imported_at, rows_in';

/** Every import of the project, newest first. */
export function listImports(db: Connection): ImportBatch[] {
  return (db.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batch ORDER BY id DESC`).all() as BatchRow[]).map(
    toBatch,
  );
}

function requireBatch(db: Connection, importId: number): BatchRow {
  const row = db.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = ?`).get(importId) as
    BatchRow | undefined;
  if (!row)
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `There is no import ${importId} in this project (it may have been removed already). Nothing was changed.`,
    );
  return row;
}

/** Imports that hold meetings of this import's pairings: they must be removed first. */
function importsHoldingItsPairings(db: Connection, importId: number): BatchRow[] {
  return db
    .prepare(
      `SELECT DISTINCT b.id, b.kind, b.source_name, b.target, b.imported_at, b.rows_in
       FROM meeting m JOIN pairing g ON g.id = m.pairing_id JOIN import_batch b ON b.id = m.import_id
       WHERE g.import_id = @id AND m.import_id IS NOT @id`,
    )
    .all({ id: importId }) as BatchRow[];
}

/** What removing the import would remove: shown to the evaluator before they confirm. */
export function previewImportRemoval(db: Connection, importId: number): ImportRemoval {
  const batch = requireBatch(db, importId);
  const count = (sql: string) => db.prepare(sql).pluck().get({ id: importId }) as number;
  const rows = Object.fromEntries(
    ROWS_OF_IMPORT.map((table) => [table, count(`SELECT count(*) FROM ${table} WHERE import_id = @id`)]),
  );
  const orphans = `SELECT p.id FROM participant p WHERE p.import_id = @id AND NOT (${HELD_ELSEWHERE})`;
  const blocking = importsHoldingItsPairings(db, importId);
  return {
    batch: toBatch(batch),
    surveyAnswers: rows.response_set ?? 0,
    careerEvents: rows.progression_event ?? 0,
    meetings: rows.meeting ?? 0,
    pairings: rows.pairing ?? 0,
    documents: rows.document ?? 0,
    rosterEntries: rows.roster_listing ?? 0,
    participants: count(`SELECT count(*) FROM (${orphans})`),
    identifiers: count(`SELECT count(*) FROM participant_identifier WHERE participant_id IN (${orphans})`),
    blockedBy:
      blocking.length === 0
        ? null
        : `Meetings imported from ${blocking.map((row) => `“${row.source_name}”`).join(', ')} belong to pairings of this import. Remove ${blocking.length === 1 ? 'that import' : 'those imports'} first.`,
  };
}

/** Removes the import in one transaction, audited; returns what was removed. */
export function removeImport(db: Connection, importId: number, actor: string): ImportRemoval {
  return db.transaction(() => {
    const removal = previewImportRemoval(db, importId);
    if (removal.blockedBy)
      throw new ConfidantError('INVALID_ARGUMENTS', `${removal.blockedBy} Nothing was changed.`);
    const run = (sql: string) => db.prepare(sql).run(importId);
    const orphans = db
      .prepare(`SELECT p.id FROM participant p WHERE p.import_id = @id AND NOT (${HELD_ELSEWHERE})`)
      .pluck()
      .all({ id: importId }) as number[];
    // Meetings first (they belong to pairings), then the rest of the import's rows.
    for (const table of ROWS_OF_IMPORT) run(`DELETE FROM ${table} WHERE import_id = ?`);
    const forget = db.prepare('DELETE FROM participant_identifier WHERE participant_id = ?');
    const remove = db.prepare('DELETE FROM participant WHERE id = ?');
    for (const participant of orphans) {
      forget.run(participant);
      remove.run(participant);
    }
    // Participants it added whom other imports still hold stay, no longer marked as this import's.
    run('UPDATE participant SET import_id = NULL WHERE import_id = ?');
    run('DELETE FROM import_batch WHERE id = ?');
    appendAudit(db, {
      actor,
      action: 'import.remove',
      objectType: 'import',
      objectId: String(importId),
      detail: {
        kind: removal.batch.kind,
        surveyAnswers: removal.surveyAnswers,
        careerEvents: removal.careerEvents,
        meetings: removal.meetings,
        pairings: removal.pairings,
        documents: removal.documents,
        rosterEntries: removal.rosterEntries,
        participants: removal.participants,
        identifiers: removal.identifiers,
      },
    });
    return removal;
  })();
}
