import { useQuery } from '@tanstack/react-query';
import { ClientSideRowModelModule, ModuleRegistry, TooltipModule, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useState } from 'react';
import type { AuditEntry } from '../../shared/project';
import { call } from '../api';
import { describeAuditAction, describeAuditDetail } from '../auditWords';
import { ErrorMessage } from '../components/ErrorMessage';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatWhen, pageSummary } from '../format';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { Theme } from '../theme';
import { gridKeyboard } from '../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
ModuleRegistry.registerModules([ClientSideRowModelModule, TooltipModule]);

export const AUDIT_PAGE_SIZE = 50;

const columns: ColDef<AuditEntry>[] = [
  { field: 'at', headerName: 'When', valueFormatter: ({ value }) => formatWhen(String(value)), width: 190 },
  {
    field: 'action',
    headerName: 'What happened',
    flex: 1,
    minWidth: 200,
    valueFormatter: ({ value }) => describeAuditAction(String(value)),
  },
  { field: 'objectType', headerName: 'To what', width: 130 },
  { field: 'objectId', headerName: 'Which', width: 130 },
  { field: 'actor', headerName: 'Through', width: 120 },
  {
    field: 'detail',
    headerName: 'Details',
    flex: 1,
    minWidth: 160,
    valueFormatter: ({ value }) => describeAuditDetail(value as string | null),
    tooltipValueGetter: ({ value }) => describeAuditDetail(value as string | null),
  },
];

/** The project's audit log, newest first as the engine pages it, one page at a time. */
export function AuditLog({ theme }: { theme: Theme }) {
  useDocumentTitle('Audit log');
  const [offset, setOffset] = useState(0);
  const page = useQuery({
    queryKey: ['project.audit', offset],
    queryFn: () => call('project.audit', { offset, limit: AUDIT_PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const total = page.data?.total ?? 0;
  const entries = page.data?.entries ?? [];

  return (
    <section className="area" aria-labelledby="audit-heading">
      <ScreenHeading id="audit-heading">Audit log</ScreenHeading>
      <p className="lead">Every change that matters in this project: what happened, when, and to what.</p>
      <ErrorMessage error={page.error} />
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
          overlayNoRowsTemplate="No entries yet."
        />
      </div>
    </section>
  );
}
