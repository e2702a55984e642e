import { describe, expect, it } from 'vitest';
import { FILTER_OPTIONS, toFilters, toSort } from '../../renderer/areas/data/gridQuery';

describe('the data grid’s sort and filters as a data.rows query', () => {
  it('passes the sort through, column by column', () => {
    expect(
      toSort([
        { colId: 'cohort', sort: 'asc' },
        { colId: 'pseudonym', sort: 'desc' },
      ]),
    ).toEqual([
      { column: 'cohort', direction: 'asc' },
      { column: 'pseudonym', direction: 'desc' },
    ]);
  });

  it('turns text, number, date and blank filters into the engine’s, leaving out unfinished ones', () => {
    expect(
      toFilters({
        department: { filterType: 'text', type: 'contains', filter: 'fin' },
        matchScore: { filterType: 'number', type: 'greaterThan', filter: 0.5 },
        heldOn: { filterType: 'date', type: 'lessThan', dateFrom: '2026-03-01 00:00:00' },
        endsOn: { filterType: 'date', type: 'blank' },
        role: { filterType: 'text', type: 'equals', filter: '' },
        level: { filterType: 'text', type: 'startsWith', filter: 'x' },
      }),
    ).toEqual([
      { column: 'department', op: 'contains', value: 'fin' },
      { column: 'matchScore', op: 'gt', value: 0.5 },
      { column: 'heldOn', op: 'lt', value: '2026-03-01' },
      { column: 'endsOn', op: 'blank' },
    ]);
    expect(toFilters(null)).toEqual([]);
  });

  it('offers only filters the engine can run', () => {
    const known = new Set(['contains', 'equals', 'greaterThan', 'lessThan', 'blank']);
    for (const options of Object.values(FILTER_OPTIONS))
      for (const option of options) expect(known.has(option)).toBe(true);
  });
});
