/**
 * Disclosure control: can a published number or quote be traced back to a person?
 *  - k-anonymity: records sharing the same quasi-identifier values form an equivalence class; k is the size
 *    of the smallest class, and records in classes of size 1 are "sample uniques". This is what ARX reports
 *    as k and what sdcMicro reports as fk per record and "observations violating k-anonymity".
 *  - minimum cell size: every count shown in a chart, table or export passes through `applyMinimumCellSize`,
 *    which suppresses small cells (primary) and enough other cells (complementary) that no suppressed cell can
 *    be worked out from the published row and column totals.
 */

export type QuasiIdentifierValue = string | number | null | undefined;
export type ParticipantRecord = Readonly<Record<string, QuasiIdentifierValue>>;

export interface EquivalenceClass {
  values: QuasiIdentifierValue[];
  size: number;
}

export interface KAnonymityReport {
  /** Size of the smallest equivalence class (0 for no records). */
  k: number;
  classes: EquivalenceClass[];
  /** Records alone in their class: unique on the chosen quasi-identifiers. */
  uniqueRecords: number;
  /** For each record, the size of its class (sdcMicro's fk). */
  classSizeOfRecord: number[];
  /** Records in classes smaller than 2, 3 and 5 (sdcMicro prints the first two). */
  recordsViolating: { 2: number; 3: number; 5: number };
}

/** Missing values form a class of their own (ARX treats a suppressed '*' the same way). */
function keyOf(record: ParticipantRecord, quasiIdentifiers: readonly string[]): string {
  return JSON.stringify(quasiIdentifiers.map((q) => record[q] ?? null));
}

export function kAnonymity(
  records: readonly ParticipantRecord[],
  quasiIdentifiers: readonly string[],
): KAnonymityReport {
  const classes = new Map<string, EquivalenceClass>();
  const keys = records.map((record) => {
    const key = keyOf(record, quasiIdentifiers);
    const existing = classes.get(key);
    if (existing) existing.size += 1;
    else classes.set(key, { values: quasiIdentifiers.map((q) => record[q] ?? null), size: 1 });
    return key;
  });
  const classSizeOfRecord = keys.map((key) => classes.get(key)!.size);
  const violating = (k: number) => classSizeOfRecord.filter((n) => n < k).length;
  const list = [...classes.values()].sort((a, b) => a.size - b.size);
  return {
    k: list.length === 0 ? 0 : list[0]!.size,
    classes: list,
    uniqueRecords: violating(2),
    classSizeOfRecord,
    recordsViolating: { 2: violating(2), 3: violating(3), 5: violating(5) },
  };
}

/** The project-wide thresholds: 5 for numbers, 10 for quotes, as the steering group agreed by default. */
export interface MinimumCellSizePolicy {
  counts: number;
  quotes: number;
}

export const DEFAULT_MINIMUM_CELL_SIZE: MinimumCellSizePolicy = { counts: 5, quotes: 10 };

/** A quote may be shown only if the group it is attributed to ("mentees in Finance") is large enough. */
export function mayShowQuote(
  groupSize: number,
  policy: MinimumCellSizePolicy = DEFAULT_MINIMUM_CELL_SIZE,
): boolean {
  return groupSize >= policy.quotes;
}

export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column]: counts of people. */
  cells: readonly (readonly number[])[];
}

export type SuppressionReason = 'primary' | 'complementary';

export interface ProtectedTable {
  rows: readonly string[];
  columns: readonly string[];
  /** null where suppressed. */
  cells: (number | null)[][];
  /** Why each cell is hidden (null: shown). */
  suppression: (SuppressionReason | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
}

export interface MinimumCellSizeOptions {
  min: number;
  /** Zero cells are shown by default: "nobody" does not single anyone out unless the column is small. */
  suppressZeros?: boolean;
}

/**
 * Primary suppression of every cell with 0 < count < min; then complementary suppression until no suppressed
 * cell can be derived from the published totals. A suppressed cell is derivable exactly when, in the graph
 * whose nodes are rows and columns and whose edges are suppressed cells, its edge lies on no cycle (a bridge,
 * or a row/column with a single suppressed cell). So the loop adds the smallest cells that close such gaps.
 * Totals below `min` are themselves suppressed, with the same rule applied to the row and column totals.
 */
export function applyMinimumCellSize(table: CountTable, options: MinimumCellSizeOptions): ProtectedTable {
  const { min } = options;
  const nRows = table.rows.length;
  const nCols = table.columns.length;
  const value = (r: number, c: number) => table.cells[r]?.[c] ?? 0;
  const suppression: (SuppressionReason | null)[][] = Array.from({ length: nRows }, (_, r) =>
    Array.from({ length: nCols }, (_, c) => {
      const v = value(r, c);
      return v < min && (v > 0 || options.suppressZeros === true) ? 'primary' : null;
    }),
  );
  const isHidden = (r: number, c: number) => suppression[r]![c] !== null;
  const hide = (r: number, c: number) => {
    if (!isHidden(r, c)) suppression[r]![c] = 'complementary';
  };
  for (let guard = 0; guard < nRows * nCols + 1; guard += 1) {
    if (
      !closeSingletons(nRows, nCols, isHidden, hide, value) &&
      !closeBridges(nRows, nCols, isHidden, hide, value)
    )
      break;
  }
  const rowTotals = Array.from({ length: nRows }, (_, r) =>
    table.columns.reduce((s, _c, c) => s + value(r, c), 0),
  );
  const columnTotals = Array.from({ length: nCols }, (_, c) =>
    table.rows.reduce((s, _r, r) => s + value(r, c), 0),
  );
  const total = rowTotals.reduce((s, v) => s + v, 0);
  return {
    rows: table.rows,
    columns: table.columns,
    cells: suppression.map((row, r) => row.map((s, c) => (s === null ? value(r, c) : null))),
    suppression,
    rowTotals: protectMargin(rowTotals, min),
    columnTotals: protectMargin(columnTotals, min),
    total: total > 0 && total < min ? null : total,
  };
}

/** A row or column with exactly one hidden cell gives it away: hide its smallest shown cell too. */
function closeSingletons(
  nRows: number,
  nCols: number,
  isHidden: (r: number, c: number) => boolean,
  hide: (r: number, c: number) => void,
  value: (r: number, c: number) => number,
): boolean {
  let changed = false;
  for (let r = 0; r < nRows; r += 1) {
    const hidden = Array.from({ length: nCols }, (_, c) => c).filter((c) => isHidden(r, c));
    if (hidden.length !== 1) continue;
    const pick = smallest(
      Array.from({ length: nCols }, (_, c) => c).filter((c) => !isHidden(r, c)),
      (c) => value(r, c),
    );
    if (pick !== undefined) {
      hide(r, pick);
      changed = true;
    }
  }
  for (let c = 0; c < nCols; c += 1) {
    const hidden = Array.from({ length: nRows }, (_, r) => r).filter((r) => isHidden(r, c));
    if (hidden.length !== 1) continue;
    const pick = smallest(
      Array.from({ length: nRows }, (_, r) => r).filter((r) => !isHidden(r, c)),
      (r) => value(r, c),
    );
    if (pick !== undefined) {
      hide(pick, c);
      changed = true;
    }
  }
  return changed;
}

/**
 * The smallest cell to hide, preferring non-zero ones: a hidden zero can be pinned down again by the fact that
 * counts are never negative.
 */
function smallest(candidates: number[], size: (i: number) => number): number | undefined {
  let best: number | undefined;
  const rank = (i: number) => (size(i) > 0 ? size(i) : Number.MAX_SAFE_INTEGER);
  for (const i of candidates) if (best === undefined || rank(i) < rank(best)) best = i;
  return best;
}

/**
 * A hidden cell whose edge is a bridge can be solved for. For each bridge (r, c), hide the smallest shown cell
 * joining a row on c's side to a column on r's side, which puts the bridge on a cycle.
 */
function closeBridges(
  nRows: number,
  nCols: number,
  isHidden: (r: number, c: number) => boolean,
  hide: (r: number, c: number) => void,
  value: (r: number, c: number) => number,
): boolean {
  for (let r = 0; r < nRows; r += 1) {
    for (let c = 0; c < nCols; c += 1) {
      if (!isHidden(r, c)) continue;
      const side = reachableWithout(nRows, nCols, isHidden, r, c);
      if (side.columns.has(c)) continue; // on a cycle
      // Rows reachable from column c (without the edge) and columns reachable from row r.
      const other = reachableWithout(nRows, nCols, isHidden, r, c, 'column', c);
      let best: [number, number] | undefined;
      for (const rr of other.rows) {
        for (const cc of side.columns) {
          if (isHidden(rr, cc)) continue;
          const rank = (r2: number, c2: number) =>
            value(r2, c2) > 0 ? value(r2, c2) : Number.MAX_SAFE_INTEGER;
          if (!best || rank(rr, cc) < rank(best[0], best[1])) best = [rr, cc];
        }
      }
      if (best) {
        hide(best[0], best[1]);
        return true;
      }
    }
  }
  return false;
}

/** Rows and columns reachable over hidden cells from row `r` (or column `from`), not using cell (r, c). */
function reachableWithout(
  nRows: number,
  nCols: number,
  isHidden: (r: number, c: number) => boolean,
  r: number,
  c: number,
  startKind: 'row' | 'column' = 'row',
  start: number = r,
): { rows: Set<number>; columns: Set<number> } {
  const rows = new Set<number>();
  const columns = new Set<number>();
  const queue: Array<['row' | 'column', number]> = [[startKind, start]];
  if (startKind === 'row') rows.add(start);
  else columns.add(start);
  while (queue.length > 0) {
    const [kind, i] = queue.shift()!;
    if (kind === 'row') {
      for (let cc = 0; cc < nCols; cc += 1) {
        if (!isHidden(i, cc) || (i === r && cc === c) || columns.has(cc)) continue;
        columns.add(cc);
        queue.push(['column', cc]);
      }
    } else {
      for (let rr = 0; rr < nRows; rr += 1) {
        if (!isHidden(rr, i) || (rr === r && i === c) || rows.has(rr)) continue;
        rows.add(rr);
        queue.push(['row', rr]);
      }
    }
  }
  return { rows, columns };
}

/** Margins: totals below min are hidden, and if only one is hidden the next smallest is too (grand total). */
function protectMargin(totals: number[], min: number): (number | null)[] {
  const hidden = totals.map((v) => v > 0 && v < min);
  if (hidden.filter(Boolean).length === 1) {
    const pick = smallest(
      totals.map((_, i) => i).filter((i) => !hidden[i]),
      (i) => totals[i]!,
    );
    if (pick !== undefined) hidden[pick] = true;
  }
  return totals.map((v, i) => (hidden[i] ? null : v));
}
