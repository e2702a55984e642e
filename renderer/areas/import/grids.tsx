import {
  ClientSideRowModelModule,
  ModuleRegistry,
  RowAutoHeightModule,
  TooltipModule,
  type ColDef,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useMemo } from 'react';
import type { ImportProblemReport } from '../../../shared/import';
import type { Theme } from '../../theme';
import { gridKeyboard } from '../../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
// Rows grow to show wrapped explanations whole (autoHeight).
ModuleRegistry.registerModules([ClientSideRowModelModule, TooltipModule, RowAutoHeightModule]);

const themeClass = (theme: Theme) => (theme === 'dark' ? 'ag-theme-quartz-dark' : 'ag-theme-quartz');

interface PreviewRow {
  row: number;
  cells: string[];
}

/** The first rows of the file as they will be read: the row numbers are the file's own. */
export function PreviewGrid({
  header,
  questions,
  rows,
  firstRow,
  theme,
}: {
  header: string[];
  questions: string[];
  rows: string[][];
  firstRow: number;
  theme: Theme;
}) {
  const columns = useMemo<ColDef<PreviewRow>[]>(
    () => [
      { headerName: 'Row', field: 'row', width: 80, pinned: 'left' },
      ...header.map((heading, index): ColDef<PreviewRow> => ({
        colId: `c${index}`,
        headerName: heading || `Column ${index + 1}`,
        headerTooltip: questions[index] && questions[index] !== heading ? questions[index] : undefined,
        valueGetter: ({ data }) => data?.cells[index] ?? '',
        tooltipValueGetter: ({ value }) => String(value ?? ''),
        minWidth: 120,
        flex: 1,
      })),
    ],
    [header, questions],
  );
  const data = useMemo(() => rows.map((cells, i) => ({ row: firstRow + i, cells })), [rows, firstRow]);
  return (
    <div className={`import-grid ${themeClass(theme)}`} role="region" aria-label="The file’s first rows">
      <AgGridReact<PreviewRow>
        {...gridKeyboard}
        theme="legacy"
        rowData={data}
        columnDefs={columns}
        getRowId={({ data: row }) => String(row.row)}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
        overlayNoRowsTemplate="The file has headings but no rows of data."
      />
    </div>
  );
}

const problemColumns: ColDef<ImportProblemReport>[] = [
  {
    field: 'row',
    headerName: 'Row',
    width: 80,
    valueFormatter: ({ value }) => (value === null ? '—' : String(value)),
  },
  {
    field: 'column',
    headerName: 'Column',
    width: 180,
    tooltipField: 'column',
    wrapText: true,
    autoHeight: true,
  },
  {
    field: 'value',
    headerName: 'Value found',
    width: 160,
    tooltipField: 'value',
    wrapText: true,
    autoHeight: true,
  },
  // The explanations are read whole: they wrap, and the row grows to hold them.
  { field: 'expected', headerName: 'Expected', width: 220, wrapText: true, autoHeight: true },
  { field: 'message', headerName: 'What is wrong', flex: 1, minWidth: 260, wrapText: true, autoHeight: true },
];

/** Every problem the check found, by row and column. */
export function ProblemsGrid({ problems, theme }: { problems: ImportProblemReport[]; theme: Theme }) {
  // In file order: the engine lists a row's checks before the problems found when it is written.
  const inRowOrder = useMemo(() => [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), [problems]);
  return (
    <div className={`import-grid ${themeClass(theme)}`} role="region" aria-label="Problems found">
      <AgGridReact<ImportProblemReport>
        {...gridKeyboard}
        theme="legacy"
        rowData={inRowOrder}
        columnDefs={problemColumns}
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
        overlayNoRowsTemplate="No problems."
      />
    </div>
  );
}
