import { z } from 'zod';

/**
 * The data browser: every table of the program data, in the evaluator's words, paged from the store a few
 * hundred rows at a time (a million responses are never sent to the window whole). Tables and columns are named
 * by the engine's own definitions; the window only chooses among them. No table shows a participant's
 * identifiers or the project's key: people appear by pseudonym.
 */

export const dataColumnTypes = ['text', 'number', 'date'] as const;
export type DataColumnType = (typeof dataColumnTypes)[number];

export interface DataColumn {
  name: string;
  label: string;
  type: DataColumnType;
}

export interface DataTableInfo {
  name: string;
  label: string;
  /** One sentence on what a row is. */
  description: string;
  columns: DataColumn[];
  rowCount: number;
}

/** The most rows one call returns. */
export const DATA_PAGE_LIMIT = 500;

export const dataFilterOps = ['contains', 'equals', 'gt', 'lt', 'blank'] as const;
export type DataFilterOp = (typeof dataFilterOps)[number];

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A table or column name is a short word.');

export const dataSortSchema = z.object({ column: name, direction: z.enum(['asc', 'desc']) }).strict();

export const dataFilterSchema = z
  .object({
    column: name,
    op: z.enum(dataFilterOps),
    /** Not needed for `blank`. Dates are ISO (2026-03-01). */
    value: z.union([z.string().max(1000), z.number()]).optional(),
  })
  .strict();

export type DataSort = z.infer<typeof dataSortSchema>;
export type DataFilter = z.infer<typeof dataFilterSchema>;

export const dataSchemas = {
  'data.tables': z.object({}).strict(),
  'data.rows': z
    .object({
      table: name,
      offset: z.number().int().min(0).max(1_000_000_000).default(0),
      limit: z.number().int().min(1).max(DATA_PAGE_LIMIT).default(100),
      sort: z.array(dataSortSchema).max(10).default([]),
      filters: z.array(dataFilterSchema).max(20).default([]),
    })
    .strict(),
  /** The project's imports, newest first, for the Imports list. */
  'data.imports': z.object({}).strict(),
  /** What removing an import would remove, for the evaluator to confirm. */
  'data.previewImportRemoval': z.object({ importId: z.number().int().min(1) }).strict(),
  /** Takes an import back: its rows, the participants only it held, their identifiers; audited, one transaction. */
  'data.removeImport': z.object({ importId: z.number().int().min(1) }).strict(),
} as const;

export type DataRowsQuery = z.output<(typeof dataSchemas)['data.rows']>;

export type DataValue = string | number | null;

export interface DataRows {
  /** Rows matching the filters, in all. */
  total: number;
  rows: Record<string, DataValue>[];
}

/** One import of a file into the project. */
export interface ImportBatch {
  importId: number;
  kind: 'roster' | 'pairings' | 'survey' | 'hr' | 'activity' | 'document';
  /** The file's name as the project keeps it (after the label scan). */
  file: string;
  /** A survey wave's window and instrument ("Baseline/Pulse"); empty otherwise. */
  into: string;
  importedAt: string;
  rowsImported: number;
}

/** What taking an import back removes (or would remove), by kind of row. */
export interface ImportRemoval {
  batch: ImportBatch;
  surveyAnswers: number;
  careerEvents: number;
  meetings: number;
  pairings: number;
  documents: number;
  /** People a roster listed (the participants themselves go only when nothing else holds them). */
  rosterEntries: number;
  /** Participants this import added that nothing else in the project holds. */
  participants: number;
  /** Their ids, e-mail addresses and names, as keyed hashes. */
  identifiers: number;
  /** Why it cannot be removed yet (another import depends on it), or null. */
  blockedBy: string | null;
}

export interface DataResults {
  'data.tables': { tables: DataTableInfo[] };
  'data.rows': DataRows;
  'data.imports': { imports: ImportBatch[] };
  'data.previewImportRemoval': ImportRemoval;
  'data.removeImport': ImportRemoval;
}
