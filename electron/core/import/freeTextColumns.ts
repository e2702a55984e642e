import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { projectScanOptions } from '../anonymize/anonymisationSettings';
import { redactFreeText } from '../anonymize/freeText';
import { isFreeTextColumn, type ColumnRule } from './validation';

/** Answers up to this long are remembered with their redacted form, this many at a time. */
const REMEMBERED_LENGTH = 200;
const REMEMBERED_ANSWERS = 4096;

/**
 * What an import does to the words people wrote (survey comments, meeting topics, notes on a career move, a
 * roster column the evaluator marked as free text): every name and contact the project's scan finds becomes a
 * typed tag before the row is kept. No review: a survey wave has thousands of comments; transcripts, journals
 * and mentor notes, which are read closely, go through the review in the Anonymise area instead. Undefined when
 * the file has no free-text column.
 *
 * A survey's short answers repeat ("n/a", "More confident in meetings"), so each short answer's redacted form
 * is remembered and the scan runs once per different answer. This is exact, not a guess about which texts are
 * safe: the scan options (countries, identifier masks, the roster's names) are read once when the import
 * starts, so the redaction of a text cannot change during it. The memory is emptied when it is full.
 */
export function freeTextRedactor(
  db: Connection,
  columns: readonly ColumnRule[],
): ((text: string) => string) | undefined {
  if (!columns.some(isFreeTextColumn)) return undefined;
  const scanOptions = projectScanOptions(db);
  const remembered = new Map<string, string>();
  return (text) => {
    const known = remembered.get(text);
    if (known !== undefined) return known;
    const redacted = redactFreeText(text, scanOptions);
    if (text.length <= REMEMBERED_LENGTH) {
      if (remembered.size === REMEMBERED_ANSWERS) remembered.clear();
      // Copies: a cell, and so its redaction, may be a slice of the 64 KiB of the file it was parsed from,
      // which the memory would otherwise keep alive.
      remembered.set(structuredClone(text), structuredClone(redacted));
    }
    return redacted;
  };
}
