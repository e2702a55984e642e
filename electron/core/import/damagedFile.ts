import path from 'node:path';
import { ConfidantError } from '../../../shared/errors';
import { MAX_COLUMNS, MAX_HEADING_CHARS } from '../../../shared/import';
import { fileProblem, ImportFileError } from './problems';
import type { RowBatch, SourceTable } from './table';

/**
 * A file that breaks a reader part-way (a workbook whose compressed sheet is corrupt, XML that is not XML, an
 * SPSS file whose lengths point past its end) is damaged, and the evaluator is told so in one line that names the
 * file: never a stack trace, never the parser's own words alone.
 */

/** What a library's error says about the file, in an evaluator's words. */
export function whatIsDamaged(error: unknown): string {
  const { code, message = '' } = (error ?? {}) as { code?: unknown; message?: string };
  const detail = message.split('\n')[0]!.trim();
  if (typeof code === 'string' && code.startsWith('Z_')) return 'part of its compressed contents is corrupt';
  if (error instanceof RangeError || code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS')
    return 'it ends too early, or a length written inside it is wrong';
  if (/entity|root|tag|xml|attribute|text data outside|unclosed|closing|character/i.test(detail))
    return `its XML is broken (${detail.replace(/\.$/, '')})`;
  if (
    /zip|central directory|signature|end of data|unexpected end|invalid (block|distance|code|stored)/i.test(
      detail,
    )
  )
    return `its ZIP structure is broken (${detail.replace(/\.$/, '')})`;
  return 'it is damaged';
}

/** The error to report for a failure while reading `file`: Confidant's own errors pass unchanged. */
export function damagedFileError(file: string, expected: string, error: unknown): ConfidantError {
  if (error instanceof ConfidantError) return error;
  return new ImportFileError(
    fileProblem(
      file,
      expected,
      `${path.basename(file)} cannot be read: ${whatIsDamaged(error)}. Open it in the program that made it and ` +
        'save or export it again.',
    ),
  );
}

/** Runs a read of `file`, reporting any failure as a damaged file. */
export async function readingFile<T>(file: string, expected: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw damagedFileError(file, expected, error);
  }
}

async function* guardedBatches(
  file: string,
  expected: string,
  batches: AsyncIterable<RowBatch>,
): AsyncGenerator<RowBatch> {
  const iterator = batches[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<RowBatch>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw damagedFileError(file, expected, error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** The table, its rows reported as a damaged file if the reader breaks part-way through them. */
export function guardTable<T extends SourceTable>(table: T, expected: string): T {
  table.batches = guardedBatches(table.file, expected, table.batches);
  return table;
}

/**
 * A table the import can hold: at most MAX_COLUMNS columns, each heading at most MAX_HEADING_CHARS characters.
 * Wider is almost always a damaged file or not a table at all, and is said so before anything else happens.
 */
export function checkTableShape(table: SourceTable): void {
  const name = path.basename(table.file);
  const refuse = (message: string) =>
    new ImportFileError(
      fileProblem(table.file, `at most ${MAX_COLUMNS.toLocaleString('en')} columns`, message),
    );
  if (table.header.length > MAX_COLUMNS)
    throw refuse(
      `${name} has ${table.header.length.toLocaleString('en')} columns; a table Confidant imports has at most ` +
        `${MAX_COLUMNS.toLocaleString('en')}. Is it damaged, or not a table?`,
    );
  const long = table.header.findIndex((heading) => heading.length > MAX_HEADING_CHARS);
  if (long >= 0)
    throw refuse(
      `Column ${long + 1} of ${name} has a heading of ${table.header[long]!.length.toLocaleString('en')} ` +
        `characters; a heading may have at most ${MAX_HEADING_CHARS.toLocaleString('en')}. Is the header row ` +
        'damaged, or is it a row of answers?',
    );
}
