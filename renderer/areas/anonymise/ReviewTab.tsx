import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  type ColDef,
  type ICellRendererParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentUnderReview, RedactionOperators, RescanResult } from '../../../shared/redaction';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatWhen } from '../../format';
import type { Theme } from '../../theme';
import { DocumentReview } from './DocumentReview';
import { documentKindLabels, entityLabels } from './entityWords';
import { gridKeyboard } from '../../components/gridKeyboard';

// The grid's own stylesheets are bundled (theme: 'legacy'), because the app's CSP lets no script add <style>.
ModuleRegistry.registerModules([CellStyleModule, ClientSideRowModelModule]);

/** Every query of the review: they are refreshed together after any change. */
export const REVIEW_QUERY_KEY = ['anonymize.review'] as const;

/**
 * The Review tab: the documents that arrived with what the scan found in them, and one document's review. The
 * operators chosen for each kind stay for the next document.
 */
export function ReviewTab({ theme }: { theme: Theme }) {
  const [open, setOpen] = useState<number | null>(null);
  // The document last reviewed: back in the list, focus returns to its row.
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const [operators, setOperators] = useState<RedactionOperators>({});
  if (open !== null) {
    return (
      <DocumentReview
        documentId={open}
        operators={operators}
        onOperators={setOperators}
        onBack={() => {
          setReturnTo(open);
          setOpen(null);
        }}
      />
    );
  }
  return <DocumentList onOpen={setOpen} returnTo={returnTo} theme={theme} />;
}

function reviewWords(document: DocumentUnderReview): string {
  if (document.review === 'applied') {
    return document.reviewedAt ? `Applied ${formatWhen(document.reviewedAt)}` : 'Applied';
  }
  return document.counts.pending > 0 ? 'Awaiting review' : 'Ready to apply';
}

function foundWords(document: DocumentUnderReview): string {
  return document.entities
    .map((e) => `${entityLabels[e.entity]} ${e.pending + e.accepted + e.rejected}`)
    .join(', ');
}

function rescanWords(result: RescanResult): string {
  if (result.documents === 0) return 'No document is awaiting review.';
  return (
    `Scanned ${result.documents} document${result.documents === 1 ? '' : 's'} again: ${result.findings} findings, ` +
    `${result.keptDecisions} earlier decisions kept, ${result.keptAdded} marked by you kept.`
  );
}

function DocumentList({
  onOpen,
  returnTo,
  theme,
}: {
  onOpen: (id: number) => void;
  returnTo: number | null;
  theme: Theme;
}) {
  const queryClient = useQueryClient();
  const documents = useQuery({
    queryKey: [...REVIEW_QUERY_KEY, 'documents'],
    queryFn: () => call('anonymize.documents', {}),
  });
  const rescan = useMutation({
    mutationFn: () => call('anonymize.rescan', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REVIEW_QUERY_KEY }),
  });
  const list = documents.data?.documents ?? [];
  // Focus goes back to the row of the document just reviewed, once, as soon as the grid has drawn it.
  const gridBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (returnTo === null) return;
    let frames = 0;
    let request = 0;
    const focusRow = () => {
      const cell = gridBox.current?.querySelector<HTMLElement>(
        `.ag-row[row-id="${returnTo}"] .ag-cell[col-id="title"]`,
      );
      if (cell) cell.focus();
      else if ((frames += 1) < 60) request = requestAnimationFrame(focusRow);
    };
    focusRow();
    return () => cancelAnimationFrame(request);
  }, [returnTo]);
  const awaiting = list.filter((d) => d.review === 'awaiting').length;

  const columns = useMemo<ColDef<DocumentUnderReview>[]>(
    () => [
      {
        field: 'title',
        headerName: 'Document',
        flex: 2,
        minWidth: 200,
        cellRenderer: ({ data }: ICellRendererParams<DocumentUnderReview>) =>
          data ? (
            <button type="button" className="link-button" onClick={() => onOpen(data.id)}>
              {data.title}
            </button>
          ) : null,
      },
      {
        colId: 'kind',
        headerName: 'Kind',
        valueGetter: ({ data }) => (data ? documentKindLabels[data.kind] : ''),
      },
      {
        colId: 'review',
        headerName: 'Review',
        minWidth: 170,
        valueGetter: ({ data }) => (data ? reviewWords(data) : ''),
      },
      {
        colId: 'pending',
        headerName: 'Undecided',
        type: 'rightAligned',
        width: 120,
        valueGetter: ({ data }) => data?.counts.pending,
      },
      {
        colId: 'accepted',
        headerName: 'Accepted',
        type: 'rightAligned',
        width: 120,
        valueGetter: ({ data }) => data?.counts.accepted,
      },
      {
        colId: 'rejected',
        headerName: 'Rejected',
        type: 'rightAligned',
        width: 120,
        valueGetter: ({ data }) => data?.counts.rejected,
      },
      {
        colId: 'found',
        headerName: 'Found',
        flex: 2,
        minWidth: 200,
        valueGetter: ({ data }) => (data ? foundWords(data) : ''),
      },
    ],
    [onOpen],
  );

  return (
    <div className="review-documents">
      <div className="actions">
        <span role="status" aria-live="polite">
          {documents.isPending
            ? 'Loading the documents…'
            : `${list.length} document${list.length === 1 ? '' : 's'}, ${awaiting} awaiting review`}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => rescan.mutate()}
          disabled={rescan.isPending || awaiting === 0}
        >
          Scan again with the current settings
        </button>
      </div>
      {rescan.data ? (
        <p className="notice" role="status">
          {rescanWords(rescan.data)}
        </p>
      ) : null}
      <ErrorMessage error={documents.error ?? rescan.error} />
      <div
        ref={gridBox}
        className={`review-documents-grid ${theme === 'dark' ? 'ag-theme-quartz-dark' : 'ag-theme-quartz'}`}
        role="region"
        aria-label="Documents"
      >
        <AgGridReact<DocumentUnderReview>
          {...gridKeyboard}
          theme="legacy"
          rowData={list}
          columnDefs={columns}
          getRowId={({ data }) => String(data.id)}
          defaultColDef={{ sortable: true, resizable: true, suppressMovable: true, minWidth: 110, flex: 1 }}
          onCellKeyDown={({ event, data }) => {
            if (data && event instanceof KeyboardEvent && event.key === 'Enter') onOpen(data.id);
          }}
          overlayNoRowsTemplate="No documents yet. Transcripts, journals and notes you import wait here for review."
        />
      </div>
    </div>
  );
}
