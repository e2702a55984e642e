import { useQuery } from '@tanstack/react-query';
import {
  CellStyleModule,
  DateFilterModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  PaginationModule,
  TextFilterModule,
  type ColDef,
  type IDatasource,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useMemo, useState } from 'react';
import type { DataTableInfo, DataValue } from '../../../shared/data';
import { call, messageOf } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import type { Theme } from '../../theme';
import { ColumnChooser } from './ColumnChooser';
import { columnMinWidth, shownValue } from './gridColumns';
import { ImportList } from './ImportRemoval';
import { FILTER_OPTIONS, toFilters, toSort, type GridFilterModel } from './gridQuery';
import './dataBrowser.css';
import { gridKeyboard } from '../../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
ModuleRegistry.registerModules([
  CellStyleModule,
  InfiniteRowModelModule,
  PaginationModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
]);

/** Rows the grid asks the engine for at a time: one page of the grid is one call. */
export const DATA_PAGE_SIZE = 100;

type Row = Record<string, DataValue>;

const FILTERS = { text: 'agTextColumnFilter', number: 'agNumberColumnFilter', date: 'agDateColumnFilter' };

/**
 * The data browser: a table picker with each table's row count, and the chosen table in a grid that pages,
 * sorts and filters in the engine (the infinite row model asks data.rows for one page at a time), with a
 * column chooser to show or hide its columns.
 */
export function DataBrowser({ theme }: { theme: Theme }) {
  useDocumentTitle('Data');
  const tables = useQuery({ queryKey: ['data.tables'], queryFn: () => call('data.tables', {}) });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = tables.data?.tables ?? [];
  const table = list.find((candidate) => candidate.name === chosen) ?? list[0];

  return (
    <section className="area" aria-labelledby="data-heading">
      <ScreenHeading id="data-heading">Data</ScreenHeading>
      <p className="lead">
        Everything this project holds, table by table. People appear by pseudonym only; their names, e-mails
        and ids are never stored.
      </p>
      <ErrorMessage error={tables.error} />
      {tables.isPending ? <p role="status">Loading the tables…</p> : null}
      <div className="data-layout">
        <nav className="data-tables" aria-label="Tables">
          <ul>
            {list.map((each) => (
              <li key={each.name}>
                <button
                  type="button"
                  className="secondary data-table-button"
                  aria-pressed={each.name === table?.name}
                  onClick={() => setChosen(each.name)}
                >
                  {/* Named by what it shows (a voice-control user says it): "Participants 29 rows". */}
                  <span>{each.label} </span>
                  <span className="data-count">
                    {each.rowCount.toLocaleString()}
                    <span className="visually-hidden">{each.rowCount === 1 ? ' row' : ' rows'}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {table ? (
          <div>
            {/* A new row count (an import taken back) shows the table afresh. */}
            <TableGrid key={`${table.name}:${table.rowCount}`} table={table} theme={theme} />
            {table.name === 'imports' ? <ImportList /> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function TableGrid({ table, theme }: { table: DataTableInfo; theme: Theme }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [matching, setMatching] = useState<{ total: number; filtered: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const columnDefs = useMemo<ColDef<Row>[]>(
    () =>
      table.columns.map((column) => ({
        field: column.name,
        colId: column.name,
        headerName: column.label,
        hide: hidden.has(column.name),
        filter: FILTERS[column.type],
        filterParams: { filterOptions: FILTER_OPTIONS[column.type], maxNumConditions: 1 },
        type: column.type === 'number' ? 'rightAligned' : undefined,
        minWidth: columnMinWidth(column),
        valueFormatter: ({ value }) => shownValue(value as DataValue | undefined, column),
      })),
    [table, hidden],
  );

  // A new datasource resets the grid, so it is made once per table; sort and filter changes reach getRows.
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const filters = toFilters(params.filterModel as Record<string, GridFilterModel>);
        call('data.rows', {
          table: table.name,
          offset: params.startRow,
          limit: Math.min(params.endRow - params.startRow, DATA_PAGE_SIZE),
          sort: toSort(params.sortModel),
          filters,
        })
          .then((page) => {
            setFailure(null);
            setMatching({ total: page.total, filtered: filters.length > 0 });
            params.successCallback(page.rows, page.total);
          })
          .catch((error: unknown) => {
            setFailure(messageOf(error));
            params.failCallback();
          });
      },
    }),
    [table.name],
  );

  return (
    <div className="data-table">
      <h2 className="data-table-heading">{table.label}</h2>
      <p className="data-description">{table.description}</p>
      <div className="data-toolbar">
        <span role="status" aria-live="polite">
          {matching === null
            ? 'Loading…'
            : matching.filtered
              ? `${matching.total.toLocaleString()} of ${table.rowCount.toLocaleString()} rows match the filters`
              : `${matching.total.toLocaleString()} rows`}
        </span>
        <ColumnChooser
          columns={table.columns}
          hidden={hidden}
          onChange={(name, visible) => {
            const next = new Set(hidden);
            if (visible) next.delete(name);
            else next.add(name);
            setHidden(next);
          }}
        />
      </div>
      {failure ? (
        <p role="alert" className="error-message">
          {failure}
        </p>
      ) : null}
      <div
        className={`data-grid ${theme === 'dark' ? 'ag-theme-quartz-dark' : 'ag-theme-quartz'}`}
        role="region"
        aria-label={`${table.label} rows`}
      >
        <AgGridReact<Row>
          {...gridKeyboard}
          theme="legacy"
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          defaultColDef={{
            sortable: true,
            resizable: true,
            floatingFilter: true,
            flex: 1,
            wrapHeaderText: true,
            autoHeaderHeight: true,
          }}
          cacheBlockSize={DATA_PAGE_SIZE}
          pagination
          paginationPageSize={DATA_PAGE_SIZE}
          paginationPageSizeSelector={false}
          maxBlocksInCache={10}
          overlayNoRowsTemplate="No rows."
        />
      </div>
    </div>
  );
}
