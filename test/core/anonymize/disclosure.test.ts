import { describe, expect, it } from 'vitest';
import {
  applyMinimumCellSize,
  kAnonymity,
  mayShowQuote,
  type CountTable,
  type ProtectedTable,
} from '../../../electron/core/anonymize/disclosure';

describe('k-anonymity', () => {
  // Worked by hand: classes (F,30-39,Leeds)=3, (M,30-39,Leeds)=2, (F,40-49,York)=1, (M,20-29,York)=1.
  const records = [
    { gender: 'F', age: '30-39', site: 'Leeds' },
    { gender: 'F', age: '30-39', site: 'Leeds' },
    { gender: 'F', age: '30-39', site: 'Leeds' },
    { gender: 'M', age: '30-39', site: 'Leeds' },
    { gender: 'M', age: '30-39', site: 'Leeds' },
    { gender: 'F', age: '40-49', site: 'York' },
    { gender: 'M', age: '20-29', site: 'York' },
  ];

  it('reports k, uniques and per-record class sizes as ARX and sdcMicro do', () => {
    const report = kAnonymity(records, ['gender', 'age', 'site']);
    expect(report.k).toBe(1);
    expect(report.uniqueRecords).toBe(2);
    expect(report.classSizeOfRecord).toEqual([3, 3, 3, 2, 2, 1, 1]);
    expect(report.recordsViolating).toEqual({ 2: 2, 3: 4, 5: 7 });
    expect(report.classes.map((c) => c.size)).toEqual([1, 1, 2, 3]);
  });

  it('rises when a quasi-identifier is dropped', () => {
    const report = kAnonymity(records, ['site']);
    expect(report.k).toBe(2);
    expect(report.uniqueRecords).toBe(0);
    expect(kAnonymity([], ['site']).k).toBe(0);
  });

  it('treats a missing value as a value of its own', () => {
    expect(
      kAnonymity([{ site: null }, { site: undefined }, { site: 'York' }], ['site']).classSizeOfRecord,
    ).toEqual([2, 2, 1]);
  });
});

/**
 * The values each hidden cell takes over all non-negative integer tables consistent with what was
 * published (shown cells fixed, published row and column totals respected). Exhaustive search, independent
 * of the suppression algorithm: the last hidden cell of a row is forced by the row total, columns are checked
 * as they fill, and the search stops once every hidden cell has been seen with two different values.
 */
function valuesOfHiddenCells(published: ProtectedTable): Map<string, Set<number>> {
  const hidden: Array<[number, number]> = [];
  published.cells.forEach((row, r) => row.forEach((v, c) => v === null && hidden.push([r, c])));
  const grid = published.cells.map((row) => row.map((v) => v ?? 0));
  const seen = new Map(hidden.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const lastInRow = new Map<number, number>();
  const lastInColumn = new Map<number, number>();
  hidden.forEach(([r, c], i) => {
    lastInRow.set(r, i);
    lastInColumn.set(c, i);
  });
  const rowSum = (r: number) => grid[r]!.reduce((s, v) => s + v, 0);
  const columnSum = (c: number) => grid.reduce((s, row) => s + row[c]!, 0);
  const done = () => [...seen.values()].every((v) => v.size > 1);
  const assign = (i: number): void => {
    if (done()) return;
    if (i === hidden.length) {
      hidden.forEach(([r, c]) => seen.get(`${r},${c}`)!.add(grid[r]![c]!));
      return;
    }
    const [r, c] = hidden[i]!;
    const rowTotal = published.rowTotals[r] ?? null;
    const columnTotal = published.columnTotals[c] ?? null;
    const candidates: number[] = [];
    if (lastInRow.get(r) === i && rowTotal !== null) {
      grid[r]![c] = 0;
      candidates.push(rowTotal - rowSum(r));
    } else {
      grid[r]![c] = 0;
      const room = Math.min(rowTotal ?? published.total ?? 200, columnTotal ?? published.total ?? 200);
      for (let v = 0; v <= room; v += 1) candidates.push(v);
    }
    for (const v of candidates) {
      if (v < 0) continue;
      grid[r]![c] = v;
      const partialRow = rowTotal === null || rowSum(r) <= rowTotal;
      const col = columnSum(c);
      const partialColumn =
        columnTotal === null || (lastInColumn.get(c) === i ? col === columnTotal : col <= columnTotal);
      if (partialRow && partialColumn) assign(i + 1);
      if (done()) break;
    }
    grid[r]![c] = 0;
  };
  assign(0);
  return seen;
}

function expectNoHiddenCellRecoverable(table: CountTable, min: number) {
  const published = applyMinimumCellSize(table, { min });
  const values = valuesOfHiddenCells(published);
  expect(values.size).toBeGreaterThan(0);
  for (const [cell, seen] of values) expect(seen.size, `cell ${cell} can be worked out`).toBeGreaterThan(1);
  return published;
}

describe('minimum cell size', () => {
  it('suppresses small cells and enough others that no hidden cell can be worked out from the totals', () => {
    const table: CountTable = {
      rows: ['Leeds', 'York', 'Hull'],
      columns: ['Promoted', 'Same role', 'Left'],
      cells: [
        [12, 3, 9],
        [8, 10, 7],
        [6, 11, 14],
      ],
    };
    const published = expectNoHiddenCellRecoverable(table, 5);
    expect(published.suppression[0]![1]).toBe('primary');
    expect(published.cells.flat().filter((v) => v === null).length).toBe(4); // one primary, three complementary
    expect(published.rowTotals).toEqual([24, 25, 31]);
    expect(published.total).toBe(80);
  });

  it('closes a bridge between two suppressed rectangles', () => {
    // Two 2x2 blocks of small cells joined by one more small cell: every row and column holds two hidden
    // cells, yet the joining cell would still be solvable without the bridge rule.
    const table: CountTable = {
      rows: ['a', 'b', 'c', 'd'],
      columns: ['w', 'x', 'y', 'z'],
      cells: [
        [2, 3, 20, 20],
        [3, 2, 4, 20],
        [20, 20, 2, 3],
        [20, 20, 3, 2],
      ],
    };
    expectNoHiddenCellRecoverable(table, 5);
  });

  it('hides small totals and a second total with them', () => {
    const published = applyMinimumCellSize(
      { rows: ['a', 'b', 'c'], columns: ['n'], cells: [[3], [9], [12]] },
      { min: 5 },
    );
    expect(published.rowTotals).toEqual([null, null, 12]);
    expect(published.cells.flat()).toEqual([null, null, 12]);
  });

  it('shows zeros unless asked, and quotes only from groups of ten', () => {
    const published = applyMinimumCellSize(
      {
        rows: ['a', 'b'],
        columns: ['x', 'y'],
        cells: [
          [0, 8],
          [7, 9],
        ],
      },
      { min: 5 },
    );
    expect(published.cells).toEqual([
      [0, 8],
      [7, 9],
    ]);
    expect(mayShowQuote(9)).toBe(false);
    expect(mayShowQuote(10)).toBe(true);
  });
});
