import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { ConfidantError } from '../../../../shared/errors';
import type { ImportField } from '../mappingSuggestion';
import {
  IdentifierConflict,
  type ParticipantIdentifierKind,
  type ParticipantRegister,
  type RegisteredParticipant,
} from '../participantRegister';
import { quoteValue } from '../problems';
import type { CellValue, CheckedRow, ColumnRule } from '../validation';

/**
 * What every writer of an import kind shares: a writer turns one checked row into rows of the data model, or
 * says in the evaluator's words why the row cannot go in (and which column is at fault).
 */
export interface RowOutcome {
  /** Why the row cannot go in, said after "Row N: ". */
  problem?: string;
  /** The heading of the column at fault (default: the row's participant column). */
  column?: string;
  value?: string;
  expected?: string;
  alreadyPresent?: boolean;
  added?: boolean;
  /** A survey row: how its respondent was found (see surveyWriter.ts). */
  matchedBy?: 'roster' | 'added' | 'anonymous' | 'ownCode';
}

export type RowWriter = (row: CheckedRow) => RowOutcome;

export interface WriterContext {
  db: Connection;
  columns: readonly ColumnRule[];
  register: ParticipantRegister;
  importId: number;
  /** The import's kind in the evaluator's words ("a pairing list"), for a missing column's message. */
  what: string;
}

/** The first column mapped to one of these fields (in the order given), if any. */
export function columnFor(columns: readonly ColumnRule[], ...fields: ImportField[]): ColumnRule | undefined {
  for (const field of fields) {
    const found = columns.find((rule) => rule.field === field);
    if (found) return found;
  }
  return undefined;
}

/** A column the import cannot do without: its absence is a mistake in the mapping, and nothing is imported. */
export function requireColumn(context: WriterContext, label: string, ...fields: ImportField[]): ColumnRule {
  const found = columnFor(context.columns, ...fields);
  if (!found)
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `${context.what.charAt(0).toUpperCase()}${context.what.slice(1)} needs a column for the ${label}; map one of the file's columns to it. Nothing was imported.`,
    );
  return found;
}

export function cell(row: CheckedRow, rule: ColumnRule | undefined): CellValue {
  return rule ? (row.values.get(rule.index) ?? null) : null;
}

export function text(row: CheckedRow, rule: ColumnRule | undefined): string | null {
  const value = cell(row, rule);
  return value === null ? null : String(value);
}

/** The identifier kinds a mentor or mentee value is looked up as: the column's, else what the value looks like. */
function kindsFor(rule: ColumnRule, value: string): ParticipantIdentifierKind[] {
  if (rule.identifierKind) return [rule.identifierKind];
  return value.includes('@') ? ['email'] : ['id', 'name'];
}

export type PersonLookup =
  | { participant: RegisteredParticipant; outcome?: undefined }
  | { participant?: undefined; outcome: RowOutcome };

/**
 * The participant a mentor or mentee column names, who must already be in the project: a pairing list or an
 * activity log adds no one. `role` is "mentor" or "mentee", for the message.
 */
export function findPerson(
  register: ParticipantRegister,
  row: CheckedRow,
  rule: ColumnRule,
  role: string,
): PersonLookup {
  const value = text(row, rule)?.trim() ?? '';
  if (value === '')
    return {
      outcome: {
        problem: `names no ${role}; every row needs one.`,
        column: rule.heading,
        value: '',
        expected: `the ${role}'s id, e-mail or name`,
      },
    };
  const kinds = kindsFor(rule, value);
  for (const kind of kinds) {
    try {
      const participant = register.find([{ kind, value }]);
      if (participant) return { participant };
    } catch (error) {
      if (!(error instanceof IdentifierConflict)) throw error;
      // A name several participants share identifies nobody.
      return {
        outcome: {
          problem: `the ${role} ${quoteValue(value)} ${error.message}.`,
          column: rule.heading,
          value,
          expected: `one ${role} on the project's roster`,
        },
      };
    }
  }
  const as = kinds.map((kind) => (kind === 'email' ? 'e-mail' : kind)).join(' or ');
  return {
    outcome: {
      problem: `the ${role} ${quoteValue(value)} is not on the roster (looked up as ${as}); import the roster first or correct the ${role}.`,
      column: rule.heading,
      value,
      expected: `a ${role} on the project's roster`,
    },
  };
}

/** The calendar day of an ISO date or date-time: "2024-03-12T10:00:00" -> "2024-03-12". */
export const day = (iso: string): string => iso.slice(0, 10);
