import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { DataFilter, DataRows, DataRowsQuery, DataTableInfo, DataValue } from '../../../shared/data';
import { ConfidantError } from '../../../shared/errors';
import { browsableTables, type BrowsableColumn, type BrowsableTable } from './browsableTables';

/**
 * Paging, sorting and filtering the browsable tables in the store. Every table name, column name and SQL
 * expression comes from browsableTables.ts; what the request brings is only compared with those names, and its
 * values are bound as parameters, never written into the SQL.
 */

function tableNamed(name: string): BrowsableTable {
  const table = browsableTables.find((candidate) => candidate.name === name);
  if (!table) {
    const known = browsableTables.map((candidate) => candidate.name).join(', ');
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `There is no table called "${name}" to browse; the tables are ${known}.`,
    );
  }
  return table;
}

function columnNamed(table: BrowsableTable, name: string): BrowsableColumn {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column)
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `${table.label} have no column called "${name}"; the columns are ${table.columns.map((c) => c.name).join(', ')}.`,
    );
  return column;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One filter as SQL over the column's own expression, with its value to bind. */
function filterSql(table: BrowsableTable, filter: DataFilter): { sql: string; values: DataValue[] } {
  const column = columnNamed(table, filter.column);
  const expression = column.type === 'date' ? `substr(${column.sql}, 1, 10)` : column.sql;
  if (filter.op === 'blank')
    return { sql: `(${column.sql} IS NULL OR CAST(${column.sql} AS TEXT) = '')`, values: [] };
  if (filter.value === undefined || filter.value === '')
    throw new ConfidantError('INVALID_ARGUMENTS', `The filter on ${column.label} needs a value.`);
  if (filter.op === 'contains')
    return { sql: `instr(lower(CAST(${column.sql} AS TEXT)), lower(?)) > 0`, values: [String(filter.value)] };
  let value: DataValue = filter.value;
  if (column.type === 'number') {
    value = Number(filter.value);
    if (!Number.isFinite(value))
      throw new ConfidantError(
        'INVALID_ARGUMENTS',
        `${column.label} holds numbers; "${filter.value}" is not one.`,
      );
  } else if (column.type === 'date') {
    value = String(filter.value).slice(0, 10);
    if (!ISO_DAY.test(value))
      throw new ConfidantError(
        'INVALID_ARGUMENTS',
        `${column.label} holds dates; "${filter.value}" is not a date such as 2026-03-01.`,
      );
  }
  if (filter.op === 'equals')
    return column.type === 'text'
      ? { sql: `lower(CAST(${expression} AS TEXT)) = lower(?)`, values: [String(value)] }
      : { sql: `${expression} = ?`, values: [value] };
  const comparison = filter.op === 'gt' ? '>' : '<';
  // A text column may hold numbers too (survey answers): a number compares with the numbers only.
  if (column.type === 'text' && typeof filter.value === 'number')
    return {
      sql: `(typeof(${expression}) IN ('integer', 'real') AND ${expression} ${comparison} ?)`,
      values: [filter.value],
    };
  return { sql: `${expression} ${comparison} ?`, values: [value] };
}

function selectList(table: BrowsableTable): string {
  return table.columns.map((column) => `${column.sql} AS "${column.name}"`).join(', ');
}

/** The browsable tables with their columns and how many rows each holds. */
export function listTables(db: Connection): DataTableInfo[] {
  return browsableTables.map((table) => ({
    name: table.name,
    label: table.label,
    description: table.description,
    columns: table.columns.map(({ name, label, type }) => ({ name, label, type })),
    rowCount: db
      .prepare(table.countSql ?? `SELECT count(*) FROM ${table.from}`)
      .pluck()
      .get() as number,
  }));
}

/** One page of a table's rows, sorted and filtered as asked, and how many rows match in all. */
export function readRows(db: Connection, query: DataRowsQuery): DataRows {
  const table = tableNamed(query.table);
  const filters = query.filters.map((filter) => filterSql(table, filter));
  const where = filters.length === 0 ? '' : `WHERE ${filters.map((filter) => filter.sql).join(' AND ')}`;
  const values = filters.flatMap((filter) => filter.values);
  const order = [
    ...query.sort.map((sort) => {
      const column = columnNamed(table, sort.column);
      // Empty cells last whichever way the column is sorted, as spreadsheets do.
      return `(${column.sql} IS NULL) ASC, ${column.sql} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}`;
    }),
    ...table.order,
  ].join(', ');
  const total =
    filters.length === 0 && table.countSql
      ? (db.prepare(table.countSql).pluck().get() as number)
      : (db
          .prepare(`SELECT count(*) FROM ${table.from} ${where}`)
          .pluck()
          .get(...values) as number);
  const rows = db
    .prepare(`SELECT ${selectList(table)} FROM ${table.from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...values, query.limit, query.offset) as Record<string, DataValue>[];
  return { total, rows };
}
