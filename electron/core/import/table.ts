import type { ImportProblem } from './problems';

/** One data row of a source file, with its row number as a spreadsheet user counts them (header is row 1). */
export interface SourceRow {
  row: number;
  cells: string[];
}

/** Rows come in batches so a million-row file never sits in memory at once. */
export interface RowBatch {
  rows: SourceRow[];
  problems: ImportProblem[];
}

/**
 * A source file opened for import, whatever its format: the heading rows that were read to open it, and the
 * data rows as a stream of batches. Every reader (CSV, XLSX, SPSS) returns this shape.
 */
export interface SourceTable {
  file: string;
  /** The rows above the data (one for a plain file, three for a Qualtrics export). */
  headingRows: string[][];
  /** Column headings: the first heading row. */
  header: string[];
  /** The data rows, starting at `dataStartRow`. Iterate once. */
  batches: AsyncIterable<RowBatch>;
  /** Stops reading early and releases the file. Safe to call twice. */
  close(): Promise<void>;
}

export interface TableOptions {
  /** The first data row (spreadsheet numbering); the rows above it are headings. Default 2. */
  dataStartRow?: number;
  /** Rows a batch holds. Default 5000. */
  batchSize?: number;
}

/**
 * Turns a stream of raw row batches (every row of the file, headings included) into a SourceTable: reads the
 * heading rows first, then hands on the rest untouched.
 */
export async function tableFromBatches(
  file: string,
  raw: AsyncGenerator<RowBatch, void, undefined>,
  dataStartRow: number,
): Promise<SourceTable> {
  const headingRows: string[][] = [];
  let pending: RowBatch = { rows: [], problems: [] };
  while (headingRows.length < dataStartRow - 1) {
    const next = await raw.next();
    if (next.done) break;
    const rest: SourceRow[] = [];
    for (const row of next.value.rows) {
      if (row.row < dataStartRow) headingRows.push(row.cells);
      else rest.push(row);
    }
    pending = { rows: [...pending.rows, ...rest], problems: [...pending.problems, ...next.value.problems] };
  }
  let closed = false;
  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      if (pending.rows.length > 0 || pending.problems.length > 0) yield pending;
      for (;;) {
        const next = await raw.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await close();
    }
  }
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await raw.return(undefined);
  }
  return { file, headingRows, header: headingRows[0] ?? [], batches: batches(), close };
}
