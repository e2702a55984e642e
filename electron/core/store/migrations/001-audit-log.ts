import type { Migration } from './types';

/** The project's own metadata and the append-only audit log (who, when, what, which object; no personal data). */
export const auditLog: Migration = {
  version: 1,
  name: 'audit log and project settings',
  up: `
    CREATE TABLE project_setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      object_type TEXT,
      object_id TEXT,
      detail TEXT
    ) STRICT;

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};
