import type { DataColumnType, DataFilter, DataSort } from '../../../shared/data';

/**
 * The grid's sort and filter state, as ag-grid hands it to its datasource, turned into the engine's data.rows
 * query. Each column type offers only the filters the engine can run, so every choice in the grid has an answer.
 */

/** The filter choices per column type, in ag-grid's names. */
export const FILTER_OPTIONS: Record<DataColumnType, string[]> = {
  text: ['contains', 'equals', 'blank'],
  number: ['equals', 'greaterThan', 'lessThan', 'blank'],
  date: ['equals', 'greaterThan', 'lessThan', 'blank'],
};

const OPS: Record<string, DataFilter['op']> = {
  contains: 'contains',
  equals: 'equals',
  greaterThan: 'gt',
  lessThan: 'lt',
  blank: 'blank',
};

/** One column's filter model: text/number ({type, filter}) or date ({type, dateFrom: "2026-03-01 00:00:00"}). */
export interface GridFilterModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  dateFrom?: string | null;
}

export function toSort(sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[]): DataSort[] {
  return sortModel.map(({ colId, sort }) => ({ column: colId, direction: sort }));
}

/** The engine's filters for the grid's; a filter still being typed (no value yet) is left out. */
export function toFilters(filterModel: Record<string, GridFilterModel> | null | undefined): DataFilter[] {
  const filters: DataFilter[] = [];
  for (const [column, model] of Object.entries(filterModel ?? {})) {
    const op = model.type ? OPS[model.type] : undefined;
    if (!op) continue;
    if (op === 'blank') {
      filters.push({ column, op });
      continue;
    }
    const value = model.filterType === 'date' ? model.dateFrom?.slice(0, 10) : model.filter;
    if (value === undefined || value === null || value === '') continue;
    filters.push({ column, op, value });
  }
  return filters;
}
