import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { projectScanOptions } from '../anonymize/anonymisationSettings';
import { redactFreeText } from '../anonymize/freeText';
import { isFreeTextColumn, type ColumnRule } from './validation';

/**
 * What an import does to the words people wrote (survey comments, meeting topics, notes on a career move, a
 * roster column the evaluator marked as free text): every name and contact the project's scan finds becomes a
 * typed tag before the row is kept. No review: a survey wave has thousands of comments; transcripts, journals
 * and mentor notes, which are read closely, go through the review in the Anonymise area instead. Undefined when
 * the file has no free-text column.
 */
export function freeTextRedactor(
  db: Connection,
  columns: readonly ColumnRule[],
): ((text: string) => string) | undefined {
  if (!columns.some(isFreeTextColumn)) return undefined;
  const scanOptions = projectScanOptions(db);
  return (text) => redactFreeText(text, scanOptions);
}
