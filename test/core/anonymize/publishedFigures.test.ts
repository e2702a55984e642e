import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountTable } from '../../../electron/core/anonymize/disclosure';
import { mayPublishQuote, protectCounts } from '../../../electron/core/anonymize/publishedFigures';
import { openTestProject, type TestProject } from './openProject';

let project: TestProject;
beforeEach(async () => {
  project = await openTestProject();
});
afterEach(() => project.close());

// Mentees by department and cohort. The 4 is below the default minimum of 5: hidden, and with it enough
// cells that it cannot be worked out from the totals (here all four, since each row and column has two).
const table: CountTable = {
  rows: ['Finance', 'HR'],
  columns: ['Spring', 'Autumn'],
  cells: [
    [4, 6],
    [7, 8],
  ],
};

describe('the gate for published figures', () => {
  it('obeys the default minimum cell size of 5, with complementary suppression', () => {
    const shown = protectCounts(project.db, table);
    expect(shown.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(shown.suppression[0]).toEqual(['primary', 'complementary']);
    expect(shown.total).toBe(25);
  });

  it('obeys the minimum the evaluator saved, from the next call on', async () => {
    await project.call('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [],
      minimumCellSize: { counts: 3, quotes: 10 },
    });
    expect(protectCounts(project.db, table).cells).toEqual([
      [4, 6],
      [7, 8],
    ]);
    await project.call('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [],
      minimumCellSize: { counts: 7, quotes: 10 },
    });
    // 6 is now below the minimum itself, no longer hidden only to protect the 4.
    expect(protectCounts(project.db, table).suppression[0]).toEqual(['primary', 'primary']);
  });

  it('lets a quote be attributed only to a group of at least the quote minimum', async () => {
    expect(mayPublishQuote(project.db, 9)).toBe(false);
    expect(mayPublishQuote(project.db, 10)).toBe(true);
    await project.call('anonymize.saveSettings', {
      countries: ['GB'],
      identifierMasks: [],
      minimumCellSize: { counts: 5, quotes: 4 },
    });
    expect(mayPublishQuote(project.db, 4)).toBe(true);
    expect(mayPublishQuote(project.db, 3)).toBe(false);
  });
});
