import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { ImportKind, ImportSummary } from '../../../shared/import';
import { projectLabels } from '../anonymize/projectLabels';
import { rosterNameRecorder } from '../anonymize/rosterNameStore';
import type { VaultEntry } from '../anonymize/vault';
import { vaultEntries } from '../anonymize/vaultLookup';
import type { RosterPerson } from '../anonymize/rosterNames';
import { appendAudit } from '../store/audit';
import { requireIntactReferences, withReferencesChecked } from '../store/references';
import { itemPositions } from './instrumentItems';
import { recordTraitRoles, traitReader } from './participantTraits';
import { freeTextRedactor } from './freeTextColumns';
import {
  IdentifierConflict,
  ParticipantRegister,
  REGISTER_REFERENCE_CHECK,
  type ParticipantIdentifier,
  type RegisteredParticipant,
} from './participantRegister';
import type { ImportProblem } from './problems';
import { cohortId, collectionWindowId, instrumentId } from './programRecords';
import type { SourceTable } from './table';
import { createRowValidator, type CellValue, type CheckedRow, type ColumnRule } from './validation';
import { meetingWriter } from './writers/meetingWriter';
import { pairingWriter } from './writers/pairingWriter';
import { progressionWriter } from './writers/progressionWriter';
import type { RowWriter, WriterContext } from './writers/rowWriter';

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

const IDENTIFIER_FIELDS: Partial<Record<string, ParticipantIdentifier['kind']>> = {
  participantId: 'id',
  email: 'email',
  fullName: 'name',
};

/** The identifiers of a checked row: id, e-mail, and the name (whole, or given + family). */
export function rowIdentifiers(columns: readonly ColumnRule[], row: CheckedRow): ParticipantIdentifier[] {
  const identifiers: ParticipantIdentifier[] = [];
  const text = (rule: ColumnRule) => {
    const value = row.values.get(rule.index);
    return value === null || value === undefined ? '' : String(value).trim();
  };
  for (const rule of columns) {
    const kind = IDENTIFIER_FIELDS[rule.field];
    if (kind && text(rule)) identifiers.push({ kind, value: text(rule) });
  }
  if (!identifiers.some((identifier) => identifier.kind === 'name')) {
    const parts = ['givenName', 'familyName']
      .map((field) => columns.find((rule) => rule.field === field))
      .map((rule) => (rule ? text(rule) : ''))
      .filter((part) => part !== '');
    if (parts.length === 2) identifiers.push({ kind: 'name', value: parts.join(' ') });
  }
  return identifiers;
}

/**
 * A survey row is matched on its ids and e-mails; its name is used, and recorded, only when it has neither:
 * names are the roster's business, and a survey keeps no more of a person than it needs.
 */
export function strongestIdentifiers(identifiers: ParticipantIdentifier[]): ParticipantIdentifier[] {
  const unique = identifiers.filter((identifier) => identifier.kind !== 'name');
  return unique.length > 0 ? unique : identifiers;
}

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
  const update = db.prepare(
    `UPDATE participant SET cohort_id = coalesce(?, cohort_id), role = coalesce(?, role),
       department = coalesce(?, department), level = coalesce(?, level), location = coalesce(?, location),
       gender = coalesce(?, gender), tenure_band = coalesce(?, tenure_band),
       attributes = json_patch(attributes, ?) WHERE id = ?`,
  );
  const traits = traitReader(spec.columns, new Date());
  recordTraitRoles(db, spec.columns);
  const field = (row: CheckedRow, name: string): CellValue => {
    const rule = spec.columns.find((c) => c.field === name);
    return rule ? (row.values.get(rule.index) ?? null) : null;
  };
  const rememberNames = rosterNameRecorder(db);
  /** The row's names for the free-text scan: given and family names, or a full name. */
  const rosterPerson = (row: CheckedRow): RosterPerson | null => {
    const text = (name: string) => {
      const value = field(row, name);
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
    const cohort = field(row, 'cohort');
    const { columns, attributes } = traits(row);
    update.run(
      cohort === null ? null : cohortId(db, String(cohort)),
      field(row, 'role'),
      field(row, 'department'),
      columns.level ?? null,
      columns.location ?? null,
      columns.gender ?? null,
      columns.tenure_band ?? null,
      JSON.stringify(attributes),
      participant.id,
    );
    return { added: participant.added };
  };
}

function surveyWriter(
  db: Connection,
  spec: ImportSpec,
  register: ParticipantRegister,
  importId: number,
): RowWriter {
  const window = collectionWindowId(db, spec.window ?? 'Unnamed wave');
  const instrument = instrumentId(db, spec.instrument ?? 'Survey');
  const positions = itemPositions(
    db,
    instrument,
    spec.columns,
    (rule) => spec.questions?.[rule.index] || rule.heading,
  );
  const width = Math.max(0, ...positions.values()) + 1;
  // Held as pairs: iterating the Map for every row made a new pair for every answer.
  const placed = [...positions];
  const submitted = spec.columns.find((rule) => rule.field === 'submittedAt');
  const insert = db.prepare(
    `INSERT INTO response_set (participant_id, window_id, instrument_id, submitted_at, answers, import_id)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, window_id, instrument_id) DO NOTHING`,
  );
  return (row) => {
    const identifiers = strongestIdentifiers(rowIdentifiers(spec.columns, row));
    if (identifiers.length === 0) return { problem: 'has no participant id, e-mail or name.' };
    const participant: RegisteredParticipant | undefined = spec.addUnknownParticipants
      ? register.findOrAdd(identifiers)
      : register.find(identifiers);
    if (!participant) {
      return {
        problem:
          'names a participant who is not on the roster; import the roster first, or choose to add new participants.',
      };
    }
    const answers: CellValue[] = new Array<CellValue>(width).fill(null);
    for (const [index, position] of placed) answers[position] = row.values.get(index) ?? null;
    const at = submitted ? row.values.get(submitted.index) : null;
    const result = insert.run(
      participant.id,
      window,
      instrument,
      at ?? null,
      JSON.stringify(answers),
      importId,
    );
    return { alreadyPresent: result.changes === 0, added: participant.added };
  };
}

/** The writer of each kind of import, and the kind in the evaluator's words for its messages. */
function writerFor(spec: ImportSpec, context: WriterContext): RowWriter {
  const { db, register, importId } = context;
  switch (spec.kind) {
    case 'roster':
      return rosterWriter(db, spec, register, importId);
    case 'survey':
      return surveyWriter(db, spec, register, importId);
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
