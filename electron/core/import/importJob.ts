import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ConfidantError } from '../../../shared/errors';
import {
  directIdentifierFields,
  kindProblems,
  type ColumnPlan,
  type ImportPlan,
  type ImportSummary,
  type SourcePreview,
} from '../../../shared/import';
import { closeVault, openVault, projectIdOf, recordIdentities, type VaultEntry } from '../anonymize/vault';
import { openEncryptedFile } from '../store/encryptedFile';
import { PROJECT_KIND } from '../store/projectFile';
import { answerScales, type AnswerScale } from './answerScales';
import { commitImport } from './importCommit';
import { dateFields, type ColumnSuggestion } from './mappingSuggestion';
import type { ImportProblem } from './problems';
import { parseDate } from './values';
import { suggestColumnRole, type ColumnRoleSuggestion } from '../anonymize/columnRoles';
import { openSource, previewRows, recogniseSource, savColumnRules, type SourceOptions } from './sourceFile';
import type { ColumnRule } from './validation';

/**
 * The two steps of the import wizard that touch the file: the preview (what the file is, what each column
 * looks like) and the commit, which runs as a background job on a connection of its own.
 */
export const PREVIEW_ROWS = 50;
const PREVIEW_PROBLEMS = 20;
const IMPORT_CACHE_KIB = 16 * 1024;

function toColumnPlan(suggestion: ColumnSuggestion): SourcePreview['columns'][number] {
  const {
    index,
    heading,
    field,
    confidence,
    reason,
    scale,
    dateStyle,
    decimal,
    identifierKind,
    multiSelect,
  } = suggestion;
  return {
    index,
    heading,
    field,
    confidence,
    reason,
    ...(scale ? { scaleId: scale.id } : {}),
    ...(dateStyle?.order ? { dateOrder: dateStyle.order } : {}),
    ...(decimal ? { decimal } : {}),
    ...(identifierKind ? { identifierKind } : {}),
    ...(multiSelect ? { multiSelect } : {}),
  };
}

/** The preview of a file; the caller adds the mapping saved for its headings (that needs the project). */
export async function previewSource(
  source: string,
  options: SourceOptions = {},
): Promise<Omit<SourcePreview, 'savedMapping'>> {
  const recognised = await recogniseSource(source, options);
  const opened = await openSource(source, { ...options, dataStartRow: recognised.dataStartRow });
  const problems: ImportProblem[] = [];
  const rows = await previewRows(opened.table, PREVIEW_ROWS, problems);
  const roles = recognised.mapping.map((suggestion) =>
    suggestedRole(
      suggestion,
      rows.map((row) => row.cells[suggestion.index] ?? ''),
    ),
  );
  return {
    ...(opened.kind === 'xlsx' ? { sheets: opened.table.sheets } : {}),
    answerScales: answerScales.map(({ id, name, labels }) => ({ id, name, labels: [...labels] })),
    tool: recognised.tool,
    reason: recognised.reason,
    dataStartRow: recognised.dataStartRow,
    header: recognised.header,
    questions: recognised.columns.map((column) => column.question),
    columns: recognised.mapping.map((suggestion, index) => ({
      ...toColumnPlan(suggestion),
      role: roles[index]!.role,
    })),
    roleReasons: roles.map((suggested) => suggested.reason),
    rows: rows.map((row) => row.cells),
    anonymous: !recognised.mapping.some((suggestion) =>
      rows.some((row) => namesSomeone(suggestion.field, row.cells[suggestion.index] ?? '')),
    ),
    ambiguousDates: recognised.mapping
      .filter(
        (suggestion) =>
          dateFields.has(suggestion.field) &&
          !suggestion.dateStyle?.order &&
          rows.some((row) => isAmbiguousDate(row.cells[suggestion.index] ?? '')),
      )
      .map((suggestion) => suggestion.index),
    // What the reader found in the rows it read (an unclosed quote, say): the Check step will report it too.
    problems: problems.slice(0, PREVIEW_PROBLEMS),
  };
}

/** A cell that names a participant: an id, an e-mail (not Microsoft Forms' "anonymous") or a name. */
function namesSomeone(field: ColumnSuggestion['field'], cell: string): boolean {
  const text = cell.trim();
  return (
    ['participantId', 'email', 'fullName', 'givenName', 'familyName'].includes(field) &&
    text !== '' &&
    text.toLowerCase() !== 'anonymous'
  );
}

/** 03/02/2026: a date unless its order is known, and two different dates by order. */
function isAmbiguousDate(cell: string): boolean {
  return !parseDate(cell).ok && parseDate(cell, { order: 'dmy' }).ok && parseDate(cell, { order: 'mdy' }).ok;
}

/** The column's anonymisation role as its heading and values suggest it, for the evaluator to confirm. */
function suggestedRole(suggestion: ColumnSuggestion, sample: readonly string[]): ColumnRoleSuggestion {
  if (directIdentifierFields.includes(suggestion.field))
    return { role: 'direct-identifier', reason: 'it identifies a person: pseudonymised, never stored' };
  const suggested = suggestColumnRole(suggestion.heading, sample);
  // Answers picked from a list (dishes, films, brands) are kept as chosen, never read as prose or as names.
  if (suggestion.field === 'choiceItem' && suggested.role !== 'sensitive-attribute')
    return { role: 'other', reason: 'the answers are chosen from a list: kept as chosen, not scanned' };
  return suggested;
}

function answerScale(id: string): AnswerScale {
  const scale = answerScales.find((candidate) => candidate.id === id);
  if (!scale) {
    const known = answerScales.map((candidate) => candidate.id).join(', ');
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `There is no answer scale called ${id}; choose one of ${known}.`,
    );
  }
  return scale;
}

/** The validator's rules for the columns the evaluator confirmed. */
export function columnRules(columns: readonly ColumnPlan[]): ColumnRule[] {
  return columns.map((column) => ({
    index: column.index,
    heading: column.heading,
    field: column.field,
    required: column.required,
    scale: column.scaleId === undefined ? undefined : answerScale(column.scaleId),
    dateStyle: column.dateOrder ? { order: column.dateOrder } : undefined,
    decimal: column.decimal ?? null,
    min: column.min,
    max: column.max,
    identifierKind: column.identifierKind,
    multiSelect: column.multiSelect,
    role: column.role,
    generalise: column.generalise,
  }));
}

/**
 * Refuses a plan whose columns do not fit its kind of file (a column it needs is missing, or a column it would
 * not keep is mapped), before a byte of the file is read: nothing is then read and silently dropped.
 */
export function requirePlanFitsKind(plan: ImportPlan, source: string): void {
  const problems = kindProblems(plan.kind, plan.columns);
  if (problems.length > 0)
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `${path.basename(source)}: ${problems.join(' ')} Nothing was imported.`,
    );
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ImportJobInput {
  projectPath: string;
  passphrase: string;
  source: string;
  plan: ImportPlan;
  actor: string;
  /** Check the file against the plan and keep nothing (the wizard's Check step). */
  dryRun?: boolean;
  /** The re-identification vault, only while it is unlocked and only for a roster. */
  vault?: { path: string; passphrase: string };
}

/** The import job: reads the source once more from the top, with the plan, into the project in one transaction. */
export async function importIntoProject(
  input: ImportJobInput,
  onRows: (rowsRead: number) => void,
): Promise<ImportSummary> {
  const db = openEncryptedFile(input.projectPath, input.passphrase, PROJECT_KIND);
  const vault = input.vault && input.plan.kind === 'roster' && !input.dryRun ? input.vault : undefined;
  const kept: VaultEntry[] = [];
  let summary: ImportSummary;
  let projectId: string | null;
  try {
    projectId = projectIdOf(db);
    summary = await importIntoDatabase(
      db,
      input,
      onRows,
      vault ? (entries) => kept.push(...entries) : undefined,
    );
  } finally {
    db.close();
  }
  return vault && summary.committed ? keepInVault(summary, vault, projectId, kept) : summary;
}

/** The import on a connection already open: the file is read and checked, then written in one transaction or not at all. */
export async function importIntoDatabase(
  db: Connection,
  input: Pick<ImportJobInput, 'source' | 'plan' | 'actor' | 'dryRun'>,
  onRows: (rowsRead: number) => void,
  keepIdentities?: (entries: VaultEntry[]) => void,
): Promise<ImportSummary> {
  const { plan, source } = input;
  const contentSha256 = await sha256OfFile(source);
  const recognised = await recogniseSource(source, plan.options);
  const opened = await openSource(source, { ...plan.options, dataStartRow: recognised.dataStartRow });
  // A larger page cache than SQLite's default 2 MB while the import's transaction is open, so the pages it keeps
  // coming back to (the ends of the tables, the code index) stay decrypted. Once references are checked at the
  // end rather than on every insert, 16 MB beat 64 MB on the 1M-row bench (47 s and 555 MB peak against 54 s and
  // 609 MB): the rest of a long import's pages are written once whatever the cache.
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return commitImport(
    db,
    opened.table,
    {
      kind: plan.kind,
      sourceName: path.basename(source),
      contentSha256,
      columns:
        opened.kind === 'sav'
          ? savColumnRules(opened.table, columnRules(plan.columns))
          : columnRules(plan.columns),
      window: plan.window,
      instrument: plan.instrument,
      skipInvalidRows: plan.skipInvalidRows,
      addUnknownParticipants: plan.addUnknownParticipants,
      actor: input.actor,
      dryRun: input.dryRun,
      questions: recognised.columns.map((column) => column.question),
      ...(keepIdentities ? { keepIdentities } : {}),
    },
    onRows,
  );
}

/**
 * The vault is written after the project's transaction has committed, never inside it: the two are separate
 * files and cannot share a transaction, and the project must not depend on the vault. So if the vault cannot be
 * written (a full disk, a vault that moved), the roster stays imported and the summary says why the vault was
 * not updated; importing the same roster again while the vault is open keeps its identities then.
 */
export function keepInVault(
  summary: ImportSummary,
  vault: { path: string; passphrase: string },
  projectId: string | null,
  entries: readonly VaultEntry[],
): ImportSummary {
  try {
    const opened = openVault(vault.path, vault.passphrase, projectId);
    try {
      return { ...summary, identitiesKept: recordIdentities(opened, entries) };
    } finally {
      closeVault(opened);
    }
  } catch (error) {
    return {
      ...summary,
      identitiesKept: 0,
      vaultNotUpdated: `The roster was imported, but its identities were not kept in the re-identification vault: ${(error as Error).message}`,
    };
  }
}
