import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { readAnonymisationSettings } from './anonymisationSettings';
import { applyMinimumCellSize, mayShowQuote, type CountTable, type ProtectedTable } from './disclosure';

/**
 * THE gate for every figure and quote that leaves the app: charts, tables, reports and exports call these and
 * nothing else, so the project's minimum cell sizes (Anonymise → Settings; 5 for numbers and 10 for quotes
 * until the evaluator changes them) are obeyed everywhere at once.
 *
 *  - `protectCounts`: cells of people counted below the minimum are hidden (primary suppression), and enough
 *    other cells with them that no hidden cell can be worked out from the row and column totals
 *    (complementary suppression, see disclosure.ts); small totals are hidden too.
 *  - `mayPublishQuote`: a quote may be attributed to a group ("mentees in Finance") only if the group is at
 *    least the quote minimum.
 *
 * The settings are read on every call, so a report built after the evaluator raises a minimum obeys the new
 * one. The risk panel's own diagnostics (riskReport.ts) do not pass through here: they are for the evaluator's
 * eyes, exist to name small groups so that they can be coarsened, and never leave the app.
 */
export function protectCounts(db: Connection, table: CountTable): ProtectedTable {
  return applyMinimumCellSize(table, { min: readAnonymisationSettings(db).minimumCellSize.counts });
}

export function mayPublishQuote(db: Connection, groupSize: number): boolean {
  return mayShowQuote(groupSize, readAnonymisationSettings(db).minimumCellSize);
}
