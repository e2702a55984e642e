import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { ImportKind, ImportSummary } from '../../../shared/import';
import { projectLabels } from '../anonymize/projectLabels';
import { rosterNameRecorder } from '../anonymize/rosterNameStore';
import type { VaultEntry } from '../anonymize/vault';
import { vaultEntries } from '../anonymize/vaultLookup';
import type { RosterPerson } from '../anonymize/rosterNames';
import { appendAudit } from '../store/audit';
import { requireIntactReferences, withReferencesChecked } from '../store/references';
import { participantTraitWriter } from './participantTraits';
import { freeTextRedactor } from './freeTextColumns';
import { IdentifierConflict, ParticipantRegister, REGISTER_REFERENCE_CHECK } from './participantRegister';
import type { ImportProblem } from './problems';
import { columnsNotStored, respondentMatching } from './storedColumns';
import type { SourceTable } from './table';
import { createRowValidator, type CheckedRow, type ColumnRule } from './validation';
import { meetingWriter } from './writers/meetingWriter';
import { pairingWriter } from './writers/pairingWriter';
import { progressionWriter } from './writers/progressionWriter';
import { IDENTIFIER_FIELDS, rowIdentifiers } from './writers/rowIdentifiers';
import type { RowWriter, WriterContext } from './writers/rowWriter';
import { surveyWriter } from './writers/surveyWriter';

/**
 * Committing an import: every row of a source file checked, then written in ONE transaction. Either all of it
 * goes in (less the rows the evaluator chose to skip) or none of it: a problem in reject mode, a cancel or a
 * crash leaves the project exactly as it was. Direct identifiers are turned into participants of the register
 * and never stored.
 */

export interface ImportSpec {
  kind: ImportKind;
  /** The file's name as the summary shows it. */
  sourceName: string;
  contentSha256: string;
  columns: ColumnRule[];
  /** Survey waves: the collection window and instrument the answers belong to. */
  window?: string;
  instrument?: string;
  /** Import the good rows and skip the others (true), or import nothing while any row has an error (false). */
  skipInvalidRows: boolean;
  /** Survey waves: add respondents who are not on the roster yet (true), or report them (false). */
  addUnknownParticipants: boolean;
  actor: string;
  /** Check only: read, check and write everything as an import would, then roll it all back. */
  dryRun?: boolean;
  /** Survey waves: the question each column asked (a new item's text); the heading where there is none. */
  questions?: readonly string[];
  /** Rosters, while the re-identification vault is open: given each written participant's identifiers. */
  keepIdentities?: (entries: VaultEntry[]) => void;
}

export const MAX_PROBLEMS_LISTED = 1000;
/**
 * Rows checked, then written, at a time. A batch of the reader is 1000 rows; checking all of them before
 * writing any kept every checked row alive across two or three of V8's young-generation collections, which
 * promoted it to the old generation as garbage (a 1M-row import's heap grew to 200+ MB for 50 MB of live data).
 */
const ROWS_PER_STEP = 50;

export type ImportProgress = (rowsRead: number) => void;

function alreadyImported(db: Connection, spec: ImportSpec, target: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM import_batch WHERE kind = ? AND content_sha256 = ? AND target = ?')
      .pluck()
      .get(spec.kind, spec.contentSha256, target) !== undefined
  );
}

function emptySummary(alreadyImportedBefore: boolean): ImportSummary {
  return {
    committed: false,
    alreadyImported: alreadyImportedBefore,
    importId: null,
    rowsRead: 0,
    rowsImported: 0,
    rowsSkipped: 0,
    rowsAlreadyPresent: 0,
    participantsAdded: 0,
    problemCount: 0,
    problems: [],
  };
}

function rosterWriter(
  db: Connection,
  spec: ImportSpec,
  register: ParticipantRegister,
  importId: number,
): RowWriter {
  const listed = db.prepare(
    'INSERT INTO roster_listing (import_id, participant_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const writeTraits = participantTraitWriter(db, spec.columns, 'replace');
  const rememberNames = rosterNameRecorder(db);
  /** The row's names for the free-text scan: given and family names, or a full name. */
  const rosterPerson = (row: CheckedRow): RosterPerson | null => {
    const text = (name: string) => {
      const rule = spec.columns.find((c) => c.field === name);
      const value = rule ? (row.values.get(rule.index) ?? null) : null;
      return value === null ? '' : String(value).trim();
    };
    const givenNames = text('givenName') || text('fullName');
    return givenNames ? { givenNames, familyNames: text('familyName') || undefined } : null;
  };
  return (row) => {
    const identifiers = rowIdentifiers(spec.columns, row);
    if (identifiers.length === 0) return { problem: 'has no participant id, e-mail or name.' };
    const participant = register.register(identifiers);
    listed.run(importId, participant.id);
    spec.keepIdentities?.(vaultEntries(participant.pseudonym, identifiers));
    const person = rosterPerson(row);
    if (person) rememberNames([person]);
    writeTraits(row, participant.id);
    return { added: participant.added };
  };
}

/** The writer of each kind of import, and the kind in the evaluator's words for its messages. */
function writerFor(spec: ImportSpec, context: WriterContext): RowWriter {
  const { db, register, importId } = context;
  switch (spec.kind) {
    case 'roster':
      return rosterWriter(db, spec, register, importId);
    case 'survey':
      return surveyWriter(context, {
        window: spec.window ?? 'Unnamed wave',
        instrument: spec.instrument ?? 'Survey',
        questionOf: (index) => spec.questions?.[index],
        addUnknownParticipants: spec.addUnknownParticipants,
      });
    case 'pairings':
      return pairingWriter({ ...context, what: 'a pairing list' });
    case 'hr':
      return progressionWriter({ ...context, what: 'a file of HR progression records' });
    case 'activity':
      return meetingWriter({ ...context, what: 'an activity log' });
  }
}

/**
 * Reads, checks and writes a whole source table in one transaction on `db` (a connection of the import job's
 * own). Problems are collected for every row, so the evaluator sees them all at once. Foreign keys are checked
 * once, before the commit, rather than on every insert (see store/references.ts).
 */
export function commitImport(
  db: Connection,
  table: SourceTable,
  spec: ImportSpec,
  onProgress: ImportProgress = () => undefined,
): Promise<ImportSummary> {
  return withReferencesChecked(db, () => writeImport(db, table, labelled(db, spec), onProgress));
}

/**
 * The spec with the names it brings into the project (the file's, the wave's, the instrument's) scanned as
 * labels: what is stored of them holds no name, address or id (see anonymize/projectLabels.ts). Problems still
 * name the file as the evaluator has it: they are shown, not stored.
 */
function labelled(db: Connection, spec: ImportSpec): ImportSpec & { storedName: string } {
  const labels = projectLabels(db);
  return {
    ...spec,
    storedName: labels.fileName(spec.sourceName),
    ...(spec.window === undefined ? {} : { window: labels.label(spec.window) }),
    ...(spec.instrument === undefined ? {} : { instrument: labels.label(spec.instrument) }),
  };
}

async function writeImport(
  db: Connection,
  table: SourceTable,
  spec: ImportSpec & { storedName: string },
  onProgress: ImportProgress,
): Promise<ImportSummary> {
  const target = spec.kind === 'survey' ? `${spec.window ?? ''}/${spec.instrument ?? ''}` : '';
  if (alreadyImported(db, spec, target)) {
    await table.close();
    return emptySummary(true);
  }
  const summary = emptySummary(false);
  const validator = createRowValidator({
    file: spec.sourceName,
    columns: spec.columns,
    // HR records list several events of one person; every other kind has a person once per file.
    participantOncePerFile: spec.kind !== 'hr',
    redactText: freeTextRedactor(db, spec.columns),
  });
  let errors = 0;
  const note = (problem: ImportProblem) => {
    summary.problemCount++;
    if (problem.severity === 'error') errors++;
    if (summary.problems.length < MAX_PROBLEMS_LISTED) summary.problems.push(problem);
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    const importId = Number(
      db
        .prepare(
          `INSERT INTO import_batch (kind, source_name, content_sha256, target, imported_at, rows_in, rows_skipped, mapping)
           VALUES (?, ?, ?, ?, ?, 0, 0, ?)`,
        )
        .run(
          spec.kind,
          spec.storedName,
          spec.contentSha256,
          target,
          new Date().toISOString(),
          JSON.stringify(spec.columns.map(({ index, heading, field }) => ({ index, heading, field }))),
        ).lastInsertRowid,
    );
    const register = new ParticipantRegister(db, importId);
    const write = writerFor(spec, { db, columns: spec.columns, register, importId, what: '' });
    const matches = { roster: 0, added: 0, anonymous: 0, ownCode: 0 };
    const identifierColumn = spec.columns.find((rule) => IDENTIFIER_FIELDS[rule.field]) ?? spec.columns[0];
    const keep = (row: CheckedRow) => {
      let outcome: ReturnType<RowWriter>;
      try {
        outcome = write(row);
      } catch (error) {
        if (!(error instanceof IdentifierConflict)) throw error;
        outcome = { problem: `${error.message}.` };
      }
      if (outcome.problem) {
        summary.rowsSkipped++;
        const column = outcome.column ?? identifierColumn?.heading ?? null;
        note({
          file: spec.sourceName,
          row: row.row,
          column,
          value: outcome.value ?? null,
          expected: outcome.expected ?? 'a participant the project can place',
          message: outcome.column
            ? `Row ${row.row}, ${outcome.column}: ${outcome.problem}`
            : `Row ${row.row}: ${outcome.problem}`,
          severity: 'error',
        });
        return;
      }
      if (outcome.alreadyPresent) summary.rowsAlreadyPresent++;
      else summary.rowsImported++;
      if (outcome.added) summary.participantsAdded++;
      if (outcome.matchedBy) matches[outcome.matchedBy]++;
    };
    for await (const batch of table.batches) {
      batch.problems.forEach(note);
      summary.rowsRead += batch.rows.length;
      // Checked and written a few rows at a time, so a checked row is garbage before the collector's next look.
      for (let from = 0; from < batch.rows.length; from += ROWS_PER_STEP) {
        const rows = batch.rows.slice(from, from + ROWS_PER_STEP);
        const { accepted, problems } = validator.check(rows);
        problems.forEach(note);
        summary.rowsSkipped += rows.length - accepted.length;
        accepted.forEach(keep);
      }
      onProgress(summary.rowsRead);
    }
    register.recordNewIdentifiers();
    if (spec.kind === 'survey') summary.respondents = respondentMatching(matches, spec.window ?? 'the wave');
    if (spec.kind === 'survey' || spec.kind === 'roster')
      summary.columnsNotStored = columnsNotStored(spec.columns);
    // A dry run reports what skipping the rows with problems would bring in, and keeps nothing.
    if (spec.dryRun) {
      db.exec('ROLLBACK');
      return summary;
    }
    if (errors > 0 && !spec.skipInvalidRows) {
      db.exec('ROLLBACK');
      return {
        ...summary,
        rowsImported: 0,
        rowsAlreadyPresent: 0,
        participantsAdded: 0,
        rowsSkipped: summary.rowsRead,
        nothingStored: `Nothing was imported: ${errors === 1 ? 'a row has a problem' : 'rows have problems'}. Correct the file, or skip the rows with problems.`,
      };
    }
    // A file is marked as imported only when it brought something in: otherwise its corrected version would be
    // refused as "already imported".
    if (summary.rowsImported === 0) {
      db.exec('ROLLBACK');
      const allPresent = summary.rowsAlreadyPresent > 0 && summary.rowsSkipped === 0;
      return {
        ...summary,
        alreadyImported: allPresent,
        participantsAdded: 0,
        nothingStored: allPresent
          ? 'Every row of this file is already in the project: nothing new was imported.'
          : `No row could be imported (${summary.rowsSkipped} of ${summary.rowsRead} had problems), so nothing was kept and the file is not marked as imported; correct it and import it again.`,
      };
    }
    requireIntactReferences(db, REGISTER_REFERENCE_CHECK);
    db.prepare('UPDATE import_batch SET rows_in = ?, rows_skipped = ? WHERE id = ?').run(
      summary.rowsImported,
      summary.rowsSkipped,
      importId,
    );
    appendAudit(db, {
      actor: spec.actor,
      action: 'import.commit',
      objectType: 'import',
      objectId: String(importId),
      detail: { kind: spec.kind, rowsImported: summary.rowsImported, rowsSkipped: summary.rowsSkipped },
    });
    db.exec('COMMIT');
    return { ...summary, committed: true, importId };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    await table.close();
  }
}
