import { useQuery } from '@tanstack/react-query';
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
import { useState } from 'react';
import type { AuditEntry } from '../../shared/project';
import { call } from '../api';
import {
  auditActionsMatching,
  auditCategories,
  describeAuditDetail,
  describeAuditEntry,
  type AuditCategory,
} from '../auditWords';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatWhen, pageSummary } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { Theme } from '../theme';
import { gridKeyboard } from '../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
// Rows grow to show wrapped explanations whole (autoHeight).
ModuleRegistry.registerModules([ClientSideRowModelModule, TooltipModule, RowAutoHeightModule]);

export const AUDIT_PAGE_SIZE = 50;

const columns: ColDef<AuditEntry>[] = [
  { field: 'at', headerName: 'When', valueFormatter: ({ value }) => formatWhen(String(value)), width: 190 },
  {
    colId: 'what',
    headerName: 'What happened',
    flex: 2,
    minWidth: 240,
    valueGetter: ({ data }) => (data ? describeAuditEntry(data) : ''),
    tooltipValueGetter: ({ value }) => String(value ?? ''),
    wrapText: true,
    autoHeight: true,
  },
  {
    field: 'actor',
    headerName: 'Through',
    width: 130,
    valueFormatter: ({ value }) =>
      value === 'cli' ? 'Command line' : value === 'app' ? 'The app' : String(value),
  },
  {
    field: 'detail',
    headerName: 'Details',
    flex: 1,
    minWidth: 160,
    wrapText: true,
    autoHeight: true,
    valueFormatter: ({ value }) => describeAuditDetail(value as string | null),
    tooltipValueGetter: ({ value }) => describeAuditDetail(value as string | null),
  },
];

/** The project's audit log, newest first as the engine pages it, one page at a time. */
export function AuditLog({ theme }: { theme: Theme }) {
  useDocumentTitle('Audit log');
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<AuditCategory>('all');
  const actions = auditActionsMatching(search, category);
  const page = useQuery({
    queryKey: ['project.audit', offset, actions],
    queryFn: () => call('project.audit', { offset, limit: AUDIT_PAGE_SIZE, ...(actions ? { actions } : {}) }),
    placeholderData: (previous) => previous,
  });
  const total = page.data?.total ?? 0;
  const entries = page.data?.entries ?? [];

  return (
    <section className="area" aria-labelledby="audit-heading">
      <ScreenHeading id="audit-heading">Audit log</ScreenHeading>
      <p className="lead">Every change that matters in this project: what happened, when, and to what.</p>
      <ErrorMessage error={page.error} />
      <div className="audit-filters" role="search" aria-label="Narrow the audit log">
        <div className="field">
          <label htmlFor="audit-search">Search what happened</label>
          <input
            id="audit-search"
            type="search"
            value={search}
            placeholder="e.g. imported, passphrase, vault"
            onChange={(event) => {
              setSearch(event.target.value);
              setOffset(0);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-category">Show</label>
          <select
            id="audit-category"
            value={category}
            onChange={(event) => {
              setCategory(event.target.value as AuditCategory);
              setOffset(0);
            }}
          >
            {auditCategories.map((each) => (
              <option key={each.id} value={each.id}>
                {each.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="pager">
        <button
          type="button"
          className="secondary"
          onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}
          disabled={offset === 0 || page.isFetching}
        >
          Previous page
        </button>
        <span role="status" aria-live="polite">
          {page.isPending ? 'Loading…' : pageSummary(offset, entries.length, total)}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}
          disabled={offset + AUDIT_PAGE_SIZE >= total || page.isFetching}
        >
          Next page
        </button>
      </div>
      <div
        className={`audit-grid ${theme === 'dark' ? 'ag-theme-quartz-dark' : 'ag-theme-quartz'}`}
        aria-label="Audit log entries"
        role="region"
      >
        <AgGridReact<AuditEntry>
          {...gridKeyboard}
          theme="legacy"
          rowData={entries}
          columnDefs={columns}
          getRowId={({ data }) => String(data.id)}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
          overlayNoRowsTemplate={actions ? 'No entries match.' : 'No entries yet.'}
        />
      </div>
    </section>
  );
}
