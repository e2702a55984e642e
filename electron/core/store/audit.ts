import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry, AuditPage } from '../../../shared/project';

/**
 * What the audit log records. It names actions and objects by id, never people: `detail` holds counts and
 * settings, not names, e-mails or free text.
 */
export interface AuditRecord {
  actor: string;
  action: string;
  objectType?: string;
  objectId?: string;
  detail?: Record<string, string | number | boolean>;
}

export function appendAudit(db: Database, record: AuditRecord, at: Date = new Date()): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, object_type, object_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    at.toISOString(),
    record.actor,
    record.action,
    record.objectType ?? null,
    record.objectId ?? null,
    record.detail ? JSON.stringify(record.detail) : null,
  );
}

/**
 * One page of the log, newest first (a page at a time: the log may hold millions of rows); with `actions`, only entries of those actions (the Audit log's search and
 * filter, which the window turns into action names). Each entry names what it was done to in words where the
 * project still has it: an import's file name, a document's title.
 */
export function readAudit(
  db: Database,
  offset: number,
  limit: number,
  actions?: readonly string[],
): AuditPage {
  const where = actions ? `WHERE a.action IN (${actions.map(() => '?').join(', ') || 'NULL'})` : '';
  const total = actions
    ? (db
        .prepare(`SELECT count(*) FROM audit_log a ${where}`)
        .pluck()
        .get(...actions) as number)
    : ((db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number | null }).n ?? 0);
  const entries = db
    .prepare(
      `SELECT a.id, a.at, a.actor, a.action, a.object_type AS objectType, a.object_id AS objectId, a.detail,
         CASE a.object_type
           WHEN 'import' THEN (SELECT b.source_name FROM import_batch b WHERE b.id = CAST(a.object_id AS INTEGER))
           WHEN 'document' THEN (SELECT d.title FROM document d WHERE d.id = CAST(a.object_id AS INTEGER))
         END AS subject
       FROM audit_log a ${where} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...(actions ?? []), limit, offset) as AuditEntry[];
  return { total, entries };
}
