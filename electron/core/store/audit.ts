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

/** Newest first, a page at a time: the log may hold millions of rows. */
export function readAudit(db: Database, offset: number, limit: number): AuditPage {
  const total = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
  const entries = db
    .prepare(
      `SELECT id, at, actor, action, object_type AS objectType, object_id AS objectId, detail
       FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as AuditEntry[];
  return { total, entries };
}
