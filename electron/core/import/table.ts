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
  /**
   * The data rows, starting at `dataStartRow`. Iterate once. Row-level problems come in the batches; a file that
   * turns out unreadable part-way (a 2 GB "row" with no line break) throws an ImportFileError from the iteration.
   */
  batches: AsyncIterable<RowBatch>;
  /** Stops reading early and releases the file. Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_BATCH_ROWS = 1000;

export interface TableOptions {
  /** The first data row (spreadsheet numbering); the rows above it are headings. Default 2. */
  dataStartRow?: number;
  /** Rows a batch holds. Default 1000: small batches die young in V8's nursery, which keeps both memory and
   * time down (1M x 30 CSV: 110 MB peak RSS at 1000 rows a batch, 260 MB at 5000). */
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
  // The first rows the reader gives are the headings (a sheet whose first rows are empty starts lower down).
  const headingCount = Math.max(0, dataStartRow - 1);
  const headingRows: string[][] = [];
  let pending: RowBatch = { rows: [], problems: [] };
  while (headingRows.length < headingCount) {
    const next = await raw.next();
    if (next.done) break;
    const rows = next.value.rows;
    const take = Math.min(rows.length, headingCount - headingRows.length);
    for (const row of rows.slice(0, take)) headingRows.push(row.cells);
    pending = {
      rows: [...pending.rows, ...rows.slice(take)],
      problems: [...pending.problems, ...next.value.problems],
    };
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
