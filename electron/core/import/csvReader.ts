import { createReadStream } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import {
  decodeText,
  detectEncoding,
  detectFileEncoding,
  readSample,
  type EncodingGuess,
  type TextEncoding,
} from './encoding';
import { notASpreadsheet, recogniseSignature } from './fileSignature';
import {
  columnName,
  fileProblem,
  ImportFileError,
  quoteValue,
  shortValue,
  type ImportProblem,
} from './problems';
import {
  DEFAULT_BATCH_ROWS,
  tableFromBatches,
  type RowBatch,
  type SourceRow,
  type SourceTable,
  type TableOptions,
} from './table';

/**
 * Reading delimited text files (CSV, TSV, semicolon files from European Excel) as a stream. The file is never
 * read whole: bytes are decoded chunk by chunk and parsed with papaparse's core parser, which we drive
 * ourselves so the consumer's pace (async iteration) is the reading pace.
 */

export type Delimiter = ',' | ';' | '\t' | '|';
export type LineEnding = '\r\n' | '\n' | '\r';
export const delimiters: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvOptions extends TableOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  quote?: string;
  /** Bytes read at a time. Default 64 KiB (measured: faster and leaner than 1 MiB on a 185 MB file). */
  chunkBytes?: number;
  /** A quoted answer longer than this is taken to be an unclosed quote. Default 8 MiB. */
  maxFieldChars?: number;
  /** At most this many problems are listed; then one line says how many more there were. Default 1000. */
  maxProblems?: number;
}

export interface CsvDialect {
  encoding: EncodingGuess;
  delimiter: Delimiter;
  newline: LineEnding;
  quote: string;
}

export interface CsvTable extends SourceTable {
  dialect: CsvDialect;
}

/** Refuses files that are not text at all, naming what they look like when we can tell. */
export function checkIsText(file: string, sample: Uint8Array, encoding: TextEncoding): void {
  const name = path.basename(file);
  const signature = recogniseSignature(sample);
  if (signature)
    throw new ImportFileError(
      fileProblem(file, 'a text file (CSV or TSV)', notASpreadsheet(name, signature, 'a CSV file')),
    );
  if (encoding.startsWith('utf-16')) return;
  let control = 0;
  let firstAt = -1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) {
      control++;
      if (firstAt < 0) firstAt = i;
    }
  }
  if (control > 0 && control >= sample.length * 0.01)
    throw new ImportFileError(
      fileProblem(
        file,
        'a text file (CSV or TSV)',
        `${name} is not a text file: it holds binary data (${control} of its first ${sample.length} bytes are not ` +
          `text, the first at byte ${firstAt}). Export it from its program as CSV or XLSX.`,
      ),
    );
}

export function sniffNewline(text: string): LineEnding {
  const crlf = text.split('\r\n').length - 1;
  const cr = text.split('\r').length - 1 - crlf;
  const lf = text.split('\n').length - 1 - crlf;
  if (crlf >= cr && crlf >= lf && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * Picks the delimiter that splits the first lines into the same number of fields, more than one, most often.
 * Quotes are honoured, so commas inside quoted answers do not count.
 */
export function sniffDelimiter(text: string, newline: LineEnding, quote = '"'): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of delimiters) {
    const parsed = new Papa.Parser({ delimiter, newline, quoteChar: quote, preview: 50 }).parse(
      text,
      0,
      true,
    );
    const counts = (parsed.data as string[][]).filter((r) => r.some((c) => c !== '')).map((r) => r.length);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [mode, times] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (mode < 2) continue;
    const score = (times / counts.length) * 1000 + mode;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Works out encoding, delimiter and line ending from the file's first bytes; any of them can be overridden. */
export async function sniffCsv(file: string, options: CsvOptions = {}): Promise<CsvDialect> {
  const { sample, size } = await readSample(file);
  const name = path.basename(file);
  if (size === 0)
    throw new ImportFileError(fileProblem(file, 'a header row and data rows', `${name} is empty (0 bytes).`));
  const guessed = options.encoding
    ? detectEncoding(sample, sample.length < size)
    : await detectFileEncoding(file, sample, size);
  const encoding: EncodingGuess = options.encoding
    ? {
        encoding: options.encoding,
        bomLength: options.encoding === guessed.encoding ? guessed.bomLength : 0,
        reason: 'chosen by you',
      }
    : guessed;
  checkIsText(file, sample, encoding.encoding);
  const text = decodeText(sample, encoding.encoding);
  if (text.trim() === '')
    throw new ImportFileError(
      fileProblem(file, 'a header row and data rows', `${name} holds only blank lines or spaces.`),
    );
  const newline = sniffNewline(text);
  const quote = options.quote ?? '"';
  const delimiter = options.delimiter ?? sniffDelimiter(text, newline, quote);
  return { encoding, delimiter, newline, quote };
}

// Control characters are exactly what this looks for: binary bytes that decoded as text.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/;

/** Problems in a row's cells: binary bytes, or characters the chosen encoding could not decode. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F]/g;

export function cellProblems(
  file: string,
  row: SourceRow,
  header: readonly string[],
  encoding: TextEncoding,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  row.cells.forEach((cell, index) => {
    if (!SUSPECT.test(cell)) return;
    const column = columnName(header, index);
    const binary = cell.includes('\u0000');
    problems.push({
      file,
      row: row.row,
      column,
      value: shortValue(cell.replace(CONTROL, '�')),
      expected: binary ? 'text' : `text in ${encoding}`,
      message: binary
        ? `Row ${row.row}, ${column}: holds binary data (a NUL byte), not text; the file may be damaged.`
        : `Row ${row.row}, ${column}: has bytes that are not valid ${encoding}; choose the file's encoding ` +
          `(Windows-1252 or Mac Roman?) in the import settings.`,
      severity: 'error',
    });
  });
  return problems;
}

/** A row with fewer or more cells than the header. Missing cells become empty; extra non-empty cells are an error. */
export function raggedRow(file: string, row: SourceRow, header: readonly string[]): ImportProblem | null {
  const width = header.length;
  if (row.cells.length === width) return null;
  if (row.cells.length > width) {
    const extra = row.cells.slice(width);
    row.cells.length = width;
    if (extra.every((c) => c.trim() === '')) return null;
    return {
      file,
      row: row.row,
      column: null,
      value: shortValue(extra.join(', ')),
      expected: `${width} cells, one per column`,
      message:
        `Row ${row.row} has ${width + extra.length} cells but the header has ${width} columns; the extra ` +
        `${quoteValue(extra.join(', '))} was left out. Is there an unquoted delimiter inside an answer?`,
      severity: 'error',
    };
  }
  const missing = header.slice(row.cells.length).map((_, i) => columnName(header, row.cells.length + i));
  while (row.cells.length < width) row.cells.push('');
  return {
    file,
    row: row.row,
    column: missing[0] ?? null,
    value: null,
    expected: `${width} cells, one per column`,
    message: `Row ${row.row} has ${width - missing.length} cells but the header has ${width} columns; ${missing.join(', ')} left empty.`,
    severity: 'warning',
  };
}

/**
 * A file whose last row has fewer cells than the header and no line break after it was cut short (a copy or an
 * export that stopped part-way); a complete last row without a line break is just a file written that way.
 */
function endsPartWay(rest: string, lastCells: readonly string[], header: readonly string[] | null): boolean {
  return (
    header !== null &&
    lastCells.length > 0 &&
    rest.trim() !== '' &&
    !/[\r\n]$/.test(rest) &&
    lastCells.length < header.length
  );
}

function cutShort(
  file: string,
  row: number,
  cells: readonly string[],
  header: readonly string[],
): ImportProblem {
  return {
    file,
    row,
    column: columnName(header, cells.length - 1),
    value: quoteValue(cells.at(-1) ?? ''),
    expected: `${header.length} cells and a line break at the end of the file`,
    message:
      `${path.basename(file)} ends in the middle of row ${row} (${cells.length} of ${header.length} columns, ` +
      'no line break after it): the file looks cut short. Export it again.',
    severity: 'error',
  };
}

/** A size for a message: 8 MB, 64 KB. */
const inWords = (chars: number) =>
  chars >= 1048576 ? `${Math.round(chars / 1048576)} MB` : `${Math.max(1, Math.round(chars / 1024))} KB`;

/** Every row of the file (headings included) in batches, with problems found on the way. */
export async function* readCsvRows(
  file: string,
  dialect: CsvDialect,
  options: CsvOptions = {},
): AsyncGenerator<RowBatch, void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_ROWS;
  const maxField = options.maxFieldChars ?? 8 * 1024 * 1024;
  const maxProblems = options.maxProblems ?? 1000;
  const encoding = dialect.encoding.encoding;
  const parserFor = (quoteChar: string) =>
    new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar });
  const quoted = parserFor(dialect.quote);
  // A quote character no real file contains: used to re-read, literally, a row whose quote never closes.
  const literal = parserFor('\u{10FFFF}');

  const stream = createReadStream(file, { highWaterMark: options.chunkBytes ?? 64 * 1024 });
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let header: string[] | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  let partial = '';
  let problemCount = 0;
  let batch: RowBatch = { rows: [], problems: [] };

  const report = (problem: ImportProblem) => {
    problemCount++;
    if (problemCount <= maxProblems) batch.problems.push(problem);
  };
  // Scanning every cell for binary bytes is costly; scan only rows that come from text that has any.
  let suspectText = false;
  const accept = (cells: string[]) => {
    rowNumber++;
    const row: SourceRow = { row: rowNumber, cells };
    if (header === null) {
      header = cells;
      while (header.length > 1 && header[header.length - 1] === '') header.pop();
    } else {
      if (cells.every((c) => c === '')) return; // a blank line, or Excel's ;;;; for one
      dataRows++;
      const ragged = raggedRow(file, row, header);
      if (ragged) report(ragged);
    }
    if (suspectText) for (const p of cellProblems(file, row, header, encoding)) report(p);
    batch.rows.push(row);
  };
  const unclosedQuote = (text: string, atEnd: boolean) => {
    const firstLine = (literal.parse(text, 0, false).data as string[][])[0] ?? [];
    const index = firstLine.findIndex((c) => c.startsWith(dialect.quote));
    const column = header ? columnName(header, Math.max(index, 0)) : null;
    report({
      file,
      row: rowNumber + 1,
      column,
      value: shortValue(firstLine[Math.max(index, 0)] ?? ''),
      expected: `a closing ${dialect.quote} for the quoted answer`,
      message:
        `Row ${rowNumber + 1}${column ? `, ${column}` : ''}: a quoted answer opens here and does not close ` +
        (atEnd ? 'before the end of the file' : `within ${inWords(maxField)}`) +
        `; the quote was read as an ordinary character from this row on.`,
      severity: 'error',
    });
  };
  /** A quoted answer with text after its closing quote ("yes" please): kept as written, but flagged. */
  const malformedQuotes = (errors: Papa.ParseError[], rowsBefore: number, parsedRows: number) => {
    // Only rows the parse completed: a row it left unfinished is parsed again with the next chunk.
    const flagged = errors.filter((e) => e.code === 'InvalidQuotes' && (e.row ?? 0) < parsedRows);
    const rows = new Set(flagged.map((e) => rowsBefore + (e.row ?? 0) + 1));
    for (const row of rows)
      report({
        file,
        row,
        column: null,
        value: null,
        expected: `a quoted answer to end with ${dialect.quote} just before the delimiter`,
        message: `Row ${row}: a quoted answer has text after its closing quote; it was read as written, check the row.`,
        severity: 'warning',
      });
  };
  /** Parses whole rows from the text so far; keeps an unfinished last row for the next chunk. */
  const consume = (text: string, atEnd: boolean) => {
    suspectText = SUSPECT.test(text);
    const result = quoted.parse(text, 0, true);
    malformedQuotes(result.errors, rowNumber, result.data.length);
    for (const cells of result.data as string[][]) accept(cells);
    const rest = text.slice(result.meta.cursor);
    if (atEnd) {
      const last = quoted.parse(rest, 0, false);
      const missing = last.errors.some((e: Papa.ParseError) => e.code === 'MissingQuotes');
      if (missing) unclosedQuote(rest, true);
      else malformedQuotes(last.errors, rowNumber, last.data.length);
      const rows = (missing ? literal.parse(rest, 0, false) : last).data as string[][];
      // Looked at before accept() fills a short row with empty cells.
      const lastCells = [...(rows.at(-1) ?? [])];
      for (const cells of rows) accept(cells);
      if (!missing && endsPartWay(rest, lastCells, header))
        report(cutShort(file, rowNumber, lastCells, header!));
      return '';
    }
    if (rest.length > maxField) {
      const literalRows = literal.parse(rest, 0, true);
      if (literalRows.data.length === 0)
        throw new ImportFileError({
          ...fileProblem(
            file,
            'rows that end with a line break',
            `Row ${rowNumber + 1} of ${path.basename(file)} runs on for more than ` +
              `${inWords(maxField)} without a line break; this is not a table the import can read.`,
          ),
          row: rowNumber + 1,
        });
      unclosedQuote(rest, false);
      for (const cells of literalRows.data as string[][]) accept(cells);
      return rest.slice(literalRows.meta.cursor);
    }
    return rest;
  };
  const flush = function* (force: boolean) {
    while (batch.rows.length >= batchSize) {
      yield { rows: batch.rows.slice(0, batchSize), problems: batch.problems };
      batch = { rows: batch.rows.slice(batchSize), problems: [] };
    }
    if (force && (batch.rows.length > 0 || batch.problems.length > 0)) yield batch;
  };

  try {
    for await (const chunk of stream) {
      const text = decoder.write(chunk as Buffer);
      if (text.length === 0) continue;
      partial = consume(partial + text, false);
      yield* flush(false);
    }
    partial = consume(partial + (decoder.end() ?? ''), true);
    if (header === null)
      throw new ImportFileError(fileProblem(file, 'a header row', `${path.basename(file)} has no rows.`));
    if (dataRows === 0)
      report({
        ...fileProblem(
          file,
          'data rows below the header',
          `${path.basename(file)} has a header row but no data rows.`,
        ),
        row: 1,
      });
    if (problemCount > maxProblems)
      batch.problems.push({
        ...fileProblem(file, 'fewer problems', `${problemCount - maxProblems} more problems are not listed.`),
        severity: 'warning',
      });
    yield* flush(true);
  } finally {
    stream.destroy();
  }
}

/** Opens a CSV/TSV file: works out its dialect, reads its heading rows, and streams the rest. */
export async function openCsv(file: string, options: CsvOptions = {}): Promise<CsvTable> {
  const dialect = await sniffCsv(file, options);
  const table = await tableFromBatches(file, readCsvRows(file, dialect, options), options.dataStartRow ?? 2);
  return { ...table, dialect };
}
