import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
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
import {
  readZipDirectory,
  readZipMember,
  streamZipMember,
  verifyZipMember,
  type ZipMember,
} from './zipDirectory';

/**
 * Reading Excel workbooks (.xlsx) as a stream with exceljs' WorkbookReader: the evaluator picks a sheet, and its
 * rows come in batches like a CSV file's. Row numbers are the sheet's own, so they match what Excel shows.
 */

export interface WorkbookSheet {
  name: string;
  /** Position in the workbook, from 1. */
  position: number;
  hidden: boolean;
}

export interface XlsxOptions extends TableOptions {
  /** The sheet's name or position (from 1). Default: the first visible sheet. */
  sheet?: string | number;
}

export interface XlsxTable extends SourceTable {
  sheet: WorkbookSheet;
  sheets: WorkbookSheet[];
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

async function refuseNonWorkbook(file: string): Promise<void> {
  const name = path.basename(file);
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4096);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const expected = 'an Excel workbook (.xlsx)';
  if (bytesRead === 0) throw new ImportFileError(fileProblem(file, expected, `${name} is empty (0 bytes).`));
  if (head.readUInt32BE(0) === 0xd0cf11e0)
    throw new ImportFileError(
      fileProblem(
        file,
        expected,
        `${name} is an old-style Excel workbook (.xls); save it as .xlsx or CSV first.`,
      ),
    );
  const signature = recogniseSignature(head.subarray(0, bytesRead));
  if (signature?.readAs === 'xlsx') return;
  if (signature && signature.what !== 'a ZIP archive')
    throw new ImportFileError(fileProblem(file, expected, notASpreadsheet(name, signature, expected)));
  if (!signature)
    throw new ImportFileError(
      fileProblem(
        file,
        expected,
        `${name} is not an Excel workbook (.xlsx); if it is a CSV file, give it the .csv ending.`,
      ),
    );
}

/** The workbook's sheets, in order, read from its sheet list without reading any sheet. */
export async function listSheets(file: string): Promise<WorkbookSheet[]> {
  await refuseNonWorkbook(file);
  const xml = await readZipMember(file, 'xl/workbook.xml').catch(() => null);
  if (!xml)
    throw new ImportFileError(
      fileProblem(
        file,
        'an Excel workbook (.xlsx)',
        `${path.basename(file)} is a ZIP archive but not an Excel workbook (it has no sheet list); is it damaged?`,
      ),
    );
  const sheets: WorkbookSheet[] = [];
  for (const tag of xml.toString('utf8').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    const state = /\bstate="([^"]*)"/.exec(tag)?.[1];
    sheets.push({
      name: unescapeXml(name),
      position: sheets.length + 1,
      hidden: !!state && state !== 'visible',
    });
  }
  return sheets;
}

/** A cell as text: dates as ISO, formulas as their result, rich text as its plain text. */
export function cellText(value: ExcelJS.CellValue): { text: string; error?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19) };
  }
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') return { text: value };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { text: '', error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { text: '' } : cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return { text: String((value as { text: unknown }).text) };
  return { text: String(value) };
}

/**
 * The members of a workbook that its sheets are read against, as exceljs' WorkbookReader reads them (its own
 * methods, not in its typings): the relationships, the sheet list, the styles (which numbers are dates) and the
 * shared strings.
 */
interface WorkbookParts {
  workbookRels?: unknown;
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

/**
 * Reads those members first, straight from the ZIP's directory. exceljs walks the ZIP in its order and, when a
 * sheet comes before the shared strings (as in files Excel saves), copies the sheet to a temporary file in
 * plain text to read it later: a crash, or the app being closed, mid-read would leave participant data in the
 * system's temporary folder. With the shared strings and relationships known before the walk starts, every
 * sheet is read where it lies and nothing is written anywhere.
 */
async function readWorkbookParts(file: string, reader: WorkbookParts): Promise<Map<string, ZipMember>> {
  const directory = await readZipDirectory(file);
  /** Reads a member, then checks it ended with its root's closing tag (exceljs would take a cut-short one). */
  const read = async (name: string, root: string, parse: (entry: Readable) => Promise<void>) => {
    const place = directory.get(name);
    if (!place) return;
    let tail = Buffer.alloc(0);
    const source = streamZipMember(file, place);
    const watched = source.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          tail = Buffer.concat([tail, chunk.subarray(-64)]).subarray(-64);
          done(null, chunk);
        },
      }),
    );
    // pipe() does not pass on the member's own errors (a corrupt deflate stream): the parser must see them.
    source.once('error', (error) => watched.destroy(error));
    await parse(watched);
    const closed = new RegExp(`(?:</(?:\\w+:)?${root}>|<(?:\\w+:)?${root}\\b[^<]*/>)\\s*$`);
    if (!closed.test(tail.toString('latin1')))
      throw new ImportFileError(
        fileProblem(
          file,
          'an Excel workbook (.xlsx)',
          `${path.basename(file)} is damaged: its part ${name} is cut short. Open it in Excel and save it again.`,
        ),
      );
  };
  await read('xl/_rels/workbook.xml.rels', 'Relationships', (entry) => reader._parseRels(entry));
  await read('xl/workbook.xml', 'workbook', (entry) => reader._parseWorkbook(entry));
  await read('xl/styles.xml', 'styleSheet', (entry) => reader._parseStyles(entry));
  await read('xl/sharedStrings.xml', 'sst', async (entry) => {
    for await (const _ of reader._parseSharedStrings(entry));
  });
  // A workbook may have no shared strings (only numbers) or no relationships: still nothing to wait for.
  reader.sharedStrings ??= [];
  reader.workbookRels ??= [];
  return directory;
}

async function* readSheetRows(
  file: string,
  sheet: WorkbookSheet,
  batchSize: number,
): AsyncGenerator<RowBatch, void, undefined> {
  // Loaded when a workbook is read, not with the engine: a CSV import's process never holds exceljs.
  const { default: excel } = await import('exceljs');
  const input = createReadStream(file);
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const directory = await readWorkbookParts(file, reader as unknown as WorkbookParts);
  // The sheets exceljs will walk are checked first: on a corrupt one its walk would stall rather than fail.
  for (const [name, place] of directory)
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) await verifyZipMember(file, name, place);
  let header: string[] | null = null;
  let dataRows = 0;
  let batch: RowBatch = { rows: [], problems: [] };
  const worksheets = reader[Symbol.asyncIterator]();
  try {
    let position = 0;
    for (;;) {
      const next = await worksheets.next();
      if (next.done) break;
      const worksheet = next.value;
      position++;
      // exceljs names each sheet from the workbook's sheet list (read before the walk); without one, the
      // order decides.
      const namesKnown = Array.isArray(
        (reader as unknown as { model?: { sheets?: unknown[] } }).model?.sheets,
      );
      const chosen = namesKnown
        ? (worksheet as unknown as { name: string }).name === sheet.name
        : position === sheet.position;
      const sheetEnded = chosen ? watchForEnd(worksheet) : () => true;
      for await (const row of worksheet) {
        if (!chosen) continue; // other sheets are read past, not kept
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const cells: string[] = [];
        for (let i = 0; i < values.length; i++) {
          const { text, error } = cellText(values[i]);
          cells.push(text);
          if (error && header) batch.problems.push(cellError(file, row.number, columnName(header, i), error));
        }
        const sourceRow: SourceRow = { row: row.number, cells };
        if (header === null) {
          header = cells;
        } else {
          if (cells.every((c) => c.trim() === '')) continue;
          dataRows++;
          const extra = widen(file, sourceRow, header);
          if (extra) batch.problems.push(extra);
        }
        batch.rows.push(sourceRow);
        if (batch.rows.length >= batchSize) {
          yield batch;
          batch = { rows: [], problems: [] };
        }
      }
      if (chosen) {
        if (!sheetEnded()) throw sheetCutShort(file, sheet, header === null ? 0 : dataRows);
        break;
      }
    }
    if (header === null)
      throw new ImportFileError(
        fileProblem(file, 'a header row', `Sheet "${sheet.name}" of ${path.basename(file)} is empty.`),
      );
    if (dataRows === 0)
      batch.problems.push({
        ...fileProblem(
          file,
          'data rows below the header',
          `Sheet "${sheet.name}" has a header row but no data rows.`,
        ),
        severity: 'warning',
      });
    if (batch.rows.length > 0 || batch.problems.length > 0) yield batch;
  } finally {
    // Stopping early ends the walk: no copy of any sheet was made, so nothing is left behind. A walk that
    // failed has nothing to end, and its own error is the one reported.
    await worksheets.return(undefined).catch(() => undefined);
    input.destroy();
  }
}

/**
 * Watches the sheet's XML as exceljs reads it, for its closing tag: exceljs never closes its XML parser, so a
 * sheet cut short (a half-copied or half-written file) would otherwise read as a shorter sheet. Returns whether
 * the sheet ended properly; true if this exceljs keeps its input elsewhere (nothing to watch).
 */
function watchForEnd(worksheet: unknown): () => boolean {
  const reader = worksheet as { iterator?: AsyncIterable<Buffer | string> };
  const source = reader.iterator;
  if (!source) return () => true;
  let tail = Buffer.alloc(0);
  reader.iterator = (async function* () {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      tail = Buffer.concat([tail, bytes.subarray(-64)]).subarray(-64);
      yield chunk;
    }
  })();
  return () => /<\/(?:\w+:)?worksheet>\s*$/.test(tail.toString('latin1'));
}

function sheetCutShort(file: string, sheet: WorkbookSheet, rowsRead: number): ImportFileError {
  return new ImportFileError(
    fileProblem(
      file,
      'a complete sheet',
      `Sheet "${sheet.name}" of ${path.basename(file)} is cut short: it stops part-way after ${rowsRead} data ` +
        'rows, so the file is incomplete. Open it in Excel and save it again, or export it again.',
    ),
  );
}

function cellError(file: string, row: number, column: string, error: string): ImportProblem {
  return {
    file,
    row,
    column,
    value: error,
    expected: 'a value',
    message: `Row ${row}, ${column}: the cell shows the Excel error ${error}, not a value; fix the formula in the workbook.`,
    severity: 'error',
  };
}

/** Pads a row to the header's width; values beyond the last headed column are reported. */
function widen(file: string, row: SourceRow, header: readonly string[]): ImportProblem | null {
  const extra = row.cells.slice(header.length);
  while (row.cells.length < header.length) row.cells.push('');
  row.cells.length = header.length;
  if (extra.every((c) => c.trim() === '')) return null;
  return {
    file,
    row: row.row,
    column: null,
    value: shortValue(extra.filter((c) => c.trim()).join(', ')),
    expected: `values only under the ${header.length} headed columns`,
    message: `Row ${row.row} has values to the right of the last headed column (${quoteValue(extra.join(', '))}); they were left out.`,
    severity: 'warning',
  };
}

/** Opens one sheet of a workbook: its heading rows, then its data rows as a stream. */
export async function openXlsx(file: string, options: XlsxOptions = {}): Promise<XlsxTable> {
  const sheets = await listSheets(file);
  const wanted = options.sheet;
  const sheet =
    wanted === undefined
      ? (sheets.find((s) => !s.hidden) ?? sheets[0])
      : sheets.find((s) => (typeof wanted === 'number' ? s.position === wanted : s.name === wanted));
  if (!sheet)
    throw new ImportFileError(
      fileProblem(
        file,
        `one of the sheets ${sheets.map((s) => `"${s.name}"`).join(', ')}`,
        `${path.basename(file)} has no sheet ${typeof wanted === 'number' ? `number ${wanted}` : `"${wanted}"`}.`,
      ),
    );
  const raw = readSheetRows(file, sheet, options.batchSize ?? DEFAULT_BATCH_ROWS);
  const table = await tableFromBatches(file, raw, options.dataStartRow ?? 2);
  return { ...table, sheet, sheets };
}
