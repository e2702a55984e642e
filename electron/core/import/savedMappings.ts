import { createHash } from 'node:crypto';
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import {
  columnPlanSchema,
  importKinds,
  type ColumnPlan,
  type ImportKind,
  type SavedMapping,
} from '../../../shared/import';
import { projectLabels } from '../anonymize/projectLabels';
import { appendAudit } from '../store/audit';
import { normaliseHeading } from './mappingSuggestion';

/**
 * Saved column mappings: the evaluator maps a source's columns once, and the next export from the same source
 * (the next survey wave, next term's roster) is mapped the same way. A source is recognised by its headings,
 * not its content: the signature is a SHA-256 of the normalised heading list, so "Employee ID" and
 * "employee_id" match, and nothing but headings is kept.
 */

/** The signature of a heading list: the same for every kind of import, and for spelling that only differs in case or punctuation. */
export function headerSignature(header: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(header.map(normaliseHeading)))
    .digest('hex');
}

export interface MappingToSave {
  kind: ImportKind;
  header: readonly string[];
  name: string;
  columns: ColumnPlan[];
}

/**
 * Saves (or replaces) the mapping for files of this kind with these headings; the audit log records it. Its
 * name is kept as the label scan leaves it (a mapping named after a person keeps no name).
 */
export function saveMapping(db: Connection, mapping: MappingToSave, actor: string): string {
  const signature = headerSignature(mapping.header);
  const savedAt = new Date().toISOString();
  db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO saved_mapping (kind, header_signature, name, mapping, saved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, header_signature)
         DO UPDATE SET name = excluded.name, mapping = excluded.mapping, saved_at = excluded.saved_at
         RETURNING id`,
      )
      .pluck()
      .get(
        mapping.kind,
        signature,
        projectLabels(db).label(mapping.name),
        JSON.stringify(mapping.columns),
        savedAt,
      ) as number;
    appendAudit(db, {
      actor,
      action: 'import.saveMapping',
      objectType: 'saved_mapping',
      objectId: String(id),
      detail: { kind: mapping.kind, columns: mapping.columns.length },
    });
  })();
  return signature;
}

interface SavedMappingRow {
  kind: string;
  name: string;
  mapping: string;
  saved_at: string;
}

/**
 * The newest mapping saved for files with these headings, of any kind, or null. A stored mapping that no longer
 * reads as a plan (written by another version) is passed over rather than offered.
 */
export function findSavedMapping(db: Connection, header: readonly string[]): SavedMapping | null {
  const rows = db
    .prepare(
      'SELECT kind, name, mapping, saved_at FROM saved_mapping WHERE header_signature = ? ORDER BY saved_at DESC, id DESC',
    )
    .all(headerSignature(header)) as SavedMappingRow[];
  for (const row of rows) {
    const kind = importKinds.find((known) => known === row.kind);
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.mapping);
    } catch {
      continue;
    }
    const columns = columnPlanSchema.array().safeParse(parsed);
    if (kind && columns.success)
      return { kind, name: row.name, savedAt: row.saved_at, columns: columns.data };
  }
  return null;
}
