import { ConfidantError } from '../../../shared/errors';
import type { ImportProblemReport } from '../../../shared/import';

/**
 * One thing wrong with an imported file, said the way the evaluator will look for it: which file, which row
 * (counted as a spreadsheet counts them: the first line is row 1), which column, the value found, and what was
 * expected there. The contract's own type: the wizard lists these as they are.
 */
export type ImportProblem = ImportProblemReport;

/** A file that cannot be read at all (empty, binary, not the format it claims). It carries its one problem. */
export class ImportFileError extends ConfidantError {
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem) {
    super('IO_ERROR', problem.message);
    this.name = 'ImportFileError';
    this.problem = problem;
  }
}

export function fileProblem(file: string, expected: string, message: string): ImportProblem {
  return { file, row: null, column: null, value: null, expected, message, severity: 'error' };
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** How a column is named in messages: its heading when it has one, else its letter. */
export function columnName(header: readonly string[], index: number): string {
  const heading = header[index]?.trim();
  return heading ? heading : `column ${columnLetter(index)}`;
}

/**
 * A value as a problem's "value found" shows it: as it was written (no escaping, no quotes added), on one line,
 * and shortened so a 10 kB answer does not flood the list of problems.
 */
export function shortValue(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- line breaks and tabs are what is flattened
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A value in a message, in typographic quotes: a value with a stray quote reads “"x@example.org”. */
export function quoteValue(value: string, max = 60): string {
  return `“${shortValue(value, max)}”`;
}
